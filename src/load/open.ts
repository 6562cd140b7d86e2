// Opening a data repository: find it, read its files (from disk, or from git at a commit),
// load and validate. Commands that compute refuse invalid data with a DataError.
import { loadCached } from './cachedLoad.js';
import { type DataListing, cacheDisabled } from './listing.js';
import type { ListedFile } from '../io/gitListing.js';
import { type FileEntry, type LoadResult, loadFromFiles } from './load.js';
import type { Scope } from './scope.js';
import type { Organisation } from '../core/model.js';
import { DataError } from '../errors.js';
import { readFilesAt, rememberHeadInfo, resolveCommit } from '../io/git.js';
import { type DataLocation, findDataRoot, readDataFiles } from '../io/repo.js';
import { progressStage } from '../io/progress.js';

export interface OpenedRepository extends LoadResult {
  root: string;
  files: FileEntry[];
  /** Loaded through the parse cache from exactly the files listed (load/memo.ts may remember a result of it). */
  asListed?: boolean;
  /** Through the parse cache (which gives no bytes): the dues ledgers holding invisible characters. */
  invisibleLedgers?: string[];
  /** Likewise, the dues ledgers holding what looks like personal data. */
  personalDataLedgers?: string[];
  /** Likewise, the chapters whose ledgers may hold a receipt recorded twice (LedgerSums.mayRepeat). */
  mayRepeatChapters?: string[];
  /** Likewise, every file as listed with its blob id where git knew it. */
  listedFiles?: ListedFile[];
  /** Likewise, of the working tree: HEAD, and whether anything under the data folder is uncommitted. */
  head?: { commit: string | null; dirty: boolean };
  /** Asked for with the scope's `warnings`: the other files holding invisible characters (or personal data), by their parse cache flags. */
  invisibleFiles?: string[];
  personalDataFiles?: string[];
}

export interface OpenOptions {
  /** Read the files as they were at this git revision instead of the working tree. */
  at?: string | undefined;
  /**
   * Only the part of the repository a command needs (load/scope.ts). When that part has any
   * problem, or the parse cache cannot be used, the whole repository is loaded instead.
   */
  scope?: Scope | undefined;
  /** The files as already listed (load/memo.ts), so they are not listed twice. */
  listed?: DataListing | undefined;
}

/**
 * The repository's organisation: through the parse cache when it can be used (docs/performance.md),
 * else every file read and parsed. Both give the same organisation and the same problems.
 */
export async function openRepository(location: DataLocation, opts: OpenOptions = {}): Promise<OpenedRepository> {
  const root = findDataRoot(location);
  if (!cacheDisabled(process.env)) {
    const commit = opts.listed ? opts.listed.commit : opts.at !== undefined ? await resolveCommit(root, opts.at) : undefined;
    const cached = await loadCached(root, { commit, scope: opts.scope, listed: opts.listed });
    if (cached) {
      if (commit === undefined) rememberHeadInfo(root, { commit: cached.commit, dirty: cached.dirty });
      return {
        root,
        files: cached.files,
        org: cached.org,
        problems: cached.problems,
        asListed: cached.asListed,
        invisibleLedgers: cached.invisibleLedgers,
        personalDataLedgers: cached.personalDataLedgers,
        mayRepeatChapters: cached.mayRepeatChapters,
        listedFiles: cached.listedFiles,
        ...(commit === undefined ? { head: { commit: cached.commit, dirty: cached.dirty } } : {}),
        invisibleFiles: cached.invisibleFiles,
        personalDataFiles: cached.personalDataFiles,
      };
    }
  }
  const read = (wanted?: (path: string) => boolean) => (opts.at !== undefined ? readFilesAt(root, opts.at, wanted) : readDataFiles(root, wanted));
  const wanted = opts.scope?.wanted;
  if (wanted) {
    // the part the command needs, as the cache would give it; the whole when the part has a problem
    const files = await read(wanted);
    const part = loadFromFiles(files, { select: opts.scope?.select, partial: true });
    if (part.org) return { root, files, ...part };
  }
  const files = await read();
  progressStage('checking the data');
  return { root, files, ...loadFromFiles(files) };
}

/** For commands that compute: the organisation, or a DataError listing every problem. */
export function requireValid(result: LoadResult): Organisation {
  if (!result.org) throw new DataError(result.problems);
  return result.org;
}

export { dataCommit } from '../io/git.js';


/** One line of a file's text, for error excerpts. */
export function lineOf(files: readonly FileEntry[]): (file: string, line: number) => string | undefined {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return (file, line) => {
    const bytes = byPath.get(file)?.bytes;
    if (!bytes) return undefined;
    return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split('\n')[line - 1]?.replace(/\r$/, '');
  };
}

/**
 * The tree a write will commit: the files of `commit` with `changes` applied (nothing of the
 * working tree), loaded and checked; through the parse cache when it can be used, else every
 * file read from git. Problems come located either way (the plain load locates them).
 */
export async function loadTree(
  root: string,
  commit: string,
  opts: { changes?: ReadonlyMap<string, Uint8Array>; scope?: Scope } = {},
): Promise<LoadResult> {
  if (!cacheDisabled(process.env)) {
    const cached = await loadCached(root, { commit, scope: opts.scope, changes: opts.changes });
    if (cached) return cached;
  }
  const wanted = opts.scope?.wanted ?? (() => true);
  const files = new Map((await readFilesAt(root, commit, wanted)).map((f) => [f.path, f]));
  for (const [path, bytes] of opts.changes ?? []) if (wanted(path)) files.set(path, { path, bytes });
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (opts.scope?.select) {
    const part = loadFromFiles(sorted, { select: opts.scope.select, partial: true });
    if (part.org) return part;
  }
  return loadFromFiles(sorted, { partial: opts.scope?.wanted !== undefined });
}
