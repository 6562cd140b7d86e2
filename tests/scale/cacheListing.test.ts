// Untracked folders, ignore rules and nested repositories: however git is asked for the files,
// the cache reads what the plain reader reads.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { randomOrg } from '../helpers/randomOrg.js';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { LONG, SCALE, cached, plain } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('untracked folders, ignore rules and nested repositories', LONG, () => {
  // with no ignore rule anywhere, git is asked for untracked files folder by folder (which its
  // untracked cache can answer) and iops lists the folders' files itself; with any rule, git
  // lists every untracked and ignored file. Either way the result is the plain reader's.
  const zeta = {
    'chapters/zeta/chapter.yaml': 'name: Zeta\ncountry: GB\nfounded: 2011-01-01\n',
    'chapters/zeta/members.yaml': '- { id: zeta-1, joined: 2011-01-02, gender: woman }\n',
    'chapters/zeta/meetings/2011-02-01.yaml': 'date: 2011-02-01\nmode: in-person\nattendance: 3\ntopics: [education]\n',
  };
  const argvs = [['validate', '--format', 'json'], ['readiness', '--format', 'json', '--as-of', '2012-06-30'], ['report', 'zeta', '--format', 'json', '--as-of', '2012-06-30']];
  // npm test asks validate (every file) and the report (a part); npm run test:scale, readiness too
  const asked = SCALE ? argvs : [argvs[0]!, argvs[2]!];
  const expectPlain = async (repo: TempRepo) => {
    for (const argv of asked) {
      const off = await plain(repo, argv);
      expect(cached(repo, argv)).toBe(off);
      expect(cached(repo, argv)).toBe(off);
    }
    return plain(repo, argvs[2]!);
  };

  it('reads a new chapter folder git reports whole, file by file', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    for (const [path, text] of Object.entries(zeta)) repo.write(path, text);
    expect(repo.git('status', '--porcelain', '--untracked-files=normal')).toContain('?? chapters/zeta/');
    expect(await expectPlain(repo)).toMatch(/^0\n/);
    // a folder deeper in it, then a file changed in it without changing its size
    repo.write('chapters/zeta/meetings/2011-03-01.yaml', 'date: 2011-03-01\nmode: online\nattendance: 5\n');
    const before = await expectPlain(repo);
    repo.write('chapters/zeta/meetings/2011-03-01.yaml', 'date: 2011-03-01\nmode: online\nattendance: 6\n');
    expect(await expectPlain(repo)).not.toBe(before);
  });

  it('reads files git ignores, whichever rule ignores them', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    // a meeting in a folder git tracks: git names it, unless a rule ignores it
    const meeting = 'chapters/alpha/meetings/2011-05-03.yaml';
    repo.write(meeting, 'date: 2011-05-03\nmode: in-person\nattendance: 7\ntopics: [education]\n');
    const report = ['report', 'alpha', '--format', 'json', '--as-of', '2011-06-30'];
    const expectRead = async () => {
      const off = await plain(repo, report);
      expect(off).toContain('"date": "2011-05-03"'); // ignored, and read all the same
      expect(cached(repo, report)).toBe(off);
      expect(cached(repo, report)).toBe(off);
    };
    await expectRead();
    const rules: [string, string][] = [
      ['.git/info/exclude', `${meeting}\n`],
      ['.gitignore', '*.yaml\n!goals.yaml\n'],
      ['chapters/alpha/.gitignore', 'meetings/2011-05-03.yaml\n'],
    ];
    // npm test tries the first rule (any rule makes git list every untracked and ignored file); npm run test:scale, each
    for (const [i, [path, rule]] of (SCALE ? rules : rules.slice(0, 1)).entries()) {
      repo.write(path, rule);
      expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toContain(meeting);
      await expectRead();
      if (i === 0 || SCALE) await expectPlain(repo); // every command under each rule: npm run test:scale

      rmSync(join(repo.dir, path));
    }
    repo.write('chapters/.gitignore', 'alpha/meetings/2011-05-03.yaml\n');
    repo.commit('a tracked rule deeper down');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toContain(meeting);
    await expectRead();
  });

  it('treats a nested repository as the plain reader does', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    for (const [path, text] of Object.entries(zeta)) repo.write(path, text);
    repo.git('init', '-q', join(repo.dir, 'chapters/zeta/meetings'));
    await expectPlain(repo);
  });
});
