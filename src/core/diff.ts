// What a change does to the goals: definitions and goals added, removed or changed, and per
// goal target, current value and verdict before and after, both evaluated as of the same day.
import type { Organisation } from './model.js';
import { type GoalView, readiness } from './readiness.js';
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

export interface Side {
  label: string;
  org: Organisation;
  goals: GoalsFile;
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

export function diffReadiness(base: Side, head: Side, asOf: string): DiffView {
  const before = readiness(base.org, base.goals, asOf);
  const after = readiness(head.org, head.goals, asOf);
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
  const countsB = dataCounts(base.org);
  const countsA = dataCounts(head.org);
  const data = Object.fromEntries(Object.keys(countsA).map((k) => [k, { before: countsB[k]!, after: countsA[k]! }]));
  return { as_of: asOf, base: base.label, head: head.label, definition_changes, goals, ready: { before: before.ready, after: after.ready }, data };
}
