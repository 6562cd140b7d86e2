// The kept chapter parts are compared with the files git's index lists while git status still
// runs, and what the status says is applied to that comparison afterwards (load/byChapter.ts
// sinceListed): the files changed since the parts were kept are those of the working tree,
// whatever the index holds. A change staged and then undone in the working tree, a file added to
// the index and deleted from the disk, a staged change edited again: each is counted as the
// working tree has it, and the output is byte for byte the one without any cache.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iopsWithProcessEnv } from '../helpers/inProcess.js';
import { type TempRepo, cleanupRepos, sampleRepo } from '../helpers/repo.js';

const READINESS = ['readiness', '--format', 'json'];
let repo: TempRepo;
const read = (path: string, r = repo) => readFileSync(join(r.dir, path), 'utf8');

/** Readiness with the cache (saying what it did) and without: the same exit code, output and errors. */
async function readiness(r = repo): Promise<string> {
  const off = await iopsWithProcessEnv(r.dir, { IOPS_CACHE: 'off' }, ...READINESS);
  const on = await iopsWithProcessEnv(r.dir, { IOPS_DEBUG_CACHE: 'files' }, ...READINESS);
  expect(on.code).toBe(off.code);
  expect(on.stdout).toBe(off.stdout);
  return String(on.said);
}

/** How many files the run found changed since the parts were kept, and the chapters it worked out again. */
function since(said: string): { files: number; again: string[] } | undefined {
  const files = /readiness: \d+ of \d+ chapters worked out again, \d+ as kept \((\d+) files? changed since they were kept\)/.exec(said)?.[1];
  const again = /readiness: worked out again: (.*)/.exec(said)?.[1];
  return files === undefined ? undefined : { files: Number(files), again: again ? again.split(', ') : [] };
}

const LONDON = 'chapters/london/meetings/2012-08-13.yaml';
const GLASGOW = 'chapters/glasgow/meetings/2012-08-09.yaml';
let original: string;

beforeAll(async () => {
  repo = sampleRepo();
  original = read(LONDON);
  expect(await readiness()).toContain('readiness: every chapter worked out, their parts kept');
});
afterAll(cleanupRepos);

describe('the files changed since the parts were kept are the working tree’s, whatever the index holds', () => {
  it('counts none when a change is staged and then undone in the working tree', async () => {
    repo.write(LONDON, original.replace(/attendance: \d+/, 'attendance: 17'));
    repo.git('add', LONDON);
    repo.write(LONDON, original);
    expect(repo.git('status', '--porcelain', LONDON)).toMatch(/^MM /);
    expect(since(await readiness())).toEqual({ files: 0, again: [] });
  });

  it('counts the working tree’s content of a staged file edited again', async () => {
    repo.write(LONDON, original.replace(/attendance: \d+/, 'attendance: 18'));
    expect(since(await readiness())).toEqual({ files: 1, again: ['london'] });
  });

  it('counts none for a file added to the index and deleted from the disk, and an untracked file as added', async () => {
    repo.git('checkout', '--', LONDON); // the staged content (attendance 17) is now the working tree's too
    repo.write(GLASGOW, 'date: 2012-08-09\nmode: in-person\nattendance: 4\ntopics: [education]\n');
    repo.git('add', GLASGOW);
    rmSync(join(repo.dir, GLASGOW));
    expect(repo.git('status', '--porcelain', GLASGOW)).toMatch(/^AD /);
    expect(since(await readiness())).toEqual({ files: 1, again: ['london'] });
    repo.write(GLASGOW, 'date: 2012-08-09\nmode: online\nattendance: 6\ntopics: [education]\n');
    repo.git('reset', '-q', '--', GLASGOW);
    expect(since(await readiness())).toEqual({ files: 2, again: ['glasgow', 'london'] });
  });

  it('counts a change committed since; undone by a later commit, the files are the kept ones', async () => {
    repo.commit('london and glasgow');
    expect(since(await readiness())).toEqual({ files: 2, again: ['glasgow', 'london'] });
    rmSync(join(repo.dir, GLASGOW));
    repo.write(LONDON, original);
    repo.commit('undone');
    // the very files the parts were kept from: their result is remembered
    expect(await readiness()).toContain('readiness: the result remembered for these files');
  });
});

describe('parts kept from a working tree with changes not staged', () => {
  let other: TempRepo;
  const MANCHESTER = 'chapters/manchester/meetings/2012-08-30.yaml';
  const GLASGOW_KEPT = 'chapters/glasgow/meetings/2012-08-14.yaml';
  beforeAll(async () => {
    other = sampleRepo();
    // kept with a meeting edited and one untracked: the list differs from the index there, and how is kept too
    other.write(LONDON, read(LONDON, other).replace(/attendance: \d+/, 'attendance: 21'));
    other.write(MANCHESTER, 'date: 2012-08-30\nmode: in-person\nattendance: 7\ntopics: [education]\n');
    expect(await readiness(other)).toContain('readiness: every chapter worked out, their parts kept');
  });

  it('counts only what changed since, with the index as it was', async () => {
    other.write(GLASGOW_KEPT, read(GLASGOW_KEPT, other).replace(/attendance: \d+/, 'attendance: 19'));
    expect(since(await readiness(other))).toEqual({ files: 1, again: ['glasgow'] });
    other.git('checkout', '--', LONDON);
    expect(since(await readiness(other))).toEqual({ files: 2, again: ['glasgow', 'london'] });
    rmSync(join(other.dir, MANCHESTER)); // untracked when kept, with the parts: a file removed
    expect(await readiness(other)).toContain(`readiness: every chapter worked out: ${MANCHESTER} was removed`);
  });
});
