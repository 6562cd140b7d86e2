// meetings: meeting files within a window, optionally of one mode or on one topic
// (outreach and campaign work are meetings with those topics). Each file counts once.
import { withinDays } from '../dates.js';
import { MODES, PositiveInt, TOPICS, oneOf } from '../schema/common.js';
import { defineMetric } from './metric.js';

export const meetings = defineMetric({
  name: 'meetings',
  unit: 'count',
  params: {
    window_days: PositiveInt.min(1, { error: 'must be at least 1 day' }),
    mode: oneOf(MODES, 'a meeting mode').optional(),
    topic: oneOf(TOPICS, 'a topic').optional(),
  },
  measure(org, asOf, params) {
    let value = 0;
    for (const c of org.chapters) {
      for (const m of c.ownMeetings) {
        if (!withinDays(m.date, asOf, params.window_days)) continue;
        if (params.mode && m.mode !== params.mode) continue;
        if (params.topic && !m.topics.includes(params.topic)) continue;
        value++;
      }
    }
    return { value };
  },
});
