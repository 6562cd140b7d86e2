// chapters/<id>/dues/<year>.yaml: the year's dues receipts.
import { z } from 'zod';
import { CalendarDate, Currency, Id, Month, Text, isCurrency } from './common.js';
import { Amount, MAX_AMOUNT, amountFitsCurrency, amountInCurrency } from './money.js';
import { isCalendarDate, isMonth } from '../dates.js';
import { toMinor } from '../money.js';
import { ID_PATTERN } from '../paths.js';

// eslint-disable-next-line no-control-regex
const REFERENCE = /^[^\u0000-\u001f\u007f]{1,140}$/;

/** The bank's reference of the payment, as the statement shows it: one line, at most 140 characters. */
export const BankReference = z
  .string({ error: 'expected the bank reference as text' })
  .regex(REFERENCE, { error: 'a bank reference is one line of at most 140 characters, as the bank statement shows it' });

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

const RECEIPT_KEYS = new Set(['date', 'member', 'amount', 'currency', 'period', 'reference', 'notes']);
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_SHAPE = /^\d{4}-\d{2}$/;
const CURRENCY_SHAPE = /^[A-Z]{3}$/;

/**
 * LedgerSchema's result, when every receipt passes every one of its checks: a plain map of its
 * keys only, each value of its type and valid, the amount in the currency's minor units; otherwise
 * undefined, and zod decides and says why. The same checks without zod's general machinery,
 * which was a third of parsing a ledger (thousands of receipts) on a cold load; the result is
 * built as zod builds it (new maps, keys in the schema's order). tests/loader/fastLedger.test.ts
 * compares the two on every kind of receipt.
 */
export function plainLedger(value: unknown): Receipt[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const fits = new Map<string, boolean>(); // a ledger repeats a few amounts many times
  const out: Receipt[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const r = value[i] as Record<string, unknown>;
    if (r === null || typeof r !== 'object' || Object.getPrototypeOf(r) !== Object.prototype) return undefined;
    for (const k of Object.keys(r)) if (!RECEIPT_KEYS.has(k)) return undefined;
    const { date, member, amount, currency, period, reference, notes } = r;
    if (typeof date !== 'string' || !DATE_SHAPE.test(date) || !isCalendarDate(date)) return undefined;
    if (typeof member !== 'string' || !ID_PATTERN.test(member)) return undefined;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) return undefined;
    if (typeof currency !== 'string' || !CURRENCY_SHAPE.test(currency) || !isCurrency(currency)) return undefined;
    const key = `${amount} ${currency}`;
    let fit = fits.get(key);
    if (fit === undefined) fits.set(key, (fit = toMinor(amount, currency) !== undefined));
    if (!fit) return undefined;
    const receipt: Receipt = { date, member, amount, currency };
    if ('period' in r) {
      if (typeof period !== 'string' || !MONTH_SHAPE.test(period) || !isMonth(period)) return undefined;
      receipt.period = period;
    }
    if ('reference' in r) {
      if (typeof reference !== 'string' || !REFERENCE.test(reference)) return undefined;
      receipt.reference = reference;
    }
    if ('notes' in r) {
      if (typeof notes !== 'string') return undefined;
      receipt.notes = notes;
    }
    out[i] = receipt;
  }
  return out;
}
