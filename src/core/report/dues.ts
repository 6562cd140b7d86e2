// The dues section: the chapter's scheme and bank account, receipts this month and over the
// collecting window (exact minor units, converted once per currency), who pledges, and
// pledged against received over the window (arrears). See docs/report.md for the arrears rule.
import { monthOf, monthsEndingWith } from '../dates.js';
import { pledgeOn } from '../histories.js';
import { isCurrent } from '../metrics/asof.js';
import { receiptsInMonths } from '../metrics/dues.js';
import type { ChapterRecord, ReceiptRecord } from '../model.js';
import { convertMinor, convertTotals, minorToNumber, toMinor } from '../money.js';
import type { Breakdowns } from './members.js';
import { suppress } from '../privacy.js';
import type { Settings } from '../schema/settings.js';
import { monthEnd, shareOf } from './periods.js';
import type { DuesSection, Money, ReceiptTotals } from './types.js';

type MoneySettings = Pick<Settings, 'currency' | 'rates'>;

/** Pledge periods in twelfths of a month's amount: a quarterly pledge is a third a month. */
const TWELFTHS_PER_MONTH = { month: 12, quarter: 4, year: 1 } as const;

export const money = (minor: number, settings: MoneySettings): Money => ({ amount: minorToNumber(minor, settings.currency), currency: settings.currency });

export function receiptTotals(receipts: readonly ReceiptRecord[], settings: MoneySettings): ReceiptTotals & { minor: number } {
  const byCurrency = new Map<string, number>();
  for (const r of receipts) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.minor);
  const minor = convertTotals(byCurrency, settings);
  const by_currency = Object.fromEntries([...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => [c, minorToNumber(m, c)]));
  return { receipts: receipts.length, total: money(minor, settings), by_currency, minor };
}

/**
 * What current members pledged for the given months, in the reporting currency's minor units:
 * for each month, every member current at its end (at A for A's month) with a pledge adds
 * the pledge in force on the month's first day (or the day they came) per month (a quarterly pledge a third, a yearly one a twelfth). Summed per
 * currency in twelfths of a minor unit, converted, and rounded once.
 */
export function pledgedMinor(chapter: ChapterRecord, asOf: string, months: readonly string[], settings: MoneySettings): number {
  const twelfths = new Map<string, number>();
  for (const month of months) {
    const end = monthEnd(month, asOf);
    const first = `${month}-01`;
    for (const m of chapter.roster) {
      if (!isCurrent(m, end)) continue;
      // the pledge in force when the month's instalment began, as `iops dues` reckons it (dues/pledges.ts)
      const p = m.dues_before ? pledgeOn(m, m.joined > first ? m.joined : first) : m.dues;
      if (!p || p === 'exempt') continue;
      const add = toMinor(p.amount, p.currency)! * TWELFTHS_PER_MONTH[p.every];
      twelfths.set(p.currency, (twelfths.get(p.currency) ?? 0) + add);
    }
  }
  let total = 0;
  for (const [currency, t] of twelfths) total += convertMinor(t, currency, settings);
  return Math.round(total / 12);
}

export function duesSection(chapter: ChapterRecord, asOf: string, windowMonths: number, settings: Settings, { plan, at }: Breakdowns): DuesSection {
  const month = monthOf(asOf);
  const months = monthsEndingWith(month, windowMonths);
  const thisMonth = receiptTotals(receiptsInMonths(chapter.receipts, asOf, [month]), settings);
  const inWindow = receiptsInMonths(chapter.receipts, asOf, months);
  const window = receiptTotals(inWindow, settings);
  // who pledges is a breakdown of people: as of the last month end, like gender (privacy/monthEnd.ts)
  const pledgesAt = chapter.roster.filter((m) => isCurrent(m, at)).map((m) => pledgeOn(m, at));
  const counts = {
    pledging: pledgesAt.filter((p) => p !== undefined && p !== 'exempt').length,
    exempt: pledgesAt.filter((p) => p === 'exempt').length,
    no_pledge: pledgesAt.filter((p) => p === undefined).length,
  };
  // the organisation-wide plan, which `iops dues` reads too (privacy/plan.ts)
  const pledges = (plan.cells('pledge', chapter.id) ?? suppress(counts, settings.privacy.min_group, { totalShown: true })) as DuesSection['pledges'];
  let arrears: DuesSection['arrears'] = null;
  // the pledged total is the sum of a few people's pledges when pledging is a small group
  if (!pledges.pledging.suppressed) {
    const pledged = pledgedMinor(chapter, asOf, months, settings);
    arrears = {
      pledged: money(pledged, settings),
      received: window.total,
      arrears: money(Math.max(0, pledged - window.minor), settings),
      received_share: shareOf(window.minor, pledged),
    };
  }
  const strip = ({ minor: _, ...t }: ReceiptTotals & { minor: number }): ReceiptTotals => t;
  return {
    scheme: chapter.dues?.scheme ?? null,
    bank_account: chapter.dues?.bank_account ?? false,
    agreed: chapter.dues?.agreed ?? null,
    this_month: { month, ...strip(thisMonth) },
    window: { months, months_with_receipts: [...new Set(inWindow.map((r) => monthOf(r.date)))].sort(), ...strip(window) },
    pledges,
    arrears,
  };
}
