// The parse cache never changes a result: readiness, validate and a chapter's report (which reads
// part of the repository) print byte-identical JSON with and without it, on a random organisation
// after random edits (including edits that keep a file's size and modification time; `npm run
// test:scale` tries more), on a generated organisation big enough for the worker threads, with
// a damaged cache, and with --at reading another commit's files.
import { readFileSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, scaleOf } from '../../bench/gen.mjs';
import { randomOrg } from '../helpers/randomOrg.js';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { type Edit, applyEdit, cacheDir, cached, commands, dataFiles, expectRandomEditsKeepResults, expectSame, stats } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('the parse cache never changes a result', () => {
  it('gives byte-identical readiness, validate and report JSON on a random organisation after random edits', () => {
    expectRandomEditsKeepResults(1); // npm run test:scale tries 6 more
  });

  it('sees a same-size edit with the modification time put back', () => {
    const repo = tempRepo({});
    generate(scaleOf('20'), (path: string, text: string) => repo.write(path, text));
    repo.commit('organisation');
    const before = expectSame(repo, { asOf: '2017-12-20' });
    const path = 'goals.yaml';
    const abs = join(repo.dir, path);
    const { atime, mtime } = statSync(abs);
    const text = readFileSync(abs, 'utf8');
    writeFileSync(abs, text.replace('min: 5000', 'min: 9000'));
    utimesSync(abs, atime, mtime);
    const after = expectSame(repo, { asOf: '2017-12-20' });
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]).toContain('"min": 9000');
  });

  it('gives the same results on an organisation big enough for the parse workers', () => {
    const repo = tempRepo({});
    generate(scaleOf('600'), (path: string, text: string) => repo.write(path, text));
    repo.commit('organisation');
    rmSync(cacheDir(repo), { recursive: true, force: true });
    expect(stats(repo)).toMatchObject({ hits: 0 });
    expect(stats(repo).parsed).toBe(0);
    expectSame(repo);
    repo.write('chapters/extra/chapter.yaml', 'name: Extra\ncountry: GB\n');
    expectSame(repo);
  });

  it('ignores a damaged cache, and rebuilds it', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 7 })[0]!);
    const plain = expectSame(repo);
    const versionDir = () => join(cacheDir(repo), readdirSync(cacheDir(repo))[0]!);
    const packs = () => readdirSync(versionDir()).filter((n) => n.startsWith('pack-'));
    const damage = [
      () => writeFileSync(join(versionDir(), 'index'), 'not an index'),
      () => truncateSync(join(versionDir(), 'index'), 30),
      () => {
        for (const p of packs()) {
          const bytes = readFileSync(join(versionDir(), p));
          const i = Math.floor(bytes.length / 2);
          bytes[i] = bytes[i]! ^ 0x55; // a flipped byte JSON may still read
          writeFileSync(join(versionDir(), p), bytes);
        }
      },
      () => packs().forEach((p) => truncateSync(join(versionDir(), p), 10)),
      () => packs().forEach((p) => rmSync(join(versionDir(), p))),
      () => rmSync(cacheDir(repo), { recursive: true }),
    ];
    for (const d of damage) {
      d();
      expect(cached(repo, commands()[0]!, { IOPS_CACHE: 'files' })).toBe(plain[0]);
      expect(stats(repo).parsed).toBe(0); // rebuilt: everything read from the cache again
    }
  });

  it('never uses an entry of other content with --at', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 11 })[0]!);
    const goals = readFileSync(join(repo.dir, 'goals.yaml'), 'utf8');
    repo.write('goals.yaml', goals.replace(/min: 5 }/, 'min: 3 }'));
    repo.commit('fewer members needed');
    repo.write('goals.yaml', goals.replace(/min: 5 }/, 'min: 4 }')); // uncommitted, same size
    // the working tree, then the commits, then the working tree again: each reads only its own content
    for (const at of [[], ['--at', 'HEAD~1'], ['--at', 'HEAD'], []]) {
      const argv = commands({ at })[0]!;
      const off = cached(repo, argv, { IOPS_CACHE: 'off' });
      expect(cached(repo, argv)).toBe(off);
      expect(cached(repo, argv)).toBe(off);
    }
    const [head, previous, tree] = [['--at', 'HEAD'], ['--at', 'HEAD~1'], []].map((at) => runCli(commands({ at })[0]!, { cwd: repo.dir }).stdout);
    expect(new Set([head, previous, tree]).size).toBe(3);
  });
});

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

describe('remembered results', () => {
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
  function expectRecalled(repo: TempRepo): number {
    let results = 0;
    for (const argv of argvs) {
      const off = cached(repo, argv, { IOPS_CACHE: 'off' });
      const result = /^[01]\n/.test(off);
      if (result) results++;
      expect(recalled(repo, argv)).toEqual({ out: off, hit: false });
      expect(recalled(repo, argv)).toEqual({ out: off, hit: result });
    }
    return results;
  }

  it('answer a second run exactly as a run without any cache, and never after an edit', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    const meetingFile = dataFiles(repo.dir).find((f) => f.startsWith('chapters/alpha/meetings/'))!;
    const reportFile = dataFiles(repo.dir).find((f) => f.includes('/reports/'))!;
    // as applyEdit numbers the files, at the time of the edit
    const index = (path: string) => dataFiles(repo.dir).filter((f) => f !== 'iops.yaml').indexOf(path);
    expect(expectRecalled(repo)).toBe(argvs.length);
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
      expect(expectRecalled(repo)).toBe(argvs.length);
    }
    applyEdit(repo, { kind: 'break', file: 1, digit: 0 });
    expect(expectRecalled(repo)).toBe(0);
  });

  it('tell a file edited twice to the same size and time (git status reads the same both times) by its content', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    const argv = argvs[0]!;
    const abs = join(repo.dir, 'goals.yaml');
    const { atime, mtime } = statSync(abs);
    const outputs = new Set<string>();
    for (const min of [5, 6, 7, 6]) {
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/metric: members, min: \d/, `metric: members, min: ${min}`));
      utimesSync(abs, atime, mtime);
      const off = cached(repo, argv, { IOPS_CACHE: 'off' });
      expect(off).toContain(`"min": ${min}`);
      outputs.add(off);
      const first = recalled(repo, argv);
      expect(first.out).toBe(off);
      expect(first.hit).toBe(min === 6 && outputs.size === 3); // 6 again: that content's result was remembered
      expect(recalled(repo, argv)).toEqual({ out: off, hit: true });
    }
  });

  it('ignores a damaged result, and remembers it again', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 9 })[0]!);
    const argv = argvs[0]!;
    const plain = cached(repo, argv, { IOPS_CACHE: 'off' });
    expect(recalled(repo, argv).hit).toBe(false);
    for (const damage of [(b: Buffer) => ((b[b.length - 3] = b[b.length - 3]! ^ 0x01), b), (b: Buffer) => b.subarray(0, 30), () => Buffer.from('')]) {
      for (const f of resultFiles(repo)) writeFileSync(f, damage(readFileSync(f)));
      expect(recalled(repo, argv)).toEqual({ out: plain, hit: false });
      expect(recalled(repo, argv)).toEqual({ out: plain, hit: true });
    }
  });

  it('are remembered only when the files read are the files listed', async () => {
    const { recall } = await import('../../src/app/memo.js');
    const { openRepository } = await import('../../src/app/open.js');
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

describe('dues ledgers checked as sums', () => {
  // each ledger breaks one check the receipts must pass; read cold (nothing cached), validate
  // and readiness check the ledgers as sums, and must find and locate the problem exactly as
  // reading every receipt does
  const broken: [string, (ledger: string, chapter: { founded: string; member: string }) => string][] = [
    ['a member who does not exist', (l) => l.replace(/member: [^,]+/, 'member: nobody-here')],
    ['a currency without a rate', (l) => l.replace(/currency: \w+/, 'currency: CHF')],
    ['a receipt dated in another year', (l) => l.replace(/date: (\d{4})/, (_m, y: string) => `date: ${Number(y) + 1}`)],
    ['a receipt before the chapter was founded', (l, c) => `${l}- { date: ${c.founded.slice(0, 4)}-01-01, member: ${c.member}, amount: 1, currency: GBP }\n`],
  ];
  for (const [what, breakIt] of broken) {
    it(`finds ${what}`, () => {
      const files = fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!;
      const ledger = Object.keys(files).find((p) => /^chapters\/[^/]+\/dues\/\d{4}\.yaml$/.test(p))!;
      const chapterId = ledger.split('/')[1]!;
      const founded = /founded: (\S+)/.exec(files[`chapters/${chapterId}/chapter.yaml`]!)![1]!;
      const member = /member: ([^,]+)/.exec(files[ledger]!)![1]!;
      const repo = tempRepo(files);
      for (const argv of [['validate', '--format', 'json'], commands()[0]!]) expect(cached(repo, argv, { IOPS_CACHE: 'off' })).toMatch(/^[01]\n/);
      // the founding day's year is the ledger's year only for some chapters: put the early receipt in a ledger of that year
      const path = what.includes('founded') ? `chapters/${chapterId}/dues/${founded.slice(0, 4)}.yaml` : ledger;
      repo.write(path, breakIt(files[path] ?? '', { founded, member }));
      for (const argv of [['validate', '--format', 'json'], ['validate'], commands()[0]!]) {
        const off = cached(repo, argv, { IOPS_CACHE: 'off' });
        expect(off).toContain(path);
        rmSync(cacheDir(repo), { recursive: true, force: true });
        expect(cached(repo, argv)).toBe(off);
        expect(cached(repo, argv)).toBe(off);
      }
    });
  }
});

describe('untracked folders, ignore rules and nested repositories', () => {
  // with no ignore rule anywhere, git is asked for untracked files folder by folder (which its
  // untracked cache can answer) and iops lists the folders' files itself; with any rule, git
  // lists every untracked and ignored file. Either way the result is the plain reader's.
  const zeta = {
    'chapters/zeta/chapter.yaml': 'name: Zeta\ncountry: GB\nfounded: 2011-01-01\n',
    'chapters/zeta/members.yaml': '- { id: zeta-1, joined: 2011-01-02, gender: woman }\n',
    'chapters/zeta/meetings/2011-02-01.yaml': 'date: 2011-02-01\nmode: in-person\nattendance: 3\ntopics: [education]\n',
  };
  const argvs = [['validate', '--format', 'json'], ['readiness', '--format', 'json', '--as-of', '2012-06-30'], ['report', 'zeta', '--format', 'json', '--as-of', '2012-06-30']];
  const expectPlain = (repo: TempRepo) => {
    for (const argv of argvs) {
      const off = cached(repo, argv, { IOPS_CACHE: 'off' });
      expect(cached(repo, argv)).toBe(off);
      expect(cached(repo, argv)).toBe(off);
    }
    return cached(repo, argvs[2]!, { IOPS_CACHE: 'off' });
  };

  it('reads a new chapter folder git reports whole, file by file', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    for (const [path, text] of Object.entries(zeta)) repo.write(path, text);
    expect(repo.git('status', '--porcelain', '--untracked-files=normal')).toContain('?? chapters/zeta/');
    expect(expectPlain(repo)).toMatch(/^0\n/);
    // a folder deeper in it, then a file changed in it without changing its size
    repo.write('chapters/zeta/meetings/2011-03-01.yaml', 'date: 2011-03-01\nmode: online\nattendance: 5\n');
    const before = expectPlain(repo);
    repo.write('chapters/zeta/meetings/2011-03-01.yaml', 'date: 2011-03-01\nmode: online\nattendance: 6\n');
    expect(expectPlain(repo)).not.toBe(before);
  });

  it('reads files git ignores, whichever rule ignores them', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    // a meeting in a folder git tracks: git names it, unless a rule ignores it
    const meeting = 'chapters/alpha/meetings/2011-05-03.yaml';
    repo.write(meeting, 'date: 2011-05-03\nmode: in-person\nattendance: 7\ntopics: [education]\n');
    const report = ['report', 'alpha', '--format', 'json', '--as-of', '2011-06-30'];
    const expectRead = () => {
      const plain = cached(repo, report, { IOPS_CACHE: 'off' });
      expect(plain).toContain('"date": "2011-05-03"'); // ignored, and read all the same
      expect(cached(repo, report)).toBe(plain);
      expect(cached(repo, report)).toBe(plain);
    };
    expectRead();
    const rules: [string, string][] = [
      ['.git/info/exclude', `${meeting}\n`],
      ['.gitignore', '*.yaml\n!goals.yaml\n'],
      ['chapters/alpha/.gitignore', 'meetings/2011-05-03.yaml\n'],
    ];
    for (const [path, rule] of rules) {
      repo.write(path, rule);
      expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toContain(meeting);
      expectRead();
      expectPlain(repo);
      rmSync(join(repo.dir, path));
    }
    repo.write('chapters/.gitignore', 'alpha/meetings/2011-05-03.yaml\n');
    repo.commit('a tracked rule deeper down');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toContain(meeting);
    expectRead();
  });

  it('treats a nested repository as the plain reader does', () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!);
    for (const [path, text] of Object.entries(zeta)) repo.write(path, text);
    repo.git('init', '-q', join(repo.dir, 'chapters/zeta/meetings'));
    expectPlain(repo);
  });
});
