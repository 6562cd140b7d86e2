// git's own lock files (`index.lock`, and the `next-index-*.lock` of a commit of given paths)
// left behind when an iops writer and its git were killed while committing. git refuses every
// later command while one exists. iops removes such a lock only when it can prove the lock is
// its own and abandoned (see `provedAbandoned` and docs/writing.md); otherwise it explains
// what to check and how to remove it by hand.
import { readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, sep } from 'node:path';

/** What the write journal says about the writer that was interrupted. */
export interface Writer {
  pid: number;
  /** When it started writing (ISO 8601); its git ran after that. */
  started: string;
  /** The computer it ran on (absent in journals of older versions). */
  host?: string | undefined;
}

/** git's lock files present in the git directory, oldest first. */
export function gitLocksIn(gitDir: string): string[] {
  const names = readdirSafe(gitDir).filter((n) => n === 'index.lock' || /^next-index-\d+\.lock$/.test(n));
  return names.map((n) => join(gitDir, n));
}

/** A process that is (or may be) working in the repository. */
export interface GitProcess {
  pid: number;
  /** Its command line, or why it could not be read. */
  command: string;
}

/**
 * The git processes that work, or may work, in the repository at `top` with `gitDir`: their
 * folder, command line or environment names it, or we may not read those. Undefined when
 * this system does not show running processes (no /proc: macOS, Windows).
 */
export function gitProcessesNear(top: string, gitDir: string): GitProcess[] | undefined {
  const pids = readdirSafe('/proc').filter((n) => /^\d+$/.test(n));
  if (!pids.length) return undefined;
  const places = [top, gitDir].map((p) => realOrSelf(p));
  const found: GitProcess[] = [];
  for (const pid of pids.map(Number)) {
    if (pid === process.pid) continue;
    const comm = readProc(pid, 'comm');
    if (comm === undefined || comm === GONE || !/^git(-|$)/.test(comm.trim())) continue;
    const cwd = readLink(`/proc/${pid}/cwd`);
    const cmdline = readProc(pid, 'cmdline');
    const environ = readProc(pid, 'environ');
    // a git that ended while we looked (or has ended, its exit not yet collected: a zombie) works nowhere
    if (cwd === 'gone' || cmdline === GONE || environ === GONE || zombie(pid)) continue;
    const command = cmdline ? cmdline.split('\0').filter(Boolean).join(' ') : comm.trim();
    if (cwd === undefined || cmdline === undefined || environ === undefined) found.push({ pid, command: `${command} (cannot see where it works)` });
    else if (places.some((p) => cwd === p || cwd.startsWith(p + sep) || cmdline.includes(p) || environ.includes(p))) found.push({ pid, command });
  }
  return found;
}

/** Why the lock cannot be proved abandoned, or undefined when it is proved. */
export function whyNotProved(lock: string, writer: Writer, top: string, gitDir: string): string | undefined {
  if (writer.host === undefined || writer.host !== hostname())
    return `the interrupted iops ran on ${writer.host ? `another computer (${writer.host})` : 'a computer iops did not record'}, whose processes cannot be seen from here`;
  if (writer.pid !== process.pid && isAlive(writer.pid)) return `the interrupted iops's process (pid ${writer.pid}) is still running`;
  const created = statSafe(lock)?.mtimeMs;
  if (created === undefined) return undefined; // gone meanwhile: nothing to remove
  if (created < Date.parse(writer.started)) return `the lock is older than the interrupted iops command, so another program made it`;
  const near = gitProcessesNear(top, gitDir);
  if (near === undefined) return 'this system does not show which programs are running';
  if (near.length) return `a git command may still be working in this repository: ${near.map((p) => `pid ${p.pid} (${p.command})`).join('; ')}`;
  return undefined;
}

/** Whether a process with this id exists (one of another user counts too). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true; // not a usable id: assume the worst
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** "12 minutes ago": how long the lock has been there, for the message. */
export function lockAge(lock: string, now = Date.now()): string | undefined {
  const mtime = statSafe(lock)?.mtimeMs;
  if (mtime === undefined) return undefined;
  const s = Math.max(0, Math.round((now - mtime) / 1000));
  return s < 120 ? `${s} seconds ago` : s < 7200 ? `${Math.round(s / 60)} minutes ago` : `${Math.round(s / 3600)} hours ago`;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const GONE: unique symbol = Symbol('gone');

/** A /proc file's text; GONE when the process ended meanwhile; undefined when it may not be read ('' is a real, empty answer). */
function readProc(pid: number, file: string): string | typeof GONE | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ESRCH' ? GONE : undefined;
  }
}

/** Whether the process has ended and only waits for its parent to collect its exit (state Z). */
function zombie(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  // `pid (comm) state …`: the command may hold spaces and parentheses, the state follows the last ')'
  return typeof stat === 'string' && /^\)\s+Z/.test(stat.slice(stat.lastIndexOf(')')));
}

/** Where a link points; 'gone' when the process ended meanwhile; undefined when not allowed to look. */
function readLink(path: string): string | 'gone' | undefined {
  try {
    return readlinkSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statSafe(path: string): { mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
