// Member metrics: how many are current, the share of a gender, who studied the key documents.
import { isCurrent, plural } from './asof.js';
import { chapterMetric, sumParts } from './metric.js';
import type { ChapterRecord, MemberRecord } from '../model.js';
import { Id, oneOf } from '../schema/common.js';
import { z } from 'zod';
import { thousands } from '../thousands.js';

/** The chapter's members current at A (memoised per chapter and day: several goals of one run ask for the same). */
function currentOf(c: ChapterRecord, asOf: string): readonly MemberRecord[] {
  let byDay = current.get(c);
  if (!byDay) current.set(c, (byDay = new Map()));
  let out = byDay.get(asOf);
  if (!out) byDay.set(asOf, (out = c.members.filter((m) => isCurrent(m, asOf))));
  return out;
}
const current = new WeakMap<ChapterRecord, Map<string, readonly MemberRecord[]>>();

export const members = chapterMetric<{}, number>({
  name: 'members',
  unit: 'count',
  params: {},
  part: (_org, c, asOf) => currentOf(c, asOf).length,
  total: (parts) => ({ value: sumParts(parts) }),
});

export const DISCLOSED = ['woman', 'man', 'non-binary'] as const;

export const genderShare = chapterMetric({
  name: 'gender_share',
  unit: 'share',
  params: { gender: oneOf(DISCLOSED, 'a disclosed gender') },
  /** [members of the gender, members who disclosed one] */
  part(_org, c, asOf, params): [number, number] {
    let matching = 0;
    let disclosed = 0;
    for (const m of currentOf(c, asOf)) {
      if (m.gender === 'undisclosed') continue;
      disclosed++;
      if (m.gender === params.gender) matching++;
    }
    return [matching, disclosed];
  },
  total(parts, org) {
    let matching = 0;
    let disclosed = 0;
    for (const [m, d] of parts) {
      matching += m;
      disclosed += d;
    }
    const minGroup = org.settings.privacy.min_group;
    const showCounts = disclosed === 0 || (matching >= minGroup && disclosed - matching >= minGroup) || matching === 0;
    return {
      value: disclosed ? matching / disclosed : 0,
      note: showCounts ? `${thousands(matching)} of ${plural(disclosed, 'member')} who disclosed a gender` : `counts of fewer than ${minGroup} people are not shown`,
    };
  },
});

const documentsOf = (params: { documents?: string[] | undefined }, keyDocuments: string[]) => params.documents ?? keyDocuments;

export const membersStudied = chapterMetric({
  name: 'members_studied',
  unit: 'count',
  params: { documents: z.array(Id).optional() },
  part(org, c, asOf, params): number {
    const documents = documentsOf(params, org.settings.key_documents);
    return currentOf(c, asOf).filter((m) => documents.every((d) => m.studied.includes(d))).length;
  },
  total(parts, org, _asOf, params) {
    const documents = documentsOf(params, org.settings.key_documents);
    return { value: sumParts(parts), note: `studied ${documents.join(', ') || 'no documents named'}` };
  },
});
