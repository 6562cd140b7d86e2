// iops forecast end to end on the sample organisation: the built CLI, the seed's table, and
// the observed scenario agreeing with readiness's projection of the members goal.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/repo.js';

const DATA = resolve(__dirname, '../../data');
const iops = (...args: string[]) => runCli(['--data', DATA, ...args]);

describe('iops forecast on the sample', () => {
  it("prints the seed discussion's doubling as Markdown", () => {
    const r = iops('forecast', '--scenario', 'doubling', '--members', '5000', '--dues-per-month', '20', '--step', 'year', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '| Date | Members | A month (USD) | A year (USD) |',
        '| --- | ---: | ---: | ---: |',
        '| 2012-08-31 | 5,000 | 100,000.00 | 1,200,000.00 |',
        '| 2013-08-31 | 10,000 | 200,000.00 | 2,400,000.00 |',
        '| 2014-08-31 | 20,000 | 400,000.00 | 4,800,000.00 |',
        '| 2015-08-31 | 40,000 | 800,000.00 | 9,600,000.00 |',
        '| 2016-08-31 | 80,000 | 1,600,000.00 | 19,200,000.00 |',
        '| 2017-08-31 | 160,000 | 3,200,000.00 | 38,400,000.00 |',
      ].join('\n'),
    );
  });

  it('observed: at the deadline and the day the members goal is reached, as readiness projects them', () => {
    const readiness = JSON.parse(iops('readiness', '--format', 'json').stdout);
    const members = readiness.goals.find((g: { id: string }) => g.id === 'members');
    const f = JSON.parse(iops('forecast', '--format', 'json').stdout);
    expect(f.scenario).toBe('observed');
    expect(f.rows[0]).toMatchObject({ date: readiness.as_of, members: members.current });
    expect(f.rows.find((r: { date: string }) => r.date === readiness.deadline).members).toBe(members.projection.at_deadline);
    expect(f.goals).toEqual([{ id: 'members', title: members.title, target: members.target, reaches_target_on: members.projection.reaches_target_on }]);
    expect(f.rows).toHaveLength(61);
  });

  it('says what is wrong with a scenario (exit 2)', () => {
    const r = iops('forecast', '--scenario', 'tripling');
    expect([r.code, r.stderr]).toEqual([2, 'iops: unknown scenario "tripling": use observed, doubling or rate:<percent a year> (such as rate:14.87)\n']);
    expect(iops('forecast', '--step', 'week').code).toBe(2);
  });
});
