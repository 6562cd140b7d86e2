// Sums of money per currency, in minor units, and their value in the reporting currency:
// each currency's total is converted once and rounded half away from zero (money.ts).
import { convertTotals, minorToNumber } from '../money.js';
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
