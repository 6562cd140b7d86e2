// iops run in this process, as the real program runs (src/cli.ts main), without colour and
// with the test identity: faster than spawning the built CLI where a test makes many calls.
// `where` is the folder to run in, or { cwd, env } to give the run more environment (only what
// the program reads from its context's env, such as IOPS_DATA or COLUMNS: a variable read from
// process.env, such as IOPS_CACHE, IOPS_DEBUG_CACHE or IOPS_PARSE_THREADS, needs
// iopsWithProcessEnv or a spawned run).
import { main } from '../../src/cli.js';
import { headInfo, rememberHeadInfo } from '../../src/io/git.js';
import { type DataLocation, findDataRoot } from '../../src/io/repo.js';
import { GIT_ENV } from './repo.js';

export async function iops(where: string | { cwd: string; env?: Record<string, string> }, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { cwd, env = {} } = typeof where === 'string' ? { cwd: where } : where;
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'iops', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: { ...GIT_ENV, NO_COLOR: '1', ...env }, cwd });
  return { code, stdout, stderr };
}

/**
 * iops in this process with `processEnv` set in process.env for the run (the variables the
 * program reads from there: IOPS_CACHE, IOPS_DEBUG_CACHE, IOPS_PARSE_THREADS; git, run by a
 * write, reads its identity there), and `said`: what it wrote to the process's own stderr
 * meanwhile (the cache's debug lines). Both are put back afterwards. Tests in a file run one at
 * a time, so nothing else runs while they are set.
 *
 * Within one process the program keeps some things from run to run that a new process would
 * not have: the parse cache's index as read (load/parseCache.ts keeps one per repository, and
 * names its folder after the code that runs, src/ here and dist/ for the built CLI), and HEAD as
 * last listed, for a few seconds (io/git.ts). With IOPS_CACHE=off a run uses neither, so such a
 * run here is what a run of the built CLI without the cache prints.
 */
export async function iopsWithProcessEnv(
  where: string | { cwd: string; env?: Record<string, string> },
  processEnv: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string; said: string }> {
  const before = Object.fromEntries(Object.keys(processEnv).map((k) => [k, process.env[k]]));
  const write = process.stderr.write;
  let said = '';
  Object.assign(process.env, processEnv);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    said += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { ...(await iops(where, ...args)), said };
  } finally {
    process.stderr.write = write;
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * iops in this process as a run of the built CLI (runCli) would go, for tests that write: `env`
 * and the test identity in process.env as well as the program's context (git, run by a write,
 * reads the identity there), what the program writes to the process's stderr in its stderr, and
 * afterwards nothing kept of HEAD as last listed (io/git.ts remembers it for a few seconds, for
 * a next run in the same process, which may come after a commit the test made by hand). What
 * stays from run to run is the parse cache's index as this process last wrote it: the cache's
 * own tests run the built CLI, a new process each time (tests/scale/cacheSupport.ts).
 */
export async function iopsAsProcess(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await iopsWithProcessEnv({ cwd, env }, { ...GIT_ENV, ...env }, ...args);
  const data = args.indexOf('--data');
  await forgetHead({ cwd, data: data >= 0 ? args[data + 1] : undefined, env: env.IOPS_DATA });
  return { code: r.code, stdout: r.stdout, stderr: r.stderr + r.said };
}

async function forgetHead(location: DataLocation): Promise<void> {
  let root: string;
  try {
    root = findDataRoot(location);
  } catch {
    return;
  }
  rememberHeadInfo(root, { commit: null, dirty: true });
  await headInfo(root); // gives what is remembered, and forgets it
}
