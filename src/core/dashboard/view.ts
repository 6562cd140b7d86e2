// The dashboard as one view: readiness (the same view `iops readiness` prints) with each
// goal's twelve-month series and trend, membership over time, the chapters table and the
// national branches. Pure; the command adds the data commit, the renderers draw it.
import { type GoalView, type ReadinessView, readiness, rounder } from '../readiness.js';
import type { Organisation } from '../model.js';
import type { Definitions } from '../schema/definitions.js';
import type { GoalsFile } from '../schema/goals.js';
import { type BranchRow, branchRows } from './branches.js';
import { type ChapterRow, chapterRows } from './chapters.js';
import { type GoalSeries, type MembersPoint, goalSeries, membersSeries } from './series.js';

export type { BranchRow, GatheringRow } from './branches.js';
export type { ChapterRow } from './chapters.js';
export type { GoalSeries, MembersPoint, SeriesPoint, TrendLine } from './series.js';

export interface GoalCard extends GoalView {
  series: GoalSeries;
}

export interface DashboardView {
  readiness: ReadinessView;
  currency: string;
  min_group: number;
  goals: GoalCard[];
  members: MembersPoint[];
  chapters: ChapterRow[];
  /** goals.yaml's definitions: which chapter columns exist, and what they mean. */
  definitions: Definitions;
  branches: BranchRow[];
}

export function dashboard(org: Organisation, goals: GoalsFile, asOf: string): DashboardView {
  const view = readiness(org, goals, asOf);
  const currency = org.settings.currency;
  const cards = view.goals.map((g, i): GoalCard => {
    const goal = goals.goals[i]!;
    return { ...g, series: goalSeries(org, goals, goal, asOf, rounder(g.unit, currency)) };
  });
  return {
    readiness: view,
    currency,
    min_group: org.settings.privacy.min_group,
    goals: cards,
    members: membersSeries(org, asOf),
    chapters: chapterRows(org, goals.definitions, asOf),
    definitions: goals.definitions,
    branches: branchRows(org, goals.definitions, asOf),
  };
}
