// Durable, atomic file replacement: a temporary file in the same folder, fsync, rename over
// the target, fsync the folder. A reader (or a crash) sees the old bytes or the new, never
// half a file. Temporary files are named `.<name>.iops-<random>.tmp`: the loader skips dot
// files, and recovery can find and remove leftovers by that pattern. A write the system
// refuses (disk full, read-only, no permission) removes its temporary file and is reported
// as an EnvironmentError saying what to do, never as a bug.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { explainWriteError } from './writeErrors.js';

export const TEMP_PATTERN = /^\..+\.iops-[0-9a-f]{12}\.tmp$/;

/** The temporary file beside `file` that an atomic write fills before renaming it over. */
export const tempPathFor = (file: string): string => join(dirname(file), `.${basename(file)}.iops-${randomBytes(6).toString('hex')}.tmp`);

/** Writes `bytes` to `file` atomically, keeping an existing file's permissions. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemp(file, bytes);
  await renameInto(temp, file);
  await fsyncDir(dirname(file));
}

/**
 * Writes `bytes` to a new temporary file beside `file`, synced, and returns its path. If the
 * system refuses (a full disk fails half way), the temporary file is removed before throwing.
 */
export async function writeTemp(file: string, bytes: Uint8Array, fallbackMode = 0o666): Promise<string> {
  const mode = await stat(file).then((s) => s.mode & 0o7777, () => fallbackMode);
  const temp = tempPathFor(file);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode).catch((err: unknown) => {
    throw explainWriteError(err, file);
  });
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode).catch(() => undefined); // umask may have narrowed it
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw explainWriteError(err, file);
  }
  return temp;
}

/** Renames a temporary file over its target; on failure the temporary file is removed. */
export async function renameInto(temp: string, file: string): Promise<void> {
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw explainWriteError(err, file);
  }
}

/** Removes a file durably; a file already gone is fine. */
export async function removeFileDurable(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw explainWriteError(err, file, 'remove');
    return;
  }
  await fsyncDir(dirname(file));
}

/** Makes a rename or unlink in `dir` survive a power cut (a no-op where folders cannot be opened). */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** The folder and those of its parents that do not exist yet, outermost first. */
export async function missingDirs(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; !(await exists(d)); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  return missing;
}

/**
 * Creates the folder and its missing parents durably, one at a time: a recursive mkdir
 * reports a read-only file system as ENOENT, and spins for ever under /proc.
 */
export async function makeDirs(dir: string, shown = dir): Promise<void> {
  for (const d of await missingDirs(dir)) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw explainWriteError(err, shown, 'create the folder');
    });
    await fsyncDir(dirname(d));
  }
}

/** Removes folders that are empty, innermost first; a folder that is not empty stays. */
export async function removeEmptyDirs(dirs: readonly string[]): Promise<void> {
  for (const d of [...dirs].reverse()) await rmdir(d).catch(() => undefined);
}

/** Removes leftover temporary files of interrupted writes in a folder (by default iops's own pattern). */
export async function removeTempFiles(dir: string, pattern: RegExp = TEMP_PATTERN): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed = names.filter((n) => pattern.test(n));
  for (const n of removed) await unlink(join(dir, n)).catch(() => undefined);
  return removed;
}

/**
 * Removes the temporary files that writes killed half way (or an older iops that did not clean
 * up after a full disk) left in the git directory (the journal's), at the data folder's top,
 * and in the given folders of the data folder: those a write is about to touch, and those an
 * interrupted write's journal names (a write records its journal before it makes any temporary
 * file beside the data, so these are every place a crash can leave one). Not a walk of the
 * whole tree: at 5,000 chapters that would cost a write more than its commit. Call it only with
 * the repository lock held, so no other iops writer is filling one of them. Returns the removed
 * files' paths.
 */
export async function removeLeftoverTemps(root: string, gitDir: string, folders: readonly string[] = []): Promise<string[]> {
  const dirs = [...new Set(['.', ...folders])].map((d) => join(root, d));
  const found = await Promise.all([gitDir, ...dirs].map((dir) => removeTempFiles(dir).then((names) => names.map((n) => join(dir, n)))));
  return found.flat();
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
