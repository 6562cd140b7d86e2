// Readiness's note under a gender_share goal: the counts behind the share ("7 of 13 members
// who disclosed a gender") only when the organisation-wide plan allows them; the share itself
// is always shown (it is the goal's value), and the plan keeps the cells around it safe.
import { currentMembers, plural } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import type { GoalsFile } from '../schema/goals.js';
import { thousands } from '../thousands.js';
import { disclosurePlan } from './plan.js';

export function genderShareNote(org: Organisation, goals: GoalsFile | undefined, asOf: string, gender: string): string {
  const disclosed = currentMembers(org, asOf).filter((m) => m.gender !== 'undisclosed');
  const matching = disclosed.filter((m) => m.gender === gender).length;
  if (disclosurePlan(org, asOf, goals).genderCountsShown(gender)) return `${thousands(matching)} of ${plural(disclosed.length, 'member')} who disclosed a gender`;
  return `the counts are not shown: with the figures other commands publish they would reveal a group of fewer than ${org.settings.privacy.min_group} people`;
}
