// The chapter's standing: functioning, collecting dues, its delegate, and every goal in
// goals.yaml measured on the chapter alone, so each verdict and reason is this chapter's
// (for a branch goal, its branch's).
import { measureGoal, metricOf } from '../goals.js';
import { memberOfChapterOn } from '../histories.js';
import { isCurrent, plural } from '../metrics/asof.js';
import { collectingVerdict } from '../metrics/dues.js';
import { type FunctioningDefinition, functioningVerdict } from '../metrics/functioning.js';
import type { ChapterRecord, Organisation } from '../model.js';
import type { Definitions } from '../schema/definitions.js';
import type { Goal } from '../schema/goals.js';
import type { Breakdown, GoalStanding, Standing } from './types.js';

export function functioningStanding(chapter: ChapterRecord, asOf: string, def: FunctioningDefinition | undefined): Standing {
  if (!def) return { value: null, reasons: ['goals.yaml defines no functioning_chapter'] };
  const v = functioningVerdict(chapter, asOf, def);
  if (!v.counts) return { value: false, reasons: v.failures };
  const counted = def.count_online ? 'meeting' : 'in-person or hybrid meeting';
  return {
    value: true,
    reasons: [
      `${plural(v.meetings, counted)} in the last ${def.meetings_window_days} days`,
      ...(def.education_window_days !== undefined ? [`education on ${v.lastEducation}`] : []),
      `report on ${v.lastReport}`,
    ],
  };
}

export function collectingStanding(chapter: ChapterRecord, asOf: string, def: Definitions['collecting_dues']): Standing {
  if (!def) return { value: null, reasons: ['goals.yaml defines no collecting_dues'] };
  const v = collectingVerdict(chapter, asOf, def);
  return { value: v.counts, reasons: v.reason.split('; ') };
}

export function delegateStanding(chapter: ChapterRecord, asOf: string, listMembers: boolean): Standing & { member?: string | null } {
  const d = chapter.delegate === undefined ? undefined : chapter.members.find((m) => m.id === chapter.delegate);
  // the delegate counts only while a member of this chapter: one who moved in, from that day
  const on = d && memberOfChapterOn(d, chapter.id, asOf);
  const member = listMembers ? { member: d && on?.member ? d.id : null } : {};
  if (!d || !on) return { value: false, reasons: ['no delegate'], ...member };
  if (!on.member) return { value: false, reasons: [`the delegate ${on.why}`], ...member };
  return { value: true, reasons: ['has a delegate'], ...member };
}

/** The organisation as seen from one chapter: only it, its members, and its branch. */
export function chapterOnly(org: Organisation, chapter: ChapterRecord): Organisation {
  const branch = chapter.branch === undefined ? undefined : org.branchById.get(chapter.branch);
  // everyone who ever belonged to it, each for their stay (core/histories.ts): members moved in or out count while they were here
  const own = chapter.roster === chapter.members ? chapter : { ...chapter, members: chapter.roster };
  return {
    ...org,
    chapters: [own],
    chapterById: new Map([[chapter.id, own]]),
    memberById: new Map(own.members.map((m) => [m.id, m])),
    branches: branch ? [branch] : [],
    branchById: new Map(branch ? [[branch.id, branch]] : []),
  };
}

const pct = (share: number): string => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

function meetingsReason(goal: Goal, value: number): string {
  const kind = [goal.mode, goal.topic].filter((x) => x !== undefined).join(' ');
  return `${plural(value, `${kind ? `${kind} ` : ''}meeting`)} held in the last ${goal.window_days} days`;
}

export function goalStandings(org: Organisation, chapter: ChapterRecord, asOf: string, gender: Breakdown): GoalStanding[] {
  if (!org.goals) return [];
  const sub = chapterOnly(org, chapter);
  const definitions = org.goals.definitions;
  return org.goals.goals.map((goal) => {
    const unit = metricOf(goal).unit;
    const base = { id: goal.id, title: goal.title, metric: goal.metric, unit };
    if (goal.metric === 'gender_share') {
      // from the suppressed breakdown: the chapter's share would give small cells away
      const cell = gender.cells[String(goal.gender)];
      const share = cell?.share ?? null;
      const reason = share === null ? 'not shown: it would reveal a group of fewer than the privacy threshold' : `${goal.gender}: ${pct(share)} of members who disclosed a gender`;
      return { ...base, counts: null, contribution: share, reason };
    }
    const m = measureGoal(sub, goal, definitions, asOf);
    const verdict = m.verdicts?.[0];
    if (verdict) {
      const reason = goal.metric === 'branches_with_national_gathering' ? `branch ${verdict.id}: ${verdict.reason}` : verdict.reason;
      return { ...base, counts: verdict.counts, contribution: m.value, reason };
    }
    if (goal.metric === 'branches_with_national_gathering') return { ...base, counts: null, contribution: 0, reason: 'the chapter is in no national branch' };
    let reason = m.note ?? '';
    if (goal.metric === 'members') reason = plural(m.value, 'current member');
    else if (goal.metric === 'members_studied') reason = `${plural(m.value, 'current member')} ${m.note ?? ''}`.trim();
    else if (goal.metric === 'meetings') reason = meetingsReason(goal, m.value);
    else if (goal.metric === 'chapters') reason = 'the chapter exists';
    return { ...base, counts: goal.metric === 'chapters' ? true : null, contribution: m.value, reason };
  });
}
