// iops forecast's small print, end to end: counts that must be whole numbers say so, a goal the
// forecast does not reach by --until is not called reached, and no input makes money print as
// 2e+23 (absurd inputs are refused, with the maximum).
import { afterAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

/** One member joining a month from January to June 2012: the trend reaches 10 members in the autumn. */
const members = Array.from({ length: 6 }, (_, i) => `- id: ldn-${i}\n  joined: 2012-0${i + 1}-01\n  gender: woman\n`).join('');
const ORG = {
  'iops.yaml': 'organization: Test Org\ncurrency: USD\nsnapshot_date: 2012-06-30\n',
  'goals.yaml': 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "At least 10 members", metric: members, min: 10 }\n',
  'chapters/london/chapter.yaml': 'name: London\ncountry: GB\n',
  'chapters/london/members.yaml': members,
};

describe('iops forecast', () => {
  it('--members -5 must be a whole number of at least 0', async () => {
    const repo = tempRepo(ORG);
    const r = await iops(repo.dir, 'forecast', '--members', '-5');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'iops: --members "-5" must be a whole number of at least 0 (such as 5000)\n']);
    expect((await iops(repo.dir, 'forecast', '--members', '12.5')).stderr).toContain('must be a whole number of at least 0');
  });

  it('--until before the goal is reached: "not reached by" that day, not "reached" after it', async () => {
    const repo = tempRepo(ORG);
    const r = await iops(repo.dir, 'forecast', '--until', '2012-08-31');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Goal members'))!;
    expect(line).toMatch(/^Goal members \(≥ 10 members\): not reached by 2012-08-31 \(at this pace, on 2012-1\d-\d\d\)$/);
    const later = await iops(repo.dir, 'forecast', '--until', '2013-08-31', '--format', 'markdown');
    expect(later.stdout).toMatch(/- Goal members \(≥ 10 members\): reached 2012-1\d-\d\d\n/);
  });

  it('never prints a number in exponent notation: absurd inputs are refused, with the maximum', async () => {
    const repo = tempRepo(ORG);
    const huge = await iops(repo.dir, 'forecast', '--members', '100000000000000000000', '--dues-per-month', '20');
    expect([huge.code, huge.stdout]).toEqual([2, '']);
    expect(huge.stderr).toBe('iops: --members "100000000000000000000" is more than 10,000,000,000, more people than live on Earth\n');
    for (const args of [
      ['--members', '5000', '--dues-per-month', '20000000000000'],
      ['--scenario', 'rate:100000000', '--until', '2100-01-01'],
      ['--scenario', 'doubling', '--members', '10000000000', '--dues-per-month', '100', '--until', '2100-01-01', '--step', 'year'],
    ]) {
      const r = await iops(repo.dir, 'forecast', ...args);
      expect([args, r.code, r.stdout]).toEqual([args, 2, '']);
      expect(r.stderr).toMatch(/^iops: this forecast reaches .* more than iops can add up exactly/);
    }
    // the largest allowed start prints every figure in full
    const most = await iops(repo.dir, 'forecast', '--members', '10,000,000,000', '--dues-per-month', '20', '--step', 'year');
    expect(most.code).toBe(0);
    expect(most.stdout).toContain('10,000,000,000');
    expect(most.stdout).toContain('2,400,000,000,000.00');
    expect(most.stdout).not.toMatch(/\de[+-]?\d/);
  });

  it('the README\'s sceptic: --members 5000 --target 10000 --years 5 is rate:14.87', async () => {
    const repo = tempRepo(ORG);
    const r = await iops(repo.dir, 'forecast', '--members', '5000', '--target', '10000', '--years', '5', '--step', 'year', '--dues-per-month', '20');
    // the built CLI (bin/iops.js) says the same
    expect(runCli(['forecast', '--members', '5000', '--target', '10000', '--years', '5', '--step', 'year', '--dues-per-month', '20'], { cwd: repo.dir })).toEqual(r);
    expect(r.stdout).toContain('Scenario rate:14.87');
    expect(r.stdout).toMatch(/2017-06-30 │\s+10,000 │/);
  });
});
