// kill -9 a writer 10 times at moments spread over its run: the repository stays valid and
// recoverable (tests/write/crashWriters.ts). `npm run test:scale` kills 40 times. And a whole
// process group killed while git commits: the next write clears what it left.
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { killWriters } from './crashWriters.js';
import { USER_STAGED, killGroupDuringCommit } from './killDuringCommit.js';
import { expectValid, iops, smallOrg } from './support.js';

afterAll(cleanupRepos);

const ENV = { IOPS_LOCK_WAIT: '1' };
const recordArgs = (amount: number) => ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', String(amount), '--currency', 'GBP'];

it('kill -9 a writer 10 times: the repository stays valid and recoverable', () => killWriters(10), 300_000);

it('a process group killed while git commits: the next write removes the abandoned index.lock and undoes the change', async () => {
  const repo = tempRepo(smallOrg());
  const head = repo.git('rev-parse', 'HEAD').trim();
  await killGroupDuringCommit(repo, recordArgs(5), ENV);
  expect(existsSync(join(repo.dir, '.git/index.lock')), 'git was killed holding its lock').toBe(true);
  expect(existsSync(join(repo.dir, '.git/iops-journal.json'))).toBe(true);
  ageLock(join(repo.dir, '.git/iops.lock')); // a later write: iops's own lock has gone stale by then

  const r = iops(repo, recordArgs(6), ENV);
  expect(r.stderr).toMatch(/was interrupted before it finished/);
  expect(r.stderr).toMatch(/the lock it left \(index\.lock[^)]*\) was removed/);
  expect(r.stderr).not.toMatch(/Unable to create|\n\s+at /);
  expect(r.code, r.stderr).toBe(0);
  expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(false);
  expect(repo.git('rev-list', '--count', `${head}..HEAD`).trim()).toBe('1');
  expect(repo.git('status', '--porcelain')).toBe(USER_STAGED);
  const amounts = (parse(readFileSync(join(repo.dir, 'chapters/london/dues/2013.yaml'), 'utf8')) as { amount: number }[]).map((x) => x.amount);
  expect(amounts).toEqual([6]);
  expectValid(repo);
}, 120_000);

/** Makes the killed writer's iops lock look a minute old, as it is when someone tries again later. */
function ageLock(path: string): void {
  if (!existsSync(path)) return;
  const then = new Date(Date.now() - 60_000);
  utimesSync(path, then, then);
}
