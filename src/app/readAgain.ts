// The few files validate's warnings read again (those a scan of the organisation or the parse
// cache's flags name) when the load gave them without their bytes, as the parse cache does: from
// the working tree, or with --at from that commit. A commit's file is never answered with the
// working tree's bytes (another text, whose lines and columns are not the commit's), and never
// passed over (personal data in history is what --at is asked to find).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFilesAt } from '../io/git.js';
import type { OpenedRepository } from '../load/open.js';

/** The bytes of these files (those at hand, the rest read), by path; a file that cannot be read is left out. */
export async function readAgain(repo: OpenedRepository, at: string | undefined, paths: Iterable<string>): Promise<Map<string, Uint8Array>> {
  const byPath = new Map(repo.files.map((f) => [f.path, f]));
  const found = new Map<string, Uint8Array>();
  const missing = new Set<string>();
  for (const path of paths) {
    const bytes = byPath.get(path)?.bytes;
    if (bytes) found.set(path, bytes);
    else missing.add(path);
  }
  if (!missing.size) return found;
  if (at !== undefined) {
    for (const f of await readFilesAt(repo.root, at, (path) => missing.has(path))) if (f.bytes) found.set(f.path, f.bytes);
    return found;
  }
  for (const path of missing) {
    const bytes = await readFile(join(repo.root, path)).catch(() => undefined);
    if (bytes) found.set(path, bytes);
  }
  return found;
}
