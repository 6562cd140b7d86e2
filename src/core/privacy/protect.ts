// Suppression for one breakdown over the whole organisation: which chapter cells, and which
// organisation-level figures, may be shown. Primary suppression hides every cell of 1 to
// min_group − 1 people (and every cell of a chapter with fewer than min_group members);
// secondary (complementary) suppression then hides more until the audit (audit.ts) finds no
// small group derivable from what is left — across the cells of a chapter, across chapters
// through the organisation's totals, and within branches. The audit is exact, so the result
// is safe by construction for the figures modelled here; `iops privacy check` audits the
// figures the commands actually print. Hundepool et al., Statistical Disclosure Control
// (Wiley 2012), ch. 4: primary and secondary cell suppression, with the pattern audited.
import { suppress } from '../privacy.js';
import { type Disclosure, type Figure, type Table, audit } from './audit.js';

/** An organisation-level figure: for each form, the sum of its columns over every chapter. */
export interface Margin {
  label: string;
  /** Column sets; the margin is shown or hidden as a whole (a share needs both its counts). */
  forms: readonly (readonly number[])[];
  /** Per form, each column's coefficient when not 1 (a share p/q: q on its gender, −p on every disclosed one). */
  weights?: readonly (readonly number[])[];
  /** Always published (readiness's gender share): never hidden, the cells around it are. */
  fixed?: boolean;
}

export interface Protection {
  /** hidden[row][column] */
  hidden: boolean[][];
  /** Whether each margin may be shown. */
  margins: boolean[];
}

/** The figures a protection pattern publishes: member counts, shown cells, shown margins. */
export function publishedFigures(table: Table, margins: readonly Margin[], p: Protection): Figure[] {
  const figures: Figure[] = table.rows.map((r, i) => ({ label: `${r.id}: members`, cells: table.categories.map((_, c) => [i, c] as const) }));
  table.rows.forEach((r, i) =>
    table.categories.forEach((cat, c) => {
      if (!p.hidden[i]![c]) figures.push({ label: `${r.id}: ${table.name} ${cat}`, cells: [[i, c]] });
    }),
  );
  margins.forEach((m, k) => {
    if (!p.margins[k]) return;
    m.forms.forEach((form, f) => {
      const weights = m.weights?.[f];
      figures.push({
        label: m.label,
        cells: table.rows.flatMap((_, i) => form.map((c) => [i, c] as const)),
        ...(weights ? { weights: table.rows.flatMap(() => weights) } : {}),
      });
    });
  });
  return figures;
}

/**
 * The start: each chapter on its own (privacy.ts's rule: primary suppression, and secondary
 * within the chapter, its member count being shown); a margin of 1 to minGroup − 1 is hidden.
 */
function primary(table: Table, margins: readonly Margin[], minGroup: number): Protection {
  const small = (n: number) => n > 0 && n < minGroup;
  const rowRule = (row: readonly number[]) => {
    const cells = suppress(Object.fromEntries(row.map((n, c) => [String(c), n])), minGroup, { totalShown: true });
    return row.map((_, c) => cells[String(c)]!.suppressed);
  };
  return {
    hidden: table.counts.map(rowRule),
    margins: margins.map((m) => m.fixed === true || m.forms.every((form) => !small(table.counts.reduce((n, row) => n + form.reduce((s, c) => s + row[c]!, 0), 0)))),
  };
}

type Step = { cell: [number, number] } | { margin: number };

/** What could be hidden to break a disclosure up, most preferred first. */
function candidates(table: Table, all: readonly Margin[], p: Protection, d: Disclosure): Step[] {
  const rows = new Set(d.cells.map(([r]) => r));
  const cols = new Set(d.cells.map(([, c]) => c));
  const shownCells = (keep: (r: number, c: number) => boolean): Step[] =>
    table.counts
      .flatMap((row, r) => row.map((n, c) => ({ r, c, n })))
      .filter(({ r, c }) => !p.hidden[r]![c] && keep(r, c))
      // an empty cell last: it rarely adds doubt, but a 0 of undisclosed pins down the
      // denominator of a published share
      .sort((a, b) => Number(a.n === 0) - Number(b.n === 0) || a.n - b.n || a.r - b.r || a.c - b.c)
      .map(({ r, c }) => ({ cell: [r, c] as [number, number] }));
  // the least important margins (listed last) go first; a margin (a count printed once, in
  // readiness's note or dues's summary) before another chapter's cell of the report
  const margins = p.margins.flatMap((shown, k) => (shown && !all[k]!.fixed ? [{ margin: k }] : [])).reverse();
  return [...shownCells((r) => rows.has(r)), ...margins, ...shownCells((r, c) => !rows.has(r) && cols.has(c))];
}

const apply = (p: Protection, s: Step): Protection => {
  const next = { hidden: p.hidden.map((row) => [...row]), margins: [...p.margins] };
  if ('cell' in s) next.hidden[s.cell[0]]![s.cell[1]] = true;
  else next.margins[s.margin] = false;
  return next;
};

const sameGroup = (a: Disclosure, b: Disclosure) => a.within === b.within && a.categories.join() === b.categories.join();

/** How many candidates are tried for the one that breaks a disclosure up, before taking the first. */
const TRIES = 8;

/**
 * Protections worked out before, remembered by the load layer (load/protections.ts): protect is
 * a pure function of its input, so a remembered one is the one it would compute (at five years
 * it takes about a second, for a table that changes only when members do).
 */
export interface ProtectionMemo {
  recall(input: { table: Table; margins: readonly Margin[]; minGroup: number }, compute: () => Protection): Protection;
}

export function protect(table: Table, margins: readonly Margin[], minGroup: number): Protection {
  let p = primary(table, margins, minGroup);
  // each round hides one more cell or margin, so this ends
  for (;;) {
    const found = audit(table, publishedFigures(table, margins, p), minGroup);
    if (found.length === 0) return p;
    const d = found[0]!;
    const steps = candidates(table, margins, p, d);
    // only the always-published share is left: nothing to hide (`iops privacy check` would name it)
    if (steps.length === 0) return p;
    const fixes = steps.slice(0, TRIES).find((s) => !audit(table, publishedFigures(table, margins, apply(p, s)), minGroup).some((e) => sameGroup(e, d)));
    p = apply(p, fixes ?? steps[0]!);
  }
}
