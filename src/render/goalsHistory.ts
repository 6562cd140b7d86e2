// `iops goals history` as text (one block per revision, oldest first), Markdown or JSON.
import type { Adoption } from '../core/diff.js';
import type { GoalsHistoryView, GoalsRevisionView, Standing } from '../core/governance/goalsHistory.js';
import { mdCode, mdText, printable } from './escape.js';

const standingText = (s: Standing) => `${s.goals_met} of ${s.goals_total} goals met, ${s.goals_on_track} on track${s.ready ? ' (ready)' : ''}`;

export function adoptionText(a: Adoption | null, covered = true): string {
  if (!a) return 'no adopted decision covers it: goals.yaml names none (adopted_by)';
  if (a.status === 'adopted' && !covered) return `no adopted decision covers it: it still names ${a.decision}, which adopted the revision before`;
  if (a.status === 'missing') return `no adopted decision covers it: ${a.decision} is not a recorded decision`;
  if (a.status !== 'adopted') return `no adopted decision covers it: ${a.decision} is ${a.status}`;
  return `adopted by ${a.decision} (${a.by}) on ${a.decided_on}`;
}

/** "at adoption" when a decision adopted it, else the day it was committed. */
const whenAdopted = (r: GoalsRevisionView) => (r.covered ? 'at adoption' : 'when committed');

const atDeadline = (r: GoalsRevisionView, asOf: string) =>
  r.at_deadline ? `${r.deadline}: ${standingText(r.at_deadline)}` : `${r.deadline}: not reached by ${asOf}`;

export function goalsHistoryText(raw: GoalsHistoryView): string {
  const v = printable(raw);
  const n = v.revisions.length;
  const lines = [`Goal set revisions: ${n}, oldest first (as of ${v.as_of})`];
  v.revisions.forEach((r, i) => {
    lines.push('', `${i + 1}. ${r.date}  ${r.commit.slice(0, 7)}  ${r.subject}`);
    if (r.deadline === null) {
      lines.push(`   ${r.changed.join(', ')}`);
      return;
    }
    lines.push(
      `   ${adoptionText(r.adoption, r.covered)}`,
      `   changed: ${r.changed.join(', ')}`,
      `   ${whenAdopted(r)} (${r.at_adoption!.as_of}): ${standingText(r.at_adoption!)}`,
      `   at its deadline ${atDeadline(r, v.as_of)}`,
      ...(r.at_deadline ? [] : [`   now (${r.now!.as_of}): ${standingText(r.now!)}`]),
    );
  });
  return lines.join('\n');
}

export function goalsHistoryMarkdown(v: GoalsHistoryView): string {
  const rows = v.revisions.map((r) =>
    r.deadline === null
      ? `| ${r.date} | \`${r.commit.slice(0, 7)}\` | ${mdText(r.subject)} | ${mdText(r.changed.join(', '))} | | | |`
      : `| ${r.date} | \`${r.commit.slice(0, 7)}\` | ${mdText(r.subject)} | ${mdText(r.changed.join(', '))} | ${mdText(adoptionText(r.adoption, r.covered))} | ${whenAdopted(r)} ${r.at_adoption!.as_of}: ${standingText(r.at_adoption!)} | ${mdText(atDeadline(r, v.as_of))}${r.at_deadline ? '' : `; now: ${standingText(r.now!)}`} |`,
  );
  return [`### Goal set revisions (as of ${mdCode(v.as_of)})`, '', '| Date | Commit | Change | Changed | Decision | Then | At its deadline |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const goalsHistoryJson = (v: GoalsHistoryView): string => JSON.stringify(v, null, 2);
