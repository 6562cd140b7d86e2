// What exists as of a date A: records dated on or before A, members current at A.
import type { ChapterRecord, MemberRecord, Organisation } from '../model.js';
import { thousands } from '../thousands.js';

export const chapterExists = (c: ChapterRecord, asOf: string): boolean => !c.founded || c.founded <= asOf;

export const chaptersAt = (org: Organisation, asOf: string): ChapterRecord[] => org.chapters.filter((c) => chapterExists(c, asOf));

export const isCurrent = (m: MemberRecord, asOf: string): boolean => m.joined <= asOf && (!m.left || m.left > asOf);

/** The members current at A, in chapter order (memoised per organisation: several goals and dates of one run ask for the same day). */
export function currentMembers(org: Organisation, asOf: string): readonly MemberRecord[] {
  let byDay = current.get(org);
  if (!byDay) current.set(org, (byDay = new Map()));
  let out = byDay.get(asOf);
  if (!out) {
    const found: MemberRecord[] = [];
    for (const c of org.chapters) for (const m of c.members) if (isCurrent(m, asOf)) found.push(m);
    byDay.set(asOf, (out = found));
  }
  return out;
}
const current = new WeakMap<Organisation, Map<string, readonly MemberRecord[]>>();

/** The last record dated on or before A in a list sorted oldest first. */
export function lastOnOrBefore<T extends { date: string }>(sorted: readonly T[], asOf: string): T | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.date <= asOf) return sorted[i];
  return undefined;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${thousands(n)} ${n === 1 ? one : many}`;
