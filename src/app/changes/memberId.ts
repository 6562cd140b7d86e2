// New member ids: pseudonymous handles such as `ldn-k7q2x`. The prefix comes from the chapter
// (the one its members already share, else its id); the rest is random from the operating
// system's generator, never derived from a name, and drawn again on a collision.
import { randomInt } from 'node:crypto';
import type { ChapterRecord } from '../../core/model.js';
import { ID_PATTERN } from '../../core/paths.js';

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o, 1/l/i to misread
const LENGTH = 5;

/** The prefix most of the chapter's members share, else the chapter id's first letters. */
export function memberPrefix(chapter: Pick<ChapterRecord, 'id' | 'members'>): string {
  const counts = new Map<string, number>();
  for (const m of chapter.members) {
    const p = /^([a-z0-9]{2,8})-/.exec(m.id)?.[1];
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (best && n * 2 >= chapter.members.length) return best;
  return chapter.id.replace(/[^a-z0-9]/g, '').slice(0, 3) || 'm';
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
