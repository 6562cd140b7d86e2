// chapters_collecting_dues and dues_income: a bank account and receipts in enough recent
// months; income per month in the reporting currency.
import { addMonths, monthOf, monthsEndingWith } from '../dates.js';
import type { ChapterRecord, Organisation, ReceiptRecord } from '../model.js';
import type { Definitions } from '../schema/definitions.js';
import { PositiveInt } from '../schema/common.js';
import { convertTotals, minorToNumber } from '../money.js';
import { monthsWithReceipts, totalsInMonths } from '../receiptMonths.js';
import { chapterExists, plural } from './asof.js';
import { type Verdict, chapterMetric, verdictMetric } from './metric.js';

export type CollectingDefinition = NonNullable<Definitions['collecting_dues']>;

export function collectingVerdict(chapter: ChapterRecord, asOf: string, def: CollectingDefinition): Verdict & { months: string[] } {
  const window = monthsEndingWith(monthOf(asOf), def.window_months);
  const months = monthsWithReceipts(chapter.receiptMonths, asOf, window);
  const monthsText = `receipts in ${months.length} of the last ${def.window_months} months`;
  const failures: string[] = [];
  if (!chapter.dues?.bank_account) failures.push('no bank account');
  if (months.length < def.min_months) failures.push(`${monthsText}, needs ${def.min_months}`);
  return {
    id: chapter.id,
    counts: failures.length === 0,
    reason: failures.length ? failures.join('; ') : `bank account, ${monthsText}`,
    months,
  };
}

/** Receipts dated in the given calendar months and on or before A. */
export function receiptsInMonths(receipts: readonly ReceiptRecord[], asOf: string, months: readonly string[]): ReceiptRecord[] {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return receipts.filter((r) => r.date <= asOf && monthOf(r.date) >= first && monthOf(r.date) <= last);
}

export const chaptersCollectingDues = verdictMetric({
  name: 'chapters_collecting_dues',
  unit: 'count',
  params: {},
  needs: ['collecting_dues'],
  verdict: (_org, c, asOf, _params, definitions) => (chapterExists(c, asOf) ? collectingVerdict(c, asOf, definitions.collecting_dues!) : undefined),
});

/** Every chapter's receipts dated in `months` and on or before A: sums per currency (minor units) and their count. */
export function receivedInMonths(org: Organisation, asOf: string, months: readonly string[]): { totals: Map<string, number>; count: number } {
  const totals = new Map<string, number>();
  let count = 0;
  for (const c of org.chapters) {
    const inMonths = totalsInMonths(c.receiptMonths, asOf, months, () => org.receipts.of(c));
    for (const [currency, minor] of inMonths.totals) totals.set(currency, (totals.get(currency) ?? 0) + minor);
    count += inMonths.count;
  }
  return { totals, count };
}

/** A chapter's receipts in the window: [currency, minor units] in the order first met, and how many. */
type IncomePart = { totals: [string, number][]; count: number };

export const duesIncome = chapterMetric({
  name: 'dues_income',
  unit: 'money',
  params: { window_months: PositiveInt.min(1, { error: 'must be at least 1 month' }) },
  part(org, c, asOf, params): IncomePart {
    const { totals, count } = totalsInMonths(c.receiptMonths, asOf, monthsEndingWith(monthOf(asOf), params.window_months), () => org.receipts.of(c));
    return { totals: [...totals], count };
  },
  total(parts, org, asOf, params) {
    // summed chapter by chapter, currencies in the order met: as receivedInMonths does
    const totals = new Map<string, number>();
    let receipts = 0;
    for (const p of parts) {
      for (const [currency, minor] of p.totals) totals.set(currency, (totals.get(currency) ?? 0) + minor);
      receipts += p.count;
    }
    const minor = Math.round(convertTotals(totals, org.settings) / params.window_months);
    const first = addMonths(monthOf(asOf), 1 - params.window_months);
    return {
      value: minorToNumber(minor, org.settings.currency),
      note: `${plural(receipts, 'receipt')} from ${first} to ${asOf}, per month over ${plural(params.window_months, 'month')}`,
    };
  },
});
