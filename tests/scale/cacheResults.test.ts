// Remembered results: a command run again on the same files answers from the result
// remembered for exactly those files, identically to a run without any cache, and never after
// an edit, however the edit hides from git status; a damaged result is ignored.
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { randomOrg } from '../helpers/randomOrg.js';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { type Edit, LONG, applyEdit, cacheDir, dataFiles, plain } from './cacheSupport.js';
import { SETTINGS, goalsYaml } from '../helpers/org.js';

afterAll(cleanupRepos);

/** A run with the cache: its exit code and output, and whether it answered from remembered results alone (diff has two sides). */
function recalled(repo: TempRepo, argv: string[]): { out: string; hit: boolean } {
  const r = runCli(argv, { cwd: repo.dir, env: { IOPS_DEBUG_CACHE: '1' } });
  const computed = /^iops cache: (\d+ hits?,|.*: remembered$|.*: not remembered)/m.test(r.stderr);
  return { out: `${r.code}\n${r.stdout}\n${r.stderr.replace(/^iops cache: .*\n/gm, '')}`, hit: !computed && /the result remembered/.test(r.stderr) };
}

const resultFiles = (repo: TempRepo) => {
  const version = readdirSync(cacheDir(repo))[0]!;
  const dir = join(cacheDir(repo), version, 'results');
  return readdirSync(dir).map((name) => join(dir, name));
};

describe('remembered results', LONG, () => {
  const argvs = [
    ['readiness', '--format', 'json', '--as-of', '2012-06-30'],
    ['report', 'alpha', '--format', 'json', '--as-of', '2012-06-30'],
    ['report', '--all', '--format', 'json', '--as-of', '2012-06-30'],
    ['dues', '--by', 'month', '--format', 'json', '--from', '2011-01-01', '--to', '2012-06-30'],
    ['diff', 'HEAD', '--format', 'json', '--as-of', '2012-06-30'],
  ];

  /**
   * Each command: without any cache, then twice with it. The second run answers from the
   * remembered result, identically, when there is a result (exit 0 or 1) and not an error.
   * Returns how many commands gave a result.
   */
  async function expectRecalled(repo: TempRepo, which: string[][] = argvs): Promise<number> {
    let results = 0;
    for (const argv of which) {
      const off = await plain(repo, argv);
      const result = /^[01]\n/.test(off);
      if (result) results++;
      expect(recalled(repo, argv)).toEqual({ out: off, hit: false });
      expect(recalled(repo, argv)).toEqual({ out: off, hit: result });
    }
    return results;
  }

  // After each edit, npm test asks readiness (every file's results behind it); npm run
  // test:scale (IOPS_TEST_SCALE=1) asks all five commands.
  const afterEdits = process.env.IOPS_TEST_SCALE ? argvs : [argvs[0]!];

  it('answer a second run exactly as a run without any cache, and never after an edit', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    const meetingFile = dataFiles(repo.dir).find((f) => f.startsWith('chapters/alpha/meetings/'))!;
    const reportFile = dataFiles(repo.dir).find((f) => f.includes('/reports/'))!;
    // as applyEdit numbers the files, at the time of the edit
    const index = (path: string) => dataFiles(repo.dir).filter((f) => f !== 'iops.yaml').indexOf(path);
    expect(await expectRecalled(repo)).toBe(argvs.length);
    // valid edits; the same file twice: git status reads the same (" M path") and only the content tells
    const edits: (() => Edit)[] = [
      () => ({ kind: 'sameSize', file: index(meetingFile), digit: 8 }), // the attendance
      () => ({ kind: 'sameSize', file: index(meetingFile), digit: 8 }),
      () => ({ kind: 'add', file: 0, digit: 2 }),
      () => ({ kind: 'stage', file: index('chapters/alpha/members.yaml'), digit: 0 }),
      () => ({ kind: 'remove', file: index(reportFile), digit: 0 }),
    ];
    for (const e of edits) {
      applyEdit(repo, e());
      expect(await expectRecalled(repo, afterEdits)).toBe(afterEdits.length);
    }
    applyEdit(repo, { kind: 'break', file: 1, digit: 0 });
    expect(await expectRecalled(repo)).toBe(0);
  });

  it('tell a file edited twice to the same size and time (git status reads the same both times) by its content', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    const argv = argvs[0]!;
    const abs = join(repo.dir, 'goals.yaml');
    const { atime, mtime } = statSync(abs);
    const outputs = new Set<string>();
    for (const min of [5, 6, 7, 6]) {
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/metric: members, min: \d/, `metric: members, min: ${min}`));
      utimesSync(abs, atime, mtime);
      const off = await plain(repo, argv);
      expect(off).toContain(`"min": ${min}`);
      outputs.add(off);
      const first = recalled(repo, argv);
      expect(first.out).toBe(off);
      expect(first.hit).toBe(min === 6 && outputs.size === 3); // 6 again: that content's result was remembered
      expect(recalled(repo, argv)).toEqual({ out: off, hit: true });
    }
  });

  it('ignores a damaged result, and remembers it again', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 9 })[0]!);
    const argv = argvs[0]!;
    const reference = await plain(repo, argv);
    expect(recalled(repo, argv).hit).toBe(false);
    for (const damage of [(b: Buffer) => ((b[b.length - 3] = b[b.length - 3]! ^ 0x01), b), (b: Buffer) => b.subarray(0, 30), () => Buffer.from('')]) {
      for (const f of resultFiles(repo)) writeFileSync(f, damage(readFileSync(f)));
      expect(recalled(repo, argv)).toEqual({ out: reference, hit: false });
      expect(recalled(repo, argv)).toEqual({ out: reference, hit: true });
    }
  });

  it('are remembered only when the files read are the files listed', async () => {
    const { recall } = await import('../../src/load/memo.js');
    const { openRepository } = await import('../../src/load/open.js');
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 3 })[0]!);
    const path = 'chapters/alpha/meetings/2011-05-03.yaml';
    const before = 'date: 2011-05-03\nmode: in-person\nattendance: 3\ntopics: [education]\n';
    repo.write(path, before);
    const where = { data: repo.dir, env: undefined, cwd: repo.dir };
    const memo = await recall<string>(where, undefined, 'test', {});
    expect(memo.hit).toBeUndefined();
    // the untracked meeting changes after it was hashed for the key, before the load reads it
    repo.write(path, before.replace('attendance: 3', 'attendance: 9'));
    const opened = await openRepository(where, { listed: memo.listed });
    expect(opened.org?.chapterById.get('alpha')?.meetings.some((m) => m.attendance === 9)).toBe(true);
    expect(opened.asListed).toBe(false);
    memo.remember(opened, 'computed from attendance 9');
    // back to the content the key was made from: nothing was remembered for it
    repo.write(path, before);
    expect((await recall<string>(where, undefined, 'test', {})).hit).toBeUndefined();
    // read as listed, a result is remembered and recalled
    const again = await recall<string>(where, undefined, 'test', {});
    const reopened = await openRepository(where, { listed: again.listed });
    expect(reopened.asListed).toBe(true);
    again.remember(reopened, 'computed from attendance 3');
    expect((await recall<string>(where, undefined, 'test', {})).hit).toBe('computed from attendance 3');
  });
});

describe('remembered privacy protections', LONG, () => {
  it('answer after an edit that leaves every count as it was, are worked out again when a count changes, and never change a report', async () => {
    const members = ['woman', 'woman', 'man', 'man', 'man', 'non-binary', 'undisclosed'].map((g, i) => `- { id: alpha-${i}, joined: 2011-02-0${i + 1}, gender: ${g} }`);
    const repo = tempRepo({
      'iops.yaml': SETTINGS,
      'goals.yaml': goalsYaml('  - { id: women, title: W, metric: gender_share, gender: woman, min: 0.4 }\n'),
      'chapters/alpha/chapter.yaml': 'name: Alpha\ncountry: GB\nfounded: 2011-01-01\n',
      'chapters/alpha/members.yaml': `${members.join('\n')}\n`,
      'chapters/alpha/meetings/2012-05-01.yaml': 'date: 2012-05-01\nmode: in-person\nattendance: 4\ntopics: [education]\n',
    });
    const argv = ['report', 'alpha', '--format', 'json', '--as-of', '2012-06-30'];
    const expectReport = async (protection: 'remembered' | 'worked out') => {
      const r = runCli(argv, { cwd: repo.dir, env: { IOPS_DEBUG_CACHE: '1' } });
      const [said, not] = protection === 'remembered' ? ['as worked out before', 'worked out$'] : ['worked out$', 'as worked out before'];
      expect(r.stderr).toMatch(new RegExp(`gender protection: ${said}`, 'm'));
      expect(r.stderr).not.toMatch(new RegExp(`gender protection: ${not}`, 'm'));
      expect(`${r.code}\n${r.stdout}`).toBe((await plain(repo, argv)).replace(/\n[^\n]*$/, ''));
    };
    await expectReport('worked out');
    // the meeting's attendance changes (the report's own result cannot answer), the counts do not
    repo.write('chapters/alpha/meetings/2012-05-01.yaml', 'date: 2012-05-01\nmode: in-person\nattendance: 9\ntopics: [education]\n');
    await expectReport('remembered');
    // a member discloses a gender: the counts change
    repo.write('chapters/alpha/members.yaml', `${members.join('\n').replace('gender: undisclosed', 'gender: woman')}\n`);
    await expectReport('worked out');
  });
});
