// The write tests' runs (support.ts: iops, ok, expectValid) in the test's process, for files
// that make many: each run of the built CLI costs about 0.25 CPU-seconds of starting Node and
// loading iops. Apart, so that the files that run the built CLI only (crash.test.ts, the
// concurrency tests: they kill it, or need processes) do not import src/ for nothing.
import { join } from 'node:path';
import { expect } from 'vitest';
import { iopsAsProcess } from '../helpers/inProcess.js';
import type { CliResult, TempRepo } from '../helpers/repo.js';

/** Runs iops with the data folder as cwd. */
export const iops = (repo: TempRepo, args: string[], env: Record<string, string> = {}, sub = ''): Promise<CliResult> => iopsAsProcess(join(repo.dir, sub), args, env);

export async function expectValid(repo: TempRepo, sub = ''): Promise<void> {
  const r = await iops(repo, ['validate'], {}, sub);
  expect(r.stdout + r.stderr).toMatch(/^valid/);
  expect(r.code).toBe(0);
}

/** Runs iops and expects success, showing its stderr if not. */
export async function ok(repo: TempRepo, args: string[], env: Record<string, string> = {}, sub = ''): Promise<CliResult> {
  const r = await iops(repo, args, env, sub);
  expect(r.code, `iops ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}
