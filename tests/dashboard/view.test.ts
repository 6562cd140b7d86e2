// The dashboard's view model: series at month ends, readiness's trend, chapter and branch rows,
// privacy; on the fixture and on the sample organisation (which the page must agree with).
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepository, requireValid } from '../../src/load/open.js';
import { chartEnd, membersSeries } from '../../src/core/dashboard/series.js';
import { dashboard } from '../../src/core/dashboard/view.js';
import { measureGoal } from '../../src/core/goals.js';
import type { Organisation } from '../../src/core/model.js';
import { readiness } from '../../src/core/readiness.js';
import { goalsYaml, orgFrom } from '../helpers/org.js';
import { FIXTURE_MEMBER_IDS, HOSTILE_CHAPTER, hostileOrg } from './fixture.js';

const AS_OF = '2013-06-30';

describe('goal series', () => {
  const org = orgFrom(hostileOrg());
  const view = dashboard(org, org.goals!, AS_OF);

  it('twelve month ends, the as-of date last, each a full evaluation of the goal', () => {
    const members = view.goals.find((g) => g.id === 'members')!;
    expect(members.series.points.map((p) => p.date)).toEqual([
      '2012-07-31', '2012-08-31', '2012-09-30', '2012-10-31', '2012-11-30', '2012-12-31',
      '2013-01-31', '2013-02-28', '2013-03-31', '2013-04-30', '2013-05-31', '2013-06-30',
    ]);
    expect(members.series.points.map((p) => p.value)).toEqual([3, 3, 3, 3, 3, 3, 9, 19, 19, 19, 19, 19]);
    const goal = org.goals!.goals.find((g) => g.id === 'gatherings')!;
    const gatherings = view.goals.find((g) => g.id === 'gatherings')!;
    expect(gatherings.series.points.map((p) => p.value)).toEqual(gatherings.series.points.map((p) => measureGoal(org, goal, org.goals!.definitions, p.date).value));
  });

  it("the trend is readiness's line: from its first point to the deadline, ending at projection.at_deadline", () => {
    for (const g of view.goals) {
      expect(g.series.chart_end).toBe('2013-08-31');
      expect(g.series.trend!.from.date).toBe('2013-01-31');
      expect(g.series.trend!.to).toEqual({ date: '2013-08-31', value: g.projection.at_deadline });
    }
  });

  it('a falling trend stops where the metric cannot follow it: a count at 0, as readiness reads it', () => {
    // 14 members, two leaving at each month's end from January: 12, 10, … 2 at the six month ends
    const leaving = Array.from({ length: 14 }, (_, i) => {
      const left = i < 12 ? `, left: 2013-0${Math.floor(i / 2) + 1}-2${i % 2 ? 8 : 7}` : '';
      return `- { id: f-${String(i + 1).padStart(2, '0')}, joined: 2012-01-01${left} }\n`;
    }).join('');
    const falling = orgFrom({
      'iops.yaml': 'organization: Falling\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\n',
      'goals.yaml': goalsYaml('  - { id: members, title: "At least 20 members", metric: members, min: 20 }\n'),
      'chapters/x/chapter.yaml': 'name: X\ncountry: GB\n',
      'chapters/x/members.yaml': leaving,
    });
    const g = dashboard(falling, falling.goals!, AS_OF).goals[0]!;
    expect(g.projection.at_deadline).toBe(0);
    expect(g.series.trend!.to.value).toBe(0);
    expect(g.series.trend!.to.date > AS_OF && g.series.trend!.to.date < '2013-08-31').toBe(true);
    expect(g.series.trend!.from.value).toBeGreaterThan(0);
  });

  it('a gender share of fewer than min_group people is not shown, except the as-of value readiness shows', () => {
    const women = view.goals.find((g) => g.id === 'women')!;
    // until January only 3 women (and no men) had joined: fewer than 5 on one side
    expect(women.series.points.slice(0, 6).map((p) => p.value)).toEqual([null, null, null, null, null, null]);
    // January: 3 women, 6 men: the 3 are still too few; from February 9 women and 10 men
    expect(women.series.points[6]!.value).toBeNull();
    expect(women.series.points.slice(7).map((p) => p.value)).toEqual([0.4737, 0.4737, 0.4737, 0.4737, 0.4737]);
    expect(women.current).toBe(0.4737);
  });

  it('the chart stops 24 months ahead of a far deadline, and at the as-of date once the deadline has passed', () => {
    expect(chartEnd('2013-06-30', '2020-01-01')).toBe('2015-06-30');
    expect(chartEnd('2013-06-15', '2013-08-31')).toBe('2013-08-31');
    expect(chartEnd('2013-09-30', '2013-08-31')).toBe('2013-09-30');
    const late = dashboard(org, org.goals!, '2013-09-30');
    expect(late.goals.every((g) => g.series.trend === null && g.series.chart_end === '2013-09-30')).toBe(true);
  });
});

describe('chapters, branches and members over time', () => {
  const org = orgFrom(hostileOrg());
  const view = dashboard(org, org.goals!, AS_OF);

  it('chapter rows: yes or no with the verdicts readiness uses, sorted by name', () => {
    expect(view.chapters.map((c) => [c.name, c.members, c.functioning, c.last_meeting, c.last_report, c.collecting_dues, c.has_delegate])).toEqual([
      [HOSTILE_CHAPTER, 9, true, '2013-06-10', '2013-06-12', false, true],
      ['London & "Friends"', 10, false, '2013-06-01', null, false, false],
    ]);
    expect(view.chapters[1]!.functioning_reason).toBe('1 meeting in the last 92 days, needs 3; no education session yet; no report yet');
  });

  it('no member id anywhere in the view: a delegate is yes or no', () => {
    const text = JSON.stringify(view);
    for (const id of FIXTURE_MEMBER_IDS) expect(text).not.toContain(id);
  });

  it('branches: chapters, the national-gathering verdict, gatherings up to the as-of date by chapter name', () => {
    expect(view.branches).toEqual([
      expect.objectContaining({ id: 'uk', chapters: 2, national_gathering: true, gatherings: [{ date: '2013-04-20', kind: 'national', chapters: [HOSTILE_CHAPTER, 'London & "Friends"'] }] }),
    ]);
    expect(dashboard(org, org.goals!, '2013-03-31').branches[0]!.gatherings).toEqual([]);
  });

  it('members at each month end since the first joined, with joiners and leavers per month', () => {
    const left = orgFrom({ ...hostileOrg(), 'chapters/ldn/members.yaml': '- { id: lw-01, joined: 2013-02-01, left: 2013-03-05 }\n' });
    const series = membersSeries(left, AS_OF);
    expect(series[0]).toEqual({ date: '2012-07-31', members: 3, joined: 3, left: 0 });
    expect(series.find((p) => p.date === '2013-02-28')).toEqual({ date: '2013-02-28', members: 10, joined: 1, left: 0 });
    expect(series.find((p) => p.date === '2013-03-31')).toEqual({ date: '2013-03-31', members: 9, joined: 0, left: 1 });
    expect(series.reduce((n, p) => n + p.joined - p.left, 0)).toBe(series[series.length - 1]!.members);
  });
});

describe('on the sample organisation', () => {
  let org: Organisation;
  beforeAll(async () => {
    org = requireValid(await openRepository({ data: resolve(__dirname, '../../data'), cwd: process.cwd() }));
  });

  it("every goal's chart ends where `iops readiness` projects it, and shows readiness's current value", () => {
    const asOf = org.settings.snapshot_date!;
    const view = dashboard(org, org.goals!, asOf);
    const ready = readiness(org, org.goals!, asOf);
    expect(view.readiness).toEqual(ready);
    for (const [i, g] of view.goals.entries()) {
      expect(g.series.trend!.to.value).toBe(ready.goals[i]!.projection.at_deadline);
      expect(g.series.points[g.series.points.length - 1]!.value).toBe(ready.goals[i]!.current);
    }
    expect(view.chapters).toHaveLength(60);
    expect(view.members[view.members.length - 1]!.members).toBe(ready.goals.find((g) => g.id === 'members')!.current);
  });
});
