// Issue 16, end to end: projections stay within what a metric can be (no negative counts, no
// share above 100%), and a share target written as a percentage is refused where it is written.
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { goalsYaml } from '../helpers/org.js';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

interface GoalJson {
  id: string;
  unit: string;
  current: number;
  projection: { at_deadline: number; on_track: boolean; reaches_target_on: string | null };
}

describe('readiness --at HEAD~3 on the sample', () => {
  let sample: string;
  beforeAll(() => {
    const parent = tempRepo();
    // spawned: a write, whose git identity comes from the process environment
    const init = runCli(['init', 'org', '--sample'], { cwd: parent.dir });
    expect(init.code).toBe(0);
    sample = `${parent.dir}/org`;
  });

  it('projects no count below zero, and a falling count that reaches 0 never reaches its minimum', async () => {
    const r = await iops(tmpdir(), '--data', sample, 'readiness', '--at', 'HEAD~3', '--format', 'json');
    expect(r.stderr).toBe('');
    const goals: GoalJson[] = JSON.parse(r.stdout).goals;
    for (const g of goals) expect([g.id, g.projection.at_deadline >= 0]).toEqual([g.id, true]);
    const functioning = goals.find((g) => g.id === 'functioning-chapters')!;
    expect(functioning.projection).toEqual({ at_deadline: 0, on_track: false, reaches_target_on: null });
    const table = (await iops(tmpdir(), '--data', sample, 'readiness', '--at', 'HEAD~3')).stdout;
    // the built CLI (bin/iops.js) prints the same table
    expect(runCli(['--data', sample, 'readiness', '--at', 'HEAD~3']).stdout).toBe(table);
    expect(table).not.toMatch(/│ -\d/);
  });
});

describe('a share rising fast', () => {
  let repo: TempRepo;
  beforeAll(() => {
    // two men all along; women joining ever faster: 0%, 33%, 50%, 67%, 80%, 90% at the month ends
    const women = [['2013-02-10', 1], ['2013-03-10', 1], ['2013-04-10', 2], ['2013-05-10', 4], ['2013-06-10', 10]] as const;
    let n = 0;
    const members = ['- { id: m1, joined: 2012-01-01, gender: man }', '- { id: m2, joined: 2012-01-01, gender: man }'];
    for (const [joined, count] of women) for (let i = 0; i < count; i++) members.push(`- { id: w${++n}, joined: ${joined}, gender: woman }`);
    repo = tempRepo({
      'iops.yaml': 'organization: Test Org\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 1 }\nsnapshot_date: 2013-06-30\n',
      'goals.yaml': goalsYaml('  - { id: women, title: "Nearly all women", metric: gender_share, gender: woman, min: 0.95 }\n', ''),
      'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
      'chapters/ldn/members.yaml': `${members.join('\n')}\n`,
    });
  });

  it('is projected at 100% at most', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json');
    const [women] = JSON.parse(r.stdout).goals as GoalJson[];
    expect(women!.current).toBe(0.9);
    expect(women!.projection).toMatchObject({ at_deadline: 1, on_track: true });
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness')).stdout).toMatch(/│ 100%\s+│ yes, reaches it/);
  });
});

describe('a share target written as a percentage', () => {
  it('is refused by validate, located, with the fraction it most likely meant; readiness refuses to compute', async () => {
    const repo = tempRepo({
      'iops.yaml': 'organization: Test Org\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-06-30\n',
      'goals.yaml': goalsYaml('  - { id: women, title: "At least 40% women", metric: gender_share, gender: woman, min: 40 }\n', ''),
      'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
      'chapters/ldn/members.yaml': '- { id: a, joined: 2012-01-01, gender: woman }\n',
    });
    const v = runCli(['--data', repo.dir, 'validate']);
    expect(v).toEqual(await iops(tmpdir(), '--data', repo.dir, 'validate'));
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('goals.yaml:4:89: goals[0].min: a share is a fraction from 0 to 1 (0.40 is 40%), found 40; did you mean 0.40?');
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness');
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('4000%');
  });
});
