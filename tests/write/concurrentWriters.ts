// Writers recording receipts all at once into the same ledger: every command either commits
// its receipt or is refused cleanly (exit 2, saying why). Nothing is lost or half-written: the
// ledger holds exactly the successful receipts, one commit each. concurrency.test.ts runs 4
// writers x 4 receipts; concurrency.scale.test.ts (`npm run test:scale`) 8 x 10.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { CLI, GIT_ENV, tempRepo } from '../helpers/repo.js';
import { commitCount, expectValid, smallOrg } from './support.js';

function record(dir: string, amount: number): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const args = ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', String(amount), '--currency', 'GBP'];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '', IOPS_LOCK_WAIT: '30' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** `writers` processes, each recording `each` receipts one after another, all at once. */
export async function recordAtOnce(writers: number, each: number): Promise<void> {
  const repo = tempRepo(smallOrg());
  const start = commitCount(repo);
  const succeeded: number[] = [];
  const refused: string[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const amount = w * 100 + i + 1; // each receipt is recognisable
        const r = await record(repo.dir, amount);
        if (r.code === 0) succeeded.push(amount);
        else {
          expect(r.code, r.stderr).toBe(2);
          expect(r.stderr).toMatch(/^iops: another iops command is changing this repository/);
          refused.push(r.stderr);
        }
      }
    }),
  );
  expect(succeeded.length + refused.length).toBe(writers * each);
  expect(commitCount(repo) - start).toBe(succeeded.length);
  const ledger = parse(readFileSync(join(repo.dir, 'chapters/london/dues/2013.yaml'), 'utf8')) as { amount: number }[];
  expect(ledger.map((r) => r.amount).sort((a, b) => a - b)).toEqual([...succeeded].sort((a, b) => a - b));
  expect(ledger.reduce((s, r) => s + r.amount, 0)).toBe(succeeded.reduce((s, a) => s + a, 0));
  expect(repo.git('status', '--porcelain')).toBe('');
  expect(existsSync(join(repo.dir, '.git/iops.lock'))).toBe(false);
  expect(existsSync(join(repo.dir, '.git/iops-journal.json'))).toBe(false);
  const added = repo.git('log', '--numstat', '--format=', `-${succeeded.length}`).trim().split('\n').filter(Boolean);
  expect(added.slice(0, -1).every((l) => l === '1\t0\tchapters/london/dues/2013.yaml')).toBe(true);
  expect(added[added.length - 1]).toBe('2\t0\tchapters/london/dues/2013.yaml'); // the first also wrote the schema comment
  expectValid(repo);
}
