// The disclosure audit: given a table of counts (chapters × the categories of one breakdown)
// and the figures published about it — each a sum over some of its cells — which groups of
// 1 to min_group − 1 people can a reader work out by adding and subtracting those figures?
// Exact: the published figures are linear equations over the cells; a group's size is
// derivable exactly when its cells' indicator lies in the span of the equations (span.ts).
// See docs/privacy.md, "What the check proves".
import { LinearModel } from './span.js';

/** One breakdown over the organisation: rows are chapters, columns categories. */
export interface Table {
  /** What the categories break down ("gender", "age band", "pledge"). */
  name: string;
  categories: readonly string[];
  rows: readonly { id: string; branch?: string | undefined }[];
  /** counts[row][column], the true values. */
  counts: readonly (readonly number[])[];
}

/** A published figure: the sum of these cells, as some command prints it. */
export interface Figure {
  /** Where it is published, in words ("report leeds: members 1"). */
  label: string;
  cells: readonly (readonly [row: number, column: number])[];
  /** Each cell's coefficient when not 1 (a share p/q publishes q·count − p·disclosed = 0). */
  weights?: readonly number[];
}

/** A group of fewer than min_group people the figures give away. */
export interface Disclosure {
  breakdown: string;
  /** "chapter leeds", "branch uk" or "organisation". */
  within: string;
  categories: string[];
  count: number;
  /** The figures that, added and subtracted, give the count. */
  figures: string[];
  /** The hidden cells the group is made of: what suppression would have to break up. */
  cells: [number, number][];
}

/** The groups a disclosure is looked for within: each chapter, each branch, the organisation. */
function scopes(table: Table): { within: string; rows: number[] }[] {
  const out = table.rows.map((r, i) => ({ within: `chapter ${r.id}`, rows: [i] }));
  const branches = new Map<string, number[]>();
  table.rows.forEach((r, i) => {
    if (r.branch !== undefined) branches.set(r.branch, [...(branches.get(r.branch) ?? []), i]);
  });
  for (const [id, rows] of [...branches].sort(([a], [b]) => (a < b ? -1 : 1))) if (rows.length > 1) out.push({ within: `branch ${id}`, rows });
  if (table.rows.length > 1) out.push({ within: 'organisation', rows: table.rows.map((_, i) => i) });
  return out;
}

/** Up to this many chapters, every combination of those with a hidden set of categories is tried. */
const MAX_ROWS_ENUMERATED = 6;

/**
 * Per set of categories, groups across chapters where none of them is shown ("the men and
 * non-binary members of the chapters that hide both"): an organisation-wide total less the
 * cells shown, and less the chapters whose part is known, gives such sums. The chapters whose
 * part is determined on its own are left out (it is a chapter group, checked as one); of the
 * rest, every combination when they are few, else all of them together.
 */
function acrossChapters(table: Table, unknown: ReadonlySet<number>, known: (rows: number[], columns: number[]) => boolean): { within: string; rows: number[]; columns: number[] }[] {
  const cols = table.categories.length;
  const out: { within: string; rows: number[]; columns: number[] }[] = [];
  for (const columns of subsets(table.categories.map((_, c) => c))) {
    if (columns.length === cols) continue;
    const hidden = table.rows.map((_, r) => r).filter((r) => columns.every((c) => unknown.has(r * cols + c)) && !known([r], columns));
    if (hidden.length < 2) continue;
    const sets = hidden.length <= MAX_ROWS_ENUMERATED ? subsets(hidden).filter((rows) => rows.length > 1) : [hidden];
    for (const rows of sets) out.push({ within: `chapters ${rows.map((r) => table.rows[r]!.id).join(', ')}`, rows, columns });
  }
  return out;
}

/** Non-empty proper subsets of the column indices given. */
function subsets(columns: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << columns.length; mask++) out.push(columns.filter((_, i) => mask & (1 << i)));
  return out;
}

/** How many shown cells a disclosure names among its figures, before "and N more". */
const NAMED_CELLS = 12;

/**
 * Every group — a set of categories within a chapter, a branch or the organisation (all of a
 * scope's categories is its member count, which is published and not a breakdown) — whose size
 * is 1 to minGroup − 1 and follows exactly from the figures.
 */
export function audit(table: Table, figures: readonly Figure[], minGroup: number): Disclosure[] {
  const cols = table.categories.length;
  // a figure of one cell shows that cell; the others are equations over the cells not shown
  const shownBy = new Map<number, Figure>();
  for (const f of figures) if (f.cells.length === 1) shownBy.set(f.cells[0]![0] * cols + f.cells[0]![1], f);
  const unknown = new Set<number>();
  table.counts.forEach((row, r) => row.forEach((_, c) => !shownBy.has(r * cols + c) && unknown.add(r * cols + c)));
  const isHidden = ([r, c]: readonly [number, number]) => unknown.has(r * cols + c);
  // a chapter's member count covers its own cells; every other sum couples chapters
  const totals = table.rows.map((): Figure | undefined => undefined);
  const couplings: Figure[] = [];
  for (const f of figures) {
    if (f.cells.length < 2) continue;
    const r = f.cells[0]![0];
    if (!f.weights && f.cells.length === cols && f.cells.every(([x], i) => x === r && f.cells.findIndex(([, c]) => c === f.cells[i]![1]) === i)) totals[r] = f;
    else couplings.push(f);
  }
  const model = new LinearModel(
    table.rows.map((_, r) => table.categories.map((_, c) => c).filter((c) => unknown.has(r * cols + c))),
    totals.map((t) => t !== undefined),
    couplings.map((f) => {
      const keep = f.cells.map((cell) => isHidden(cell));
      return { cells: f.cells.filter((_, k) => keep[k]), weights: f.weights?.filter((_, k) => keep[k]) };
    }),
  );
  const out: Disclosure[] = [];
  const seen = new Set<string>();
  // a figure that shows a small group outright
  for (const [key, f] of shownBy) {
    const [r, c] = f.cells[0]!;
    const count = table.counts[r]![c]!;
    if (count < 1 || count >= minGroup) continue;
    seen.add(`shown ${key}`);
    out.push({ breakdown: table.name, within: `chapter ${table.rows[r]!.id}`, categories: [table.categories[c]!], count, figures: [f.label], cells: [[r, c]] });
  }
  const hiddenOf = (rows: readonly number[], columns: readonly number[]) => rows.flatMap((r) => columns.filter((c) => unknown.has(r * cols + c)).map((c) => [r, c] as [number, number]));
  const groups = [
    ...scopes(table).flatMap((scope) => {
      // only categories with nobody shown in the scope can make a group under minGroup
      const open = table.categories.map((_, c) => c).filter((c) => scope.rows.every((r) => unknown.has(r * cols + c) || table.counts[r]![c] === 0));
      return subsets(open).filter((columns) => columns.length < cols).map((columns) => ({ within: scope.within, rows: scope.rows, columns }));
    }),
    ...acrossChapters(table, unknown, (rows, columns) => model.isDetermined(hiddenOf(rows, columns))),
  ];
  for (const { within, rows, columns } of groups) {
    const count = rows.reduce((n, r) => n + columns.reduce((k, c) => k + table.counts[r]![c]!, 0), 0);
    if (count < 1 || count >= minGroup) continue;
    const hiddenCells = hiddenOf(rows, columns);
    const key = hiddenCells.map(([r, c]) => r * cols + c).join(',');
    if (seen.has(key)) continue;
    if (!model.isDetermined(hiddenCells)) continue;
    const used = model.determines(hiddenCells)!;
    seen.add(key);
    out.push({
      breakdown: table.name,
      within,
      categories: columns.map((c) => table.categories[c]!),
      count,
      figures: namedFigures(table, used, totals, couplings, shownBy),
      cells: hiddenCells,
    });
  }
  return out;
}

/** The figures a derivation adds and subtracts: coupling figures, member counts, and the shown cells taken off them. */
function namedFigures(table: Table, used: { couplings: number[]; totals: number[] }, totals: readonly (Figure | undefined)[], couplings: readonly Figure[], shownBy: ReadonlyMap<number, Figure>): string[] {
  const cols = table.categories.length;
  const cells = new Set<number>();
  for (const r of used.totals) for (let c = 0; c < cols; c++) cells.add(r * cols + c);
  for (const j of used.couplings) for (const [r, c] of couplings[j]!.cells) cells.add(r * cols + c);
  const shown = [...cells].filter((k) => shownBy.has(k) && table.counts[Math.floor(k / cols)]![k % cols] !== 0).map((k) => shownBy.get(k)!.label);
  const more = shown.length > NAMED_CELLS ? [`and ${shown.length - NAMED_CELLS} more shown cells`] : [];
  return [...used.couplings.map((j) => couplings[j]!.label), ...used.totals.map((r) => totals[r]!.label), ...shown.slice(0, NAMED_CELLS), ...more];
}
