// Member metrics: how many are current, the share of a gender, who studied the key documents.
import { currentMembers, plural } from './asof.js';
import { defineMetric } from './metric.js';
import { Id, oneOf } from '../schema/common.js';
import { z } from 'zod';
import { thousands } from '../thousands.js';

export const members = defineMetric({
  name: 'members',
  unit: 'count',
  params: {},
  measure(org, asOf) {
    return { value: currentMembers(org, asOf).length };
  },
});

export const DISCLOSED = ['woman', 'man', 'non-binary'] as const;

export const genderShare = defineMetric({
  name: 'gender_share',
  unit: 'share',
  params: { gender: oneOf(DISCLOSED, 'a disclosed gender') },
  measure(org, asOf, params) {
    const disclosed = currentMembers(org, asOf).filter((m) => m.gender !== 'undisclosed');
    const matching = disclosed.filter((m) => m.gender === params.gender).length;
    const minGroup = org.settings.privacy.min_group;
    const showCounts = disclosed.length === 0 || (matching >= minGroup && disclosed.length - matching >= minGroup) || matching === 0;
    return {
      value: disclosed.length ? matching / disclosed.length : 0,
      note: showCounts
        ? `${thousands(matching)} of ${plural(disclosed.length, 'member')} who disclosed a gender`
        : `counts of fewer than ${minGroup} people are not shown`,
    };
  },
});

export const membersStudied = defineMetric({
  name: 'members_studied',
  unit: 'count',
  params: { documents: z.array(Id).optional() },
  measure(org, asOf, params) {
    const documents = params.documents ?? org.settings.key_documents;
    const value = currentMembers(org, asOf).filter((m) => documents.every((d) => m.studied.includes(d))).length;
    return { value, note: `studied ${documents.join(', ') || 'no documents named'}` };
  },
});
