// Shared by the parse cache's tests (cache*.test.ts, cache.scale.test.ts): each command with
// and without the cache, its statistics, and random edits to a repository's files.
//
// A run with the cache is a run of the built CLI, a new process each time, as a user's commands
// are: what is tested is the cache as the last command left it on disk. A run without it
// (IOPS_CACHE=off, the result the cache must never change) is made in this process (`plain`),
// which saves starting Node and loading iops for half of the runs; it uses nothing a process
// keeps from run to run (tests/helpers/inProcess.ts), and any difference from the built CLI's
// output fails the comparison all the same.
import { readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { iopsWithProcessEnv } from '../helpers/inProcess.js';
import { randomOrg } from '../helpers/randomOrg.js';
import { type TempRepo, runCli, tempRepo } from '../helpers/repo.js';

export interface Options {
  asOf?: string;
  at?: string[];
  /** Only these of the commands (by index), where the test is about one of them. */
  only?: number[];
}

/** npm run test:scale sets IOPS_TEST_SCALE: the slower variants of some tests run there in full. */
export const SCALE = Boolean(process.env.IOPS_TEST_SCALE);

/**
 * The time a test of these may take: dozens of runs of the built CLI, which on a busy machine
 * take more than vitest's default minute, and many more under npm run test:scale (a limit, not
 * a measure: the runs are awaited, and a test stopped by it would leave its runs going on
 * under the next test).
 */
export const LONG = { timeout: SCALE ? 1_200_000 : 240_000 };
export const commands = ({ asOf = '2012-06-30', at = [] }: Options = {}) => [
  ['readiness', '--format', 'json', '--as-of', asOf, ...at],
  ['validate', '--format', 'json'],
  ['report', 'alpha', '--format', 'json', '--as-of', asOf, ...at],
  ['dues', '--format', 'json', '--from', '2010-01-01', '--to', asOf, ...at],
];

export const cacheDir = (repo: TempRepo) => join(repo.dir, '.git', 'iops-cache');

/** Exit code, stdout and stderr of a run of the built CLI (with the cache unless env says otherwise). */
export function cached(repo: TempRepo, argv: string[], env: Record<string, string> = {}): string {
  const r = runCli(argv, { cwd: repo.dir, env });
  return `${r.code}\n${r.stdout}\n${r.stderr}`;
}

/** Exit code, stdout and stderr of a run without the cache, in this process: what `cached` must print. */
export async function plain(repo: TempRepo, argv: string[]): Promise<string> {
  const r = await iopsWithProcessEnv(repo.dir, { IOPS_CACHE: 'off' }, ...argv);
  return `${r.code}\n${r.stdout}\n${r.stderr}${r.said}`;
}

/**
 * Every command without the cache, then with it: readiness twice (the first run fills the cache
 * and certifies the files, the second reads the ledgers as monthly sums), the others once.
 */
export async function expectSame(repo: TempRepo, opts: Options = {}): Promise<string[]> {
  const outputs: string[] = [];
  for (const [i, argv] of commands(opts).entries()) {
    if (opts.only && !opts.only.includes(i)) continue;
    const off = await plain(repo, argv);
    expect(cached(repo, argv)).toBe(off);
    if (i === 0) expect(cached(repo, argv)).toBe(off);
    outputs.push(off);
  }
  return outputs;
}

/** The cache statistics a run reports with IOPS_DEBUG_CACHE=1 (loading the files: no remembered result). */
export function stats(repo: TempRepo, argv: string[] = ['readiness', '--format', 'json', '--as-of', '2012-06-30']): { hits: number; parsed: number } {
  const r = runCli(argv, { cwd: repo.dir, env: { IOPS_DEBUG_CACHE: '1', IOPS_CACHE: 'files' } });
  const m = /iops cache: (\d+) hits?, (\d+) parsed/.exec(r.stderr);
  if (!m) throw new Error(`no cache statistics in ${JSON.stringify(r.stderr)}`);
  return { hits: Number(m[1]), parsed: Number(m[2]) };
}

export type Edit = { kind: 'sameSize' | 'value' | 'add' | 'remove' | 'break' | 'stage' | 'write'; file: number; digit: number };
export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('sameSize', 'sameSize', 'value', 'add', 'remove', 'break', 'stage', 'write', 'write'),
  file: fc.nat(),
  digit: fc.integer({ min: 0, max: 9 }),
});

export function dataFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub)).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const rel = sub ? `${sub}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? dataFiles(dir, rel) : [rel];
  });
}

export function applyEdit(repo: TempRepo, e: Edit): void {
  if (e.kind === 'write') return writeThroughIops(repo, e.digit);
  const files = dataFiles(repo.dir).filter((f) => f !== 'iops.yaml');
  const path = files[e.file % files.length]!;
  const abs = join(repo.dir, path);
  const text = readFileSync(abs, 'utf8');
  switch (e.kind) {
    case 'sameSize': {
      // a digit changed in place; size and modification time as before
      const { atime, mtime } = statSync(abs);
      const at = [...text.matchAll(/\d/g)].map((m) => m.index!);
      if (!at.length) return;
      const i = at[e.digit % at.length]!;
      writeFileSync(abs, text.slice(0, i) + String((Number(text[i]) + 1 + e.digit) % 10) + text.slice(i + 1));
      utimesSync(abs, atime, mtime);
      return;
    }
    case 'value':
      return writeFileSync(abs, text.replace(/gender: woman/, 'gender: man').replace(/mode: in-person/, 'mode: online').replace(/min: (\d+)/, 'min: 1$1'));
    case 'add':
      return repo.write('chapters/alpha/meetings/2011-05-0' + (e.digit % 9 + 1) + '.yaml', `date: 2011-05-0${e.digit % 9 + 1}\nmode: in-person\nattendance: 3\ntopics: [education]\n`);
    case 'remove':
      return rmSync(abs);
    case 'break':
      return writeFileSync(abs, text.replace(/: /, ':: '));
    case 'stage':
      writeFileSync(abs, `${text}# a comment\n`);
      repo.git('add', path);
      return;
  }
}

/**
 * Write commands, as a delegate runs them (each may be refused: an edit may have broken the
 * file it would touch): a member, a receipt from them, a meeting they attended. Each commit
 * certifies its tree, so the next write checks only its own files (load/headTree.ts).
 */
export let commitsByWrites = 0;
function writeThroughIops(repo: TempRepo, digit: number): void {
  const day = (d: number) => `2012-06-${String(10 + digit + d).padStart(2, '0')}`; // before the as-of date the commands use
  const added = runCli(['member', 'add', digit % 2 ? 'alpha' : 'beta', '--joined', day(0), '--gender', 'woman'], { cwd: repo.dir });
  const id = added.stdout.trim();
  if (added.code !== 0 || !id) return;
  commitsByWrites++;
  runCli(['dues', 'record', '--member', id, '--date', day(1), '--amount', `${digit + 1}.50`, '--currency', 'GBP'], { cwd: repo.dir });
  runCli(['meeting', 'log', digit % 2 ? 'alpha' : 'beta', '--date', day(2), '--mode', 'online', '--attendees', id, '--topics', 'education'], { cwd: repo.dir });
}

/** Random organisations, each checked, then edited two or three times and checked after each edit. */
export async function expectRandomEditsKeepResults(numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(randomOrg, fc.array(editArb, { minLength: 2, maxLength: 3 }), async (files, edits) => {
      const repo = tempRepo(files);
      await expectSame(repo);
      for (const e of edits) {
        applyEdit(repo, e);
        await expectSame(repo);
      }
      repo.cleanup();
    }),
    {
      numRuns,
      endOnFailure: true, // each run is a dozen CLI calls: report the first failure, do not shrink
      // always among the runs: writes on top of an edited working tree
      examples: [[fc.sample(randomOrg, { numRuns: 1, seed: 3 })[0]!, [{ kind: 'value', file: 2, digit: 0 }, { kind: 'write', file: 0, digit: 1 }, { kind: 'write', file: 0, digit: 4 }]]],
    },
  );
  expect(commitsByWrites, 'the write commands committed something').toBeGreaterThan(0);
}
