// The data folder's files and their git blob ids, without reading them: for the working tree,
// the index (`git ls-files -s`) corrected by `git status` (files changed since, untracked and
// ignored files, whose ids come from hashing what is read); at a commit, `git ls-tree`. git
// decides what changed as it does for `git status` (size, times, inode, and the content when
// those are inconclusive), so a file edited to the same size and time is still seen.
// Anything unusual (a conflict, a symbolic link, a nested repository) is `unsupported`: the
// caller then reads the folder the plain way.
import { lstat, readFile, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { classify } from '../core/layout.js';
import { EnvironmentError } from '../errors.js';
import { gitOutput, gitRaw } from './gitRunner.js';

export interface GitPlace {
  /** The repository's git folder (absolute). */
  gitDir: string;
  /** The data folder inside the work tree ('' at the top, else ending in '/'). */
  prefix: string;
  /** The repository's info/exclude file (absolute). */
  exclude: string;
  /** HEAD's commit when the place was found (null before the first commit). */
  head?: string | null;
}

export interface ListedFile {
  /** POSIX path relative to the data folder. */
  path: string;
  /** The blob id, when git knows the content; undefined for files to read and hash. */
  blob?: string;
}

export type Listing = { files: ListedFile[]; dirty: boolean; commit: string | null } | { unsupported: string };

/**
 * Where the git folder is and where the data folder sits, and HEAD's commit, in one git process
 * (before the first commit git answers all but HEAD, and exits with 1); undefined outside a
 * work tree.
 */
export async function gitPlace(root: string): Promise<GitPlace | undefined> {
  const r = await gitRaw(root, ['rev-parse', '--absolute-git-dir', '--show-prefix', '--git-path', 'info/exclude', '--verify', '-q', 'HEAD']).catch((e: unknown) => {
    if (e instanceof EnvironmentError) throw e;
    return { code: 128, stdout: Buffer.alloc(0) };
  });
  const [gitDir, prefix, exclude, head] = r.stdout.toString('utf8').split('\n');
  if (r.code > 1 || !gitDir || exclude === undefined) return undefined;
  return { gitDir, prefix: prefix ?? '', exclude: resolve(root, exclude), head: r.code === 0 && head ? head : null };
}

/** A path iops never reads: one with a part that starts with a dot (.git, .iops, .github). */
export const hidden = (path: string) => path.startsWith('.') || path.includes('/.');

/** What git says of the working tree, unparsed: the index, the status and HEAD. Together they name the files' state. */
export interface WorkTreeView {
  index: Buffer;
  status: Buffer;
  head: string | null;
  /** The index's files, read once, when first asked for (a remembered result needs only the listing's id). */
  indexed: () => Promise<IndexFiles>;
}

/** The files git's index lists under the data folder, with their blob ids; or why they cannot be used. */
export type IndexFiles = ListedFile[] | { unsupported: string };

// --no-optional-locks: a reader must never take index.lock from under a writer
const STATUS = ['--no-optional-locks', 'status', '--porcelain', '-z'];

/**
 * The index, the status and HEAD. The status lists every untracked and ignored file, one by
 * one (`--untracked-files=all --ignored`), which walks the whole tree. When the data folder is
 * the repository's top and no ignore rule exists anywhere (no .gitignore, nothing in
 * info/exclude or the user's excludes file), nothing can be ignored: git is then asked the way
 * its untracked cache can answer (`--untracked-files=normal`, no pathspec, no `--ignored`;
 * 0.13 s instead of 0.3 s at 155,000 files with `core.untrackedCache` on), and the untracked
 * folders it reports whole are listed here, file by file, as git would have. `early` is given
 * the index's listing as soon as git gives it, while the status still runs.
 */
export async function viewWorkTree(
  root: string,
  place: GitPlace,
  early?: (index: Promise<Buffer | undefined>, indexed: () => Promise<IndexFiles>) => void,
  excludesFile: Promise<string> = userExcludesFile(root),
): Promise<WorkTreeView> {
  const indexRead = gitOutput(root, ['ls-files', '-s', '-z', '--', '.']);
  let files: Promise<IndexFiles> | undefined;
  const indexed = () => (files ??= indexRead.then(indexFiles, (e: unknown) => ({ unsupported: String(e) })));
  const headRead = place.head !== undefined ? place.head : gitOutput(root, ['rev-parse', '--verify', '-q', 'HEAD']).then((b) => b.toString().trim() || null, () => null);
  const quick = place.prefix === '' && !(await excludeRules(root, place, await excludesFile));
  // the status, the longest wait, starts before anything else is done; the quick one runs while
  // the index is read, and a .gitignore found in the index after all means the full one
  const full = () => gitOutput(root, [...STATUS, '--untracked-files=all', '--ignored', '--', '.']);
  const statusRun = quick ? gitOutput(root, [...STATUS, '--untracked-files=normal']) : full();
  statusRun.catch(() => undefined); // awaited below
  // git status takes longer than the index (0.45 s against 0.05 s at 155,000 files): what `early` does with it costs no waiting
  early?.(indexRead.catch(() => undefined), indexed);
  const [index, head] = await Promise.all([indexRead, headRead]);
  if (!quick) return { index, status: await statusRun, head, indexed };
  if (!tracksGitignore(index)) {
    const status = await untrackedFilesOneByOne(root, await statusRun);
    if (status) return { index, status, head, indexed };
  }
  await statusRun.catch(() => undefined);
  return { index, status: await full(), head, indexed };
}

/** Whether `ls-files -s -z` output names a .gitignore (each entry ends with a tab or a slash, the name and NUL). */
function tracksGitignore(index: Buffer): boolean {
  for (let at = index.indexOf('.gitignore\0'); at !== -1; at = index.indexOf('.gitignore\0', at + 1)) if (index[at - 1] === 9 || index[at - 1] === 47) return true;
  return false;
}

/**
 * The user's excludes file as configured (`core.excludesFile`), '' when it is not: asked while
 * git finds the git folder (listing.ts), since git status waits for the answer.
 */
export const userExcludesFile = (root: string): Promise<string> => gitOutput(root, ['config', '--path', 'core.excludesFile']).then((b) => b.toString('utf8').trim(), () => '');

/** Whether a rule may ignore a file: a .gitignore at the top, or a pattern in info/exclude or the user's excludes file. */
async function excludeRules(root: string, place: GitPlace, configured: string): Promise<boolean> {
  const user = configured || join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'git', 'ignore');
  const patterns = async (path: string) =>
    (await readFile(resolve(root, path), 'utf8').catch(() => '')).split('\n').some((line) => line.trim() !== '' && !line.startsWith('#'));
  return (await lstat(join(root, '.gitignore')).then(() => true, () => false)) || (await patterns(place.exclude)) || (await patterns(user));
}

/**
 * `--untracked-files=normal` output with each untracked folder it names (`?? dir/`) replaced
 * by the files in it, as `--untracked-files=all` names them: regular files and symbolic links,
 * a nested repository as its folder. Undefined when a .gitignore turns up: there are rules.
 */
async function untrackedFilesOneByOne(root: string, status: Buffer): Promise<Buffer | undefined> {
  const tokens = status.toString('utf8').split('\0');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t) continue;
    if (t[0] === 'R' || t[0] === 'C') {
      out.push(t, tokens[++i]!);
      continue;
    }
    const path = t.slice(3);
    if (path === '.gitignore' || path.endsWith('/.gitignore')) return undefined;
    if (!t.startsWith('?? ') || !path.endsWith('/')) {
      out.push(t);
      continue;
    }
    const files: string[] = [];
    if (!(await walk(join(root, path), path, files))) return undefined;
    out.push(...files.sort().map((f) => `?? ${f}`));
  }
  return Buffer.from(out.map((t) => `${t}\0`).join(''), 'utf8');
}

/** The files under an untracked folder, as git lists them; false when a .gitignore is among them. */
async function walk(abs: string, rel: string, into: string[]): Promise<boolean> {
  const entries = await readdir(abs, { withFileTypes: true });
  if (rel !== '' && entries.some((e) => e.name === '.git')) {
    into.push(rel); // a nested repository: git names its folder
    return true;
  }
  for (const e of entries) {
    if (e.name === '.gitignore') return false;
    if (e.isDirectory()) {
      if (!(await walk(join(abs, e.name), `${rel}${e.name}/`, into))) return false;
    } else if (e.isFile() || e.isSymbolicLink()) into.push(`${rel}${e.name}`);
  }
  return true;
}

export interface StatusEntry {
  x: string;
  y: string;
  /** Relative to the data folder. */
  path: string;
}

/** `git status --porcelain -z` entries under the data folder. */
export function statusEntries(status: Buffer, place: Pick<GitPlace, 'prefix'>): StatusEntry[] | { unsupported: string } {
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

/**
 * Whether the working tree holds anything HEAD does not: a changed or untracked file, or a file
 * git ignores that iops reads as data (docs/data-format.md: ignored data files are data, but
 * they can never be committed, so a result that counts them is not the commit's).
 */
export const isDirty = (entries: readonly StatusEntry[]) => entries.some((e) => e.x !== '!' || readAsData(e.path));

/** Whether iops reads this path of the data folder (as data, or as a misplaced file it reports). */
export const readAsData = (path: string) => !('ignore' in classify(path));

/** Whether git reports the file as changed since the index, untracked or ignored: its content is not the index's blob. */
export const unvouched = (e: StatusEntry) => (e.x === '?' && e.y === '?') || (e.x === '!' && e.y === '!') || (e.y !== 'D' && e.y !== ' ');

/** The files of `git ls-files -s -z` output, in path order; a conflict or a symbolic link makes them unsupported. */
export const indexFiles = (index: Buffer): IndexFiles =>
  readEntries(index, (mode, blob, stage, path) => {
    if (stage !== '0') return `${path} has a merge conflict`;
    if (mode !== '100644' && mode !== '100755') return `${path} is not a plain file in git (mode ${mode})`;
    return { path, blob };
  });

/**
 * The working tree's files under the data folder, with blob ids where git vouches for them. The
 * index's files (`view.indexed`) are not changed: a file the status names is a new entry of the
 * list given back, so the index's may be compared with it by identity (load/keptList.ts).
 */
export async function listWorkTree(root: string, place: GitPlace, view?: WorkTreeView): Promise<Listing> {
  const { status, head, indexed } = view ?? (await viewWorkTree(root, place));
  // the index in its own order; what git status says is applied by bisection
  const files = await indexed();
  if (!Array.isArray(files)) return files;
  const entries = statusEntries(status, place);
  if ('unsupported' in entries) return entries;
  const added: ListedFile[] = [];
  const addedPaths = new Set<string>();
  // by position in the index: files whose content is to be read, files removed
  const unread = new Set<number>();
  const dropped = new Set<number>();
  for (const e of entries) {
    const { x, y, path } = e;
    if (hidden(path)) continue;
    if (path.endsWith('/')) return { unsupported: `${path} is a nested repository or an unreadable folder` };
    if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) return { unsupported: `${path} has a merge conflict` };
    const at = atPath(files, path);
    const listed = files[at]?.path === path;
    if (unvouched(e)) {
      if (listed) {
        unread.add(at);
        dropped.delete(at);
      } else if (!addedPaths.has(path)) {
        addedPaths.add(path);
        added.push({ path });
      }
    } else if (y === 'D' && listed) dropped.add(at);
  }
  const dirty = isDirty(entries);
  let out = files;
  if (unread.size || dropped.size) {
    out = [];
    for (let i = 0; i < files.length; i++) if (!dropped.has(i)) out.push(unread.has(i) ? { path: files[i]!.path } : files[i]!);
  }
  if (added.length) out = [...out, ...added].sort(byPath);
  // what git does not vouch for is read from disk: plain files only, as readDataFiles reads them
  const gone = new Set<ListedFile>();
  for (const f of out) {
    if (f.blob) continue;
    const kind = await lstat(join(root, f.path)).catch(() => undefined);
    if (kind?.isSymbolicLink()) return { unsupported: `${f.path} is a symbolic link` };
    if (!kind?.isFile()) gone.add(f);
  }
  return { files: gone.size ? out.filter((f) => !gone.has(f)) : out, dirty, commit: head };
}

/** Where `path` is, or would go, in a list sorted by path. */
export function atPath(sorted: readonly { path: string }[], path: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.path < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The data folder's tree at a commit, unparsed (it names the files' state). Without sizes
 * (`-l`): git would look up every object for them (1.4 s at 155,000 files); a file too large
 * is refused when it is read.
 */
export const viewCommit = (root: string, commit: string, place: Pick<GitPlace, 'prefix'>): Promise<Buffer> =>
  gitOutput(root, ['ls-tree', '--full-tree', '-r', '-z', `${commit}:${place.prefix}`]);

/** The data folder's files at a commit, with blob ids. */
export async function listCommit(root: string, commit: string, place: GitPlace, tree?: Buffer): Promise<Listing> {
  const files = treeFiles(tree ?? (await viewCommit(root, commit, place)));
  if (!Array.isArray(files)) return files;
  return { files, dirty: false, commit };
}

/** The files of `git ls-tree -r -z` output, in path order; a symbolic link or a submodule makes it unsupported. */
export const treeFiles = (out: Buffer): ListedFile[] | { unsupported: string } =>
  readEntries(out, (mode, type, blob, path) => (type === 'blob' && (mode === '100644' || mode === '100755') ? { path, blob } : `${path} is not a plain file`));

/**
 * git's entries `<a> SP <b> SP <c> TAB <path>`, NUL-separated (`ls-files -s`, `ls-tree`), read in
 * place: at five years 155,000 of them, without splitting each or keeping a Map. Hidden paths are
 * skipped; `take` gives the file, or why the listing is unsupported. In path order: git's is by
 * bytes, ours by UTF-16 code units, which differ only beyond ASCII (the list is then sorted).
 */
function readEntries(out: Buffer, take: (a: string, b: string, c: string, path: string) => ListedFile | string): ListedFile[] | { unsupported: string } {
  const files: ListedFile[] = [];
  const text = out.toString('utf8');
  let sorted = true;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\0', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at);
    const space2 = space < 0 || space > end ? -1 : text.indexOf(' ', space + 1);
    const tab = space2 < 0 || space2 > end ? -1 : text.indexOf('\t', space2 + 1);
    const from = at;
    at = end + 1;
    if (tab < 0 || tab > end) continue;
    const path = text.slice(tab + 1, end);
    if (!path || hidden(path)) continue;
    const file = take(text.slice(from, space), text.slice(space + 1, space2), text.slice(space2 + 1, tab), path);
    if (typeof file === 'string') return { unsupported: file };
    const last = files[files.length - 1];
    if (last !== undefined && last.path >= path) sorted = false;
    files.push(file);
  }
  return sorted ? files : files.sort(byPath);
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

/** The blob id of every file under the data folder at a commit, by path relative to it (rejects when the folder is not there). */
export async function listCommitBlobs(root: string, commit: string, prefix: string): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (const entry of (await viewCommit(root, commit, { prefix })).toString('utf8').split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m) blobs.set(m[2]!, m[1]!);
  }
  return blobs;
}
