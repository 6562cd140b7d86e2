// The breakdowns iops publishes, as tables over the whole organisation (chapters × categories,
// current members at the as-of date), and the organisation-level figures published about
// them (`Margin`s): readiness's gender share of each gender_share goal (its count and the
// disclosed members it is a share of), and `iops dues`'s members with a pledge and exempt
// members. These are the equations the suppression (protect.ts) must keep safe together.
import { pledgeOn } from '../histories.js';
import type { ChapterRecord, MemberRecord, Organisation } from '../model.js';
import { chapterExists, isCurrent } from '../metrics/asof.js';
import { AGE_BANDS, GENDERS } from '../schema/common.js';
import type { GoalsFile } from '../schema/goals.js';
import type { Table } from './audit.js';
import type { Margin } from './protect.js';

export type BreakdownName = 'gender' | 'age_band' | 'pledge';

export const UNDISCLOSED = 'undisclosed';
export const DISCLOSED_GENDERS = GENDERS.filter((g) => g !== UNDISCLOSED);
export const PLEDGE_CELLS = ['pledging', 'exempt', 'no_pledge'] as const;

const CATEGORIES: Record<BreakdownName, readonly string[]> = {
  gender: GENDERS,
  age_band: [...AGE_BANDS, UNDISCLOSED],
  pledge: PLEDGE_CELLS,
};

const categoryOf: Record<BreakdownName, (m: MemberRecord, asOf: string) => string> = {
  gender: (m) => m.gender,
  age_band: (m) => m.age_band ?? UNDISCLOSED,
  pledge: (m, asOf) => {
    const p = pledgeOn(m, asOf);
    return p === undefined ? 'no_pledge' : p === 'exempt' ? 'exempt' : 'pledging';
  },
};

/** A chapter's row of a breakdown: its branch and its count in each category. */
export interface TableRow {
  id: string;
  branch?: string | undefined;
  counts: number[];
}

/** The chapter's row at A: null when it neither exists then nor has current members. */
export function tableRow(chapter: ChapterRecord, asOf: string, name: BreakdownName, current = currentStays(chapter, asOf)): TableRow | null {
  const categories = CATEGORIES[name];
  if (!chapterExists(chapter, asOf) && current.length === 0) return null;
  const counts = categories.map(() => 0);
  for (const m of current) counts[categories.indexOf(categoryOf[name](m, asOf))]! += 1;
  return { id: chapter.id, branch: chapter.branch, counts };
}

/** The table from its chapters' rows, in chapter order. */
export function tableOf(name: BreakdownName, chapterRows: readonly (TableRow | null)[]): Table {
  const rows: Table['rows'][number][] = [];
  const counts: number[][] = [];
  for (const r of chapterRows) {
    if (r === null) continue;
    rows.push({ id: r.id, branch: r.branch });
    counts.push(r.counts);
  }
  return { name: name === 'age_band' ? 'age band' : name, categories: CATEGORIES[name], rows, counts };
}

/** A chapter's rows of every breakdown at A: what the organisation-wide plan needs of it (plan.ts planFromRows). */
export type ChapterRows = Record<BreakdownName, TableRow | null>;

export function chapterRows(chapter: ChapterRecord, asOf: string): ChapterRows {
  const current = currentStays(chapter, asOf);
  return { gender: tableRow(chapter, asOf, 'gender', current), age_band: tableRow(chapter, asOf, 'age_band', current), pledge: tableRow(chapter, asOf, 'pledge', current) };
}

/** Who was a member of the chapter at A: its roster's stays current then. */
const currentStays = (chapter: ChapterRecord, asOf: string): MemberRecord[] => chapter.roster.filter((m) => isCurrent(m, asOf));

/** Every chapter that exists at A, or has current members (readiness counts them either way). */
export function breakdownTable(org: Organisation, asOf: string, name: BreakdownName): Table {
  return tableOf(name, org.chapters.map((c) => tableRow(c, asOf, name)));
}

/** The genders of the organisation's gender_share goals, each published with its counts. */
export function sharedGenders(goals: GoalsFile | undefined): string[] {
  const out: string[] = [];
  for (const g of goals?.goals ?? []) if (g.metric === 'gender_share' && !out.includes(String(g.gender))) out.push(String(g.gender));
  return out;
}

export const shareLabel = (gender: string) => `readiness: ${gender} share of members who disclosed a gender`;
export const shareMarginLabel = (gender: string) => `readiness: ${gender} count and members who disclosed a gender`;
export const PLEDGING_MARGIN = 'dues: members with a pledge';
export const EXEMPT_MARGIN = 'dues: exempt members';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The organisation-level figures over a breakdown, most important first (the last are hidden
 * first). A gender share is always published (readiness's headline): as the exact fraction
 * count/disclosed = p/q it is the equation q·count − p·disclosed = 0, fixed; its two counts
 * (readiness's note) are a margin that may be hidden.
 */
export function marginsOf(name: BreakdownName, goals: GoalsFile | undefined, table: Table): Margin[] {
  const cols = table.categories;
  if (name === 'gender') {
    const disclosed = DISCLOSED_GENDERS.map((g) => cols.indexOf(g));
    const sum = (columns: number[]) => table.counts.reduce((n, row) => n + columns.reduce((s, c) => s + row[c]!, 0), 0);
    return sharedGenders(goals).flatMap((g): Margin[] => {
      const column = cols.indexOf(g);
      const [count, all] = [sum([column]), sum(disclosed)];
      const d = gcd(count, all) || 1;
      const share: Margin[] = all === 0 ? [] : [{ label: shareLabel(g), forms: [disclosed], weights: [disclosed.map((c) => (c === column ? all / d - count / d : -count / d))], fixed: true }];
      return [...share, { label: shareMarginLabel(g), forms: [[column], disclosed] }];
    });
  }
  if (name === 'pledge') return [{ label: PLEDGING_MARGIN, forms: [[0]] }, { label: EXEMPT_MARGIN, forms: [[1]] }];
  return [];
}
