// Phrases the chapter report's table and Markdown share: money, shares, breakdowns (with
// hidden cells as "not shown"), standings, trends, due items, the data stamp.
import { minorDigits } from '../core/money.js';
import { type Cell, SUPPRESSED_TEXT, cellText, privacyNote } from '../core/privacy.js';
import type { Breakdown, ChapterReport, DecisionView, DueItem, Money, Standing } from '../core/report/types.js';
import { count } from './format.js';
import { thousands } from '../core/thousands.js';

export interface ChapterReportOutput extends ChapterReport {
  commit: string | null;
  dirty: boolean;
  /** `--at REF`, when the files were read from a commit. */
  at?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2012-08' or '2012-08-31' → 'Aug'. */
export const monthShort = (date: string): string => MONTHS[Number(date.slice(5, 7)) - 1]!;
/** '2012-08-31' → 'August 2012'. */
export const monthLong = (date: string): string => `${LONG_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

export const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** "USD 1,724.57": the currency's minor digits, thousands separated. */
export function money(m: Money): string {
  const [whole, fraction] = Math.abs(m.amount).toFixed(minorDigits(m.currency)).split('.');
  const grouped = thousands(Number(whole));
  return `${m.amount < 0 ? '-' : ''}${m.currency} ${grouped}${fraction ? `.${fraction}` : ''}`;
}

export const byCurrency = (amounts: Record<string, number>): string =>
  Object.entries(amounts).map(([currency, amount]) => money({ amount, currency })).join(', ');

export const yes = (v: boolean | null): string => (v === null ? 'not defined' : v ? 'yes' : 'no');

export const standingText = (s: Standing): string => `${yes(s.value)}: ${s.reasons.join('; ')}`;

/** "woman 120 (53%, community 51%) · man … · non-binary not shown"; the whole line when too few. */
export function breakdownText(b: Breakdown, minGroup: number): string {
  if (b.total === 0) return 'nobody to count';
  if (b.total < minGroup) return `${SUPPRESSED_TEXT}: fewer than ${minGroup} people`;
  return Object.entries(b.cells)
    // empty cells add nothing unless the community comparison needs them
    .filter(([, c]) => c.count !== 0 || c.community !== null)
    .map(([key, c]) => {
      if (c.count === null) return `${key} ${SUPPRESSED_TEXT}`;
      const extras = [c.share !== null ? pct(c.share) : undefined, c.community !== null ? `community ${pct(c.community)}` : undefined].filter(Boolean);
      return `${key} ${count(c.count)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
    })
    .join(' · ');
}

/** Whether a report shows any hidden cell, so it needs the privacy note. */
export function hasHiddenCells(r: ChapterReport): boolean {
  const cells = [
    ...Object.values(r.members.gender.cells),
    ...Object.values(r.members.age_band.cells),
    ...Object.values(r.dues.pledges),
    ...Object.values(r.meetings.attendance?.cells ?? {}),
  ];
  return cells.some((c) => c.suppressed);
}

/** The privacy note, and the month end the breakdowns describe when it is not the as-of day. */
export function privacyLine(r: ChapterReport): string | undefined {
  const lines = [
    ...(r.breakdowns_as_of !== r.as_of ? [`Gender, age band and pledges are as of ${r.breakdowns_as_of}, the last month end: they change only at month ends.`] : []),
    ...(hasHiddenCells(r) ? [privacyNote(r.min_group)] : []),
  ];
  return lines.length ? lines.join(' ') : undefined;
}

/** "pledging 100 · exempt not shown · no pledge 101". */
export const pledgesText = (p: Record<'pledging' | 'exempt' | 'no_pledge', Cell>): string =>
  `pledging ${cellText(p.pledging)} · exempt ${cellText(p.exempt)} · no pledge ${cellText(p.no_pledge)}`;

export const attendanceCellsText = (c: Record<'regular' | 'occasional' | 'absent', Cell>): string =>
  `regular ${cellText(c.regular)} · occasional ${cellText(c.occasional)} · absent ${cellText(c.absent)}`;

export const trendText = (points: { date: string; count: number }[]): string => points.map((p) => `${monthShort(p.date)} ${count(p.count)}`).join(' · ');

export function attendanceTrendText(points: ChapterReport['meetings']['attendance_trend']): string {
  return points.map((p) => `${monthShort(p.month)} ${p.meetings ? `${p.meetings}×${p.average_attendance === null ? '?' : count(Math.round(p.average_attendance))}` : '–'}`).join(' · ');
}

export const sinceText = (r: ChapterReport): string => (r.since ? `since ${r.since}` : 'so far');

export function stamp(r: ChapterReportOutput): string {
  if (!r.commit) return 'data not committed';
  return `data at ${r.commit.slice(0, 10)}${r.dirty ? ' + uncommitted changes' : ''}${r.at ? ` (${r.at})` : ''}`;
}

/** When a due item is due: 'now' for the as-of day. */
export const dueDate = (d: DueItem, asOf: string): string => (d.date === asOf ? 'now' : d.date);

export const dueWhat = (d: DueItem, asOf: string): string => `${d.text}${d.overdue && d.date !== asOf ? ' (overdue)' : ''}`;

/** "ICC adopted 2012-05-05-count-online-meetings (majority: for 11, against 4, abstain 2; the goal set): Count online …" */
export function decisionText(d: DecisionView): string {
  const c = d.counts;
  const counts = c ? `: for ${c.for}, against ${c.against}, abstain ${c.abstain}${d.method === 'consensus' ? `, blocks ${c.blocks}` : ''}` : '';
  const what = d.adopts ? `; ${d.adopts}` : '';
  return `${d.body} ${d.status === 'proposed' ? 'to decide' : d.status} ${d.id} (${d.method}${counts}${what}): ${d.proposal}`;
}
