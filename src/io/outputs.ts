// Writing generated outputs (the dashboard's page, JSON Schemas) outside the data: each file
// through io/atomic.ts (temporary file, sync, rename), so readers see the old bytes or the
// new, never half; a set of files is written in full before any replaces its old version.
// Leftover temporary files of an earlier killed run are removed at the next write of the same
// file, both iops's `.name.iops-<hex>.tmp` and the `.name.<hex>.tmp` of earlier versions.
import type { Stats } from 'node:fs';
import { lstat, readdir, stat, statfs, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { fsyncDir, makeDirs, renameInto, writeTemp } from './atomic.js';

/** A temporary file left by a run killed over a minute ago; a younger one may still be in use. */
const LEFTOVER_AGE_MS = 60_000;

const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  await writeOutputs([{ path, content }]);
}

/**
 * Writes every file to a temporary file first; only when all are written are they renamed
 * over their targets. A full disk therefore leaves every old file as it was and no
 * temporary file behind.
 */
export async function writeOutputs(files: readonly { path: string; content: string | Uint8Array }[]): Promise<void> {
  for (const f of files) await removeLeftovers(f.path);
  const temps: string[] = [];
  try {
    for (const f of files) temps.push(await writeTemp(f.path, bytesOf(f.content), 0o644));
  } catch (err) {
    await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)));
    throw err;
  }
  for (const [i, f] of files.entries()) await renameInto(temps[i]!, f.path);
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await fsyncDir(dir);
}

/** `.index.html.iops-0123456789ab.tmp` and the older `.index.html.0123456789ab.tmp`. */
export function leftoverPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.(iops-)?[0-9a-f]{12}\\.tmp$`);
}

/** Removes temporary files of earlier, killed writes of this file (older than a minute). */
export async function removeLeftovers(path: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(path);
  const pattern = leftoverPattern(basename(path));
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => pattern.test(n));
  const removed: string[] = [];
  for (const n of names) {
    const abs = join(dir, n);
    const age = await stat(abs).then((s) => now - s.mtimeMs, () => 0);
    if (age >= LEFTOVER_AGE_MS && (await unlink(abs).then(() => true, () => false))) removed.push(abs);
  }
  return removed;
}

/**
 * File systems the kernel makes up (/proc, /sys and the like): their "files" are views of the
 * running system, and writing or even opening them can block or change the machine.
 */
const SYSTEM_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, '/proc'],
  [0x62656572, '/sys'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
  [0x1cd1, '/dev/pts'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
]);

/** What a thing that is not an ordinary file or folder is, in plain words. */
function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isSymbolicLink()) return 'a symbolic link to nowhere';
  return s.isDirectory() ? 'a folder' : 'a file';
}

const lstatOrNone = (path: string) => lstat(path).catch(() => undefined);

/**
 * Checks an output folder before anything is opened or created: it must be an ordinary
 * folder, or not exist yet under an ordinary folder, on a real file system (not /proc or
 * /sys). `shown` is the path as the user gave it. Throws a UsageError saying what is wrong.
 */
export async function checkOutputFolder(folder: string, shown: string): Promise<void> {
  let existing = folder;
  let first = folder; // the outermost folder that is missing (or the folder itself)
  while (!(await stat(existing).then(() => true, () => false)) && dirname(existing) !== existing) {
    first = existing;
    existing = dirname(existing);
  }
  const fs = await statfs(existing).catch(() => undefined);
  const system = fs && SYSTEM_FILE_SYSTEMS.get(fs.type);
  if (system) throw new UsageError(`--out ${shown} is on ${system}, which the system keeps for itself (its files are views of the running machine, not files on a disk); choose an ordinary folder`);
  const there = await stat(existing);
  if (existing !== folder && !there.isDirectory()) throw new UsageError(`--out ${shown} cannot be created: ${existing} is ${kindOf(there)}, not a folder; check the path`);
  if (existing !== folder) {
    const link = await lstatOrNone(first);
    if (link?.isSymbolicLink()) throw new UsageError(`--out ${shown} cannot be created: ${first} is a symbolic link to a place that does not exist; check the path`);
    return;
  }
  if (!there.isDirectory()) throw new UsageError(`--out ${shown} is ${kindOf(there)}, not a folder; give a folder to write into`);
}

/**
 * Checks a file about to be replaced in an output folder, without opening it: only an
 * ordinary file (or nothing) may be there. A named pipe would block a reader for ever; a
 * device or socket is not ours to replace.
 */
export async function checkOutputFile(path: string, shown: string): Promise<'file' | 'none'> {
  const s = await lstatOrNone(path);
  if (!s) return 'none';
  if (s.isFile()) return 'file';
  throw new UsageError(`${shown} is ${kindOf(s)}, not an ordinary file, so iops will not replace it; nothing was written. Move it away, or choose another folder`);
}

/** Creates an output folder and its missing parents; a refusal is explained. */
export async function makeOutputFolder(folder: string, shown: string): Promise<void> {
  await makeDirs(folder, shown);
}
