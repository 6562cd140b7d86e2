// Opening a data repository: find it, read its files (from disk, or from git at a commit),
// load and validate. Commands that compute refuse invalid data with a DataError.
import { cacheDisabled, loadCached } from './cachedLoad.js';
import { type FileEntry, type LoadResult, loadFromFiles } from './load.js';
import type { Scope } from './scope.js';
import type { Organisation } from '../core/model.js';
import { isCalendarDate } from '../core/dates.js';
import { DataError, UsageError } from '../errors.js';
import { type DataCommit, headInfo, readFilesAt, rememberHeadInfo, resolveCommit } from '../io/git.js';
import { type DataLocation, findDataRoot, readDataFiles } from '../io/repo.js';

export interface OpenedRepository extends LoadResult {
  root: string;
  files: FileEntry[];
}

export interface OpenOptions {
  /** Read the files as they were at this git revision instead of the working tree. */
  at?: string | undefined;
  /**
   * Only the part of the repository a command needs (app/scope.ts). When that part has any
   * problem, or the parse cache cannot be used, the whole repository is loaded instead.
   */
  scope?: Scope | undefined;
}

/**
 * The repository's organisation: through the parse cache when it can be used (docs/performance.md),
 * else every file read and parsed. Both give the same organisation and the same problems.
 */
export async function openRepository(location: DataLocation, opts: OpenOptions = {}): Promise<OpenedRepository> {
  const root = findDataRoot(location);
  if (!cacheDisabled(process.env)) {
    const commit = opts.at !== undefined ? await resolveCommit(root, opts.at) : undefined;
    const cached = await loadCached(root, { commit, scope: opts.scope });
    if (cached) {
      if (commit === undefined) rememberHeadInfo(root, { commit: cached.commit, dirty: cached.dirty });
      return { root, files: cached.files, org: cached.org, problems: cached.problems };
    }
  }
  const read = (wanted?: (path: string) => boolean) => (opts.at !== undefined ? readFilesAt(root, opts.at, wanted) : readDataFiles(root, wanted));
  const wanted = opts.scope?.wanted;
  if (wanted) {
    // the part the command needs, as the cache would give it; the whole when the part has a problem
    const files = await read(wanted);
    const part = loadFromFiles(files, { select: opts.scope?.select });
    if (part.org) return { root, files, ...part };
  }
  const files = await read();
  return { root, files, ...loadFromFiles(files) };
}

/** For commands that compute: the organisation, or a DataError listing every problem. */
export function requireValid(result: LoadResult): Organisation {
  if (!result.org) throw new DataError(result.problems);
  return result.org;
}

/** The commit the data was read at, and whether uncommitted changes were part of it. */
export async function dataCommit(root: string, at: string | undefined): Promise<DataCommit> {
  return at !== undefined ? { commit: await resolveCommit(root, at), dirty: false } : headInfo(root);
}

/** The as-of date: `--as-of`, else iops.yaml's snapshot_date, else today. */
export function resolveAsOf(org: Organisation, asOf: string | undefined, today: string): string {
  if (asOf !== undefined) {
    if (!isCalendarDate(asOf)) throw new UsageError(`--as-of ${JSON.stringify(asOf)} is not a calendar date (write YYYY-MM-DD)`);
    return asOf;
  }
  return org.settings.snapshot_date ?? today;
}

/** One line of a file's text, for error excerpts. */
export function lineOf(files: readonly FileEntry[]): (file: string, line: number) => string | undefined {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return (file, line) => {
    const bytes = byPath.get(file)?.bytes;
    if (!bytes) return undefined;
    return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split('\n')[line - 1]?.replace(/\r$/, '');
  };
}
