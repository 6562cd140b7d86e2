// chapters_with_dues_decision: a goal such as "at least 10 chapters with a dues decision".
import { describe, expect, it } from 'vitest';
import { metricByName } from '../../src/core/metrics/index.js';
import { readiness } from '../../src/core/readiness.js';
import { SETTINGS, orgFrom } from '../helpers/org.js';

const decision = (chapter: string, decided: string, status = 'adopted') =>
  `proposal: Dues\nbody: { kind: chapter-meeting, chapter: ${chapter} }\nmethod: consensus\nadopts: { kind: dues, chapter: ${chapter} }\noutcome: ${status === 'adopted' ? `{ status: adopted, date: ${decided}, for: 5, against: 0, abstain: 0, blocks: 0 }` : '{ status: proposed }'}\n`;

const org = orgFrom({
  'iops.yaml': SETTINGS,
  'goals.yaml': 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: dues-decided, title: Two chapters decided dues, metric: chapters_with_dues_decision, min: 2 }\n',
  'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\ndues: { scheme: sliding-scale, decision: ldn/2012-03-01-dues }\n',
  'chapters/ldn/decisions/2012-03-01-dues.yaml': decision('ldn', '2012-03-10'),
  'chapters/mcr/chapter.yaml': 'name: Manchester\ncountry: GB\ndues: { scheme: voluntary, decision: mcr/2012-06-01-dues }\n',
  'chapters/mcr/decisions/2012-06-01-dues.yaml': decision('mcr', '2012-06-02'),
  'chapters/gla/chapter.yaml': 'name: Glasgow\ncountry: GB\ndues: { scheme: voluntary, agreed: 2012-02-01 }\n',
  'chapters/gla/decisions/2012-09-01-dues.yaml': decision('gla', '', 'proposed'),
  'chapters/bri/chapter.yaml': 'name: Brighton\ncountry: GB\n',
});

describe('chapters_with_dues_decision', () => {
  it('counts chapters whose dues decision was adopted by the as-of day, with the reason for each', () => {
    const m = metricByName.get('chapters_with_dues_decision')!.measure(org, '2012-04-30', {}, {} as never);
    expect(m.value).toBe(1);
    expect(m.verdicts).toEqual([
      { id: 'bri', counts: false, reason: 'no dues decision' },
      { id: 'gla', counts: false, reason: 'dues agreed 2012-02-01, no decision recorded' },
      { id: 'ldn', counts: true, reason: 'dues adopted on 2012-03-10 (consensus)' },
      { id: 'mcr', counts: false, reason: 'dues decision taken on 2012-06-02' },
    ]);
  });

  it('is a goal like any other', () => {
    expect(readiness(org, org.goals!, '2012-04-30').goals[0]).toMatchObject({ current: 1, met: false });
    expect(readiness(org, org.goals!, '2012-06-30').goals[0]).toMatchObject({ current: 2, met: true });
  });
});
