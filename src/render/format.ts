// Number formats shared by the renderers: counts with separators, shares as percentages,
// money with its currency, targets as ≥ / ≤.
import type { Target } from '../core/goals.js';
import type { Unit } from '../core/metrics/metric.js';
import { thousands } from '../core/thousands.js';

/** 1234567 → "1,234,567". */
export const count = thousands;

export function value(n: number, unit: Unit, currency: string): string {
  if (unit === 'share') return `${(n * 100).toFixed(1).replace(/\.0$/, '')}%`;
  if (unit === 'money') return `${currency} ${twoPlaces(n)}`;
  return count(n);
}

/**
 * `n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })`, written
 * out: the number's shortest decimal form rounded half away from zero, as ICU rounds it, with
 * separators; without loading ICU's number data (10 ms of a run that prints one amount).
 */
export function twoPlaces(n: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(n));
  if (!m) return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const frac = m[3] ?? '';
  const cents = BigInt(`${m[2]}${`${frac}00`.slice(0, 2)}`) + (frac[2] !== undefined && frac[2] >= '5' ? 1n : 0n);
  const sign = m[1] || Object.is(n, -0) ? '-' : '';
  return `${sign}${count(Number(cents / 100n))}.${(cents % 100n).toString().padStart(2, '0')}`;
}

export function target(t: Target, unit: Unit, currency: string): string {
  if (t.min !== undefined && t.max !== undefined) return `${value(t.min, unit, currency)} to ${value(t.max, unit, currency)}`;
  if (t.min !== undefined) return `≥ ${value(t.min, unit, currency)}`;
  return `≤ ${value(t.max!, unit, currency)}`;
}

/** Progress toward a minimum, as a bar of `width` cells. */
export function bar(current: number, t: Target, width = 10): string {
  const goal = t.min ?? t.max ?? 1;
  const ratio = goal > 0 ? Math.max(0, Math.min(1, current / goal)) : 1;
  const full = Math.round(ratio * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
