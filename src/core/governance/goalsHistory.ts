// Each revision of the goal set, the decision behind it, and how the organisation stood against
// it when it was adopted and at its deadline: an organisation that missed a deadline sees what
// it revised and why. Pure: the revisions (read from git by app/goalsHistory.ts) and today's
// organisation, whose dated records replay any past day.
import { type Adoption, adoptionOf, changes } from '../diff.js';
import type { Organisation } from '../model.js';
import { readiness, type ReadinessView } from '../readiness.js';
import type { GoalsFile } from '../schema/goals.js';

export interface GoalsRevision {
  commit: string;
  /** The commit's calendar date (its author's). */
  date: string;
  subject: string;
  /** The goal set at that commit; null when goals.yaml was removed or could not be read there. */
  goals: GoalsFile | null;
}

export interface Standing {
  as_of: string;
  goals_met: number;
  goals_on_track: number;
  goals_total: number;
  ready: boolean;
}

export interface GoalsRevisionView {
  commit: string;
  date: string;
  subject: string;
  convention: string | null;
  deadline: string | null;
  goals: string[];
  /** What changed from the revision before: `goals.women.min`, `deadline`, … (everything, for the first). */
  changed: string[];
  adoption: Adoption | null;
  /** An adopted decision, other than the previous revision's, adopts this one. */
  covered: boolean;
  /** As of the day the decision was taken (else the commit's date). */
  at_adoption: Standing | null;
  /** As of the deadline, once it has passed (as of the day of the history); else null. */
  at_deadline: Standing | null;
  /** As of the day of the history: how this goal set would stand today, on track or not. */
  now: Standing | null;
}

export interface GoalsHistoryView {
  as_of: string;
  revisions: GoalsRevisionView[];
}

const standing = (v: ReadinessView): Standing => ({
  as_of: v.as_of,
  goals_met: v.goals.filter((g) => g.met).length,
  goals_on_track: v.goals.filter((g) => g.projection.on_track).length,
  goals_total: v.goals.length,
  ready: v.ready,
});

/** What differs between two goal sets, as the paths `iops diff` lists. */
function changedPaths(before: GoalsFile | null, after: GoalsFile): string[] {
  const shape = (g: GoalsFile) => ({ convention: g.convention, deadline: g.deadline, definitions: g.definitions, goals: Object.fromEntries(g.goals.map((x) => [x.id, x])) });
  if (!before) return ['(first goal set)'];
  const paths = changes(shape(before), shape(after)).map((c) => c.path);
  // a goal added or removed is one change, not one per key
  const ids = new Set([...before.goals.map((g) => g.id), ...after.goals.map((g) => g.id)]);
  const whole = [...ids].filter((id) => !before.goals.some((g) => g.id === id) || !after.goals.some((g) => g.id === id));
  return [...whole.map((id) => `goals.${id} (${after.goals.some((g) => g.id === id) ? 'added' : 'removed'})`), ...paths.filter((p) => !whole.some((id) => p.startsWith(`goals.${id}.`)))];
}

/** Oldest first. `asOf`: the day of the history (deadlines after it have not passed yet). */
export function goalsHistory(org: Organisation, revisions: readonly GoalsRevision[], asOf: string): GoalsHistoryView {
  let previous: GoalsFile | null = null;
  let previousDecision: string | undefined;
  const out: GoalsRevisionView[] = [];
  for (const r of revisions) {
    const g = r.goals;
    if (!g) {
      out.push({ commit: r.commit, date: r.date, subject: r.subject, convention: null, deadline: null, goals: [], changed: ['(goals.yaml removed or unreadable)'], adoption: null, covered: false, at_adoption: null, at_deadline: null, now: null });
      previous = null;
      continue;
    }
    const adoption = adoptionOf(org, g);
    const adoptedOn = adoption?.status === 'adopted' && adoption.decided_on && adoption.decision !== previousDecision ? adoption.decided_on : r.date;
    const changed = changedPaths(previous, g);
    const sameDecision = g.adopted_by === previousDecision;
    const covered = adoption?.status === 'adopted' && !sameDecision;
    previous = g;
    previousDecision = g.adopted_by;
    if (!changed.length && sameDecision) continue; // a commit that only reformatted goals.yaml
    out.push({
      commit: r.commit,
      date: r.date,
      subject: r.subject,
      convention: g.convention,
      deadline: g.deadline,
      goals: g.goals.map((x) => x.id),
      changed,
      adoption,
      covered,
      at_adoption: standing(readiness(org, g, adoptedOn)),
      at_deadline: g.deadline <= asOf ? standing(readiness(org, g, g.deadline)) : null,
      now: standing(readiness(org, g, asOf)),
    });
  }
  return { as_of: asOf, revisions: out };
}
