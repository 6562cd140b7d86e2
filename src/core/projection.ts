// Projection to the deadline. The metric is evaluated at the end of each of the last six
// calendar months (the as-of date standing in for the end of its own month), a straight
// line is fitted through those points by ordinary least squares (x = calendar day,
// y = value), and the line is read at the deadline. A line has no floor, but a metric does:
// no count or sum of money falls below 0 and no share leaves 0–1, so the line is read
// clamped to the metric's range. `reaches_target_on` is the first day the clamped line meets
// the target; null when it never gets there. A goal already met is on track, and reaches its
// target on the as-of date. See docs/projection.md.
import { addMonths, fromDay, lastDayOfMonth, monthOf, toDay } from './dates.js';
import { type Target, meets } from './goals.js';
import type { Unit } from './metrics/metric.js';

export interface Point {
  date: string;
  value: number;
}

export interface Projection {
  at_deadline: number;
  on_track: boolean;
  reaches_target_on: string | null;
}

export const PROJECTION_MONTHS = 6;

/** The dates at which to sample a metric: ends of the `months` months up to A, A itself last. */
export function sampleDates(asOf: string, months = PROJECTION_MONTHS): string[] {
  const out: string[] = [];
  for (let i = months - 1; i >= 1; i--) out.push(lastDayOfMonth(addMonths(monthOf(asOf), -i)));
  out.push(asOf);
  return out;
}

export interface Line {
  slope: number;
  intercept: number;
}

/** Least-squares line through the points, x in days since 1970-01-01. */
export function fitLine(points: readonly Point[]): Line {
  const xs = points.map((p) => toDay(p.date));
  const n = points.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.value, 0) / n;
  let sxy = 0, sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i]! - mx) * (p.value - my);
    sxx += (xs[i]! - mx) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export const valueOn = (line: Line, date: string): number => line.intercept + line.slope * toDay(date);

/** The values a metric can take: every metric in the catalogue is non-negative, shares are fractions. */
export interface Range {
  lowest: number;
  highest: number;
}

export const UNBOUNDED: Range = { lowest: -Infinity, highest: Infinity };

export function rangeOf(unit: Unit): Range {
  return unit === 'share' ? { lowest: 0, highest: 1 } : { lowest: 0, highest: Infinity };
}

export const clamp = (n: number, range: Range): number => Math.min(range.highest, Math.max(range.lowest, n));

/**
 * The first day on or after `from` when the line, clamped to `range`, meets the target, or
 * null if it never does. Clamping moves no crossing of a bound inside the range (the line
 * and its clamped reading agree there); a bound outside the range is never reached (a share
 * of 1.2, a count of −1), and one at or beyond the range's far end is met everywhere (a
 * count of at least 0). So a falling count that clamps at 0 never reaches a minimum above 0.
 */
export function crossing(line: Line, target: Target, from: string, range: Range = UNBOUNDED): string | null {
  const start = toDay(from);
  let day = start;
  if ((target.min ?? -Infinity) > range.highest || (target.max ?? Infinity) < range.lowest) return null;
  for (const [bound, rising] of [[target.min, true], [target.max, false]] as const) {
    if (bound === undefined || (rising ? bound <= range.lowest : bound >= range.highest)) continue;
    const at = (d: number) => line.intercept + line.slope * d;
    if (rising ? at(day) >= bound : at(day) <= bound) continue;
    if (rising ? line.slope <= 0 : line.slope >= 0) return null;
    day = Math.max(day, Math.ceil((bound - line.intercept) / line.slope));
  }
  // ceil() lands on or past the bound; the tolerance absorbs floating-point noise at it
  const value = Math.round(clamp(line.intercept + line.slope * day, range) * 1e9) / 1e9;
  return meets(value, target) ? fromDay(day) : null;
}

export function project(
  series: readonly Point[],
  target: Target,
  deadline: string,
  metNow: boolean,
  round: (n: number) => number,
  range: Range = UNBOUNDED,
): Projection {
  const line = fitLine(series);
  const asOf = series[series.length - 1]!.date;
  const at_deadline = round(clamp(asOf >= deadline ? series[series.length - 1]!.value : valueOn(line, deadline), range));
  if (metNow) return { at_deadline, on_track: true, reaches_target_on: asOf };
  return { at_deadline, on_track: meets(at_deadline, target), reaches_target_on: crossing(line, target, fromDay(toDay(asOf) + 1), range) };
}
