// Projection to the deadline. The metric is evaluated at the end of each of the last six
// calendar months (the as-of date standing in for the end of its own month), a straight
// line is fitted through those points by ordinary least squares (x = calendar day,
// y = value), and the line is read at the deadline. `reaches_target_on` is the first day
// the line meets the target; null when the line never gets there. A goal already met is on
// track, and reaches its target on the as-of date. See docs/projection.md.
import { addMonths, fromDay, lastDayOfMonth, monthOf, toDay } from './dates.js';
import { type Target, meets } from './goals.js';

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

/** The first day on or after `from` when the line meets the target, or null if it never does. */
export function crossing(line: Line, target: Target, from: string): string | null {
  const start = toDay(from);
  let day = start;
  for (const [bound, rising] of [[target.min, true], [target.max, false]] as const) {
    if (bound === undefined) continue;
    const at = (d: number) => line.intercept + line.slope * d;
    if (rising ? at(day) >= bound : at(day) <= bound) continue;
    if (rising ? line.slope <= 0 : line.slope >= 0) return null;
    day = Math.max(day, Math.ceil((bound - line.intercept) / line.slope));
  }
  // ceil() lands on or past the bound; the tolerance absorbs floating-point noise at it
  const value = Math.round((line.intercept + line.slope * day) * 1e9) / 1e9;
  return meets(value, target) ? fromDay(day) : null;
}

export function project(series: readonly Point[], target: Target, deadline: string, metNow: boolean, round: (n: number) => number): Projection {
  const line = fitLine(series);
  const asOf = series[series.length - 1]!.date;
  const at_deadline = round(asOf >= deadline ? series[series.length - 1]!.value : valueOn(line, deadline));
  if (metNow) return { at_deadline, on_track: true, reaches_target_on: asOf };
  return { at_deadline, on_track: meets(at_deadline, target), reaches_target_on: crossing(line, target, fromDay(toDay(asOf) + 1)) };
}
