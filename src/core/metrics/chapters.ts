// Chapter metrics: how many exist, have a delegate, published a report recently.
import { withinDays } from '../dates.js';
import { PositiveInt } from '../schema/common.js';
import { memberOfChapterOn } from '../histories.js';
import { chapterExists, lastOnOrBefore } from './asof.js';
import { chapterMetric, sumParts, verdictMetric } from './metric.js';

export const chapters = chapterMetric<{}, number>({
  name: 'chapters',
  unit: 'count',
  params: {},
  part: (_org, c, asOf) => (chapterExists(c, asOf) ? 1 : 0),
  total: (parts) => ({ value: sumParts(parts) }),
});

export const chaptersWithDelegate = verdictMetric({
  name: 'chapters_with_delegate',
  unit: 'count',
  params: {},
  verdict(org, c, asOf) {
    if (!chapterExists(c, asOf)) return undefined;
    const delegate = c.delegate === undefined ? undefined : org.memberById.get(c.delegate);
    if (!delegate) return { id: c.id, counts: false, reason: 'no delegate' };
    // counted only while a member of this chapter: one who moved in counts from that day
    const on = memberOfChapterOn(delegate, c.id, asOf);
    if (!on.member) return { id: c.id, counts: false, reason: `delegate ${on.why}` };
    return { id: c.id, counts: true, reason: 'has a delegate' };
  },
});

export const chaptersReporting = verdictMetric({
  name: 'chapters_reporting',
  unit: 'count',
  params: { window_days: PositiveInt.min(1, { error: 'must be at least 1 day' }) },
  verdict(_org, c, asOf, params) {
    if (!chapterExists(c, asOf)) return undefined;
    const last = lastOnOrBefore(c.reports, asOf)?.date;
    if (last && withinDays(last, asOf, params.window_days)) return { id: c.id, counts: true, reason: `report on ${last}` };
    return { id: c.id, counts: false, reason: last ? `no report since ${last}` : 'no report yet' };
  },
});
