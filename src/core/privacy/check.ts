// `iops privacy check`: every breakdown figure the commands would publish for one as-of date,
// gathered by calling the same core functions they call (the chapter report of every chapter,
// readiness, `iops dues` over its default window), written as linear equations over the
// organisation's cells (chapter × category), and audited exactly (audit.ts) for any group of
// 1 to min_group − 1 people that adding and subtracting them gives away.
import { duesSummary } from '../dues/summary.js';
import { chaptersAt } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import type { Cell } from '../privacy.js';
import { readiness } from '../readiness.js';
import { buildChapterReport } from '../report/build.js';
import { type Disclosure, type Figure, type Table, audit } from './audit.js';
import { type BreakdownName, DISCLOSED_GENDERS, breakdownTable, sharedGenders } from './tables.js';

export interface PrivacyCheck {
  as_of: string;
  min_group: number;
  /** How many published figures were audited. */
  figures: number;
  disclosures: Disclosure[];
}

const NAMES: BreakdownName[] = ['gender', 'age_band', 'pledge'];
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function privacyCheck(org: Organisation, asOf: string): PrivacyCheck {
  const tables = Object.fromEntries(NAMES.map((n) => [n, breakdownTable(org, asOf, n)])) as Record<BreakdownName, Table>;
  const figures = Object.fromEntries(NAMES.map((n) => [n, [] as Figure[]])) as Record<BreakdownName, Figure[]>;
  const rowOf = (name: BreakdownName, chapter: string) => tables[name].rows.findIndex((r) => r.id === chapter);
  const column = (name: BreakdownName, category: string) => tables[name].categories.indexOf(category);
  const add = (name: BreakdownName, label: string, chapters: readonly string[], categories: readonly string[], weights?: (category: string) => number) => {
    const cells = chapters.flatMap((ch) => categories.map((cat) => [rowOf(name, ch), column(name, cat)] as const)).filter(([r, c]) => r >= 0 && c >= 0);
    if (cells.length) figures[name].push({ label, cells, ...(weights ? { weights: cells.map(([, c]) => weights(tables[name].categories[c]!)) } : {}) });
  };
  const addCells = (name: BreakdownName, chapter: string, what: string, cells: Readonly<Record<string, Cell>>) => {
    for (const [cat, cell] of Object.entries(cells)) if (!cell.suppressed) add(name, `report ${chapter}: ${what} ${cat} ${cell.count}`, [chapter], [cat]);
  };

  // the chapter reports: member counts (every table's row totals) and the breakdowns they show
  for (const chapter of chaptersAt(org, asOf)) {
    const r = buildChapterReport(org, chapter, asOf);
    for (const n of NAMES) add(n, `report ${chapter.id}: ${r.members.current} members`, [chapter.id], tables[n].categories);
    addCells('gender', chapter.id, 'gender', r.members.gender.cells);
    addCells('age_band', chapter.id, 'age band', r.members.age_band.cells);
    addCells('pledge', chapter.id, 'pledges', r.dues.pledges);
  }
  // chapters readiness counts but no report covers (members before the chapter's founding)
  for (const n of NAMES) for (const row of tables[n].rows) if (!chaptersAt(org, asOf).some((c) => c.id === row.id)) add(n, `readiness: members of ${row.id}`, [row.id], tables[n].categories);

  // readiness (and the dashboard, which shows the same view): each gender share, and its counts when noted
  const all = tables.gender.rows.map((r) => r.id);
  if (org.goals) {
    const view = readiness(org, org.goals, asOf);
    for (const gender of sharedGenders(org.goals)) {
      const goal = view.goals.find((g) => g.metric === 'gender_share' && org.goals!.goals.find((x) => x.id === g.id)?.gender === gender)!;
      const sum = (cats: readonly string[]) => tables.gender.counts.reduce((n, row) => n + cats.reduce((s, c) => s + row[column('gender', c)]!, 0), 0);
      const [count, disclosed] = [sum([gender]), sum(DISCLOSED_GENDERS)];
      const d = gcd(count, disclosed) || 1;
      // a share of 4 decimals gives a small fraction away exactly: taken as count/disclosed itself
      if (disclosed > 0) add('gender', `readiness ${goal.id}: share ${goal.current}`, all, DISCLOSED_GENDERS, (c) => (c === gender ? disclosed / d : 0) - count / d);
      if (/^[\d,]+ of /.test(goal.note ?? '')) {
        add('gender', `readiness ${goal.id}: ${count} ${gender}`, all, [gender]);
        add('gender', `readiness ${goal.id}: ${disclosed} disclosed a gender`, all, DISCLOSED_GENDERS);
      }
    }
  }

  // iops dues over its default window: pledging and exempt per row, in all, and the tiers' total
  const dues = duesSummary(org, { from: `${asOf.slice(0, 4)}-01-01`, to: asOf }, 'chapter');
  for (const row of dues.arrears) {
    if (row.pledging !== null) add('pledge', `dues ${row.chapter}: pledging ${row.pledging}`, row.covers, ['pledging']);
    if (row.exempt !== null) add('pledge', `dues ${row.chapter}: exempt ${row.exempt}`, row.covers, ['exempt']);
  }
  if (dues.exempt !== null) add('pledge', `dues: ${dues.exempt} exempt members`, all, ['exempt']);
  if (dues.pledges.members !== null) add('pledge', `dues: ${dues.pledges.members} members with a pledge`, all, ['pledging']);

  const minGroup = org.settings.privacy.min_group;
  return {
    as_of: asOf,
    min_group: minGroup,
    figures: NAMES.reduce((n, name) => n + figures[name].length, 0),
    disclosures: NAMES.flatMap((n) => audit(tables[n], figures[n], minGroup)),
  };
}
