// A narrow wrapper around git: where the data repository sits in its work tree, the commit
// it was read at, files as they were at a commit (read as blobs; the work tree and index are
// never touched), and the first commit of `iops init`.
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { FileEntry } from '../app/load.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { MAX_FILE_BYTES } from './yamlSource.js';
import { tooBig } from './repo.js';

export function git(dir: string): SimpleGit {
  return simpleGit({ baseDir: dir, binary: 'git', maxConcurrentProcesses: 4 });
}

export async function isInsideWorkTree(dir: string): Promise<boolean> {
  try {
    return (await git(dir).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (err) {
    if (/ENOENT|spawn git/.test(String(err))) throw new EnvironmentError('git is not installed or not on PATH; install git and try again');
    return false;
  }
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
  const g = git(root);
  const commit = await g.raw(['rev-parse', '--verify', '-q', 'HEAD']).then((s) => s.trim() || null, () => null);
  // --no-optional-locks: a reader must never take index.lock from under a writer
  const status = await g.raw(['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all', '--', '.']);
  return { commit, dirty: status.trim().length > 0 };
}

/** The commit a ref names, or a UsageError saying the ref is unknown. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`"${ref}" is not a git revision`);
  // with -q, git says nothing and exits 1 for an unknown ref; simple-git then returns ''
  const commit = await git(root)
    .raw(['rev-parse', '--verify', '-q', '--end-of-options', `${ref}^{commit}`])
    .then((s) => s.trim(), () => '');
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new UsageError(`"${ref}" is not a commit in this repository (try a branch name, a tag, HEAD~1 or a commit id)`);
  return commit;
}

/** The data folder's path inside its repository ('' at the top). */
async function prefixOf(root: string): Promise<string> {
  return (await git(root).raw(['rev-parse', '--show-prefix'])).trim();
}

/** The data repository's files as they were at a commit. */
export async function readFilesAt(root: string, ref: string, wanted: (path: string) => boolean = () => true): Promise<FileEntry[]> {
  const commit = await resolveCommit(root, ref);
  const prefix = await prefixOf(root);
  const listing = await git(root).raw(['ls-tree', '--full-tree', '-r', '-l', '-z', `${commit}:${prefix}`]).catch(() => {
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
  const contents = await catBlobs(root, blobs.map((b) => b.id));
  blobs.forEach((b, i) => out.push({ path: b.path, bytes: contents[i]! }));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads many blobs through one `git cat-file --batch` process. */
function catBlobs(root: string, ids: string[]): Promise<Buffer[]> {
  if (!ids.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new EnvironmentError(`git cat-file failed (exit ${code})`));
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let pos = 0;
      for (let i = 0; i < ids.length; i++) {
        const nl = all.indexOf(10, pos);
        const header = all.subarray(pos, nl).toString();
        const size = Number(header.split(' ')[2]);
        out.push(all.subarray(nl + 1, nl + 1 + size));
        pos = nl + 1 + size + 1;
      }
      resolve(out);
    });
    child.stdin.end(ids.join('\n') + '\n');
  });
}
