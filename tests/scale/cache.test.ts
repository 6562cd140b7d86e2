// The parse cache never changes a result: readiness, validate and a chapter's report (which reads
// part of the repository) print byte-identical JSON with and without it, on a random organisation
// after random edits (including edits that keep a file's size and modification time; `npm run
// test:scale` tries more, and on a generated organisation big enough for the worker threads:
// cache.scale.test.ts), with a damaged cache, and with --at reading another commit's files. Remembered results, ledgers
// read as sums and the listing of untracked and ignored files: cacheResults.test.ts,
// cacheLedgers.test.ts, cacheListing.test.ts.
import { readFileSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, scaleOf } from '../../bench/gen.mjs';
import { randomOrg } from '../helpers/randomOrg.js';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { LONG, SCALE, cacheDir, cached, commands, expectRandomEditsKeepResults, expectSame, plain, stats } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('the parse cache never changes a result', LONG, () => {
  it('gives byte-identical readiness, validate, report and dues JSON on random organisations after random edits and writes', async () => {
    await expectRandomEditsKeepResults(1); // and the fixed example with writes; npm run test:scale tries 6 more
  });

  it('sees a same-size edit with the modification time put back', async () => {
    const repo = tempRepo({});
    generate(scaleOf('20'), (path: string, text: string) => repo.write(path, text));
    repo.commit('organisation');
    // readiness shows the goals; npm run test:scale asks every command
    const only = SCALE ? undefined : [0];
    const before = await expectSame(repo, { asOf: '2017-12-20', only });
    const path = 'goals.yaml';
    const abs = join(repo.dir, path);
    const { atime, mtime } = statSync(abs);
    const text = readFileSync(abs, 'utf8');
    writeFileSync(abs, text.replace('min: 5000', 'min: 9000'));
    utimesSync(abs, atime, mtime);
    const after = await expectSame(repo, { asOf: '2017-12-20', only });
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]).toContain('"min": 9000');
  });

  it('ignores a damaged cache, and rebuilds it', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 7 })[0]!);
    const reference = await expectSame(repo);
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
      expect(cached(repo, commands()[0]!, { IOPS_CACHE: 'files' })).toBe(reference[0]);
      expect(stats(repo).parsed).toBe(0); // rebuilt: everything read from the cache again
    }
  });

  it('never uses an entry of other content with --at', async () => {
    const repo = tempRepo(fc.sample(randomOrg, { numRuns: 1, seed: 11 })[0]!);
    const goals = readFileSync(join(repo.dir, 'goals.yaml'), 'utf8');
    repo.write('goals.yaml', goals.replace(/min: 5 }/, 'min: 3 }'));
    repo.commit('fewer members needed');
    repo.write('goals.yaml', goals.replace(/min: 5 }/, 'min: 4 }')); // uncommitted, same size
    // the working tree, then the commits, then the working tree again: each reads only its own content
    for (const at of [[], ['--at', 'HEAD~1'], ['--at', 'HEAD'], []]) {
      const argv = commands({ at })[0]!;
      const off = await plain(repo, argv);
      expect(cached(repo, argv)).toBe(off);
      expect(cached(repo, argv)).toBe(off);
    }
    const [head, previous, tree] = [['--at', 'HEAD'], ['--at', 'HEAD~1'], []].map((at) => runCli(commands({ at })[0]!, { cwd: repo.dir }).stdout);
    expect(new Set([head, previous, tree]).size).toBe(3);
  });
});
