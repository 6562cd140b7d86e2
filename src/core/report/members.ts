// The members section: who is current, who joined and left since the last meeting, the
// six-month trend, gender and age-band breakdowns against the community's census shares
// (suppressed below the privacy threshold), and who studied the key documents.
import { isCurrent } from '../metrics/asof.js';
import type { ChapterRecord, MemberRecord } from '../model.js';
import type { DisclosurePlan } from '../privacy/plan.js';
import { type Cell, suppress } from '../privacy.js';
import { AGE_BANDS, GENDERS } from '../schema/common.js';
import { isSince, monthEnd, shareOf, trendMonths } from './periods.js';
import type { Breakdown, BreakdownCell, MembersSection } from './types.js';

/** The cell for people who did not give the detail; shares are among those who did. */
export const UNDISCLOSED = 'undisclosed';

/**
 * A breakdown with the privacy rule applied: the cells as the organisation-wide plan
 * (privacy/plan.ts) allows them, so no other command's figure can be subtracted from them.
 * A share is shown only when its count is and the undisclosed cell is too: otherwise the
 * share's denominator would give the hidden cell away.
 */
export function breakdown(counts: Record<string, number>, cells: Record<string, Cell>, community: Readonly<Record<string, number | undefined>> | undefined): Breakdown {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const disclosed = total - (counts[UNDISCLOSED] ?? 0);
  const undisclosedShown = !cells[UNDISCLOSED]?.suppressed;
  const out: Record<string, BreakdownCell> = {};
  for (const [key, cell] of Object.entries(cells)) {
    const share = key !== UNDISCLOSED && cell.count !== null && undisclosedShown ? shareOf(cell.count, disclosed) : null;
    out[key] = { ...cell, share, community: community?.[key] ?? null };
  }
  return { total, cells: out, suppressed: Object.values(cells).some((c) => c.suppressed) };
}

export function genderCounts(current: readonly MemberRecord[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(GENDERS.map((g) => [g, 0]));
  for (const m of current) counts[m.gender] = (counts[m.gender] ?? 0) + 1;
  return counts;
}

export function ageCounts(current: readonly MemberRecord[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries([...AGE_BANDS, UNDISCLOSED].map((b) => [b, 0]));
  for (const m of current) counts[m.age_band ?? UNDISCLOSED]! += 1;
  return counts;
}

/** Where breakdowns come from: the privacy plan, and the month end they describe (privacy/monthEnd.ts). */
export interface Breakdowns {
  plan: DisclosurePlan;
  at: string;
}

export function membersSection(chapter: ChapterRecord, asOf: string, since: string | null, keyDocuments: readonly string[], { plan, at }: Breakdowns, minGroup: number): MembersSection {
  const current = chapter.roster.filter((m) => isCurrent(m, asOf));
  const atMonthEnd = chapter.roster.filter((m) => isCurrent(m, at));
  // a chapter outside the plan's tables (none, as reports are of chapters that exist) falls back to the chapter's own rule
  const cellsOf = (name: 'gender' | 'age_band', counts: Record<string, number>) => plan.cells(name, chapter.id) ?? suppress(counts, minGroup, { totalShown: true });
  const gender = genderCounts(atMonthEnd);
  const age = ageCounts(atMonthEnd);
  const documents = Object.fromEntries(keyDocuments.map((d) => [d, current.filter((m) => m.studied.includes(d)).length]));
  return {
    current: current.length,
    joined_since: chapter.roster.filter((m) => isSince(m.joined, since, asOf)).length,
    left_since: chapter.roster.filter((m) => m.left !== undefined && isSince(m.left, since, asOf)).length,
    trend: trendMonths(asOf).map((month) => {
      const date = monthEnd(month, asOf);
      return { date, count: chapter.roster.filter((m) => isCurrent(m, date)).length };
    }),
    gender: breakdown(gender, cellsOf('gender', gender), chapter.community?.gender),
    age_band: breakdown(age, cellsOf('age_band', age), chapter.community?.age_band),
    studied: {
      documents,
      all: keyDocuments.length ? current.filter((m) => keyDocuments.every((d) => m.studied.includes(d))).length : 0,
    },
  };
}
