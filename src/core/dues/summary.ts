// `iops dues`: receipts in a window summed exactly per currency, grouped by chapter, branch,
// month or currency; each group's and the grand total in the reporting currency; pledged
// against received per chapter; exempt members and pledge tiers as counts, with small groups
// suppressed. Pure: the command picks the window and renders the view.
import type { Organisation, ReceiptRecord } from '../model.js';
import { monthOf } from '../dates.js';
import { suppress } from '../privacy.js';
import { type DisclosurePlan, disclosurePlan } from '../privacy/plan.js';
import { breakdownDate } from '../privacy/monthEnd.js';
import { type ChapterPledges, type DuesWindow, type Received, addReceived, chapterPledges, pledgeTiers } from './pledges.js';
import { type Balance, balancesAt } from './balances.js';
import { PLEDGE_TIERS, type Tier } from './scale.js';
import { type CurrencyTotals, addAmount, apportion, exactValue, inReportingCurrency, mergeTotals } from './totals.js';

import type { Grouping } from '../choices.js';
export { GROUPINGS, type Grouping } from '../choices.js';

export const NO_BRANCH = '(no branch)';

export interface DuesRow {
  key: string;
  /** In the reporting currency's minor units: each currency's total converted once. */
  total: number;
  byCurrency: CurrencyTotals;
  receipts: number;
}

export interface ArrearsRow {
  /** The chapter id, or OTHER_CHAPTERS for the chapters with fewer than min_group pledging members. */
  chapter: string;
  /** How many chapters the row covers. */
  chapters: number;
  /** Members whose pledge fell due in the window; null when fewer than min_group (then no pledged sum either). */
  pledging: number | null;
  pledged: number | null;
  received: number;
  /** Pledged minus received, as shown (negative when the chapter received more than was pledged). */
  arrears: number | null;
  /** Exempt members at the last month end (`pledgesAsOf`); null when suppressed. */
  exempt: number | null;
  /** The chapters the row covers (for `iops privacy check`; not printed). */
  covers: string[];
}

export interface TierCount extends Tier {
  members: number | null;
}

export interface DuesSummary {
  organization: string;
  currency: string;
  from: string;
  to: string;
  by: Grouping;
  total: number;
  byCurrency: CurrencyTotals;
  receipts: number;
  rows: DuesRow[];
  /** The rates used, for the currencies that occur: 1 unit in the reporting currency. */
  rates: Record<string, number>;
  arrears: ArrearsRow[];
  /** Sums over the rows whose pledges are shown (the rows add up to them); `hiddenChapters` are in a row of fewer than min_group pledging members. */
  arrearsTotal: { pledged: number; received: number; arrears: number; hiddenChapters: number };
  exempt: number | null;
  /** The month end the counts of exempt members and of members with a pledge describe (privacy/monthEnd.ts). */
  pledgesAsOf: string;
  /** Members with a pledge at `pledgesAsOf`; null when the privacy plan hides it. */
  pledges: { members: number | null; tiers: TierCount[] };
  minGroup: number;
  /** Where the money is held at the window's last day: every account's balance from the beginning (balances.ts). */
  balances: Balance[];
}

/**
 * Receipts dated within the window, both ends included, chapter by chapter: one chapter's
 * receipts at a time (when the ledgers came as sums, the receipt source reads a chapter's when
 * asked, and need not keep them).
 */
function* receiptsInWindow(org: Organisation, w: DuesWindow): Generator<ReceiptRecord> {
  for (const c of org.chapters) for (const r of org.receipts.of(c)) if (r.date >= w.from && r.date <= w.to) yield r;
}

/** Receipts dated within the window, both ends included, oldest first. */
export function receiptsIn(org: Organisation, w: DuesWindow): ReceiptRecord[] {
  return [...receiptsInWindow(org, w)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.chapter < b.chapter ? -1 : a.chapter > b.chapter ? 1 : (a.index ?? 0) - (b.index ?? 0)));
}

function keyOf(org: Organisation, r: ReceiptRecord, by: Grouping): string {
  if (by === 'chapter') return r.chapter;
  if (by === 'branch') return org.chapterById.get(r.chapter)?.branch ?? NO_BRANCH;
  if (by === 'month') return monthOf(r.date);
  return r.currency;
}

export function duesSummary(org: Organisation, w: DuesWindow, by: Grouping): DuesSummary {
  const settings = org.settings;
  // who pledges or is exempt is a breakdown of people: as of the last month end, as in the report
  const pledgesAsOf = breakdownDate(w.to);
  const groups = new Map<string, { byCurrency: CurrencyTotals; receipts: number }>();
  const byCurrency: CurrencyTotals = new Map();
  const received: Received = new Map();
  let receipts = 0;
  for (const r of receiptsInWindow(org, w)) {
    receipts++;
    addReceived(received, org, r);
    const key = keyOf(org, r, by);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { byCurrency: new Map(), receipts: 0 }));
    addAmount(g.byCurrency, r.currency, r.minor);
    g.receipts++;
    addAmount(byCurrency, r.currency, r.minor);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a === NO_BRANCH ? 1 : b === NO_BRANCH ? -1 : a < b ? -1 : 1))
    .map(([key, g]) => ({ key, total: inReportingCurrency(g.byCurrency, settings), byCurrency: g.byCurrency, receipts: g.receipts }));
  const rates = Object.fromEntries(
    [...byCurrency.keys()].filter((c) => c !== settings.currency).sort().map((c) => [c, settings.rates![c]!]),
  );
  return {
    organization: settings.organization,
    currency: settings.currency,
    from: w.from,
    to: w.to,
    by,
    total: inReportingCurrency(byCurrency, settings),
    byCurrency,
    receipts,
    rows,
    rates,
    ...arrearsView(org, chapterPledges(org, w, received), disclosurePlan(org, pledgesAsOf)),
    pledgesAsOf,
    pledges: tiersView(pledgeTiers(org, pledgesAsOf), settings.privacy.min_group, disclosurePlan(org, pledgesAsOf).pledgingShown()),
    minGroup: settings.privacy.min_group,
    balances: balancesAt(org, w.to),
  };
}

/**
 * Pledged against received per chapter over the window, exactly as `iops dues` shows them (the
 * same rows, the same rounding): the chapter's report reads its own row from here. `plan` is
 * the privacy plan as of the window's last month end, when the caller has it already.
 */
export function arrearsTable(org: Organisation, w: DuesWindow, plan: DisclosurePlan = disclosurePlan(org, breakdownDate(w.to))): ArrearsTable {
  // memoised per plan (so per organisation) and window: `report --all` asks once a chapter, and
  // each table goes through every member's pledges and every receipt
  let tables = arrearsTables.get(plan);
  if (!tables) arrearsTables.set(plan, (tables = new Map()));
  const key = `${w.from} ${w.to}`;
  let table = tables.get(key);
  if (!table) {
    const received: Received = new Map();
    for (const r of receiptsInWindow(org, w)) addReceived(received, org, r);
    tables.set(key, (table = arrearsView(org, chapterPledges(org, w, received), plan)));
  }
  return table;
}
type ArrearsTable = Pick<DuesSummary, 'arrears' | 'arrearsTotal' | 'exempt'>;
const arrearsTables = new WeakMap<DisclosurePlan, Map<string, ArrearsTable>>();

/** The row that gathers chapters with fewer than min_group pledging members. */
export const OTHER_CHAPTERS = '(other chapters)';

/**
 * A row per chapter whose pledging count the organisation-wide privacy plan shows (the same
 * cells as the chapter's report, as of the window's end); the others together in one row,
 * shown when the plan shows the organisation's count of members with a pledge (the row is
 * then that count less the rows shown) and it holds at least min_group. Exempt counts are the
 * plan's cells too.
 */
function arrearsView(org: Organisation, chapters: ChapterPledges[], plan: DisclosurePlan): Pick<DuesSummary, 'arrears' | 'arrearsTotal' | 'exempt'> {
  const min = org.settings.privacy.min_group;
  const cell = (c: ChapterPledges, k: 'pledging' | 'exempt') => plan.cells('pledge', c.chapter)?.[k];
  // exempt members as of the plan's month end, the day every count of people describes
  const table = plan.breakdown('pledge').table;
  const exemptAt = (id: string) => table.counts[table.rows.findIndex((r) => r.id === id)]?.[1] ?? 0;
  // the plan's cell counts current pledging members; a chapter's row here counts pledges due in
  // the window, which is at least min_group whenever it stands alone
  const ownRow = (c: ChapterPledges) => cell(c, 'pledging')?.suppressed === false && c.pledging >= min;
  const own = chapters.filter(ownRow);
  // with the chapters whose pledging cell is hidden though nobody there pledged in the window:
  // they add nothing, but leaving them out would tell that they hold no pledging member
  const listed = new Set(chapters.map((c) => c.chapter));
  const empty = (id: string): ChapterPledges => ({ chapter: id, pledging: 0, exempt: 0, pledged: new Map(), received: new Map(), receipts: 0 });
  const silent = plan.breakdown('pledge').table.rows.filter((r) => !listed.has(r.id) && plan.cells('pledge', r.id)?.pledging?.suppressed).map((r) => empty(r.id));
  const rest = [...chapters.filter((c) => !ownRow(c)), ...silent];
  const groups = own.map((c) => ({ ...c, exempt: exemptAt(c.chapter), chapters: 1, covers: [c.chapter], shown: true, exemptShown: cell(c, 'exempt')?.suppressed === false }));
  if (rest.length > silent.length) {
    const other = { chapter: OTHER_CHAPTERS, chapters: rest.length, covers: rest.map((c) => c.chapter), pledging: 0, exempt: 0, pledged: new Map(), received: new Map(), receipts: 0, shown: false, exemptShown: false };
    for (const c of rest) {
      other.pledging += c.pledging;
      other.exempt += exemptAt(c.chapter);
      other.receipts += c.receipts;
      mergeTotals(other.pledged, c.pledged);
      mergeTotals(other.received, c.received);
    }
    // a 0 too is a count: in a chapter whose report hides its cells it tells every member's status
    const restShown = (k: 'pledging' | 'exempt') => rest.every((c) => cell(c, k)?.suppressed === false);
    other.shown = (plan.pledgingShown() && other.pledging >= min) || (other.pledging === 0 && restShown('pledging'));
    // a sum of hidden cells that the organisation's total would not give: only when it adds nothing
    other.exemptShown = restShown('exempt');
    groups.push(other);
  }
  const exemptTotal = table.counts.reduce((n, row) => n + row[1]!, 0);
  // the shown rows' pledged and received are apportioned from their exact values, so that each
  // column adds up to its total; a row's arrears is its pledged less its received, so that
  // column adds up too and its total is pledged − received exactly
  const shownGroups = groups.filter((g) => g.shown);
  const pledgedCol = apportion(shownGroups.map((g) => exactValue(g.pledged, org.settings)));
  const receivedCol = apportion(shownGroups.map((g) => exactValue(g.received, org.settings)));
  const hiddenChapters = groups.filter((g) => !g.shown).reduce((n, g) => n + g.chapters, 0);
  const arrears = groups.map((g): ArrearsRow => {
    const at = shownGroups.indexOf(g);
    const pledged = at >= 0 ? pledgedCol.rows[at]! : null;
    const received = at >= 0 ? receivedCol.rows[at]! : inReportingCurrency(g.received, org.settings);
    return {
      chapter: g.chapter,
      chapters: g.chapters,
      pledging: g.shown ? g.pledging : null,
      pledged,
      received,
      arrears: pledged === null ? null : pledged - received,
      exempt: g.exemptShown ? g.exempt : null,
      covers: g.covers,
    };
  });
  return {
    arrears,
    arrearsTotal: {
      pledged: pledgedCol.total,
      received: receivedCol.total,
      arrears: pledgedCol.total - receivedCol.total,
      hiddenChapters,
    },
    // even a 0: that nobody in the organisation is exempt tells a one-member chapter's status
    exempt: plan.exemptShown() ? exemptTotal : null,
  };
}

/** Counts as they may be shown (privacy.ts); when nobody is counted at all, zeros give nothing away. */
function shownCounts(cells: [string, number][], total: number, min: number): Record<string, number | null> {
  if (total === 0) return Object.fromEntries(cells);
  const shown = suppress(Object.fromEntries(cells), min, { totalShown: true });
  return Object.fromEntries(cells.map(([k]) => [k, shown[k]!.count]));
}

/** The tiers of the scale, suppressed among themselves; none when the plan hides their total. */
function tiersView(counts: number[], min: number, totalShown: boolean): DuesSummary['pledges'] {
  const members = counts.reduce((a, b) => a + b, 0);
  if (!totalShown) return { members: null, tiers: PLEDGE_TIERS.map((t) => ({ ...t, members: null })) };
  const shown = shownCounts(PLEDGE_TIERS.map((t, i) => [t.label, counts[i]!]), members, min);
  return { members, tiers: PLEDGE_TIERS.map((t) => ({ ...t, members: shown[t.label]! })) };
}
