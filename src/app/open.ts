// Opening a data repository: find it, read its files (from disk, or from git at a commit),
// load and validate. Commands that compute refuse invalid data with a DataError.
import { type FileEntry, type LoadResult, loadFromFiles } from './load.js';
import type { Organisation } from '../core/model.js';
import { isCalendarDate } from '../core/dates.js';
import { DataError, UsageError } from '../errors.js';
import { type DataCommit, headInfo, readFilesAt, resolveCommit } from '../io/git.js';
import { type DataLocation, findDataRoot, readDataFiles } from '../io/repo.js';

export interface OpenedRepository extends LoadResult {
  root: string;
  files: FileEntry[];
}

export interface OpenOptions {
  /** Read the files as they were at this git revision instead of the working tree. */
  at?: string | undefined;
}

export async function openRepository(location: DataLocation, opts: OpenOptions = {}): Promise<OpenedRepository> {
  const root = findDataRoot(location);
  const files = opts.at !== undefined ? await readFilesAt(root, opts.at) : await readDataFiles(root);
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
