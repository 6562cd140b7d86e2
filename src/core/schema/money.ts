// Amounts in files: positive, and with no more decimals than the currency's minor unit.
import { z } from 'zod';
import { describe } from './common.js';
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
