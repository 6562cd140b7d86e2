// chapters/<id>/dues/<year>.yaml: the year's dues receipts.
import { z } from 'zod';
import { CalendarDate, Currency, Id, Month, Text } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

/** The bank's reference of the payment, as the statement shows it: one line, at most 140 characters. */
export const BankReference = z
  .string({ error: 'expected the bank reference as text' })
  .regex(/^[^\u0000-\u001f\u007f]{1,140}$/, { error: 'a bank reference is one line of at most 140 characters, as the bank statement shows it' });

export const ReceiptSchema = amountInCurrency(
  z.strictObject({
    date: CalendarDate,
    member: Id,
    amount: Amount,
    currency: Currency,
    period: Month.optional(),
    reference: BankReference.optional(),
    notes: Text.optional(),
  }).superRefine(amountFitsCurrency),
);

export const LedgerSchema = z.array(ReceiptSchema, {
  error: 'expected a list of receipts (each starting with "- date: …")',
});
export type Receipt = z.infer<typeof ReceiptSchema>;
