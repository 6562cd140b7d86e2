// iops forecast: the seed discussion's arithmetic, monthly compounding of a yearly rate, the
// sceptic's rate solved from a target, goals reached, observed dues and the observed trend.
import { afterAll, describe, expect, it } from 'vitest';
import { forecastCommand, type ForecastOptions } from '../../src/commands/forecast.js';
import { forecast } from '../../src/core/forecast/forecast.js';
import { givenDues } from '../../src/core/forecast/income.js';
import { grown, monthsAfter, parseScenario, solveRate, wholePeople } from '../../src/core/forecast/scenario.js';
import { currentMembers } from '../../src/core/metrics/asof.js';
import { fitLine, project, sampleDates, valueOn } from '../../src/core/projection.js';
import { sparkline } from '../../src/render/sparkline.js';
import { goalsYaml, orgFrom } from '../helpers/org.js';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { MONEY_ORG, ctxIn } from '../dues/fixture.js';

afterAll(cleanupRepos);

const GOALS = goalsYaml(
  '  - { id: members, title: "At least 5,000 members", metric: members, min: 5000 }\n' +
    '  - { id: members-2000, title: "At least 2,000 members", metric: members, min: 2000 }\n' +
    '  - { id: chapters, title: "At least 3 chapters", metric: chapters, min: 3 }\n',
);
const ORG = { ...MONEY_ORG, 'goals.yaml': GOALS };

async function run(opts: ForecastOptions, color = false) {
  const repo = tempRepo(ORG);
  const r = await forecastCommand(ctxIn(repo.dir, color), opts);
  expect(r.exitCode).toBe(0);
  return opts.format === 'json' ? JSON.parse(r.stdout) : r.stdout;
}

describe('the seed discussion', () => {
  it('5,000 members × $20 a month = $100,000 a month = $1,200,000 a year; doubling for 5 years: 160,000 members, $38,400,000 a year', async () => {
    const f = await run({ scenario: 'doubling', members: '5000', duesPerMonth: '20', step: 'year', format: 'json' });
    expect(f.rows).toEqual([
      { date: '2013-01-31', members: 5000, monthly_income: 100000, annual_income: 1200000 },
      { date: '2014-01-31', members: 10000, monthly_income: 200000, annual_income: 2400000 },
      { date: '2015-01-31', members: 20000, monthly_income: 400000, annual_income: 4800000 },
      { date: '2016-01-31', members: 40000, monthly_income: 800000, annual_income: 9600000 },
      { date: '2017-01-31', members: 80000, monthly_income: 1600000, annual_income: 19200000 },
      { date: '2018-01-31', members: 160000, monthly_income: 3200000, annual_income: 38400000 },
    ]);
    expect([f.scenario, f.growth_rate, f.start.dues_per_member, f.start.dues_source]).toEqual(['doubling', 1, 20, 'given']);
  });

  it("the sceptic's 10,000 in 5 years is rate:14.87, or solved from --target 10000 --years 5", async () => {
    const given = await run({ scenario: 'rate:14.87', members: '5000', duesPerMonth: '20', step: 'year', format: 'json' });
    expect(given.rows.map((r: { members: number }) => r.members)).toEqual([5000, 5744, 6598, 7579, 8706, 10000]);
    const solved = await run({ target: '10000', years: '5', members: '5000', duesPerMonth: '20', step: 'year', format: 'json' });
    expect(solved.scenario).toBe('rate:14.87');
    expect(solved.growth_rate).toBeCloseTo(2 ** (1 / 5) - 1, 10);
    expect(solved.until).toBe('2018-01-31');
    expect(solved.rows.at(-1)).toEqual({ date: '2018-01-31', members: 10000, monthly_income: 200000, annual_income: 2400000 });
  });
});

describe('growth', () => {
  it('compounds a yearly rate monthly: after 12 months exactly × (1 + r)', () => {
    const rate = parseScenario('rate:10');
    expect(rate).toMatchObject({ kind: 'growth', rate: 0.1, name: 'rate:10' });
    expect([0, 6, 12, 24].map((m) => wholePeople(grown(1000, 0.1, m)))).toEqual([1000, 1049, 1100, 1210]);
    expect(wholePeople(grown(5000, 1, 60))).toBe(160000);
    expect(wholePeople(grown(5000, 0.1487, 60))).toBe(10000);
    expect(solveRate(5000, 10000, 5).name).toBe('rate:14.87');
    expect(parseScenario('rate:-5')).toMatchObject({ rate: -0.05 });
    for (const bad of ['rate:', 'rate:-100', 'rate:abc', 'tripling']) expect(parseScenario(bad)).toBeUndefined();
  });

  it('rounds members to whole people, halves up', () => {
    expect([wholePeople(2.5), wholePeople(2.4999999), wholePeople(9999.9999999), wholePeople(-3)]).toEqual([3, 3, 10000, 0]);
  });

  it('steps a month at a time from the as-of date, month ends kept', () => {
    expect([1, 2, 13].map((m) => monthsAfter('2013-01-31', m))).toEqual(['2013-02-28', '2013-03-31', '2014-02-28']);
    expect([1, 13].map((m) => monthsAfter('2012-01-30', m))).toEqual(['2012-02-29', '2013-02-28']);
    expect(monthsAfter('2012-02-29', 12)).toBe('2013-02-28');
  });

  it('finds the first month each members goal is reached; other metrics are left out', async () => {
    const f = await run({ scenario: 'doubling', members: '1000', duesPerMonth: '1', format: 'json' });
    // 1,000 × 2^(k/12): 2,000 at 12 months; 5,000 first at 28 (5,040; 27 months gives 4,757)
    expect(f.goals).toEqual([
      { id: 'members', title: 'At least 5,000 members', target: { min: 5000 }, reaches_target_on: '2015-05-31' },
      { id: 'members-2000', title: 'At least 2,000 members', target: { min: 2000 }, reaches_target_on: '2014-01-31' },
    ]);
    expect(f.rows).toHaveLength(61);
    expect(f.rows[27].members).toBe(4757);
    const flat = await run({ scenario: 'rate:0', members: '6000', duesPerMonth: '1', format: 'json' });
    expect(flat.goals.map((g: { reaches_target_on: string | null }) => g.reaches_target_on)).toEqual(['2013-01-31', '2013-01-31']);
    const never = await run({ scenario: 'rate:0', members: '10', duesPerMonth: '1', format: 'json' });
    expect(never.goals[0].reaches_target_on).toBeNull();
  });
});

describe('observed', () => {
  it('dues a member: the last three complete months of receipts over the members at their end', async () => {
    // November to January: 25.50 GBP (40.29) + 0.04 EUR (0.05) + 0.30 USD = 40.64 USD over 3 months and 15 members
    const f = await run({ format: 'json' });
    expect(f.start).toEqual({ members: 15, members_source: 'current', dues_per_member: 0.9, dues_source: 'observed', observed: { months: ['2012-11', '2012-12', '2013-01'], receipts: 6, members: 15 } });
    expect(f.rows[0]).toEqual({ date: '2013-01-31', members: 15, monthly_income: 13.55, annual_income: 162.6 });
    // mid-January: October to December only, 20.25 USD over 14 members then
    const mid = await run({ asOf: '2013-01-15', format: 'json' });
    expect(mid.start.observed).toEqual({ months: ['2012-10', '2012-11', '2012-12'], receipts: 2, members: 14 });
    expect(mid.rows[0]).toEqual({ date: '2013-01-15', members: 15, monthly_income: 7.23, annual_income: 86.76 });
  });

  it('continues the line readiness fits, and --members moves it to the given start', () => {
    const org = orgFrom({
      ...ORG,
      'chapters/cork/members.yaml': Array.from({ length: 60 }, (_, i) => `- { id: cork-${i}, joined: 2012-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-01 }`).join('\n'),
    });
    const base = { asOf: '2012-06-30', until: '2013-06-30', step: 'month' as const, scenario: parseScenario('observed')!, dues: givenDues(100) };
    const f = forecast(org, base);
    // Cork: 10 joined on the first of each month, on top of the other chapters: 22 at the end of January … 74 at June's
    expect(f.history.slice(-5).map((p) => p.value)).toEqual([22, 32, 42, 52, 62]);
    expect(f.rows[0]!.members).toBe(74);
    expect(f.membersPerMonth).toBeCloseTo(10.33, 2);
    // what readiness projects for the same goal, from the same six points
    const series = sampleDates('2012-06-30').map((date) => ({ date, value: currentMembers(org, date).length }));
    const readiness = project(series, { min: 2000 }, '2013-06-30', false, Math.round);
    expect(f.rows[12]).toMatchObject({ date: '2013-06-30', members: readiness.at_deadline });
    expect(f.goals.find((g) => g.id === 'members-2000')!.reachesTargetOn).toBe(readiness.reaches_target_on);
    const moved = forecast(org, { ...base, members: 1000 });
    expect(moved.rows[0]!.members).toBe(1000);
    expect(Math.abs(moved.rows[12]!.members - 1000 - (readiness.at_deadline - valueOn(fitLine(series), '2012-06-30')))).toBeLessThanOrEqual(0.5);
  });
});

describe('output', () => {
  it('a table; the chart of history and forecast only on a terminal', async () => {
    const plain = await run({ scenario: 'doubling', members: '5000', duesPerMonth: '20', step: 'year' });
    expect(plain).toContain('│ 2018-01-31 │ 160,000 │  3,200,000.00 │ 38,400,000.00 │');
    expect(plain).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    const tty = await run({ scenario: 'doubling', members: '5000', duesPerMonth: '20', step: 'year' }, true);
    expect(tty).toMatch(/Members 2012-01 [▁▂▃▄▅▆▇█\u001b\[\dm]+ 2018-01/);
  });

  it('draws a sparkline from the smallest to the largest value', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });

  it('refuses what it cannot compute (exit 2)', async () => {
    const repo = tempRepo(ORG);
    const ctx = ctxIn(repo.dir);
    await expect(forecastCommand(ctx, { target: '10000' })).rejects.toThrow('--target and --years go together');
    await expect(forecastCommand(ctx, { target: '10000', years: '5', scenario: 'doubling' })).rejects.toThrow('leave out --scenario');
    await expect(forecastCommand(ctx, { scenario: 'tripling' })).rejects.toThrow('unknown scenario "tripling"');
    await expect(forecastCommand(ctx, { until: '2012-12-31' })).rejects.toThrow('is not after the as-of date 2013-01-31');
    await expect(forecastCommand(ctx, { duesPerMonth: '20.001' })).rejects.toThrow('--dues-per-month "20.001" is not an amount in USD');
    await expect(forecastCommand(ctx, { members: 'many' })).rejects.toThrow('--members "many" must be a whole number of at least 0');
  });
});
