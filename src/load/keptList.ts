// A command's kept chapter parts on disk (load/byChapter.ts): a line of JSON (each chapter's part
// and what it read, and the id of git's index they were kept with and how the list differed from
// it) and the list of every file the parts came from, with its blob id. After an edit the list is
// compared with git's, to find the files changed since: with the index while git status still
// runs (memo.ts starts it as soon as git gives the index), or not at all when the index is the
// one kept with; what the status changes of the index is applied afterwards, a few files instead
// of 155,000 at five years. A module of its own: memo.ts reads the kept parts for every run that
// may use them, and a run whose result is remembered loads no more than this.
import { createHash } from 'node:crypto';
import type { IndexFiles, ListedFile } from '../io/gitListing.js';
import type { ResultStore } from './results.js';

/** More changed files than this, and the whole repository is loaded (it is then faster). */
export const MOST_CHANGED = 200;

/**
 * What is kept of a chapter: its part, the files it read outside its folder, and what other
 * files' checks use of it (its founding date; its members' ids with the dates they joined, as
 * `id joined id joined …`).
 */
export interface KeptChapter<P> {
  id: string;
  deps: string[];
  part: P;
  founded: string | null;
  members: string;
}

export interface Kept<P> {
  key: string;
  chapters: KeptChapter<P>[];
  /** git's index when the parts were kept (its listing's SHA-1), and how the list of files differed from it. */
  index?: { id: string; changed: Changed[] };
}

/**
 * A command's kept parts, read and compared with the files git's index lists while git status
 * still runs (memo.ts starts this as soon as git gives the index): after an edit, what git
 * status adds to the comparison is a few files (sinceListed).
 */
export interface KeptRead<P = unknown> {
  kept: Kept<P>;
  text: string;
  /** Where the list of files starts in `text`. */
  list: number;
  /** How the kept list differs from the index's files (undefined: not comparable, or too many). */
  index?: { changed: Changed[] | undefined };
}

/**
 * The kept parts under `key`, compared with the index (`index`, the id of the listing git gives,
 * and `indexed`, its files). When the index is the one the parts were kept with, as it is after
 * edits not yet staged, how they differ was kept too: nothing is compared, and the index's files
 * are not read until a load needs them (a run whose result is remembered never does). Never
 * rejects: a kept part that cannot be read is a miss (the promise is left unawaited when a
 * remembered result answers).
 */
export async function readKept(store: ResultStore, key: string, index?: Promise<string | undefined>, indexed?: () => Promise<IndexFiles>): Promise<KeptRead | undefined> {
  try {
    const text = await store.getSoon(key);
    if (text === undefined) return undefined;
    const list = text.indexOf('\n') + 1;
    const kept = JSON.parse(text.slice(0, list - 1)) as Kept<unknown>;
    const id = await index;
    if (id === undefined || indexed === undefined) return { kept, text, list };
    if (kept.index !== undefined && kept.index.id === id) return { kept, text, list, index: { changed: kept.index.changed } };
    const files = await indexed();
    if (!Array.isArray(files)) return { kept, text, list };
    const changed = changedFiles(text, list, files);
    return { kept, text, list, index: { changed: changed && changed.length <= MOST_CHANGED ? changed : undefined } };
  } catch {
    return undefined;
  }
}

/** The id of git's index listing (`ls-files -s` output): the files' paths, modes and blob ids. */
export const indexId = (raw: Buffer) => createHash('sha1').update(raw).digest('hex');

/**
 * Kept as a line of JSON and every listed file in path order, `<blob> <n> <rest>`: its path is
 * the first n characters of the path before it and the rest (most paths share most of theirs,
 * so the list is a third of its size written out).
 */
export function keptText<P>(kept: Kept<P>, files: readonly ListedFile[], index?: { raw: Buffer; files: IndexFiles }): string {
  const changed = index && Array.isArray(index.files) ? differences(files, index.files) : undefined;
  const lines = [JSON.stringify(changed ? { ...kept, index: { id: indexId(index!.raw), changed } } : { key: kept.key, chapters: kept.chapters })];
  let last = '';
  for (const f of files) {
    let n = 0;
    const most = Math.min(last.length, f.path.length);
    while (n < most && last.charCodeAt(n) === f.path.charCodeAt(n)) n++;
    lines.push(`${f.blob} ${n} ${f.path.slice(n)}`);
    last = f.path;
  }
  return lines.join('\n');
}

export interface Changed {
  path: string;
  before?: string;
  after?: string;
}

/** The files whose blob differs from the kept list's (both in path order); undefined when the lists are not comparable. */
export function changedFiles(text: string, from: number, files: readonly ListedFile[]): Changed[] | undefined {
  const out: Changed[] = [];
  let at = from;
  let i = 0;
  let last = '';
  let previous = '';
  const next = (): { path: string; blob: string } | undefined => {
    if (at >= text.length) return undefined;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at + 41);
    const path = previous.slice(0, Number(text.slice(at + 41, space))) + text.slice(space + 1, end);
    const blob = text.slice(at, at + 40);
    at = end + 1;
    previous = path;
    return { blob, path };
  };
  for (const f of files) {
    if (f.blob === undefined || f.path <= last || f.path.includes('\n')) return undefined;
    last = f.path;
  }
  let k = next();
  while (k !== undefined || i < files.length) {
    const f = files[i];
    if (f === undefined || (k !== undefined && k.path < f.path)) {
      out.push({ path: k!.path, before: k!.blob });
      k = next();
    } else if (k === undefined || f.path < k.path) {
      out.push({ path: f.path, after: f.blob! });
      i++;
    } else {
      if (k.blob !== f.blob) out.push({ path: f.path, before: k.blob, after: f.blob! });
      k = next();
      i++;
    }
    if (out.length > MOST_CHANGED) return out;
  }
  return out;
}

/**
 * How the kept list differs from the files listed, from how it differs from the index's files
 * (`changed`: kept, or worked out while git status ran) and what the status changed of them: the listed
 * files are the index's, the same objects, but for the few the status named (listWorkTree).
 * Undefined when `changed` is not known: the whole list is compared again.
 */
export function sinceListed(index: readonly ListedFile[], changed: readonly Changed[] | undefined, files: readonly ListedFile[]): Changed[] | undefined {
  if (changed === undefined) return undefined;
  // the files the status changed: before, the index's blob; after, the one listed
  const status = differences(index, files);
  if (status === undefined) return undefined;
  const byPath = new Map(changed.map((c) => [c.path, c]));
  const named = new Set(status.map((c) => c.path));
  const out = changed.filter((c) => !named.has(c.path));
  for (const { path, before: inIndex, after } of status) {
    // the kept blob: as the index's, unless the index differs from the kept list there
    const before = byPath.has(path) ? byPath.get(path)!.before : inIndex;
    if (before !== after) out.push({ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * How the list `after` differs from `before` (both in path order; the same objects where they
 * agree, so most are passed over by identity); undefined past MOST_CHANGED, or when a file that
 * differs has no blob id (its content is unknown) or a line break in its path.
 */
function differences(before: readonly ListedFile[], after: readonly ListedFile[]): Changed[] | undefined {
  const out: Changed[] = [];
  for (let i = 0, j = 0; i < before.length || j < after.length; ) {
    const a = before[i];
    const b = after[j];
    if (a !== undefined && b !== undefined && (a === b || (a.path === b.path && a.blob === b.blob))) {
      i++;
      j++;
      continue;
    }
    const gone = b === undefined || (a !== undefined && a.path < b.path);
    const added = !gone && (a === undefined || b!.path < a.path);
    const f = gone ? a! : b!;
    if ((!gone && b!.blob === undefined) || (!added && a!.blob === undefined) || f.path.includes('\n')) return undefined;
    out.push({ path: f.path, ...(added ? {} : { before: a!.blob! }), ...(gone ? {} : { after: b!.blob! }) });
    if (!added) i++;
    if (!gone) j++;
    if (out.length > MOST_CHANGED) return undefined;
  }
  return out;
}
