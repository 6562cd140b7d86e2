// The one place that decides what breakdown figures may be shown for an as-of date. Every
// output reads its cells from here: the chapter report (gender, age band, pledges, and the
// chapter's contribution to a gender_share goal), readiness and the dashboard (the
// organisation's gender share), and `iops dues` (pledging and exempt counts per chapter and in
// all, the pledge tiers). The plan is computed over the whole organisation, so a figure one
// command shows can never be subtracted from another's to reveal a small group. docs/privacy.md.
import type { Organisation } from '../model.js';
import type { Cell } from '../privacy.js';
import type { GoalsFile } from '../schema/goals.js';
import { type Protection, protect } from './protect.js';
import { type BreakdownName, type ChapterRows, EXEMPT_MARGIN, PLEDGING_MARGIN, breakdownTable, marginsOf, shareMarginLabel, tableOf } from './tables.js';
import type { Table } from './audit.js';
import type { Margin, ProtectionMemo } from './protect.js';

export interface BreakdownPlan {
  table: Table;
  margins: Margin[];
  protection: Protection;
}

export interface DisclosurePlan {
  /** A chapter's cells as they may be shown; undefined for a chapter not in the tables. */
  cells(name: BreakdownName, chapter: string): Record<string, Cell> | undefined;
  /** Whether readiness may show the counts behind the share of this gender ("7 of 13"). */
  genderCountsShown(gender: string): boolean;
  pledgingShown(): boolean;
  exemptShown(): boolean;
  breakdown(name: BreakdownName): BreakdownPlan;
}

const cache = new WeakMap<Organisation, Map<string, DisclosurePlan>>();

/** The plan for an as-of date (memoised per organisation: several outputs of one run share it). */
export function disclosurePlan(org: Organisation, asOf: string, goals: GoalsFile | undefined = org.goals): DisclosurePlan {
  let plans = cache.get(org);
  if (!plans) cache.set(org, (plans = new Map()));
  const key = `${asOf} ${JSON.stringify(goals?.goals.filter((g) => g.metric === 'gender_share').map((g) => g.gender) ?? [])}`;
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = makePlan(org, asOf, goals)));
  return plan;
}

const makePlan = (org: Organisation, asOf: string, goals: GoalsFile | undefined): DisclosurePlan =>
  planOf((name) => breakdownTable(org, asOf, name), goals, org.settings.privacy.min_group, org.protections);

/** The plan from every chapter's rows (tables.ts chapterRows), in chapter order: the plan of the organisation they came from. */
export const planFromRows = (rows: readonly ChapterRows[], goals: GoalsFile | undefined, minGroup: number, protections?: ProtectionMemo): DisclosurePlan =>
  planOf((name) => tableOf(name, rows.map((r) => r[name])), goals, minGroup, protections);

/**
 * The plan over the organisation's tables, each asked for when first needed (readiness from
 * chapters' parts, core/readiness.ts, has only the gender table).
 */
export function planOf(tableOf: (name: BreakdownName) => Table, goals: GoalsFile | undefined, minGroup: number, protections?: ProtectionMemo): DisclosurePlan {
  const made = new Map<BreakdownName, BreakdownPlan>();
  const breakdown = (name: BreakdownName): BreakdownPlan => {
    let b = made.get(name);
    if (!b) {
      const table = tableOf(name);
      const margins = marginsOf(name, goals, table);
      const protection = protections ? protections.recall({ table, margins, minGroup }, () => protect(table, margins, minGroup)) : protect(table, margins, minGroup);
      made.set(name, (b = { table, margins, protection }));
    }
    return b;
  };
  const marginShown = (name: BreakdownName, label: string) => {
    const b = breakdown(name);
    const i = b.margins.findIndex((m) => m.label === label);
    return i >= 0 && b.protection.margins[i]!;
  };
  return {
    breakdown,
    cells(name, chapter) {
      const b = breakdown(name);
      const row = b.table.rows.findIndex((r) => r.id === chapter);
      if (row < 0) return undefined;
      return Object.fromEntries(
        b.table.categories.map((cat, c) => [cat, b.protection.hidden[row]![c] ? { count: null, suppressed: true } : { count: b.table.counts[row]![c]!, suppressed: false }]),
      );
    },
    genderCountsShown: (gender) => marginShown('gender', shareMarginLabel(gender)),
    pledgingShown: () => marginShown('pledge', PLEDGING_MARGIN),
    exemptShown: () => marginShown('pledge', EXEMPT_MARGIN),
  };
}
