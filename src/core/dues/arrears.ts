// The treasurer's private lists for one chapter: each member's pledged against received in a
// window (arrears), and members with a pledge from whom nothing came in for N months (lapsed).
// They name members and what they owe, so they are never published, cached or summed into
// anything shared: the command marks them private in every format (docs/dues.md).
import { addMonths, monthOf } from '../dates.js';
import type { ChapterRecord, Organisation } from '../model.js';
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

/** Receipts from members of the chapter, wherever recorded, oldest first. */
function receiptsOf(org: Organisation, chapter: ChapterRecord) {
  const ids = new Set(chapter.members.map((m) => m.id));
  return org.chapters.flatMap((c) => c.receipts.filter((r) => ids.has(r.member)));
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
  for (const m of chapter.members) {
    if (m.joined > w.to) continue;
    const pledged: CurrencyTotals = new Map();
    const pledging = pledgedInStay(org, m, w, (currency, minor) => addAmount(pledged, currency, minor));
    const got = received.get(m.id) ?? new Map();
    if (!pledging && got.size === 0) continue;
    const pledgedValue = inReportingCurrency(pledged, org.settings);
    const receivedValue = inReportingCurrency(got, org.settings);
    members.push({ member: m.id, pledge: m.dues, pledged, received: got, pledgedValue, receivedValue, arrears: pledgedValue - receivedValue, lastReceipt: last.get(m.id) ?? null });
  }
  members.sort((a, b) => b.arrears - a.arrears || (a.member < b.member ? -1 : 1));
  const lapsedSince = `${addMonths(monthOf(w.to), -(lapsedMonths - 1))}-01`;
  const lapsed: LapsedMember[] = [];
  for (const m of chapter.members) {
    // a member who joined inside the lapsed window has not lapsed yet
    if (!isCurrent(m, w.to) || m.dues === undefined || m.dues === 'exempt' || m.joined >= lapsedSince) continue;
    const seen = last.get(m.id);
    if (seen === undefined || seen < lapsedSince) lapsed.push({ member: m.id, pledge: m.dues, lastReceipt: seen ?? null });
  }
  lapsed.sort((a, b) => ((a.lastReceipt ?? '') < (b.lastReceipt ?? '') ? -1 : (a.lastReceipt ?? '') > (b.lastReceipt ?? '') ? 1 : a.member < b.member ? -1 : 1));
  return { chapter: chapter.id, window: w, members, lapsedMonths, lapsedSince, lapsed };
}
