// chapters/<id>/dues/<year>.yaml: the year's dues receipts.
import { z } from 'zod';
import { CalendarDate, Currency, Id, Month, Text } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

export const ReceiptSchema = amountInCurrency(
  z.strictObject({
    date: CalendarDate,
    member: Id,
    amount: Amount,
    currency: Currency,
    period: Month.optional(),
    notes: Text.optional(),
  }).superRefine(amountFitsCurrency),
);

export const LedgerSchema = z.array(ReceiptSchema, {
  error: 'expected a list of receipts (each starting with "- date: …")',
});
export type Receipt = z.infer<typeof ReceiptSchema>;
