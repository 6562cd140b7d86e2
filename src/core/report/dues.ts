// The dues section: the chapter's scheme and bank account, receipts this month and over the
// collecting window (exact minor units, converted once per currency), who pledges, and
// pledged against received over the window (arrears, as `iops dues` reckons them for the same
// window). See docs/report.md for the arrears rule.
import { monthOf, monthsEndingWith } from '../dates.js';
import { arrearsTable } from '../dues/summary.js';
import { pledgeOn } from '../histories.js';
import { isCurrent } from '../metrics/asof.js';
import { receiptsInMonths } from '../metrics/dues.js';
import type { ChapterRecord, Organisation, ReceiptRecord } from '../model.js';
import { convertTotals, minorToNumber } from '../money.js';
import type { Breakdowns } from './members.js';
import { suppress } from '../privacy.js';
import type { Settings } from '../schema/settings.js';
import { shareOf } from './periods.js';
import type { DuesSection, Money, ReceiptTotals } from './types.js';

type MoneySettings = Pick<Settings, 'currency' | 'rates'>;

export const money = (minor: number, settings: MoneySettings): Money => ({ amount: minorToNumber(minor, settings.currency), currency: settings.currency });

export function receiptTotals(receipts: readonly ReceiptRecord[], settings: MoneySettings): ReceiptTotals & { minor: number } {
  const byCurrency = new Map<string, number>();
  for (const r of receipts) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.minor);
  const minor = convertTotals(byCurrency, settings);
  const by_currency = Object.fromEntries([...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => [c, minorToNumber(m, c)]));
  return { receipts: receipts.length, total: money(minor, settings), by_currency, minor };
}

export function duesSection(org: Organisation, chapter: ChapterRecord, asOf: string, windowMonths: number, { plan, at }: Breakdowns): DuesSection {
  const settings = org.settings;
  const month = monthOf(asOf);
  const months = monthsEndingWith(month, windowMonths);
  const receipts = org.receipts.of(chapter);
  const thisMonth = receiptTotals(receiptsInMonths(receipts, asOf, [month]), settings);
  const inWindow = receiptsInMonths(receipts, asOf, months);
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
  // pledged against received: the row `iops dues --from <the window's first day> --to A` shows
  // for the chapter (dues/summary.ts), from the ledgers the report reads (its own: docs/report.md);
  // none when that table folds the chapter into its other chapters (a few people's pledges)
  const w = { from: `${months[0]}-01`, to: asOf };
  const row = pledges.pledging.suppressed ? undefined : arrearsTable(org, w, plan).arrears.find((r) => r.chapter === chapter.id);
  // no row at all: nothing fell due and nothing came in (the table lists no such chapter)
  const [pledged, received] = row === undefined ? [0, 0] : [row.pledged, row.received];
  const arrears: DuesSection['arrears'] =
    pledges.pledging.suppressed || pledged === null
      ? null
      : {
          from: w.from,
          to: w.to,
          pledged: money(pledged, settings),
          received: money(received, settings),
          arrears: money(pledged - received, settings),
          received_share: shareOf(received, pledged),
        };
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
