// Amounts in files: positive, and with no more decimals than the currency's minor unit.
import { z } from 'zod';
import { currencyCodes, describe } from './common.js';
import { minorDigits, toMinor } from '../money.js';

export const MAX_AMOUNT = 1_000_000_000;

export const Amount = z
  .number({ error: (iss) => `expected an amount such as 20 or 12.50, found ${describe(iss.input)}` })
  .positive({ error: 'must be more than 0' })
  .max(MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT}` });

/** Refinement for objects with `amount` and `currency`: the amount fits the currency's minor unit. */
export function amountFitsCurrency(v: { amount: number; currency: string }, ctx: z.RefinementCtx): void {
  if (toMinor(v.amount, v.currency) === undefined) {
    const digits = minorDigits(v.currency);
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      input: v.amount,
      message: `${v.amount} has more decimals than ${v.currency} allows (${digits === 0 ? 'no decimals' : `at most ${digits}`})`,
    });
  }
}

/**
 * Objects with `amount` next to `currency` (checked by amountFitsCurrency): jsonSchema.ts adds
 * amountDecimalsJson() to theirs. Built only when JSON Schemas are written, not on every run,
 * because it asks ICU for every currency's minor unit.
 */
export const AMOUNT_IN_CURRENCY = new WeakSet<object>();
export function amountInCurrency<T extends z.ZodType>(schema: T): T {
  AMOUNT_IN_CURRENCY.add(schema);
  return schema;
}

/**
 * amountFitsCurrency for JSON Schema, which cannot compute a currency's minor unit: one
 * `if`/`then` per class of currencies (no decimals, 2, 3, …), listing the class's codes, with
 * `amount` a `multipleOf` its minor unit.
 */
export function amountDecimalsJson(): Record<string, unknown>[] {
  const classes = new Map<number, string[]>();
  for (const c of currencyCodes()) classes.set(minorDigits(c), [...(classes.get(minorDigits(c)) ?? []), c]);
  return [...classes]
    .sort(([a], [b]) => a - b)
    .map(([digits, codes]) => ({
      if: { properties: { currency: { enum: codes } }, required: ['currency'] },
      then: { properties: { amount: { multipleOf: digits === 0 ? 1 : Number(`1e-${digits}`) } } },
    }));
}
