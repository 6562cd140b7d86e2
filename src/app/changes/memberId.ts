// New member ids: pseudonymous handles such as `ldn-k7q2x`. The prefix comes from the chapter
// (the one most of its members have, else its id's letters, not another chapter's); the rest is random from the operating
// system's generator, never derived from a name, and drawn again on a collision.
import { randomInt } from 'node:crypto';
import type { ChapterRecord } from '../../core/model.js';
import { ID_PATTERN } from '../../core/paths.js';

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o, 1/l/i to misread
const LENGTH = 5;

const prefixOf = (id: string): string | undefined => /^([a-z0-9]{2,8})-/.exec(id)?.[1];

/**
 * The prefix for a chapter's new members, so every id iops draws for one chapter has the same
 * one: the prefix most of its members already have (the first such, on a tie, so the answer
 * never changes with the order of the file); for a chapter without members, its id's first
 * letters, made longer (or numbered) while another chapter's members use it, so `london` does
 * not share `lon-` with `longbeach` (`others`: every member id with its chapter).
 */
export function memberPrefix(chapter: Pick<ChapterRecord, 'id' | 'members'>, others: Iterable<{ id: string; chapter: string }> = []): string {
  const counts = new Map<string, number>();
  for (const m of chapter.members) {
    const p = prefixOf(m.id);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best = '';
  for (const [p, n] of counts) if (n > (counts.get(best) ?? 0)) best = p;
  if (best) return best;
  const used = new Set<string>();
  for (const m of others) if (m.chapter !== chapter.id) used.add(prefixOf(m.id) ?? '');
  const letters = chapter.id.replace(/[^a-z0-9]/g, '') || 'm';
  for (let length = Math.min(3, letters.length); length <= Math.min(8, letters.length); length++) {
    const p = letters.slice(0, length);
    if (p.length >= 2 && !used.has(p)) return p;
  }
  const stem = letters.slice(0, 6).padEnd(2, 'm');
  for (let n = 2; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

export function newMemberId(prefix: string, taken: (id: string) => boolean): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let tail = '';
    for (let i = 0; i < LENGTH; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
    const id = `${prefix}-${tail}`;
    if (ID_PATTERN.test(id) && !taken(id)) return id;
  }
  throw new Error('could not draw an unused member id');
}
