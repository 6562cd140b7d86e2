// What a change does to the goals: definitions and goals added, removed or changed, the
// deadline, and per goal target, current value, verdict and projection before and after, both
// sides evaluated as of the same day. A reviewer reads "unchanged" only when nothing is.
import { bodyName } from './governance/decisions.js';
import type { Organisation } from './model.js';
import { type GoalView, type ReadinessView, readiness } from './readiness.js';
import type { Goal, GoalsFile } from './schema/goals.js';

export interface Change {
  /** Such as `definitions.functioning_chapter.count_online` or `goals.women.min`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface GoalDiff {
  id: string;
  title: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  before: GoalView | null;
  after: GoalView | null;
  /** The verdict changed: met before and not after, or the other way. */
  flipped: boolean;
  /** On track for the deadline before and not after, or the other way. */
  on_track_flipped: boolean;
}

export interface BeforeAfter<T> {
  before: T;
  after: T;
}

export interface DiffView {
  as_of: string;
  base: string;
  head: string;
  /** Every change to goals.yaml; a goal added or removed is one change at `goals.<id>`. */
  definition_changes: Change[];
  goals_added: string[];
  goals_removed: string[];
  deadline: BeforeAfter<string>;
  goals: GoalDiff[];
  ready: BeforeAfter<boolean>;
  goals_met: BeforeAfter<number>;
  goals_on_track: BeforeAfter<number>;
  data: Record<string, BeforeAfter<number>>;
  /** Which decision adopts the head's goal set, when the goals changed (null when they did not). */
  adoption: DiffAdoption | null;
}

/** The decision a goal set names in `adopted_by`, as that side's files have it. */
export interface Adoption {
  decision: string;
  status: 'proposed' | 'adopted' | 'rejected' | 'withdrawn' | 'missing';
  decided_on: string | null;
  /** ICC, "IOPS UK assembly": who decided. */
  by: string | null;
}

export interface DiffAdoption {
  decision: string | null;
  decided_on: string | null;
  by: string | null;
  /** An adopted decision, other than the one behind the base's goal set, adopts the head's. */
  covered: boolean;
  /** "adopted by … on …", or the warning that nothing adopted covers the change. */
  note: string;
}

/** One side of a comparison: its goals, their evaluation as of the day compared, and how much data it holds. */
export interface SideEvaluation {
  goals: GoalsFile;
  readiness: ReadinessView;
  counts: Record<string, number>;
  /** The reporting currency of its iops.yaml. */
  currency: string;
  /** The decision its goals.yaml names in adopted_by. */
  adoption: Adoption | null;
}

export interface Side extends SideEvaluation {
  label: string;
}

/** A side from its organisation (so two organisations never need to be held at once). */
export const evaluateSide = (org: Organisation, goals: GoalsFile, asOf: string): SideEvaluation => ({
  goals,
  readiness: readiness(org, goals, asOf),
  counts: dataCounts(org),
  currency: org.settings.currency,
  adoption: adoptionOf(org, goals),
});

export function adoptionOf(org: Organisation, goals: GoalsFile): Adoption | null {
  const id = goals.adopted_by;
  if (id === undefined) return null;
  const d = org.decisionById.get(id);
  if (!d) return { decision: id, status: 'missing', decided_on: null, by: null };
  return { decision: id, status: d.outcome.status, decided_on: d.outcome.date ?? null, by: bodyName(org, d.body) };
}

/** Whether an adopted decision covers the head's goal set, when it differs from the base's. */
function diffAdoption(base: Side, head: Side, changed: boolean): DiffAdoption | null {
  const b = base.adoption ?? null;
  const a = head.adoption ?? null;
  if (!changed && b?.decision === a?.decision) return null;
  const warn = (why: string) => ({ decision: a?.decision ?? null, decided_on: a?.decided_on ?? null, by: a?.by ?? null, covered: false, note: `No adopted decision covers this change to the goals: ${why}` });
  if (!a) return warn('goals.yaml names none (adopted_by: <decision id>, docs/governance.md).');
  if (changed && b?.decision === a.decision) return warn(`goals.yaml still names ${a.decision}, the decision behind the previous goal set.`);
  if (a.status !== 'adopted') return warn(`${a.decision} is ${a.status === 'missing' ? 'not a recorded decision' : `${a.status}, not adopted`}.`);
  return { decision: a.decision, decided_on: a.decided_on, by: a.by, covered: true, note: `Adopted by ${a.decision} (${a.by}) on ${a.decided_on}.` };
}

/** Every leaf that differs between two plain values, as dotted paths. */
export function changes(before: unknown, after: unknown, path = ''): Change[] {
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(before) && isMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changes(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}

function dataCounts(org: Organisation): Record<string, number> {
  const sum = (f: (c: Organisation['chapters'][number]) => number) => org.chapters.reduce((n, c) => n + f(c), 0);
  return {
    chapters: org.chapters.length,
    branches: org.branches.length,
    members: sum((c) => c.members.length),
    meetings: sum((c) => c.ownMeetings.length),
    reports: sum((c) => c.reports.length),
    receipts: sum((c) => c.receiptMonths.reduce((n, m) => n + m.count, 0)),
    gatherings: org.branches.reduce((n, b) => n + b.gatherings.length, 0),
  };
}

/** A goal's definition changes: the whole goal when it is added or removed, else each key that differs. */
function goalChanges(id: string, before: Goal | undefined, after: Goal | undefined): Change[] {
  if (!before || !after) return [{ path: `goals.${id}`, before: before ?? null, after: after ?? null }];
  return changes(before, after).map((c) => ({ ...c, path: `goals.${id}.${c.path}` }));
}

/** Whether anything a reader sees of the goal differs: its value, verdict or projection. */
function evaluationChanged(b: GoalView, a: GoalView): boolean {
  return b.current !== a.current || b.met !== a.met || JSON.stringify(b.projection) !== JSON.stringify(a.projection);
}

function goalDiff(id: string, base: Side, head: Side, definitionChanged: boolean): GoalDiff {
  const b = base.readiness.goals.find((g) => g.id === id) ?? null;
  const a = head.readiness.goals.find((g) => g.id === id) ?? null;
  const status = !b ? 'added' : !a ? 'removed' : definitionChanged || evaluationChanged(b, a) ? 'changed' : 'unchanged';
  return {
    id,
    title: (a ?? b)!.title,
    status,
    before: b,
    after: a,
    flipped: !!a && !!b && a.met !== b.met,
    on_track_flipped: !!a && !!b && a.projection.on_track !== b.projection.on_track,
  };
}

const metCount = (v: ReadinessView) => v.goals.filter((g) => g.met).length;
const onTrackCount = (v: ReadinessView) => v.goals.filter((g) => g.projection.on_track).length;

export function diffReadiness(base: Side, head: Side, asOf: string): DiffView {
  const before = base.readiness;
  const after = head.readiness;
  const definition_changes = [
    ...changes({ convention: base.goals.convention, deadline: base.goals.deadline }, { convention: head.goals.convention, deadline: head.goals.deadline }),
    ...changes(base.goals.definitions, head.goals.definitions, 'definitions'),
  ];
  const idsBefore = base.goals.goals.map((g) => g.id);
  const idsAfter = head.goals.goals.map((g) => g.id);
  const ids = [...new Set([...idsBefore, ...idsAfter])];
  const goals = ids.map((id): GoalDiff => {
    const own = goalChanges(id, base.goals.goals.find((g) => g.id === id), head.goals.goals.find((g) => g.id === id));
    definition_changes.push(...own);
    return goalDiff(id, base, head, own.length > 0);
  });
  const countsB = base.counts;
  const countsA = head.counts;
  const data = Object.fromEntries(Object.keys(countsA).map((k) => [k, { before: countsB[k]!, after: countsA[k]! }]));
  return {
    as_of: asOf,
    base: base.label,
    head: head.label,
    definition_changes,
    goals_added: idsAfter.filter((id) => !idsBefore.includes(id)),
    goals_removed: idsBefore.filter((id) => !idsAfter.includes(id)),
    deadline: { before: base.goals.deadline, after: head.goals.deadline },
    goals,
    ready: { before: before.ready, after: after.ready },
    goals_met: { before: metCount(before), after: metCount(after) },
    goals_on_track: { before: onTrackCount(before), after: onTrackCount(after) },
    data,
    adoption: diffAdoption(base, head, definition_changes.length > 0),
  };
}
