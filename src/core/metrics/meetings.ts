// meetings: meeting files within a window, optionally of one mode or on one topic
// (outreach and campaign work are meetings with those topics). Each file counts once.
import { withinDays } from '../dates.js';
import { MODES, PositiveInt, TOPICS, oneOf } from '../schema/common.js';
import { chapterMetric, sumParts } from './metric.js';

export const meetings = chapterMetric({
  name: 'meetings',
  unit: 'count',
  params: {
    window_days: PositiveInt.min(1, { error: 'must be at least 1 day' }),
    mode: oneOf(MODES, 'a meeting mode').optional(),
    topic: oneOf(TOPICS, 'a topic').optional(),
  },
  part(_org, c, asOf, params): number {
    let value = 0;
    for (const m of c.ownMeetings) {
      if (!withinDays(m.date, asOf, params.window_days)) continue;
      if (params.mode && m.mode !== params.mode) continue;
      if (params.topic && !m.topics.includes(params.topic)) continue;
      value++;
    }
    return value;
  },
  total: (parts) => ({ value: sumParts(parts) }),
});
