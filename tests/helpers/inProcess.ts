// iops run in this process, as the real program runs (src/cli.ts main), without colour and
// with the test identity: faster than spawning the built CLI where a test makes many calls.
// `where` is the folder to run in, or { cwd, env } to give the run more environment (only what
// the program reads from its context's env, such as IOPS_DATA or COLUMNS: a variable read from
// process.env, such as IOPS_CACHE, IOPS_DEBUG_CACHE or IOPS_PARSE_THREADS, needs a spawned run).
import { main } from '../../src/cli.js';
import { GIT_ENV } from './repo.js';

export async function iops(where: string | { cwd: string; env?: Record<string, string> }, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { cwd, env = {} } = typeof where === 'string' ? { cwd: where } : where;
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'iops', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: { ...GIT_ENV, NO_COLOR: '1', ...env }, cwd });
  return { code, stdout, stderr };
}
