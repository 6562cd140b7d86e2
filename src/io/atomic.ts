// Durable, atomic file replacement: a temporary file in the same folder, fsync, rename over
// the target, fsync the folder. A reader (or a crash) sees the old bytes or the new, never
// half a file. Temporary files are named `.<name>.iops-<random>.tmp`: the loader skips dot
// files, and recovery can find and remove leftovers by that pattern.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_PATTERN = /^\..+\.iops-[0-9a-f]{12}\.tmp$/;

/** Writes `bytes` to `file` atomically, keeping an existing file's permissions. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const mode = await stat(file).then((s) => s.mode & 0o7777, () => 0o666);
  const temp = join(dir, `.${basename(file)}.iops-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode).catch(() => undefined); // umask may have narrowed it
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** Removes a file durably; a file already gone is fine. */
export async function removeFileDurable(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
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

/** Creates the folder and its missing parents durably. */
export async function makeDirs(dir: string): Promise<void> {
  const missing = await missingDirs(dir);
  if (missing.length) await mkdir(dir, { recursive: true });
  for (const d of missing) await fsyncDir(dirname(d));
}

/** Removes folders that are empty, innermost first; a folder that is not empty stays. */
export async function removeEmptyDirs(dirs: readonly string[]): Promise<void> {
  for (const d of [...dirs].reverse()) await rmdir(d).catch(() => undefined);
}

/** Removes leftover temporary files of interrupted writes in a folder. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed = names.filter((n) => TEMP_PATTERN.test(n));
  for (const n of removed) await unlink(join(dir, n)).catch(() => undefined);
  return removed;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
