// The data repository on disk: where it is, and its files (with size and symlink limits).
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { MAX_FILE_BYTES } from './limits.js';
import { progressStep } from './progress.js';

/** A file of the data repository: its bytes, or why it could not be read. */
export interface FileEntry {
  path: string;
  bytes?: Uint8Array;
  problem?: string;
}

export interface DataLocation {
  data?: string | undefined;
  env?: string | undefined;
  cwd: string;
  /** The data folder once found (findDataRoot keeps it here, so a run looks once). */
  root?: string | undefined;
}

/** `--data DIR`, else `$IOPS_DATA`, else the nearest ancestor of cwd that holds iops.yaml. */
export function findDataRoot(location: DataLocation): string {
  return (location.root ??= searchDataRoot(location));
}

function searchDataRoot({ data, env, cwd }: DataLocation): string {
  const given = data ?? (env || undefined);
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EnvironmentError(`${given} is not a folder`);
    if (!existsSync(join(dir, 'iops.yaml')))
      throw new EnvironmentError(`${given} is not a data repository (no iops.yaml there); create one with: iops init ${given}`);
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'iops.yaml'))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new EnvironmentError('no data repository here: no iops.yaml in this folder or any folder above it. Pass --data DIR, set IOPS_DATA, or create one with: iops init DIR');
}

export const tooBig = (size: number) =>
  `the file is ${size.toLocaleString('en-US')} bytes, more than the 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes) iops reads; split it (dues are one file a year) or shorten it`;

/** Files read at once: enough to keep the disk busy, far below any open-files limit (macOS allows 256). */
const READ_CONCURRENCY = 32;

/** Every file below root (dot-folders such as .git skipped), as POSIX paths relative to root. */
export async function readDataFiles(root: string, wanted: (path: string) => boolean = () => true): Promise<FileEntry[]> {
  const realRoot = await realpath(root);
  const out: FileEntry[] = [];
  const found: { path: string; abs: string; link: boolean }[] = [];
  const posix = (abs: string) => relative(root, abs).split(sep).join('/');
  const unreadable = (err: unknown) => `could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); check that you may read it`;

  for (const pending = [root]; pending.length; ) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
      out.push({ path: posix(dir), problem: unreadable(err) });
      return [];
    });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) pending.push(abs);
      else if (wanted(posix(abs))) found.push({ path: posix(abs), abs, link: e.isSymbolicLink() });
    }
  }

  async function read({ path, abs, link }: (typeof found)[number]): Promise<FileEntry> {
    if (link) {
      const target = await realpath(abs).catch(() => undefined);
      if (!target) return { path, problem: 'a symbolic link that leads nowhere; replace it with the file itself' };
      if (target !== realRoot && !target.startsWith(realRoot + sep))
        return { path, problem: 'a symbolic link leading outside the data repository is refused; put the file itself here' };
    }
    try {
      const kind = await stat(abs);
      if (kind.isDirectory()) return { path, problem: 'a symbolic link to a folder; iops does not follow them: move the folder here instead' };
      // a pipe or a device: reading it could block for ever
      if (!kind.isFile()) return { path, problem: 'not a regular file (a pipe, socket or device); iops reads only files' };
      if (kind.size > MAX_FILE_BYTES) return { path, problem: tooBig(kind.size) };
      return { path, bytes: await readFile(abs) };
    } catch (err) {
      return { path, problem: unreadable(err) };
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < found.length) {
      out.push(await read(found[next++]!));
      progressStep('reading the data, file', out.length, found.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, found.length) }, worker));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
