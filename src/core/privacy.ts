// Small-cell suppression: a breakdown of people (by gender, age band, pledge, attendance…)
// never shows a group of fewer than `min_group` people, nor a group that would let a reader
// work such a group out by subtracting shown cells from a shown total. Pure and reusable:
// readiness, dashboards and dues reports use the same rule. See docs/privacy.md.
import { thousands } from './thousands.js';

/** One cell of a breakdown as it may be shown: the count, or null when suppressed. */
export interface Cell {
  count: number | null;
  suppressed: boolean;
}

export interface SuppressOptions {
  /**
   * Whether the breakdown's total is shown (or can be worked out elsewhere, such as the
   * chapter's member count). Then one suppressed cell is not enough: it would be the total
   * minus the shown cells.
   */
  totalShown: boolean;
}

/**
 * The cells as they may be shown.
 * 1. A breakdown of fewer than `minGroup` people in all shows no cell at all.
 * 2. Primary: every cell of 1 to minGroup − 1 people is suppressed (an empty cell describes nobody).
 * 3. Secondary, when the total is shown: while cells are suppressed and either only one is, or
 *    together they hold fewer than `minGroup` people (a member could subtract themselves and
 *    learn about the rest), the smallest shown non-empty cell is suppressed too (ties: the
 *    first listed). Hiding an empty cell would add no doubt about the hidden sum.
 */
export function suppress<K extends string>(cells: Readonly<Record<K, number>>, minGroup: number, opts: SuppressOptions): Record<K, Cell> {
  const keys = Object.keys(cells) as K[];
  const total = keys.reduce((n, k) => n + cells[k], 0);
  const hidden = new Set<K>();
  if (total < minGroup) {
    for (const k of keys) hidden.add(k);
  } else {
    for (const k of keys) if (cells[k] > 0 && cells[k] < minGroup) hidden.add(k);
    if (opts.totalShown) {
      const hiddenSum = () => [...hidden].reduce((n, k) => n + cells[k], 0);
      while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < minGroup)) {
        let smallest: K | undefined;
        for (const k of keys) if (!hidden.has(k) && cells[k] > 0 && (smallest === undefined || cells[k] < cells[smallest])) smallest = k;
        if (smallest === undefined) break;
        hidden.add(smallest);
      }
    }
  }
  const out = {} as Record<K, Cell>;
  for (const k of keys) out[k] = hidden.has(k) ? { count: null, suppressed: true } : { count: cells[k], suppressed: false };
  return out;
}

/** Whether any cell of a suppressed breakdown is hidden. */
export const anySuppressed = (cells: Readonly<Record<string, Cell>>): boolean => Object.values(cells).some((c) => c.suppressed);

/** How a suppressed cell reads in text: the same words for every hidden cell, so none stands out. */
export const SUPPRESSED_TEXT = 'not shown';

/** The line that explains hidden cells, under any breakdown that has one. */
export const privacyNote = (minGroup: number): string =>
  `Not shown: groups of fewer than ${minGroup} people, and any count that would reveal one by subtraction.`;

/** A cell's count as text: the number with separators, or "not shown". */
export const cellText = (cell: Cell): string => (cell.count === null ? SUPPRESSED_TEXT : thousands(cell.count));
