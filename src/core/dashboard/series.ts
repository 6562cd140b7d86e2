// A goal's metric over the last twelve month ends, and the trend line readiness projects
// with, drawn from the first of its six points to the deadline. The line is fitted over the
// same six points with the same function as `iops readiness`, so the chart's end at the
// deadline is readiness's `projection.at_deadline`.
import { addMonths, fromDay, lastDayOfMonth, monthOf, toDay } from '../dates.js';
import { goalParams, measureGoal, metricOf } from '../goals.js';
import { currentMembers } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import { suppress } from '../privacy.js';
import { type Line, PROJECTION_MONTHS, type Range, clamp, fitLine, rangeOf, sampleDates, valueOn } from '../projection.js';
import type { Goal, GoalsFile } from '../schema/goals.js';

/** A value at a month end; null when showing it would reveal a group under privacy.min_group. */
export interface SeriesPoint {
  date: string;
  value: number | null;
}

export interface TrendLine {
  from: { date: string; value: number };
  to: { date: string; value: number };
}

export interface GoalSeries {
  points: SeriesPoint[];
  /** Readiness's trend, from its first point to `chart_end`; null once the deadline has passed. */
  trend: TrendLine | null;
  /** The chart's last day: the deadline, or at most CHART_AHEAD_MONTHS after the as-of date. */
  chart_end: string;
}

export const SERIES_MONTHS = 12;
/** A deadline years away would squeeze the history into a sliver; the chart stops here. */
export const CHART_AHEAD_MONTHS = 24;

export function chartEnd(asOf: string, deadline: string): string {
  if (deadline <= asOf) return asOf;
  const cap = lastDayOfMonth(addMonths(monthOf(asOf), CHART_AHEAD_MONTHS));
  return deadline < cap ? deadline : cap;
}

export function goalSeries(org: Organisation, goals: GoalsFile, goal: Goal, asOf: string, round: (n: number) => number): GoalSeries {
  const dates = sampleDates(asOf, SERIES_MONTHS);
  const values = dates.map((date) => measureGoal(org, goal, goals.definitions, date).value);
  const hidden = goal.metric === 'gender_share' ? hiddenShares(org, String(goalParams(goal).gender), dates) : new Set<string>();
  const points = dates.map((date, i) => ({ date, value: hidden.has(date) && date !== asOf ? null : round(values[i]!) }));
  const end = chartEnd(asOf, goals.deadline);
  if (goals.deadline <= asOf) return { points, trend: null, chart_end: end };
  const fit = dates.slice(-PROJECTION_MONTHS).map((date, i) => ({ date, value: values[values.length - PROJECTION_MONTHS + i]! }));
  const line = fitLine(fit);
  const from = fit[0]!.date;
  const to = trendEnd(line, from, end, rangeOf(metricOf(goal).unit));
  return { points, trend: { from: { date: from, value: round(clamp(valueOn(line, from), rangeOf(metricOf(goal).unit))) }, to: { date: to.date, value: round(to.value) } }, chart_end: end };
}

/**
 * Where the drawn trend stops: at the chart's end, or earlier where the line leaves what the
 * metric can be (a count falling to 0, a share reaching 100%), as readiness reads it clamped.
 */
function trendEnd(line: Line, from: string, end: string, range: Range): { date: string; value: number } {
  const atEnd = valueOn(line, end);
  if (atEnd >= range.lowest && atEnd <= range.highest) return { date: end, value: atEnd };
  const bound = atEnd < range.lowest ? range.lowest : range.highest;
  const day = Math.max(toDay(from), Math.min(toDay(end), Math.floor((bound - line.intercept) / line.slope)));
  return { date: fromDay(day), value: clamp(valueOn(line, fromDay(day)), range) };
}

/**
 * Month ends at which a gender share would show a small group: the members of that gender, or
 * the other disclosed members, are fewer than privacy.min_group (core/privacy.ts decides). The
 * as-of value is shown anyway, as `iops readiness` shows it.
 */
function hiddenShares(org: Organisation, gender: string, dates: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const date of dates) {
    const disclosed = currentMembers(org, date).filter((m) => m.gender !== 'undisclosed');
    const matching = disclosed.filter((m) => m.gender === gender).length;
    const cells = suppress({ matching, others: disclosed.length - matching }, org.settings.privacy.min_group, { totalShown: false });
    if (cells.matching.suppressed || cells.others.suppressed) out.add(date);
  }
  return out;
}

export interface MembersPoint {
  date: string;
  members: number;
  joined: number;
  left: number;
}

/** At most this many month ends of membership history. */
export const MEMBER_HISTORY_MONTHS = 60;

/** Current members at each month end since the first member joined (the as-of date last). */
export function membersSeries(org: Organisation, asOf: string): MembersPoint[] {
  let first: string | undefined;
  for (const c of org.chapters) for (const m of c.members) if (m.joined <= asOf && (first === undefined || m.joined < first)) first = m.joined;
  if (first === undefined) return [{ date: asOf, members: 0, joined: 0, left: 0 }];
  let months = 1;
  while (months < MEMBER_HISTORY_MONTHS && addMonths(monthOf(asOf), 1 - months) > monthOf(first)) months++;
  const dates = sampleDates(asOf, months);
  const before = (i: number) => (i === 0 ? lastDayOfMonth(addMonths(monthOf(dates[0]!), -1)) : dates[i - 1]!);
  const inMonth = (day: string | undefined, i: number) => day !== undefined && day > before(i) && day <= dates[i]!;
  const all = org.chapters.flatMap((c) => c.members);
  return dates.map((date, i) => ({
    date,
    members: currentMembers(org, date).length,
    joined: all.filter((m) => inMonth(m.joined, i)).length,
    left: all.filter((m) => inMonth(m.left, i)).length,
  }));
}
