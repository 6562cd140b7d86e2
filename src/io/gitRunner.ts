// The one way iops runs git: arguments as an array (never a shell), paths as literal
// pathspecs, git's messages in English (they are matched and quoted), never a prompt for a
// password. Asynchronous, except `gitSync` for the few reads a caller needs at once (a file's
// bytes at a commit).
import { execFileSync, spawn } from 'node:child_process';
import { EnvironmentError } from '../errors.js';

export interface GitOptions {
  input?: string | Uint8Array;
  /** false for the commands that take no pathspec magic (check-ignore). */
  literalPathspecs?: boolean;
  /** Added to the environment (author dates of the sample's history). */
  env?: Record<string, string>;
}

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

const NO_GIT = 'git is not installed or not on PATH; install git and try again';

const argv = (args: readonly string[], opts: GitOptions) => [...(opts.literalPathspecs === false ? [] : ['--literal-pathspecs']), ...args];
const environment = (opts: GitOptions) => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C', ...opts.env });

/** Runs git; resolves with its exit code and output, whatever the code. */
export function gitRaw(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', argv(args, opts), { cwd, env: environment(opts), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(/ENOENT/.test(String(e)) ? new EnvironmentError(NO_GIT) : e));
    child.on('close', (code) => resolve({ code: code ?? 128, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined); // git may exit before reading stdin
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git with optional stdin; output as text. */
export async function runGit(cwd: string, args: readonly string[], input?: string, opts: GitOptions = {}): Promise<GitRun> {
  const r = await gitRaw(cwd, args, { ...opts, ...(input !== undefined ? { input } : {}) });
  return { code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
}

/** Like runGit, but a non-zero exit is an EnvironmentError quoting git. */
export async function gitOk(cwd: string, args: readonly string[], input?: string, opts: GitOptions = {}): Promise<string> {
  const r = await runGit(cwd, args, input, opts);
  if (r.code !== 0) throw new EnvironmentError(`git ${args.find((a) => !a.startsWith('-'))} failed: ${firstLines(r.stderr || r.stdout)}`);
  return r.stdout;
}

/** git's standard output (exit 0), else a rejection quoting git: for readers that fall back when git says no. */
export async function gitOutput(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  const r = await gitRaw(cwd, args, input !== undefined ? { input } : {});
  if (r.code !== 0) throw new Error(`git ${args[0]} exited with ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** git's standard output, at once (a non-zero exit throws). */
export function gitSync(cwd: string, args: readonly string[]): Buffer {
  try {
    return execFileSync('git', argv(args, {}), { cwd, env: environment({}), maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new EnvironmentError(NO_GIT);
    throw e;
  }
}

export const firstLines = (text: string, n = 6): string => text.trim().split('\n').slice(0, n).join('\n');
