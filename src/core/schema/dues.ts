// chapters/<id>/dues/<year>.yaml: the year's dues receipts.
import { z } from 'zod';
import { CalendarDate, Currency, Id, Month, Text } from './common.js';
import { Amount, amountDecimalsJson, amountFitsCurrency } from './money.js';

export const ReceiptSchema = z
  .strictObject({
    date: CalendarDate,
    member: Id,
    amount: Amount,
    currency: Currency,
    period: Month.optional(),
    notes: Text.optional(),
  })
  .superRefine(amountFitsCurrency)
  .meta({ allOf: amountDecimalsJson() });

export const LedgerSchema = z.array(ReceiptSchema, {
  error: 'expected a list of receipts (each starting with "- date: …")',
});
export type Receipt = z.infer<typeof ReceiptSchema>;
