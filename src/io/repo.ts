// The data repository on disk: where it is, and its files (with size and symlink limits).
import { existsSync, statSync } from 'node:fs';
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileEntry } from '../app/load.js';
import { EnvironmentError } from '../errors.js';
import { MAX_FILE_BYTES } from './yamlSource.js';

export interface DataLocation {
  data?: string | undefined;
  env?: string | undefined;
  cwd: string;
}

/** `--data DIR`, else `$IOPS_DATA`, else the nearest ancestor of cwd that holds iops.yaml. */
export function findDataRoot({ data, env, cwd }: DataLocation): string {
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

export const tooBig = (size: number) => `the file is ${(size / 1048576).toFixed(1)} MiB; iops reads files of at most 1 MiB (split it, e.g. dues by year)`;

/** Every file below root (dot-folders such as .git skipped), as POSIX paths relative to root. */
export async function readDataFiles(root: string, wanted: (path: string) => boolean = () => true): Promise<FileEntry[]> {
  const realRoot = await realpath(root);
  const out: FileEntry[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        if (e.name.startsWith('.')) return;
        const abs = join(dir, e.name);
        const path = relative(root, abs).split(sep).join('/');
        if (e.isDirectory()) return walk(abs);
        if (!wanted(path)) return;
        if (e.isSymbolicLink()) {
          const target = await realpath(abs).catch(() => undefined);
          if (!target) return void out.push({ path, problem: 'a symbolic link that leads nowhere; replace it with the file itself' });
          if (target !== realRoot && !target.startsWith(realRoot + sep))
            return void out.push({ path, problem: 'a symbolic link leading outside the data repository is refused; put the file itself here' });
          if ((await stat(target)).isDirectory()) return void out.push({ path, problem: 'a symbolic link to a folder; iops does not follow them: move the folder here instead' });
        } else if (!e.isFile()) return;
        const size = (await lstat(abs).then((s) => (s.isSymbolicLink() ? stat(abs) : s))).size;
        if (size > MAX_FILE_BYTES) return void out.push({ path, problem: tooBig(size) });
        out.push({ path, bytes: await readFile(abs) });
      }),
    );
  }
  await walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
