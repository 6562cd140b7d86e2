// Pledges (members.yaml `dues`) against receipts: how much was pledged for a window, how
// much came in, how many members are exempt, and how pledges spread over the sliding scale.
// A pledge is the member's current one, assumed to have held for the whole window. It falls
// due once for each calendar month (quarter, year) of the window in which the member was a
// member for at least a day. See docs/dues.md.
import { addMonths, lastDayOfMonth, monthOf } from '../dates.js';
import type { ChapterRecord, MemberRecord, Organisation, ReceiptRecord } from '../model.js';
import { chaptersAt, isCurrent } from '../metrics/asof.js';
import { convertMinor, minorDigits, toMinor } from '../money.js';
import type { Pledge } from '../schema/members.js';
import { PLEDGE_TIERS, tierIndex } from './scale.js';
import { type CurrencyTotals, addAmount } from './totals.js';

export interface DuesWindow {
  from: string;
  to: string;
}

type Every = Exclude<Pledge, 'exempt'>['every'];
const MONTHS_IN: Record<Every, number> = { month: 1, quarter: 3, year: 12 };

/** Calendar months, quarters or years of the window in which the member was current at least a day. */
export function instalmentsDue(member: Pick<MemberRecord, 'joined' | 'left'>, every: Every, w: DuesWindow): number {
  const step = MONTHS_IN[every];
  const first = monthOf(w.from);
  const monthIndex = Number(first.slice(5, 7)) - 1;
  let period = addMonths(first, -(monthIndex % step));
  let due = 0;
  for (; period <= monthOf(w.to); period = addMonths(period, step)) {
    const start = [`${period}-01`, w.from, member.joined].reduce((a, b) => (a > b ? a : b));
    const end = [lastDayOfMonth(addMonths(period, step - 1)), w.to].reduce((a, b) => (a < b ? a : b));
    if (start <= end && (!member.left || start < member.left)) due++;
  }
  return due;
}

export interface ChapterPledges {
  chapter: string;
  /** Members with a pledge that fell due at least once in the window. */
  pledging: number;
  /** Members current at the window's end whose dues are `exempt`. */
  exempt: number;
  pledged: CurrencyTotals;
  /** Receipts in the window from this chapter's members, wherever they were recorded. */
  received: CurrencyTotals;
  receipts: number;
}

/** What came in per chapter: a receipt counts for its member's chapter, wherever it was recorded. */
export type Received = Map<string, { totals: CurrencyTotals; receipts: number }>;

export function addReceived(received: Received, org: Organisation, r: ReceiptRecord): void {
  const chapter = org.chapterById.get(org.memberById.get(r.member)?.chapter ?? r.chapter);
  if (!chapter) return;
  let e = received.get(chapter.id);
  if (!e) received.set(chapter.id, (e = { totals: new Map(), receipts: 0 }));
  addAmount(e.totals, r.currency, r.minor);
  e.receipts++;
}

/**
 * What one member pledged over the window, per currency (`add`); whether any instalment fell
 * due. The one computation of a member's pledges that chapterPledges and the treasurer's
 * per-member arrears (arrears.ts) share.
 */
export function pledgedInStay(_org: Organisation, stay: MemberRecord, w: DuesWindow, add: (currency: string, minor: number) => void): boolean {
  if (stay.dues === undefined || stay.dues === 'exempt') return false;
  const due = instalmentsDue(stay, stay.dues.every, w);
  if (due === 0) return false;
  add(stay.dues.currency, due * toMinor(stay.dues.amount, stay.dues.currency)!);
  return true;
}

export function chapterPledges(org: Organisation, w: DuesWindow, received: Received): ChapterPledges[] {
  const byChapter = new Map<string, ChapterPledges>();
  const entry = (c: ChapterRecord) => {
    let e = byChapter.get(c.id);
    if (!e) byChapter.set(c.id, (e = { chapter: c.id, pledging: 0, exempt: 0, pledged: new Map(), received: new Map(), receipts: 0 }));
    return e;
  };
  for (const c of chaptersAt(org, w.to)) {
    const e = entry(c);
    for (const m of c.members) {
      if (m.joined > w.to || m.dues === undefined) continue;
      if (m.dues === 'exempt') {
        if (isCurrent(m, w.to)) e.exempt++;
        continue;
      }
      if (pledgedInStay(org, m, w, (currency, minor) => addAmount(e.pledged, currency, minor))) e.pledging++;
    }
  }
  for (const [id, r] of received) {
    const e = entry(org.chapterById.get(id)!);
    e.received = r.totals;
    e.receipts = r.receipts;
  }
  return [...byChapter.values()]
    .filter((e) => e.pledging + e.exempt + e.receipts > 0)
    .sort((a, b) => (a.chapter < b.chapter ? -1 : 1));
}

/** Members current at the date with a pledge, counted per tier of the sliding scale (a month, reporting currency). */
export function pledgeTiers(org: Organisation, date: string): number[] {
  const counts = PLEDGE_TIERS.map(() => 0);
  const unit = 10 ** minorDigits(org.settings.currency);
  for (const c of org.chapters) {
    for (const m of c.members) {
      if (!isCurrent(m, date) || m.dues === undefined || m.dues === 'exempt') continue;
      const minor = convertMinor(toMinor(m.dues.amount, m.dues.currency)!, m.dues.currency, org.settings);
      counts[tierIndex(minor, MONTHS_IN[m.dues.every], unit)]!++;
    }
  }
  return counts;
}
