// The cross-file checks of receipts (records.ts and references.ts), asked of a ledger's sums.
// Each of them bounds every receipt the same way (dated in the file's year, not before the
// chapter was founded, a currency with a rate, a member who exists), so the months' first and
// last dates, their currencies and the distinct members answer them exactly: the sums pass if
// and only if every receipt does. A ledger that fails is read receipt by receipt, to say where.
import type { Organisation } from '../model.js';
import type { LedgerSums } from '../receiptMonths.js';

export function ledgerSumsPass(org: Organisation, chapterId: string, year: number, sums: LedgerSums): boolean {
  const chapter = org.chapterById.get(chapterId);
  if (!chapter) return false;
  const { currency, rates } = org.settings;
  for (const m of sums.months) {
    if (Number(m.first.slice(0, 4)) !== year || Number(m.last.slice(0, 4)) !== year) return false;
    if (chapter.founded && m.first < chapter.founded) return false;
    if (m.currency !== currency && rates?.[m.currency] === undefined) return false;
  }
  return sums.members.every((id) => org.memberById.has(id));
}
