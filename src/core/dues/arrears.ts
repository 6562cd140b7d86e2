// The treasurer's private lists for one chapter: each member's pledged against received in a
// window (arrears), and members with a pledge from whom nothing came in for N months (lapsed).
// They name members and what they owe, so they are never published, cached or summed into
// anything shared: the command marks them private in every format (docs/dues.md).
import { addDays, addMonths, monthOf } from '../dates.js';
import { chapterOn, pledgeOn } from '../histories.js';
import type { ChapterRecord, MemberRecord, Organisation } from '../model.js';
import { isCurrent } from '../metrics/asof.js';
import type { Pledge } from '../schema/members.js';
import { type DuesWindow, pledgedInStay } from './pledges.js';
import { type CurrencyTotals, addAmount, inReportingCurrency } from './totals.js';

export interface MemberArrears {
  member: string;
  pledge: Pledge | undefined;
  pledged: CurrencyTotals;
  received: CurrencyTotals;
  /** In the reporting currency's minor units: pledged, received, and pledged − received. */
  pledgedValue: number;
  receivedValue: number;
  arrears: number;
  lastReceipt: string | null;
}

export interface LapsedMember {
  member: string;
  pledge: Pledge;
  lastReceipt: string | null;
}

export interface ChapterArrears {
  chapter: string;
  window: DuesWindow;
  /** Members whose pledge fell due in the window or who paid in it, most owed first. */
  members: MemberArrears[];
  lapsedMonths: number;
  /** The first day of the lapsed window: no receipt dated on or after it. */
  lapsedSince: string;
  lapsed: LapsedMember[];
}

/**
 * Receipts from members of the chapter, wherever recorded, oldest first: a member who moved
 * counts here for the months they were here (the month paid for, else the day it came in), as
 * `iops dues` counts them (addReceived).
 */
function receiptsOf(org: Organisation, chapter: ChapterRecord) {
  const ids = new Set(chapter.roster.map((m) => m.id));
  return org.chapters.flatMap((c) =>
    org.receipts.of(c).filter((r) => {
      if (!ids.has(r.member)) return false;
      const m = org.memberById.get(r.member);
      return !m?.moved_from || chapterOn(m, r.period ? `${r.period}-01` : r.date) === chapter.id;
    }),
  );
}

/** The chapter's stays (core/histories.ts) by member: someone who left and came back has two. */
function staysByMember(chapter: ChapterRecord): Map<string, MemberRecord[]> {
  const out = new Map<string, MemberRecord[]>();
  for (const m of chapter.roster) (out.get(m.id) ?? out.set(m.id, []).get(m.id)!).push(m);
  return out;
}

export function chapterArrears(org: Organisation, chapter: ChapterRecord, w: DuesWindow, lapsedMonths: number): ChapterArrears {
  const receipts = receiptsOf(org, chapter);
  const last = new Map<string, string>();
  const received = new Map<string, CurrencyTotals>();
  for (const r of receipts) {
    if (r.date > w.to) continue;
    if (!last.has(r.member) || last.get(r.member)! < r.date) last.set(r.member, r.date);
    if (r.date < w.from) continue;
    addAmount(received.get(r.member) ?? received.set(r.member, new Map()).get(r.member)!, r.currency, r.minor);
  }
  const members: MemberArrears[] = [];
  for (const [id, stays] of staysByMember(chapter)) {
    const here = stays.filter((m) => m.joined <= w.to);
    if (here.length === 0) continue;
    const pledged: CurrencyTotals = new Map();
    let pledging = false;
    for (const m of here) if (pledgedInStay(org, m, w, (currency, minor) => addAmount(pledged, currency, minor))) pledging = true;
    const got = received.get(id) ?? new Map();
    if (!pledging && got.size === 0) continue;
    const pledgedValue = inReportingCurrency(pledged, org.settings);
    const receivedValue = inReportingCurrency(got, org.settings);
    // the pledge in force on the window's last day here (or the last day of their stay)
    const latest = here[here.length - 1]!;
    const pledge = pledgeOn(latest, latest.left !== undefined && latest.left <= w.to ? addDays(latest.left, -1) : w.to);
    members.push({ member: id, pledge: pledge === 'exempt' ? 'exempt' : pledge, pledged, received: got, pledgedValue, receivedValue, arrears: pledgedValue - receivedValue, lastReceipt: last.get(id) ?? null });
  }
  members.sort((a, b) => b.arrears - a.arrears || (a.member < b.member ? -1 : 1));
  const lapsedSince = `${addMonths(monthOf(w.to), -(lapsedMonths - 1))}-01`;
  const lapsed: LapsedMember[] = [];
  for (const m of chapter.roster) {
    // a member who joined (or moved here) inside the lapsed window has not lapsed yet
    const pledge = pledgeOn(m, w.to);
    if (!isCurrent(m, w.to) || pledge === undefined || pledge === 'exempt' || m.joined >= lapsedSince) continue;
    const seen = last.get(m.id);
    if (seen === undefined || seen < lapsedSince) lapsed.push({ member: m.id, pledge, lastReceipt: seen ?? null });
  }
  lapsed.sort((a, b) => ((a.lastReceipt ?? '') < (b.lastReceipt ?? '') ? -1 : (a.lastReceipt ?? '') > (b.lastReceipt ?? '') ? 1 : a.member < b.member ? -1 : 1));
  return { chapter: chapter.id, window: w, members, lapsedMonths, lapsedSince, lapsed };
}
