// `iops privacy check`: every breakdown figure the commands would publish for one as-of date,
// gathered by calling the same core functions they call (the chapter report of every chapter,
// readiness, `iops dues` over its default window), written as linear equations over the
// organisation's cells (chapter × category), and audited exactly (audit.ts) for any group of
// 1 to min_group − 1 people that adding and subtracting them gives away.
import { pledgeTiers } from '../dues/pledges.js';
import { duesSummary } from '../dues/summary.js';
import { chaptersAt } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import type { Cell } from '../privacy.js';
import { readiness } from '../readiness.js';
import { buildChapterReport } from '../report/build.js';
import { type Disclosure, type Figure, type Table, audit } from './audit.js';
import { breakdownDate } from './monthEnd.js';
import { type BreakdownName, DISCLOSED_GENDERS, breakdownTable, sharedGenders } from './tables.js';

/** A disclosure, and the day the figures that give it away describe. */
export type DatedDisclosure = Omit<Disclosure, 'cells'> & {
  date: string;
  /** The hidden cells the group is made of, as "chapter: category". */
  cells: string[];
};

/** A disclosure of a table, dated and with its cells named. */
const dated = (table: Table, date: string) => ({ cells, ...d }: Disclosure): DatedDisclosure => ({
  ...d,
  date,
  cells: cells.map(([r, c]) => `${table.rows[r]!.id}: ${table.categories[c]!}`),
});

export interface PrivacyCheck {
  as_of: string;
  /** The month end the reports' breakdowns describe (privacy/monthEnd.ts). */
  breakdowns_as_of: string;
  min_group: number;
  /** How many published figures were audited. */
  figures: number;
  disclosures: DatedDisclosure[];
}

const NAMES: BreakdownName[] = ['gender', 'age_band', 'pledge'];
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const total = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);

/**
 * Breakdowns of people describe the last month end (monthEnd.ts): the reports', readiness's
 * counts behind a gender share, dues's pledging and exempt counts. Those are audited together
 * with the member counts and gender shares of that month end; the member counts and gender
 * shares of the as-of day itself, when it is not a month end, on their own.
 */
export function privacyCheck(org: Organisation, asOf: string): PrivacyCheck {
  const monthEnd = breakdownDate(asOf);
  const parts = [audited(org, monthEnd, asOf), ...(monthEnd === asOf ? [] : [audited(org, asOf, null)])];
  const attendance = attendanceAudit(org, asOf);
  const minGroup = org.settings.privacy.min_group;
  return {
    as_of: asOf,
    breakdowns_as_of: monthEnd,
    min_group: minGroup,
    figures: parts.reduce((n, p) => n + p.figures, 0) + attendance.figures.length,
    disclosures: [...parts.flatMap((p) => p.disclosures), ...audit(attendance.table, attendance.figures, minGroup).map(dated(attendance.table, asOf))],
  };
}

/**
 * The figures describing `date`: with `publishedOn` (a day whose month end is `date`), the
 * breakdowns the reports, readiness and dues print that day; without, only member counts and
 * gender shares.
 */
function audited(org: Organisation, date: string, publishedOn: string | null): { figures: number; disclosures: DatedDisclosure[] } {
  const tables = Object.fromEntries(NAMES.map((n) => [n, breakdownTable(org, date, n)])) as Record<BreakdownName, Table>;
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

  // member counts on the day: reports (current, and their month-end trend), readiness, the dashboard
  for (const n of NAMES) tables[n].rows.forEach((row, r) => add(n, `${row.id}: ${total(tables[n].counts[r]!)} members on ${date}`, [row.id], tables[n].categories));
  // the chapter reports' breakdowns
  if (publishedOn !== null) {
    for (const chapter of chaptersAt(org, publishedOn)) {
      const r = buildChapterReport(org, chapter, publishedOn);
      addCells('gender', chapter.id, 'gender', r.members.gender.cells);
      addCells('age_band', chapter.id, 'age band', r.members.age_band.cells);
      addCells('pledge', chapter.id, 'pledges', r.dues.pledges);
    }
  }
  // readiness (and the dashboard, which shows the same view): each gender share, and its counts when noted
  const all = tables.gender.rows.map((r) => r.id);
  if (org.goals) {
    const view = readiness(org, org.goals, publishedOn ?? date);
    const shares = publishedOn === null || publishedOn === date ? view : readiness(org, org.goals, date);
    for (const gender of sharedGenders(org.goals)) {
      const goal = view.goals.find((g) => g.metric === 'gender_share' && org.goals!.goals.find((x) => x.id === g.id)?.gender === gender)!;
      const sum = (cats: readonly string[]) => tables.gender.counts.reduce((n, row) => n + cats.reduce((s, c) => s + row[column('gender', c)]!, 0), 0);
      const [count, disclosed] = [sum([gender]), sum(DISCLOSED_GENDERS)];
      const d = gcd(count, disclosed) || 1;
      // a share of 4 decimals gives a small fraction away exactly: taken as count/disclosed itself
      const current = shares.goals.find((g) => g.id === goal.id)!.current;
      if (disclosed > 0) add('gender', `readiness ${goal.id}: share ${current} on ${date}`, all, DISCLOSED_GENDERS, (c) => (c === gender ? disclosed / d : 0) - count / d);
      if (publishedOn !== null && /^[\d,]+ of /.test(goal.note ?? '')) {
        add('gender', `readiness ${goal.id}: ${count} ${gender}`, all, [gender]);
        add('gender', `readiness ${goal.id}: ${disclosed} disclosed a gender`, all, DISCLOSED_GENDERS);
      }
    }
  }

  const minGroup = org.settings.privacy.min_group;
  const found = () => NAMES.flatMap((n) => audit(tables[n], figures[n], minGroup).map(dated(tables[n], date)));
  if (publishedOn === null) return { figures: NAMES.reduce((n, name) => n + figures[name].length, 0), disclosures: found() };

  // iops dues over its default window: pledging and exempt per row, in all, and the tiers' total
  const dues = duesSummary(org, { from: `${publishedOn.slice(0, 4)}-01-01`, to: publishedOn }, 'chapter');
  for (const row of dues.arrears) {
    if (row.pledging !== null) add('pledge', `dues ${row.chapter}: pledging ${row.pledging}`, row.covers, ['pledging']);
    if (row.exempt !== null) add('pledge', `dues ${row.chapter}: exempt ${row.exempt}`, row.covers, ['exempt']);
  }
  if (dues.exempt !== null) add('pledge', `dues: ${dues.exempt} exempt members`, all, ['exempt']);
  if (dues.pledges.members !== null) add('pledge', `dues: ${dues.pledges.members} members with a pledge`, all, ['pledging']);

  const tiers = tiersAudit(pledgeTiers(org, date), dues.pledges);
  return {
    figures: NAMES.reduce((n, name) => n + figures[name].length, 0) + tiers.figures.length,
    disclosures: [...found(), ...audit(tiers.table, tiers.figures, minGroup).map(dated(tiers.table, date))],
  };
}

/**
 * Attendance (regular, occasional, absent) is only ever published per chapter, in its report:
 * each chapter's cells and their total (taken as known: it is nearly the member count).
 */
function attendanceAudit(org: Organisation, asOf: string): { table: Table; figures: Figure[] } {
  const categories = ['regular', 'occasional', 'absent'] as const;
  const rows: Table['rows'][number][] = [];
  const counts: number[][] = [];
  const figures: Figure[] = [];
  for (const chapter of chaptersAt(org, asOf)) {
    const attendance = buildChapterReport(org, chapter, asOf, { members: true }).meetings;
    if (!attendance.attendance) continue;
    const r = rows.length;
    rows.push({ id: chapter.id });
    const byMember = attendance.by_member ?? [];
    counts.push(categories.map((k) => byMember.filter((m) => (m.attended === 0 ? 'absent' : m.rate >= 0.5 ? 'regular' : 'occasional') === k).length));
    figures.push({ label: `report ${chapter.id}: members whose attendance is recorded`, cells: categories.map((_, c) => [r, c] as const) });
    categories.forEach((k, c) => {
      const cell = attendance.attendance!.cells[k];
      if (!cell.suppressed) figures.push({ label: `report ${chapter.id}: attendance ${k} ${cell.count}`, cells: [[r, c]] });
    });
  }
  return { table: { name: 'attendance', categories, rows, counts }, figures };
}

/** The pledge tiers are published for the organisation only, with their total (members with a pledge). */
function tiersAudit(counts: number[], pledges: ReturnType<typeof duesSummary>['pledges']): { table: Table; figures: Figure[] } {
  const table: Table = { name: 'pledge tier', categories: pledges.tiers.map((t) => t.label), rows: [{ id: 'organisation' }], counts: [counts] };
  const figures: Figure[] = [];
  if (pledges.members !== null) figures.push({ label: `dues: ${pledges.members} members with a pledge`, cells: table.categories.map((_, c) => [0, c] as const) });
  pledges.tiers.forEach((t, c) => t.members !== null && figures.push({ label: `dues: tier ${t.label} ${t.members}`, cells: [[0, c]] }));
  return { table, figures };
}
