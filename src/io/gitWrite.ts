// Write-side git: where the repository keeps its state, whether a commit can be made, the
// status of given paths, committing exactly those paths, and putting index entries back.
// Every path goes after `--` with literal pathspecs; no user text is ever an argument in an
// option position, and the commit message travels on stdin.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { firstLines, gitOk, gitRaw, runGit } from './gitRunner.js';
import { gitProcessesNear, lockAge } from './staleLock.js';

export interface GitPlace {
  /** Absolute path of the git directory (`.git`, or the worktree's own). */
  gitDir: string;
  /** Absolute path of the top of the work tree. */
  top: string;
  /** The data folder inside the work tree, with a trailing slash ('' at the top). */
  prefix: string;
}

export async function gitPlace(root: string): Promise<GitPlace> {
  const r = await runGit(root, ['rev-parse', '--is-inside-work-tree', '--absolute-git-dir', '--show-toplevel', '--show-prefix']);
  const [inside, gitDir, top, prefix] = r.stdout.split('\n');
  if (r.code !== 0 || inside !== 'true' || !gitDir || !top)
    throw new EnvironmentError(`${root} is not inside a git work tree; iops records every change as a commit. Start one with: git init`);
  return { gitDir, top, prefix: prefix ?? '' };
}

/** git operations that stop half way for the user, the file that marks each, and how to end it. */
const IN_PROGRESS: readonly { marker: string; what: string; finish: string }[] = [
  { marker: 'rebase-merge', what: 'a rebase', finish: 'git rebase --continue (once conflicts are resolved), or cancel it with: git rebase --abort' },
  { marker: 'rebase-apply/applying', what: 'git am (applying patches)', finish: 'git am --continue, or cancel it with: git am --abort' },
  { marker: 'rebase-apply', what: 'a rebase', finish: 'git rebase --continue (once conflicts are resolved), or cancel it with: git rebase --abort' },
  { marker: 'MERGE_HEAD', what: 'a merge', finish: 'git commit (once conflicts are resolved), or cancel it with: git merge --abort' },
  { marker: 'CHERRY_PICK_HEAD', what: 'a cherry-pick', finish: 'git cherry-pick --continue, or cancel it with: git cherry-pick --abort' },
  { marker: 'REVERT_HEAD', what: 'a revert', finish: 'git revert --continue, or cancel it with: git revert --abort' },
  { marker: 'sequencer', what: 'a cherry-pick or revert of several commits', finish: 'git cherry-pick --continue (or git revert --continue), or cancel it with --abort' },
  { marker: 'BISECT_LOG', what: 'a git bisect', finish: 'git bisect reset' },
];

/** The git operation in progress (rebase, merge, …), if any: checked before HEAD, which a rebase detaches. */
export function operationInProgress(place: GitPlace): { what: string; finish: string } | undefined {
  return IN_PROGRESS.find((op) => existsSync(join(place.gitDir, op.marker)));
}

/** HEAD as a write finds it once the repository is locked. */
export interface Head {
  /** The commit; null before the first. */
  commit: string | null;
  /** HEAD names a branch (it is not detached). */
  onBranch: boolean;
  /** The data folder's tree in the commit, when the commit has one. */
  tree?: string;
}

/**
 * HEAD's commit, its branch and the data folder's tree there, from one git process where three
 * were started (each a few milliseconds; a small organisation's write is mostly such starts).
 * git answers none when there is no commit yet or the commit has no data folder: then the
 * commit and the branch are asked alone.
 */
export async function readHead(root: string, place: Pick<GitPlace, 'prefix'>): Promise<Head> {
  const r = await runGit(root, ['rev-parse', 'HEAD', `HEAD:${place.prefix}`, '--symbolic-full-name', 'HEAD']);
  const [commit, tree, ref] = r.stdout.split('\n');
  if (r.code === 0 && commit && tree && ref) return { commit, tree, onBranch: ref !== 'HEAD' };
  const [head, branch] = await Promise.all([headCommit(root), runGit(root, ['symbolic-ref', '-q', 'HEAD'])]);
  return { commit: head, onBranch: branch.code === 0 };
}

/** What must hold before iops commits: no rebase, merge … in progress, on a branch (HEAD, being read), an identity. */
export async function checkCanCommit(root: string, place: GitPlace, head: Promise<Head>): Promise<void> {
  const needed = ([['user.name', 'GIT_AUTHOR_NAME'], ['user.email', 'GIT_AUTHOR_EMAIL']] as const).filter(([, env]) => !process.env[env]).map(([key]) => key);
  // both asked at once (`key value` a line, keys in lower case, the one that counts last, as
  // for `git config --get`), while HEAD is read; a key set to nothing is not set
  const identity = needed.length ? runGit(root, ['config', '--get-regexp', '^user\\.(name|email)$']) : undefined;
  identity?.catch(() => undefined);
  const op = operationInProgress(place);
  if (op)
    throw new EnvironmentError(`${op.what} is in progress in this repository, so iops will not commit now (its commit would land in the middle of it). Finish it with: ${op.finish}; then run your command again. git status shows where it stands.`);
  if (!(await head).onBranch)
    throw new EnvironmentError('HEAD is detached (not on a branch), so a commit would be lost; switch to a branch first: git switch main (or: git switch -c NEW-BRANCH)');
  const value = new Map<string, string>();
  if (identity)
    for (const line of (await identity).stdout.split('\n')) {
      const space = line.indexOf(' ');
      if (line) value.set(space < 0 ? line : line.slice(0, space), space < 0 ? '' : line.slice(space + 1).trim());
    }
  const missing = needed.filter((key) => !value.get(key));
  if (missing.length) {
    const fix = missing.map((k) => `git config --global ${k} "${k === 'user.name' ? 'Your Name' : 'you@example.org'}"`).join(' && ');
    throw new EnvironmentError(`git does not know who you are (no ${missing.join(' or ')}), and every change is committed in your name. Set it with: ${fix}`);
  }
  checkIndexLock(place);
}

/**
 * git's own lock, with no interrupted iops write to account for it (recoverInterrupted deals
 * with those): a git command is running, or one was killed. Explained, never deleted: iops
 * cannot know which.
 */
export function checkIndexLock(place: GitPlace): void {
  const lock = join(place.gitDir, 'index.lock');
  if (!existsSync(lock)) return;
  const age = lockAge(lock);
  const near = gitProcessesNear(place.top, place.gitDir);
  const running = near?.length ? ` Running now: ${near.map((p) => `pid ${p.pid} (${p.command})`).join('; ')}.` : '';
  throw new EnvironmentError(
    [
      `git's index is locked (${lock} exists${age ? `, made ${age}` : ''}): another git command is running, or one was interrupted.${running}`,
      'Check that no git command, editor or git tool is working in this repository (for example: ps -ef | grep git); wait for it to finish and try again.',
      `If none is, the lock was left by a killed git: remove the lock with: rm '${lock}'`,
    ].join('\n'),
  );
}

/** A file of the data folder that differs from HEAD (in the index or the working tree), untracked, or ignored. */
export interface WorkTreeChange {
  /** Relative to the data folder; a folder git reports whole ends with '/'. */
  path: string;
  ignored: boolean;
}

/** Everything uncommitted under the data folder, as `git status` sees it (one walk of the tree), or under these paths only. */
export async function workTreeChanges(root: string, place: GitPlace, paths: readonly string[] = ['.']): Promise<WorkTreeChange[]> {
  const out = await gitOk(root, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored', '--', ...paths]);
  const changes: WorkTreeChange[] = [];
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.length < 4) continue;
    if (e[0] === 'R' || e[0] === 'C') i++; // the rename's source follows
    const path = e.slice(3);
    changes.push({ path: path.startsWith(place.prefix) ? path.slice(place.prefix.length) : path, ignored: e.startsWith('!!') });
  }
  return changes;
}

/** Those of the paths (relative to root) that git's ignore rules match, whether or not they exist yet. */
export async function ignoredPaths(root: string, paths: readonly string[]): Promise<string[]> {
  if (!paths.length) return [];
  // tracked files are never ignored (without --no-index, git says so too); paths on stdin, one NUL each
  // (check-ignore takes no pathspec magic, and data paths are ids: nothing in them is a pattern)
  const r = await runGit(root, ['check-ignore', '-z', '--stdin'], paths.map((p) => `${p}\0`).join(''), { literalPathspecs: false });
  if (r.code > 1) throw new EnvironmentError(`git check-ignore failed: ${firstLines(r.stderr)}`);
  const out = new Set(r.stdout.split('\0').filter(Boolean));
  return paths.filter((p) => out.has(p));
}

/** Whether a change names this path, or a folder it is in. */
export const coversPath = (change: WorkTreeChange, path: string) => change.path === path || (change.path.endsWith('/') && path.startsWith(change.path));

export async function headCommit(root: string): Promise<string | null> {
  const r = await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Stages exactly these paths and commits only them; other staged changes stay staged. */
export async function commitPaths(root: string, place: Pick<GitPlace, 'prefix'>, paths: readonly string[], message: string): Promise<void> {
  await gitOk(root, ['add', '--', ...paths]);
  // with nothing else staged anywhere in the repository, a plain commit commits exactly these
  // paths, without the temporary index git builds for a commit of named paths (at 155,000
  // files that index cost 0.13 s of a 0.33 s commit; asking which paths are staged, 0.03 s)
  const ours = new Set(paths.map((p) => `${place.prefix}${p}`));
  const staged = (await gitOk(root, ['diff-index', '--cached', '--name-only', '-z', 'HEAD', '--'])).split('\0').filter(Boolean);
  const named = staged.every((p) => ours.has(p)) ? [] : ['--', ...paths];
  const r = await runGit(root, ['-c', 'user.useConfigOnly=true', 'commit', '-q', '--cleanup=whitespace', '-F', '-', ...named], message);
  if (r.code === 0) return;
  const said = firstLines(`${r.stdout}\n${r.stderr}`, 12);
  if (/index\.lock/.test(said)) throw new EnvironmentError(`git could not commit: ${said}`);
  if (/No space left on device|Out of diskspace|Disk quota exceeded|Read-only file system/i.test(said))
    throw new EnvironmentError(`git could not write the commit: the disk is full or read-only, so nothing was changed. Free some space (or make the disk writable), then try again. git said:\n${said}`);
  if (/nothing (added )?to commit|no changes added/.test(said)) throw new EnvironmentError('git found nothing to commit; nothing was changed');
  throw new EnvironmentError(`git refused the commit (a hook, or the repository's settings), so nothing was changed. git said:\n${said}`);
}

/** Puts the index entries of these paths back as they are in HEAD (or removes them before the first commit). */
export async function resetIndex(root: string, paths: readonly string[]): Promise<void> {
  if (!paths.length) return;
  if (await headCommit(root)) await gitOk(root, ['reset', '-q', '--', ...paths]);
  else await gitOk(root, ['rm', '-q', '--cached', '--ignore-unmatch', '--', ...paths]);
}

/** A file's bytes as in HEAD (`HEAD:`) or the index (`:`), or undefined when absent there. */
export async function blobAt(root: string, place: GitPlace, where: 'HEAD' | 'index', path: string): Promise<Buffer | undefined> {
  const r = await gitRaw(root, ['cat-file', 'blob', `${where === 'HEAD' ? 'HEAD' : ''}:${place.prefix}${path}`]);
  return r.code === 0 ? r.stdout : undefined;
}
