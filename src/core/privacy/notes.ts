// Readiness's note under a gender_share goal: the counts behind the share ("7 of 13 members
// who disclosed a gender"), as of the last month end (breakdowns of people change only then:
// monthEnd.ts) and only when the organisation-wide plan allows them. The share itself is
// always shown (it is the goal's value), and the plan keeps the cells around it safe.
import { plural } from '../metrics/asof.js';
import { thousands } from '../thousands.js';
import { breakdownDate } from './monthEnd.js';

/** The note from whether the plan shows the counts, and the counts on the breakdown date (core/readiness.ts). */
export function genderShareNoteOf(shown: boolean, counts: { matching: number; disclosed: number }, minGroup: number, asOf: string): string {
  if (!shown) return `the counts are not shown: with the figures other commands publish they would reveal a group of fewer than ${minGroup} people`;
  const at = breakdownDate(asOf);
  return `${thousands(counts.matching)} of ${plural(counts.disclosed, 'member')} who disclosed a gender${at === asOf ? '' : ` on ${at}`}`;
}
