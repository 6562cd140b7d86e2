// The convention check as a view: every goal, TARGET against CURRENT, met or not, on track
// or not, with the reasons. Pure; the command adds the data commit.
import { daysBetween } from './dates.js';
import { type GoalResult, type Target, evaluateGoal, measureGoal } from './goals.js';
import type { Organisation } from './model.js';
import type { Unit, Verdict } from './metrics/metric.js';
import { minorDigits } from './money.js';
import { type Projection, project, rangeOf, sampleDates } from './projection.js';
import type { GoalsFile } from './schema/goals.js';
import { genderShareNote } from './privacy/notes.js';

export interface GoalView {
  id: string;
  title: string;
  metric: string;
  unit: Unit;
  target: Target;
  current: number;
  met: boolean;
  projection: Projection;
  note?: string;
  /** Chapters or branches that count and those that do not, with why. */
  reasons?: Verdict[];
}

export interface ReadinessView {
  organization: string;
  convention: string;
  as_of: string;
  deadline: string;
  days_left: number;
  /** Every goal in `goals` met: with --goal, the selected goals only (see `scope`). */
  ready: boolean;
  /** What `ready` (and the exit code) covers: the convention check, or the goals asked for. */
  scope: 'all goals' | 'selected goals';
  goals_selected: string[];
  /** Goals in goals.yaml, so a reader of one selected goal sees how many were left out. */
  goals_total: number;
  goals: GoalView[];
}

/** How values of a unit are rounded for output: whole counts, shares to 4 places, money to the minor unit. */
export function rounder(unit: Unit, currency: string): (n: number) => number {
  if (unit === 'count') return (n) => Math.round(n);
  const places = unit === 'share' ? 4 : minorDigits(currency);
  const f = 10 ** places;
  return (n) => Math.round(n * f) / f;
}

export function goalView(org: Organisation, goals: GoalsFile, result: GoalResult, asOf: string): GoalView {
  const { goal, unit, target, measurement } = result;
  const round = rounder(unit, org.settings.currency);
  // the counts behind a gender share only as the organisation-wide privacy plan allows
  const note = goal.metric === 'gender_share' ? genderShareNote(org, goals, asOf, String(goal.gender)) : measurement.note;
  const series = sampleDates(asOf).map((date) => ({ date, value: date === asOf ? result.value : measureGoal(org, goal, goals.definitions, date).value }));
  return {
    id: goal.id,
    title: goal.title,
    metric: goal.metric,
    unit,
    target,
    current: round(result.value),
    met: result.met,
    projection: project(series, target, goals.deadline, result.met, round, rangeOf(unit)),
    ...(note ? { note } : {}),
    ...(measurement.verdicts ? { reasons: measurement.verdicts } : {}),
  };
}

export function readiness(org: Organisation, goals: GoalsFile, asOf: string, only?: string): ReadinessView {
  const selected = only === undefined ? goals.goals : goals.goals.filter((g) => g.id === only);
  const views = selected.map((g) => goalView(org, goals, evaluateGoal(org, g, goals.definitions, asOf), asOf));
  return {
    organization: org.settings.organization,
    convention: goals.convention,
    as_of: asOf,
    deadline: goals.deadline,
    days_left: daysBetween(asOf, goals.deadline),
    ready: views.every((g) => g.met),
    scope: only === undefined ? 'all goals' : 'selected goals',
    goals_selected: selected.map((g) => g.id),
    goals_total: goals.goals.length,
    goals: views,
  };
}
