// Governance metrics: chapters whose dues scheme was adopted by a recorded decision
// (dues.decision in chapter.yaml naming an adopted decision, taken on or before the as-of day).
import { chapterExists } from './asof.js';
import { verdictMetric } from './metric.js';

export const chaptersWithDuesDecision = verdictMetric({
  name: 'chapters_with_dues_decision',
  unit: 'count',
  params: {},
  verdict(org, c, asOf) {
    if (!chapterExists(c, asOf)) return undefined;
    const id = c.dues?.decision;
    const d = id === undefined ? undefined : org.decisionById.get(id);
    if (!d) return { id: c.id, counts: false, reason: c.dues?.agreed && c.dues.agreed <= asOf ? `dues agreed ${c.dues.agreed}, no decision recorded` : 'no dues decision' };
    const on = d.outcome.date;
    if (d.outcome.status !== 'adopted' || on === undefined) return { id: c.id, counts: false, reason: `dues decision ${d.id} is ${d.outcome.status}` };
    if (on > asOf) return { id: c.id, counts: false, reason: `dues decision taken on ${on}` };
    return { id: c.id, counts: true, reason: `dues adopted on ${on} (${d.method})` };
  },
});
