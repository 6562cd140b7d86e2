// Dues ledgers: the receipts a chapter recorded, month by month, from the members
// who pledged (sliding scale, $1-$100 a month or the like in the chapter's currency).

import type { ChapterSpec } from './catalogue.js';
import { SNAPSHOT, daysInMonth, fromDay, toDay } from './dates.js';
import { pledgeInMonth } from './histories.js';
import type { Member } from './members.js';
import { rngFor } from './random.js';
import { amount, file, flowMap, raw } from './yaml.js';

export interface Receipt {
  date: string;
  member: string;
  amount: number;
  currency: string;
  period?: string;
}

/** Receipts grouped by calendar year. */
export function generateDues(ch: ChapterSpec, members: readonly Member[]): Map<string, Receipt[]> {
  const byYear = new Map<string, Receipt[]>();
  if (!ch.dues?.months) return byYear;
  const rng = rngFor(`${ch.id}:dues`);
  const payRate = rng.float(0.55, 0.8);
  const asOf = toDay(SNAPSHOT);
  const agreed = toDay(ch.dues.agreed);
  for (const month of ch.dues.months) {
    const first = toDay(`${month}-01`);
    const last = Math.min(first + daysInMonth(month) - 1, asOf);
    for (const m of members) {
      const pledge = pledgeInMonth(m, month);
      if (pledge === undefined || pledge === 'exempt' || !rng.chance(payRate)) continue;
      const from = Math.max(first, toDay(m.joined), agreed + 1);
      const to = Math.min(last, m.left ? toDay(m.left) - 1 : last);
      if (from > to) continue;
      const receipt: Receipt = { date: fromDay(rng.int(from, to)), member: m.id, amount: pledge.amount, currency: pledge.currency };
      if (ch.dues.scheme !== 'voluntary' || rng.chance(0.5)) receipt.period = month;
      const year = receipt.date.slice(0, 4);
      let list = byYear.get(year);
      if (!list) byYear.set(year, (list = []));
      list.push(receipt);
    }
  }
  for (const list of byYear.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.member < b.member ? -1 : 1));
  }
  return byYear;
}

export function renderLedger(schema: string, receipts: readonly Receipt[]): string {
  const lines = [schema];
  for (const r of receipts) {
    lines.push(`- ${flowMap([
      ['date', raw(r.date)], ['member', r.member], ['amount', amount(r.amount)],
      ['currency', r.currency], ['period', r.period === undefined ? undefined : raw(r.period)],
    ])}`);
  }
  return file(lines);
}
