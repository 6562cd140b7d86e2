// The report's periods: the trend months, "since the last meeting", shares rounded for output.
import { lastDayOfMonth, monthOf, monthsEndingWith } from '../dates.js';
import type { ChapterRecord } from '../model.js';

/** Months the trends cover: the as-of date's month and the five before it. */
export const TREND_MONTHS = 6;

export const trendMonths = (asOf: string): string[] => monthsEndingWith(monthOf(asOf), TREND_MONTHS);

/** A month's last day, or the as-of day for the as-of month (what is known at A). */
export const monthEnd = (month: string, asOf: string): string => (month === monthOf(asOf) ? asOf : lastDayOfMonth(month));

/** The chapter's previous meeting before A (own or joint), the default start of "since". */
export function previousMeeting(chapter: ChapterRecord, asOf: string): string | null {
  for (let i = chapter.meetings.length - 1; i >= 0; i--) if (chapter.meetings[i]!.date < asOf) return chapter.meetings[i]!.date;
  return null;
}

/** A date counts as "since" D when D < date ≤ A; with no D, every date up to A does. */
export const isSince = (date: string, since: string | null, asOf: string): boolean => date <= asOf && (since === null || date > since);

/** Shares in JSON: fractions to four places. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);
