// kill -9 a writer at moments spread over its whole run, again and again. After each kill the
// repository validates and `git fsck` is clean; the next command works, or explains how to
// recover (a leftover lock, with the exact command to remove it) and works once that is done.
// No receipt is ever half there: the ledger holds whole receipts, each from a commit.
// crash.test.ts kills 10 times; crash.scale.test.ts (`npm run test:scale`) 40 times.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { openRepository } from '../../src/load/open.js';
import { CLI, GIT_ENV, tempRepo } from '../helpers/repo.js';
import { commitCount, iops, smallOrg } from './support.js';

const ENV = { IOPS_LOCK_WAIT: '1' };
const recordArgs = (amount: number) => ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', String(amount), '--currency', 'GBP'];

async function killedAfter(dir: string, amount: number, ms: number): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...recordArgs(amount)], { cwd: dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '', ...ENV }, stdio: 'ignore' });
  const closed = new Promise((resolve) => child.on('close', resolve));
  await sleep(ms);
  child.kill('SIGKILL');
  await closed;
  await sleep(150); // a git the writer had started finishes on its own
}

/**
 * Kills a writer `kills` times, at moments spread over a typical run: the time of one
 * uninterrupted run, measured first, only places the kills; nothing asserts how long it took.
 */
export async function killWriters(kills: number): Promise<void> {
  const repo = tempRepo(smallOrg());
  const start = commitCount(repo);
  const t0 = Date.now();
  expect(iops(repo, recordArgs(1), ENV).code).toBe(0);
  const typical = Date.now() - t0;
  const seen = { explained: 0, recovered: 0 };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  for (let k = 0; k < kills; k++) {
    await killedAfter(repo.dir, 100 + k, Math.floor(((k + random()) / kills) * typical * 1.2));
    const fsck = repo.git('fsck', '--no-dangling', '--no-progress');
    expect(fsck).not.toMatch(/error|missing|broken|corrupt/i);
    const opened = await openRepository({ cwd: repo.dir, data: repo.dir });
    expect(opened.problems).toEqual([]);

    let r = iops(repo, recordArgs(1000 + k), ENV);
    if (r.code !== 0) {
      const fix = /rmdir '([^']+)'|rm '([^']+)'/.exec(r.stderr);
      expect(fix, r.stderr).not.toBeNull();
      seen.explained++;
      if (fix![1]) rmdirSync(fix![1]);
      else if (existsSync(fix![2]!)) rmSync(fix![2]!);
      r = iops(repo, recordArgs(1000 + k), ENV);
    }
    expect(r.code, r.stderr).toBe(0);
    if (/was interrupted/.test(r.stderr)) seen.recovered++;
    expect(repo.git('status', '--porcelain')).toBe('');
  }

  const amounts = (parse(readFileSync(join(repo.dir, 'chapters/london/dues/2013.yaml'), 'utf8')) as { amount: number }[]).map((r) => r.amount);
  for (let k = 0; k < kills; k++) {
    expect(amounts.filter((a) => a === 1000 + k)).toHaveLength(1);
    expect(amounts.filter((a) => a === 100 + k).length).toBeLessThanOrEqual(1);
  }
  expect(commitCount(repo) - start).toBe(amounts.length);
  expect(existsSync(join(repo.dir, '.git/iops-journal.json'))).toBe(false);
  const killedButCommitted = amounts.filter((a) => a >= 100 && a < 1000).length;
  console.log(`crash test: ${kills} kills over ~${typical} ms runs; ${killedButCommitted} committed anyway, ${seen.recovered} undone by the next command, ${seen.explained} left a lock that was explained`);
  expect(killedButCommitted + seen.recovered + seen.explained, 'no kill landed while a writer held the lock').toBeGreaterThan(0);
}
