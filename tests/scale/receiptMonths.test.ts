// Monthly sums answer exactly what the receipts answer: which months of a window had a receipt
// on or before the as-of date, and the sums per currency and the count of those receipts,
// including a month the as-of date cuts in two (answered from the receipts themselves).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthOf, monthsEndingWith } from '../../src/core/dates.js';
import { type ReceiptLike, mergeReceiptMonths, monthsWithReceipts, receiptMonthsOf, totalsInMonths } from '../../src/core/receiptMonths.js';

const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2012-11-01', n));
const receipt: fc.Arbitrary<ReceiptLike> = fc.record({ date: day, currency: fc.constantFrom('USD', 'GBP', 'JPY'), minor: fc.integer({ min: 1, max: 100_000 }) });

/** What the dues metrics computed from the receipts before there were sums. */
function fromReceipts(receipts: readonly ReceiptLike[], asOf: string, months: readonly string[]) {
  const inWindow = receipts.filter((r) => r.date <= asOf && months.includes(monthOf(r.date)));
  const totals = new Map<string, number>();
  for (const r of inWindow) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.minor);
  return { months: [...new Set(inWindow.map((r) => monthOf(r.date)))].sort(), totals, count: inWindow.length };
}

describe('receipts summed by month', () => {
  it('give the months, sums and counts the receipts give, for any as-of date and window', () => {
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 60 }), fc.array(receipt, { maxLength: 20 }), day, fc.integer({ min: 1, max: 6 }), (a, b, asOf, window) => {
        const receipts = [...a, ...b];
        const months = monthsEndingWith(monthOf(asOf), window);
        // two ledgers summed apart and merged, as a chapter with two years of dues
        const sums = mergeReceiptMonths([receiptMonthsOf(a), receiptMonthsOf(b)]);
        let asked = false;
        const got = totalsInMonths(sums, asOf, months, () => ((asked = true), receipts));
        const want = fromReceipts(receipts, asOf, months);
        expect(monthsWithReceipts(sums, asOf, months)).toEqual(want.months);
        expect(new Map([...got.totals].sort())).toEqual(new Map([...want.totals].sort()));
        expect(got.count).toBe(want.count);
        // the receipts are read only for a month the as-of date cuts in two
        const cut = sums.some((m) => months.includes(m.month) && m.first <= asOf && m.last > asOf);
        expect(asked).toBe(cut);
      }),
      { numRuns: 500 },
    );
  });
});
