// What a change does to the goals: definitions and goals added, removed or changed, and per
// goal target, current value and verdict before and after, both evaluated as of the same day.
import type { Organisation } from './model.js';
import { type GoalView, type ReadinessView, readiness } from './readiness.js';
import type { GoalsFile } from './schema/goals.js';

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
}

export interface DiffView {
  as_of: string;
  base: string;
  head: string;
  definition_changes: Change[];
  goals: GoalDiff[];
  ready: { before: boolean; after: boolean };
  data: Record<string, { before: number; after: number }>;
}

/** One side of a comparison: its goals, their evaluation as of the day compared, and how much data it holds. */
export interface SideEvaluation {
  goals: GoalsFile;
  readiness: ReadinessView;
  counts: Record<string, number>;
  /** The reporting currency of its iops.yaml. */
  currency: string;
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
});

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

export function diffReadiness(base: Side, head: Side, asOf: string): DiffView {
  const before = base.readiness;
  const after = head.readiness;
  const definition_changes = [
    ...changes({ convention: base.goals.convention, deadline: base.goals.deadline }, { convention: head.goals.convention, deadline: head.goals.deadline }),
    ...changes(base.goals.definitions, head.goals.definitions, 'definitions'),
  ];
  const ids = [...new Set([...base.goals.goals.map((g) => g.id), ...head.goals.goals.map((g) => g.id)])];
  const goals = ids.map((id): GoalDiff => {
    const b = before.goals.find((g) => g.id === id) ?? null;
    const a = after.goals.find((g) => g.id === id) ?? null;
    const defB = base.goals.goals.find((g) => g.id === id);
    const defA = head.goals.goals.find((g) => g.id === id);
    for (const c of changes(defB ?? {}, defA ?? {})) if (defB && defA) definition_changes.push({ ...c, path: `goals.${id}.${c.path}` });
    const status = !b ? 'added' : !a ? 'removed' : JSON.stringify(defB) !== JSON.stringify(defA) || b.current !== a.current || b.met !== a.met ? 'changed' : 'unchanged';
    return { id, title: (a ?? b)!.title, status, before: b, after: a, flipped: !!a && !!b && a.met !== b.met };
  });
  const countsB = base.counts;
  const countsA = head.counts;
  const data = Object.fromEntries(Object.keys(countsA).map((k) => [k, { before: countsB[k]!, after: countsA[k]! }]));
  return { as_of: asOf, base: base.label, head: head.label, definition_changes, goals, ready: { before: before.ready, after: after.ready }, data };
}
