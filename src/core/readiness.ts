// The convention check as a view: every goal, TARGET against CURRENT, met or not, on track
// or not, with the reasons. Pure; the command adds the data commit.
import { daysBetween } from './dates.js';
import { type Target, goalParams, meets, metricOf, targetOf } from './goals.js';
import type { ChapterRecord, Organisation } from './model.js';
import { isCurrent } from './metrics/asof.js';
import type { Unit, Verdict } from './metrics/metric.js';
import { minorDigits } from './money.js';
import { type Projection, project, rangeOf, sampleDates } from './projection.js';
import type { GoalsFile } from './schema/goals.js';
import { genderShareNoteOf } from './privacy/notes.js';
import { breakdownDate } from './privacy/monthEnd.js';
import { type DisclosurePlan, planOf } from './privacy/plan.js';
import { DISCLOSED_GENDERS, type TableRow, UNDISCLOSED, tableOf, tableRow } from './privacy/tables.js';

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

/**
 * What one chapter adds to readiness: each selected goal's part (metric.ts ByChapter) on each
 * sample date (A last, in detail), and, with a gender_share goal, its row of the gender table
 * and its current members of each disclosed gender on the breakdown date (the note's counts).
 * Plain JSON, so a chapter's parts can be kept and used again while its files stay the same
 * (load/byChapter.ts).
 */
export interface ChapterReadiness {
  id: string;
  /** Per selected goal, its parts on the sample dates; null for a goal of the whole organisation. */
  goals: (unknown[] | null)[];
  gender?: { row: TableRow | null; disclosed: number[] };
}

const selectedGoals = (goals: GoalsFile, only: string | undefined) => (only === undefined ? goals.goals : goals.goals.filter((g) => g.id === only));

/** How each chapter's part is worked out, for these goals and day (what is the same for every chapter worked out once). */
export function chapterReadiness(goals: GoalsFile, asOf: string, only?: string): (org: Organisation, chapter: ChapterRecord) => ChapterReadiness {
  const dates = sampleDates(asOf);
  const selected = selectedGoals(goals, only).map((goal) => ({ by: metricOf(goal).byChapter, params: goalParams(goal) }));
  const gender = selectedGoals(goals, only).some((g) => g.metric === 'gender_share');
  const at = breakdownDate(asOf);
  return (org, chapter) => {
    const parts = selected.map(({ by, params }) => (by ? dates.map((date) => by.part(org, chapter, date, params, goals.definitions, date === asOf)) : null));
    if (!gender) return { id: chapter.id, goals: parts };
    const disclosed = DISCLOSED_GENDERS.map(() => 0);
    for (const m of chapter.members) if (isCurrent(m, at) && m.gender !== UNDISCLOSED) disclosed[DISCLOSED_GENDERS.indexOf(m.gender)]! += 1;
    return { id: chapter.id, goals: parts, gender: { row: tableRow(chapter, at, 'gender'), disclosed } };
  };
}

/** Readiness from every chapter's parts, in chapter order; `org` gives the settings, goals and branches. */
export function readinessOf(org: Organisation, parts: readonly ChapterReadiness[], goals: GoalsFile, asOf: string, only?: string): ReadinessView {
  const selected = selectedGoals(goals, only);
  const dates = sampleDates(asOf);
  const minGroup = org.settings.privacy.min_group;
  // the organisation-wide plan, over the gender table on the breakdown date (what the note may show)
  let plan: DisclosurePlan | undefined;
  const genderPlan = () =>
    (plan ??= planOf(
      (name) => {
        if (name !== 'gender') throw new Error(`internal: readiness has no ${name} table`);
        return tableOf('gender', parts.map((p) => p.gender!.row));
      },
      goals,
      minGroup,
      org.protections,
    ));
  const views = selected.map((goal, i) => {
    const metric = metricOf(goal);
    const params = goalParams(goal);
    const by = metric.byChapter;
    const measurements = dates.map((date, j) =>
      by ? by.total(parts.map((p) => p.goals[i]![j]), org, date, params, goals.definitions) : metric.measure(org, date, params, goals.definitions),
    );
    const measurement = measurements[measurements.length - 1]!;
    const target = targetOf(goal);
    const met = meets(measurement.value, target);
    const round = rounder(metric.unit, org.settings.currency);
    let note = measurement.note;
    if (goal.metric === 'gender_share') {
      // the counts behind a gender share only as the organisation-wide privacy plan allows
      const column = DISCLOSED_GENDERS.indexOf(String(goal.gender) as never);
      let matching = 0;
      let disclosed = 0;
      for (const p of parts) {
        matching += p.gender!.disclosed[column]!;
        for (const n of p.gender!.disclosed) disclosed += n;
      }
      note = genderShareNoteOf(genderPlan().genderCountsShown(String(goal.gender)), { matching, disclosed }, minGroup, asOf);
    }
    const series = dates.map((date, j) => ({ date, value: measurements[j]!.value }));
    const view: GoalView = {
      id: goal.id,
      title: goal.title,
      metric: goal.metric,
      unit: metric.unit,
      target,
      current: round(measurement.value),
      met,
      projection: project(series, target, goals.deadline, met, round, rangeOf(metric.unit)),
      ...(note ? { note } : {}),
      ...(measurement.verdicts ? { reasons: measurement.verdicts } : {}),
    };
    return view;
  });
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

export function readiness(org: Organisation, goals: GoalsFile, asOf: string, only?: string): ReadinessView {
  const part = chapterReadiness(goals, asOf, only);
  return readinessOf(org, org.chapters.map((c) => part(org, c)), goals, asOf, only);
}
