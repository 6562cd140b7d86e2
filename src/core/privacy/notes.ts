// Readiness's note under a gender_share goal: the counts behind the share ("7 of 13 members
// who disclosed a gender"), as of the last month end (breakdowns of people change only then:
// monthEnd.ts) and only when the organisation-wide plan allows them. The share itself is
// always shown (it is the goal's value), and the plan keeps the cells around it safe.
import { currentMembers, plural } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import type { GoalsFile } from '../schema/goals.js';
import { thousands } from '../thousands.js';
import { breakdownDate } from './monthEnd.js';
import { disclosurePlan } from './plan.js';

export function genderShareNote(org: Organisation, goals: GoalsFile | undefined, asOf: string, gender: string): string {
  const at = breakdownDate(asOf);
  if (!disclosurePlan(org, at, goals).genderCountsShown(gender)) {
    return `the counts are not shown: with the figures other commands publish they would reveal a group of fewer than ${org.settings.privacy.min_group} people`;
  }
  const disclosed = currentMembers(org, at).filter((m) => m.gender !== 'undisclosed');
  const matching = disclosed.filter((m) => m.gender === gender).length;
  return `${thousands(matching)} of ${plural(disclosed.length, 'member')} who disclosed a gender${at === asOf ? '' : ` on ${at}`}`;
}
