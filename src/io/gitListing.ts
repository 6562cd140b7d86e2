// The data folder's files and their git blob ids, without reading them: for the working tree,
// the index (`git ls-files -s`) corrected by `git status` (files changed since, untracked and
// ignored files, whose ids come from hashing what is read); at a commit, `git ls-tree`. git
// decides what changed as it does for `git status` (size, times, inode, and the content when
// those are inconclusive), so a file edited to the same size and time is still seen.
// Anything unusual (a conflict, a symbolic link, a nested repository) is `unsupported`: the
// caller then reads the folder the plain way.
import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvironmentError } from '../errors.js';

export interface GitPlace {
  /** The repository's git folder (absolute). */
  gitDir: string;
  /** The data folder inside the work tree ('' at the top, else ending in '/'). */
  prefix: string;
}

export interface ListedFile {
  /** POSIX path relative to the data folder. */
  path: string;
  /** The blob id, when git knows the content; undefined for files to read and hash. */
  blob?: string;
}

export type Listing = { files: ListedFile[]; dirty: boolean; commit: string | null } | { unsupported: string };

/** Runs git, resolving with stdout (exit 0) or rejecting. */
export function gitOutput(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(/ENOENT/.test(String(e)) ? new EnvironmentError('git is not installed or not on PATH; install git and try again') : e));
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`git ${args[0]} exited with ${code}: ${Buffer.concat(err).toString().trim()}`))));
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Where the git folder is and where the data folder sits; undefined outside a work tree. */
export async function gitPlace(root: string): Promise<GitPlace | undefined> {
  try {
    const [gitDir, prefix] = (await gitOutput(root, ['rev-parse', '--absolute-git-dir', '--show-prefix'])).toString('utf8').split('\n');
    return gitDir ? { gitDir, prefix: prefix ?? '' } : undefined;
  } catch (e) {
    if (e instanceof EnvironmentError) throw e;
    return undefined;
  }
}

/** A path iops never reads: one with a part that starts with a dot (.git, .iops, .github). */
export const hidden = (path: string) => path.startsWith('.') || path.includes('/.');

/** What git says of the working tree, unparsed: the index, the status and HEAD. Together they name the files' state. */
export interface WorkTreeView {
  index: Buffer;
  status: Buffer;
  head: string | null;
}

export async function viewWorkTree(root: string): Promise<WorkTreeView> {
  const [index, status, head] = await Promise.all([
    gitOutput(root, ['ls-files', '-s', '-z', '--', '.']),
    // --no-optional-locks: a reader must never take index.lock from under a writer
    gitOutput(root, ['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--ignored', '--', '.']),
    gitOutput(root, ['rev-parse', '--verify', '-q', 'HEAD']).then((b) => b.toString().trim() || null, () => null),
  ]);
  return { index, status, head };
}

export interface StatusEntry {
  x: string;
  y: string;
  /** Relative to the data folder. */
  path: string;
}

/** `git status --porcelain -z` entries under the data folder. */
export function statusEntries(status: Buffer, place: GitPlace): StatusEntry[] | { unsupported: string } {
  const out: StatusEntry[] = [];
  const tokens = status.toString('utf8').split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (!entry) continue;
    const [x, y] = [entry[0]!, entry[1]!];
    if (x === 'R' || x === 'C') i++; // the renamed or copied file's old path follows
    if (!entry.startsWith(place.prefix, 3)) return { unsupported: `unexpected status path ${entry}` };
    out.push({ x, y, path: entry.slice(3 + place.prefix.length) });
  }
  return out;
}

/** Whether the status lists anything but ignored files. */
export const isDirty = (entries: readonly StatusEntry[]) => entries.some((e) => e.x !== '!');

/** Whether git reports the file as changed since the index, untracked or ignored: its content is not the index's blob. */
export const unvouched = (e: StatusEntry) => (e.x === '?' && e.y === '?') || (e.x === '!' && e.y === '!') || (e.y !== 'D' && e.y !== ' ');

/** The working tree's files under the data folder, with blob ids where git vouches for them. */
export async function listWorkTree(root: string, place: GitPlace, view?: WorkTreeView): Promise<Listing> {
  const { index, status, head } = view ?? (await viewWorkTree(root));
  const files = new Map<string, ListedFile>();
  for (const entry of index.toString('utf8').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, blob, stage] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (hidden(path)) continue;
    if (stage !== '0') return { unsupported: `${path} has a merge conflict` };
    if (mode !== '100644' && mode !== '100755') return { unsupported: `${path} is not a plain file in git (mode ${mode})` };
    files.set(path, { path, blob: blob! });
  }
  const entries = statusEntries(status, place);
  if ('unsupported' in entries) return entries;
  for (const e of entries) {
    const { x, y, path } = e;
    if (hidden(path)) continue;
    if (path.endsWith('/')) return { unsupported: `${path} is a nested repository or an unreadable folder` };
    if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) return { unsupported: `${path} has a merge conflict` };
    if (unvouched(e)) files.set(path, { path });
    else if (y === 'D') files.delete(path);
  }
  const dirty = isDirty(entries);
  // what git does not vouch for is read from disk: plain files only, as readDataFiles reads them
  for (const f of files.values()) {
    if (f.blob) continue;
    const kind = await lstat(join(root, f.path)).catch(() => undefined);
    if (kind?.isSymbolicLink()) return { unsupported: `${f.path} is a symbolic link` };
    if (!kind?.isFile()) files.delete(f.path);
  }
  return { files: [...files.values()].sort(byPath), dirty, commit: head };
}

/**
 * The data folder's tree at a commit, unparsed (it names the files' state). Without sizes
 * (`-l`): git would look up every object for them (1.4 s at 155,000 files); a file too large
 * is refused when it is read.
 */
export const viewCommit = (root: string, commit: string, place: GitPlace): Promise<Buffer> =>
  gitOutput(root, ['ls-tree', '--full-tree', '-r', '-z', `${commit}:${place.prefix}`]);

/** The data folder's files at a commit, with blob ids. */
export async function listCommit(root: string, commit: string, place: GitPlace, tree?: Buffer): Promise<Listing> {
  const listing = tree ?? (await viewCommit(root, commit, place));
  const files: ListedFile[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || hidden(m[4]!)) continue;
    if (m[2] !== 'blob' || (m[1] !== '100644' && m[1] !== '100755')) return { unsupported: `${m[4]} is not a plain file` };
    files.push({ path: m[4]!, blob: m[3]! });
  }
  return { files: files.sort(byPath), dirty: false, commit };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Reads blobs through one `git cat-file --batch`. */
export async function readBlobs(root: string, ids: readonly string[]): Promise<Buffer[]> {
  if (!ids.length) return [];
  const all = await gitOutput(root, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  const out: Buffer[] = [];
  let pos = 0;
  for (let i = 0; i < ids.length; i++) {
    const nl = all.indexOf(10, pos);
    const [, type, size] = all.subarray(pos, nl).toString().split(' ');
    if (type !== 'blob') throw new Error(`git cat-file: ${ids[i]} is not a blob`);
    // a copy, not a view: a view would carry the whole output with it to a worker thread
    const own = new Uint8Array(all.subarray(nl + 1, nl + 1 + Number(size)));
    out.push(Buffer.from(own.buffer, 0, own.length));
    pos = nl + 1 + Number(size) + 1;
  }
  return out;
}
