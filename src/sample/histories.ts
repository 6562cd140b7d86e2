// The sample's histories (members.yaml `moved_from`, `dues_before`): one member of Leeds moves
// to Manchester, and one Londoner raises their pledge. Chosen by rule from the generated
// members, so the rest of the sample (meetings, receipts) is generated as before; the mover
// has no pledge, so no receipt of theirs sits in a ledger of the chapter they left.
import type { Member, Pledge } from './members.js';

export const SAMPLE_MOVE = { from: 'leeds', to: 'manchester', on: '2012-06-01' } as const;
export const SAMPLE_PLEDGE_CHANGE = { chapter: 'london', on: '2012-07-01', amount: 30 } as const;

/** Adds the histories to the generated members (in place): the mover's present chapter, the raised pledge. */
export function addSampleHistories(members: ReadonlyMap<string, Member[]>): void {
  const { chapter, on, amount } = SAMPLE_PLEDGE_CHANGE;
  const raiser = members.get(chapter)?.find((m) => !m.founder && !m.left && m.joined < '2012-01-01' && typeof m.dues === 'object' && m.dues.amount >= 10 && m.dues.amount < amount);
  if (raiser && typeof raiser.dues === 'object') {
    raiser.duesBefore = [{ until: on, dues: raiser.dues }];
    raiser.dues = { amount, currency: raiser.dues.currency };
  }
  const mover = members.get(SAMPLE_MOVE.from)?.find((m) => !m.founder && !m.left && m.joined < SAMPLE_MOVE.on && m.dues === undefined);
  if (mover) {
    mover.chapter = SAMPLE_MOVE.to;
    mover.movedFrom = [{ chapter: SAMPLE_MOVE.from, until: SAMPLE_MOVE.on }];
  }
}

/** The pledge in force in the month (YYYY-MM): what a receipt for it pays. */
export function pledgeInMonth(m: Member, month: string): Pledge | undefined {
  for (const h of m.duesBefore ?? []) if (`${month}-01` < h.until) return h.dues;
  return m.dues;
}

/** The members listed in the chapter's members.yaml: those whose present chapter it is, by joining date. */
export function listedIn(chapter: string, members: ReadonlyMap<string, readonly Member[]>): Member[] {
  const out: Member[] = [];
  for (const list of members.values()) for (const m of list) if (m.chapter === chapter) out.push(m);
  return out.sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : a.id < b.id ? -1 : 1));
}

/** The days the chapter's members list changed for a history: a move in or out, a pledge changed. */
export function historyDates(chapter: string, members: ReadonlyMap<string, readonly Member[]>): string[] {
  const out: string[] = [];
  for (const list of members.values())
    for (const m of list) {
      for (const h of m.movedFrom ?? []) if (h.chapter === chapter || m.chapter === chapter) out.push(h.until);
      if (m.chapter === chapter) for (const h of m.duesBefore ?? []) out.push(h.until);
    }
  return out;
}
