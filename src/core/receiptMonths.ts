// Dues receipts summed by calendar month and currency: everything the readiness metrics need
// of the receipts (which months had one, how much came in, how many), without the receipts
// themselves. A ledger of thousands of receipts becomes a dozen sums per currency, which the
// parse cache keeps next to the ledger (docs/performance.md). Exact: minor units, and the
// first and last date of each month, so a month the as-of date cuts in two is recognised and
// answered from the receipts after all.

export interface ReceiptMonth {
  month: string;
  currency: string;
  /** Sum of the receipts' amounts in the currency's minor units. */
  minor: number;
  count: number;
  /** The earliest and latest receipt dates in the month. */
  first: string;
  last: string;
}

export interface ReceiptLike {
  date: string;
  currency: string;
  minor: number;
}

const byMonthThenCurrency = (a: ReceiptMonth, b: ReceiptMonth) =>
  a.month < b.month ? -1 : a.month > b.month ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;

export function receiptMonthsOf(receipts: readonly ReceiptLike[]): ReceiptMonth[] {
  const months = new Map<string, ReceiptMonth>();
  for (const r of receipts) {
    const month = r.date.slice(0, 7);
    const key = `${month} ${r.currency}`;
    const m = months.get(key);
    if (!m) months.set(key, { month, currency: r.currency, minor: r.minor, count: 1, first: r.date, last: r.date });
    else {
      m.minor += r.minor;
      m.count++;
      if (r.date < m.first) m.first = r.date;
      if (r.date > m.last) m.last = r.date;
    }
  }
  return [...months.values()].sort(byMonthThenCurrency);
}

/**
 * A ledger's receipts as sums: by month and currency, and the members who paid. That is all the
 * cross-file checks ask of receipts (checks/ledgerSums.ts), so a ledger checked this way is
 * never read receipt by receipt.
 */
export interface LedgerSums {
  months: ReceiptMonth[];
  /** The distinct member ids of the receipts, sorted. */
  members: string[];
  /** Some value holds a character that displays differently from its bytes (validate warns: core/text/invisible.ts). */
  invisibleText?: true;
  /** Some value looks like personal data (validate warns: core/privacy/personalData.ts). */
  personalData?: true;
  /**
   * Some receipt may be recorded twice (validate warns: core/dues/duplicates.ts): a likely
   * duplicate within the ledger, or a receipt paying for a month of another year, the only kind
   * that can repeat one in another year's ledger.
   */
  mayRepeat?: true;
}

export const ledgerSumsOf = (receipts: readonly (ReceiptLike & { member: string })[]): LedgerSums => ({
  months: receiptMonthsOf(receipts),
  members: [...new Set(receipts.map((r) => r.member))].sort(),
});

/** One chapter's months from its ledgers' (a receipt's month is in one ledger, but be general). */
export function mergeReceiptMonths(lists: readonly (readonly ReceiptMonth[])[]): ReceiptMonth[] {
  const months = new Map<string, ReceiptMonth>();
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.month} ${m.currency}`;
      const have = months.get(key);
      if (!have) months.set(key, { ...m });
      else {
        have.minor += m.minor;
        have.count += m.count;
        if (m.first < have.first) have.first = m.first;
        if (m.last > have.last) have.last = m.last;
      }
    }
  }
  return [...months.values()].sort(byMonthThenCurrency);
}

/** The months (of `months`, sorted) with at least one receipt dated on or before A. */
export function monthsWithReceipts(ms: readonly ReceiptMonth[], asOf: string, months: readonly string[]): string[] {
  const wanted = new Set(months);
  const out = new Set<string>();
  for (const m of ms) if (wanted.has(m.month) && m.first <= asOf) out.add(m.month);
  return [...out].sort();
}

/**
 * Sums per currency (minor units) and the count of receipts dated in `months` and on or before
 * A. A month A cuts in two is summed from its receipts (`receipts`, read only then).
 */
export function totalsInMonths(
  ms: readonly ReceiptMonth[],
  asOf: string,
  months: readonly string[],
  receipts: () => readonly ReceiptLike[],
): { totals: Map<string, number>; count: number } {
  const wanted = new Set(months);
  const totals = new Map<string, number>();
  let count = 0;
  const add = (currency: string, minor: number, n: number) => {
    totals.set(currency, (totals.get(currency) ?? 0) + minor);
    count += n;
  };
  for (const m of ms) {
    if (!wanted.has(m.month) || m.first > asOf) continue;
    if (m.last <= asOf) add(m.currency, m.minor, m.count);
    else for (const r of receipts()) if (r.currency === m.currency && r.date.startsWith(m.month) && r.date <= asOf) add(r.currency, r.minor, 1);
  }
  return { totals, count };
}
