// Chapter metrics: how many exist, have a delegate, published a report recently.
import { withinDays } from '../dates.js';
import { PositiveInt } from '../schema/common.js';
import { memberOfChapterOn } from '../histories.js';
import { chaptersAt, lastOnOrBefore } from './asof.js';
import { defineMetric } from './metric.js';

export const chapters = defineMetric({
  name: 'chapters',
  unit: 'count',
  params: {},
  measure(org, asOf) {
    return { value: chaptersAt(org, asOf).length };
  },
});

export const chaptersWithDelegate = defineMetric({
  name: 'chapters_with_delegate',
  unit: 'count',
  params: {},
  measure(org, asOf) {
    const verdicts = chaptersAt(org, asOf).map((c) => {
      const delegate = c.delegate === undefined ? undefined : org.memberById.get(c.delegate);
      if (!delegate) return { id: c.id, counts: false, reason: 'no delegate' };
      // counted only while a member of this chapter: one who moved in counts from that day
      const on = memberOfChapterOn(delegate, c.id, asOf);
      if (!on.member) return { id: c.id, counts: false, reason: `delegate ${on.why}` };
      return { id: c.id, counts: true, reason: 'has a delegate' };
    });
    return { value: verdicts.filter((v) => v.counts).length, verdicts };
  },
});

export const chaptersReporting = defineMetric({
  name: 'chapters_reporting',
  unit: 'count',
  params: { window_days: PositiveInt.min(1, { error: 'must be at least 1 day' }) },
  measure(org, asOf, params) {
    const verdicts = chaptersAt(org, asOf).map((c) => {
      const last = lastOnOrBefore(c.reports, asOf)?.date;
      if (last && withinDays(last, asOf, params.window_days)) return { id: c.id, counts: true, reason: `report on ${last}` };
      return { id: c.id, counts: false, reason: last ? `no report since ${last}` : 'no report yet' };
    });
    return { value: verdicts.filter((v) => v.counts).length, verdicts };
  },
});
