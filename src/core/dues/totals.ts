// Sums of money per currency, in minor units, and their value in the reporting currency:
// each currency's total is converted once and rounded half away from zero (money.ts).
import { convertTotals, divRound, exactMinor, minorToNumber } from '../money.js';
import type { Settings } from '../schema/settings.js';

/** Currency → minor units. */
export type CurrencyTotals = Map<string, number>;

export function addAmount(totals: CurrencyTotals, currency: string, minor: number): void {
  totals.set(currency, (totals.get(currency) ?? 0) + minor);
}

export function mergeTotals(into: CurrencyTotals, from: ReadonlyMap<string, number>): void {
  for (const [currency, minor] of from) addAmount(into, currency, minor);
}

/** The totals in the reporting currency's minor units. */
export const inReportingCurrency = (totals: ReadonlyMap<string, number>, settings: Pick<Settings, 'currency' | 'rates'>): number =>
  convertTotals(totals, settings);

/** `{ EUR: 12.5, GBP: 1234 }`, currencies in alphabetical order, for JSON. */
export function totalsJson(totals: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...totals.keys()].sort().map((c) => [c, minorToNumber(totals.get(c)!, c)]));
}

export const currenciesOf = (totals: ReadonlyMap<string, number>): string[] => [...totals.keys()].sort();

/** An exact amount in the reporting currency's minor units: num / den, den > 0. */
export interface Exact {
  num: bigint;
  den: bigint;
}

const ZERO: Exact = { num: 0n, den: 1n };
const add = (a: Exact, b: Exact): Exact => (a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den });

/** The exact value of per-currency totals in the reporting currency (no rounding yet). */
export function exactValue(totals: ReadonlyMap<string, number>, settings: Pick<Settings, 'currency' | 'rates'>): Exact {
  let sum = ZERO;
  for (const [currency, minor] of totals) sum = add(sum, exactMinor(minor, currency, settings));
  return sum;
}

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/**
 * Rows that add up to their total (the largest remainder method): the total is the exact sum
 * rounded once, half away from zero; each row is its exact value rounded down, and the cents
 * the total still needs go one each to the rows with the largest remainders (the first such row
 * on a tie). Every row is then within one cent of its exact value, and the column adds up.
 */
export function apportion(values: readonly Exact[]): { rows: number[]; total: number } {
  const sum = values.reduce(add, ZERO);
  const total = divRound(sum.num, sum.den);
  const floors = values.map((v) => floorDiv(v.num, v.den));
  let missing = total - floors.reduce((a, b) => a + b, 0n);
  const order = values
    .map((v, i) => ({ i, rem: { num: v.num - floors[i]! * v.den, den: v.den } }))
    .filter((r) => r.rem.num > 0n)
    .sort((a, b) => {
      const d = b.rem.num * a.rem.den - a.rem.num * b.rem.den;
      return d > 0n ? 1 : d < 0n ? -1 : a.i - b.i;
    });
  const rows = floors.map(Number);
  for (const { i } of order) {
    if (missing <= 0n) break;
    rows[i]!++;
    missing--;
  }
  return { rows, total: Number(total) };
}
