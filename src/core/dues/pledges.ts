// Pledges (members.yaml `dues`) against receipts: how much was pledged for a window, how
// much came in, how many members are exempt, and how pledges spread over the sliding scale.
// A pledge falls due once for each calendar month (quarter, year) of the window in which the
// member was a member for at least a day; the amount due is the pledge in force on the first
// day of that instalment the member was a member (`dues_before` keeps earlier pledges), and it
// is due to the chapter the member belonged to that day (`moved_from`). See docs/dues.md.
import { addMonths, lastDayOfMonth, monthOf } from '../dates.js';
import { chapterOn, pledgeOn } from '../histories.js';
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

/** An instalment counts only when its first day (for the member) is on or after `from` and before `until`. */
interface Span {
  from?: string | undefined;
  until?: string | undefined;
}

/** Calendar months, quarters or years of the window in which the member was current at least a day. */
export function instalmentsDue(member: Pick<MemberRecord, 'joined' | 'left'>, every: Every, w: DuesWindow, span?: Span): number {
  const step = MONTHS_IN[every];
  const first = monthOf(w.from);
  const monthIndex = Number(first.slice(5, 7)) - 1;
  let period = addMonths(first, -(monthIndex % step));
  let due = 0;
  for (; period <= monthOf(w.to); period = addMonths(period, step)) {
    const start = [`${period}-01`, w.from, member.joined].reduce((a, b) => (a > b ? a : b));
    const end = [lastDayOfMonth(addMonths(period, step - 1)), w.to].reduce((a, b) => (a < b ? a : b));
    if (start <= end && (!member.left || start < member.left) && (!span || ((!span.from || start >= span.from) && (!span.until || start < span.until)))) due++;
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
  const member = org.memberById.get(r.member);
  // the month it pays for decides, else the day it came in: a member who moved paid their old chapter's dues
  const chapter = org.chapterById.get(member ? chapterOn(member, r.period ? `${r.period}-01` : r.date) : r.chapter);
  if (!chapter) return;
  let e = received.get(chapter.id);
  if (!e) received.set(chapter.id, (e = { totals: new Map(), receipts: 0 }));
  addAmount(e.totals, r.currency, r.minor);
  e.receipts++;
}

/**
 * What one stay of a member in a chapter pledged over the window, per currency. `stay` is the
 * chapter's roster record (core/histories.ts); instalments are reckoned on the member's own
 * dates, so a month a member moved in falls due once, to the chapter they were in on its first day.
 */
export function pledgedInStay(org: Organisation, stay: MemberRecord, w: DuesWindow, add: (currency: string, minor: number) => void): boolean {
  if (!stay.moved_from && !stay.dues_before) {
    // no history, the common case: the pledge in the file, for the whole window
    const p = stay.dues;
    if (p === undefined || p === 'exempt') return false;
    const due = instalmentsDue(stay, p.every, w);
    if (due > 0) add(p.currency, due * toMinor(p.amount, p.currency)!);
    return due > 0;
  }
  const person = stay.moved_from ? (org.memberById.get(stay.id) ?? stay) : stay;
  const span: Span | undefined = stay.moved_from ? { from: stay.joined, until: stay.left } : undefined;
  const segments = pledgeSegments(person);
  let pledging = false;
  for (const seg of segments) {
    if (seg.pledge === undefined || seg.pledge === 'exempt') continue;
    const from = [seg.from, span?.from].reduce((a, b) => (a === undefined ? b : b === undefined ? a : a > b ? a : b));
    const until = [seg.until, span?.until].reduce((a, b) => (a === undefined ? b : b === undefined ? a : a < b ? a : b));
    const due = instalmentsDue(person, seg.pledge.every, w, span || seg.from || seg.until ? { from, until } : undefined);
    if (due === 0) continue;
    pledging = true;
    add(seg.pledge.currency, due * toMinor(seg.pledge.amount, seg.pledge.currency)!);
  }
  return pledging;
}

/** The member's pledges, oldest first, each with the dates it held from and until. */
function pledgeSegments(m: MemberRecord): { pledge: Pledge | undefined; from: string | undefined; until: string | undefined }[] {
  if (!m.dues_before) return [{ pledge: m.dues, from: undefined, until: undefined }];
  const out: { pledge: Pledge | undefined; from: string | undefined; until: string | undefined }[] = [];
  let from: string | undefined;
  for (const h of m.dues_before) {
    out.push({ pledge: h.dues === 'none' ? undefined : h.dues, from, until: h.until });
    from = h.until;
  }
  out.push({ pledge: m.dues, from, until: undefined });
  return out;
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
    const add = (currency: string, minor: number) => addAmount(e.pledged, currency, minor);
    for (const m of c.roster) {
      if (m.joined > w.to) continue;
      if (m.dues === undefined && !m.dues_before) continue;
      if (isCurrent(m, w.to) && pledgeOn(m, w.to) === 'exempt') e.exempt++;
      if (pledgedInStay(org, m, w, add)) e.pledging++;
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
      if (!isCurrent(m, date)) continue;
      const p = pledgeOn(m, date);
      if (p === undefined || p === 'exempt') continue;
      const minor = convertMinor(toMinor(p.amount, p.currency)!, p.currency, org.settings);
      counts[tierIndex(minor, MONTHS_IN[p.every], unit)]!++;
    }
  }
  return counts;
}
