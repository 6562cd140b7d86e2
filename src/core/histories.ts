// Membership and pledges over time (members.yaml `moved_from`, `dues_before`): which chapter a
// member belonged to, and which pledge was in force, on a date. Both lists run oldest first,
// each entry true up to (not including) its `until`; after the last, the member's entry itself
// holds (its chapter, its `dues`). Members without a history cost nothing here: the lookups
// return the present at once, and a chapter's roster is its members list itself.
import type { MemberRecord } from './model.js';
import type { FormerChapter, FormerPledge, Pledge } from './schema/members.js';

/** The chapter the member belonged to on the date (their present chapter before joining or after leaving). */
export function chapterOn(m: Pick<MemberRecord, 'chapter' | 'moved_from'>, date: string): string {
  const history = m.moved_from;
  if (history) for (const h of history) if (date < h.until) return h.chapter;
  return m.chapter;
}

/** The pledge in force on the date: undefined when there was none. */
export function pledgeOn(m: Pick<MemberRecord, 'dues' | 'dues_before'>, date: string): Pledge | undefined {
  const history = m.dues_before;
  if (history) for (const h of history) if (date < h.until) return h.dues === 'none' ? undefined : h.dues;
  return m.dues;
}

/** The member's stay in each chapter, oldest first: [chapter, from (or joined), until (or left)]. */
export function stays(m: MemberRecord): { chapter: string; from: string; until: string | undefined }[] {
  const out: { chapter: string; from: string; until: string | undefined }[] = [];
  let from = m.joined;
  for (const h of m.moved_from ?? []) {
    out.push({ chapter: h.chapter, from, until: h.until });
    from = h.until;
  }
  out.push({ chapter: m.chapter, from, until: m.left });
  return out;
}

/**
 * One record per stay, as the chapter sees it: joined on arriving, left on moving on. Only
 * members who moved get such records; everyone else is their own record.
 */
export function stayRecords(m: MemberRecord): MemberRecord[] {
  return stays(m).map((s) => {
    const r: MemberRecord = { ...m, chapter: s.chapter, joined: s.from };
    if (s.until === undefined) delete r.left;
    else r.left = s.until;
    return r;
  });
}

/**
 * Whether the member (a chapter's delegate) was a member of `chapter` on the date, and if not,
 * why not: `joins on D`, `moves here from leeds on D`, `moved to york on D`, `left on D`, or
 * `is not a member of this chapter` (validate refuses such a delegate).
 */
export function memberOfChapterOn(m: MemberRecord, chapter: string, date: string): { member: true } | { member: false; why: string } {
  if (m.joined > date) return { member: false, why: `joins on ${m.joined}` };
  const all = stays(m);
  const here = all.filter((s) => s.chapter === chapter);
  if (here.some((s) => s.from <= date && (s.until === undefined || date < s.until))) return { member: true };
  const next = here.find((s) => s.from > date);
  if (next) return { member: false, why: `moves here from ${chapterOn(m, date)} on ${next.from}` };
  const last = here[here.length - 1];
  if (!last) return { member: false, why: 'is not a member of this chapter' };
  if (last === all[all.length - 1]) return { member: false, why: `left on ${m.left}` };
  return { member: false, why: `moved to ${chapterOn(m, last.until!)} on ${last.until}` };
}

export type { FormerChapter, FormerPledge };
