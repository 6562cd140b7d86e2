// A narrow wrapper around git: where the data repository sits in its work tree, the commit
// it was read at, files as they were at a commit (read as blobs; the work tree and index are
// never touched), and the first commit of `iops init`.
import { readFile } from 'node:fs/promises';
import type { FileEntry } from './repo.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { isDirty, readBlobs, statusEntries } from './gitListing.js';
import { gitOutput } from './gitRunner.js';
import { MAX_FILE_BYTES } from './limits.js';
import { tooBig } from './repo.js';

/** git's output as text; rejects when git exits with an error. */
const gitText = async (dir: string, args: string[]): Promise<string> => (await gitOutput(dir, args)).toString('utf8');

export async function isInsideWorkTree(dir: string): Promise<boolean> {
  try {
    return (await gitText(dir, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (err) {
    if (err instanceof EnvironmentError) throw err;
    return false;
  }
}

/**
 * Whether `dir` lies inside a git directory rather than a work tree: a bare repository (a
 * server's `org.git`) or a `.git` folder. Files written there are not in any work tree, and
 * `git init` there would nest a repository inside git's own files. `dir` must exist.
 */
export async function gitDirectoryKind(dir: string): Promise<'bare repository' | '.git folder' | undefined> {
  const answer = await gitText(dir, ['rev-parse', '--is-bare-repository', '--is-inside-git-dir']).catch((err: unknown) => {
    if (err instanceof EnvironmentError) throw err;
    return ''; // not in a repository at all
  });
  const [bare, insideGitDir] = answer.split('\n');
  if (bare === 'true') return 'bare repository';
  if (insideGitDir === 'true') return '.git folder';
  return undefined;
}

export interface DataCommit {
  /** The HEAD commit the data was read at (null before the first commit or outside git). */
  commit: string | null;
  /** Whether the data folder has uncommitted changes (tracked or untracked). */
  dirty: boolean;
}

/** What listing the working tree just learnt about HEAD and uncommitted changes (one git status, not two). */
const learnt = new Map<string, { info: DataCommit; until: number }>();

/** Remembers a folder's HEAD and dirty flag for the next headInfo, within a few seconds. */
export function rememberHeadInfo(root: string, info: DataCommit): void {
  learnt.set(root, { info, until: Date.now() + 5_000 });
}

export async function headInfo(root: string): Promise<DataCommit> {
  const known = learnt.get(root);
  learnt.delete(root);
  if (known && known.until > Date.now()) return known.info;
  if (!(await isInsideWorkTree(root))) return { commit: null, dirty: true };
  const commit = await gitText(root, ['rev-parse', '--verify', '-q', 'HEAD']).then((s) => s.trim() || null, () => null);
  // --no-optional-locks: a reader must never take index.lock from under a writer
  const status = await gitText(root, ['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--ignored', '--', '.']);
  const place = { prefix: await prefixOf(root) };
  const entries = statusEntries(Buffer.from(status, 'utf8'), place);
  return { commit, dirty: 'unsupported' in entries || isDirty(entries) };
}

/** The commit the data was read at, and whether uncommitted changes were part of it. */
export async function dataCommit(root: string, at: string | undefined): Promise<DataCommit> {
  return at !== undefined ? { commit: await resolveCommit(root, at), dirty: false } : headInfo(root);
}

/** The commit a ref names, or a UsageError saying the ref is unknown (or older than a shallow clone's history). */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`"${ref}" is not a git revision`);
  const commit = await commitOf(root, ref);
  if (commit) return commit;
  const shallow = await shallowCommits(root);
  if (shallow.length) throw new UsageError(await beyondShallowMessage(root, ref, shallow));
  throw new UsageError(`"${ref}" is not a commit in this repository (try a branch name, a tag, HEAD~1 or a commit id)`);
}

/** The commit id a ref names, or undefined. */
async function commitOf(root: string, ref: string): Promise<string | undefined> {
  // with -q, git says nothing and exits 1 for an unknown ref
  const commit = await gitText(root, ['rev-parse', '--verify', '-q', '--end-of-options', `${ref}^{commit}`]).then(
    (s) => s.trim(),
    (e: unknown) => {
      if (e instanceof EnvironmentError) throw e;
      return '';
    },
  );
  return /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
}

/**
 * The commits where a shallow clone's history is cut off (its parents were not fetched), or
 * none in a full clone. git reads them from the `shallow` file in the git directory.
 */
export async function shallowCommits(root: string): Promise<string[]> {
  const shallow = await gitText(root, ['rev-parse', '--is-shallow-repository']).then((s) => s.trim() === 'true', () => false);
  if (!shallow) return [];
  const file = (await gitText(root, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])).trim();
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}

/** "commit 0123456789 (2013-05-01)": where a shallow history stops, for messages. */
export async function describeCut(root: string, shallow: readonly string[]): Promise<string> {
  const first = shallow[0]!;
  const date = await gitText(root, ['log', '-1', '--format=%as', first]).then((s) => s.trim(), () => '');
  const more = shallow.length > 1 ? ` and ${shallow.length - 1} more` : '';
  return `commit ${first.slice(0, 10)}${date ? ` (${date})` : ''}${more}`;
}

async function beyondShallowMessage(root: string, ref: string, shallow: readonly string[]): Promise<string> {
  const cut = await describeCut(root, shallow);
  // HEAD~3 whose HEAD exists: the steps back fall off the end of the fetched history
  const base = /^(.+?)(?:[~^]\d*)+$/.exec(ref)?.[1];
  const fix = 'Fetch the full history with: git fetch --unshallow (then try again)';
  if (base !== undefined && (await commitOf(root, base)))
    return `"${ref}" is older than the history in this clone: it is a shallow clone, whose history is truncated at ${cut}. ${fix}`;
  return `"${ref}" is not a commit in this clone (try a branch name, a tag, HEAD~1 or a commit id). This is a shallow clone, whose history is truncated at ${cut}, so an older commit may simply be missing. ${fix}`;
}

/** The data folder's path inside its repository ('' at the top). */
async function prefixOf(root: string): Promise<string> {
  return (await gitText(root, ['rev-parse', '--show-prefix'])).trim();
}

/** The data repository's files as they were at a commit. */
export async function readFilesAt(root: string, ref: string, wanted: (path: string) => boolean = () => true): Promise<FileEntry[]> {
  const commit = await resolveCommit(root, ref);
  const prefix = await prefixOf(root);
  const listing = await gitText(root, ['ls-tree', '--full-tree', '-r', '-l', '-z', `${commit}:${prefix}`]).catch(() => {
    throw new UsageError(`the data folder did not exist at ${ref}`);
  });
  const blobs: { path: string; id: string; size: number }[] = [];
  const out: FileEntry[] = [];
  for (const entry of listing.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(entry);
    if (!m || m[2] !== 'blob') continue;
    const path = m[5]!;
    if (path.split('/').some((p) => p.startsWith('.')) || !wanted(path)) continue;
    if (m[1] === '120000') out.push({ path, problem: 'a symbolic link; iops reads files, not links, from git history' });
    else if (Number(m[4]) > MAX_FILE_BYTES) out.push({ path, problem: tooBig(Number(m[4])) });
    else blobs.push({ path, id: m[3]!, size: Number(m[4]) });
  }
  const contents = await readBlobs(root, blobs.map((b) => b.id));
  blobs.forEach((b, i) => out.push({ path: b.path, bytes: contents[i]! }));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
