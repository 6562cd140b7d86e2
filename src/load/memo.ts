// A command's result remembered for the exact files it was computed from. Readiness, a
// chapter's report, the overview, the dues summary and each side of a diff are pure functions
// of the data files, the command's options and the day; their results are kept under a key
// naming all three (load/results.ts), so a second run on unchanged files lists the files (git
// ls-files, git status), hashes the few files git does not vouch for, and answers without
// loading anything. Any change to any data file, by content, changes the key. A result is
// remembered only when the load read exactly the files listed (none changed meanwhile) through
// the parse cache, never from the plain fallback.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { classify } from '../core/layout.js';
import { ParseCache, gitBlobId } from './parseCache.js';
import { rememberHeadInfo, resolveCommit } from '../io/git.js';
import { type GitPlace, type IndexFiles, hidden, isDirty, statusEntries, unvouched } from '../io/gitListing.js';
import { type DataLocation, findDataRoot } from '../io/repo.js';
import { MAX_FILE_BYTES } from '../io/limits.js';
import { ResultStore, keptKey, keptParts, resultKey } from './results.js';
import { type DataListing, debug, listData, resultsDisabled } from './listing.js';
import type { OpenedRepository } from './open.js';
import { type KeptRead, indexId, readKept } from './keptList.js';

export interface Memo<T> {
  /** The remembered result, when these exact files gave one before. */
  hit: T | undefined;
  /** The files as listed; give them to openRepository so they are listed once. */
  listed: DataListing | undefined;
  /** Remembers the result computed from `repo`, if it was loaded from exactly the files listed. */
  remember(repo: Pick<OpenedRepository, 'asListed'>, value: T): void;
  /** With `kept`, and no result remembered: the command's kept chapter parts, read and compared with the index while git status ran (load/byChapter.ts), and its `modules` loaded meanwhile. */
  kept?: Promise<KeptRead | undefined>;
}

/**
 * git's index listing (`ls-files -s -z`, about 100 bytes a file) above which git status is
 * expected to run for more than 0.1 s: 2 MB, some 20,000 files (the interim organisation of 5,000
 * members has 3,000 files, five years 155,000).
 */
const LARGE_INDEX = 2_000_000;

const none: Memo<never> = { hit: undefined, listed: undefined, remember: () => {} };

/** The result of `name` with `inputs` on the data at `location` (the working tree, or the commit `at`). */
export async function recall<T>(
  location: DataLocation,
  at: string | undefined,
  name: string,
  inputs: unknown,
  opts: { kept?: { name: string; inputs: unknown; modules?: () => Promise<unknown> } } = {},
): Promise<Memo<T>> {
  if (resultsDisabled(process.env)) return none;
  const root = findDataRoot(location);
  const commit = at !== undefined ? await resolveCommit(root, at) : undefined;
  // while git status runs: the index's id (part of the state's), and the kept parts read and compared with the index
  let id: Promise<string | undefined> | undefined;
  let kept: Promise<KeptRead | undefined> | undefined;
  let listedYet = false;
  const early = (place: GitPlace, index: Promise<Buffer | undefined>, indexed: () => Promise<IndexFiles>) => {
    id = index.then((raw) => raw && indexId(raw));
    if (!opts.kept) return;
    const { modules } = opts.kept;
    kept = readKept(keptParts(place.gitDir), keptKey(opts.kept.name, opts.kept.inputs, root), id, indexed);
    // what using the kept parts needs after an edit (the command's modules, the index's files,
    // the parse cache's index: 0.1–0.2 s at five years), got while git status still runs, in a
    // large repository, where the status runs longer than that: a run whose result is remembered
    // then spends time it was waiting anyway (in a small one it would wait for work it does not need)
    const large = index.then((raw) => raw !== undefined && raw.length > LARGE_INDEX);
    Promise.all([kept, large])
      .then(([read, long]) => {
        if (!read || !long || listedYet) return;
        void modules?.().catch(() => undefined);
        void indexed();
        ParseCache.open(place.gitDir);
      })
      .catch(() => undefined);
  };
  const listed = await listData(root, commit, at === undefined ? early : undefined);
  listedYet = true;
  if (!listed) return none;
  const state = await stateOf(root, listed, await id);
  if (state === undefined) return { ...none, listed };
  const store = new ResultStore(listed.place.gitDir);
  const key = resultKey(name, inputs, state);
  const text = store.get(key);
  if (text !== undefined) {
    debug(`${name}: the result remembered for these files`);
    if ('workTree' in listed.view) {
      const entries = statusEntries(listed.view.workTree.status, listed.place);
      rememberHeadInfo(root, { commit: listed.view.workTree.head, dirty: 'unsupported' in entries || isDirty(entries) });
    }
    return { hit: parseResult<T>(text), listed: undefined, remember: () => {} };
  }
  return {
    hit: undefined,
    listed,
    ...(kept ? { kept } : {}),
    remember: (repo, value) => {
      if (!repo.asListed) return debug(`${name}: not remembered (the files were not read as listed)`);
      store.put(key, resultText(value));
      debug(`${name}: remembered`);
    },
  };
}

// Results are JSON, with Maps (sums per currency) kept as Maps under a key no data can have.
// A replacer or reviver takes JSON off V8's fast path (a readiness result at five years, 10,000
// chapters' reasons and no Map, took 50 ms each way): a result without Maps is written, and a
// text without that key read, without them, to the same text and the same value.
const MAP = '\u0000map';
const replace = (_key: string, v: unknown) => (v instanceof Map ? { [MAP]: [...v] } : v);
const revive = (_key: string, v: unknown) => (v !== null && typeof v === 'object' && MAP in v ? new Map((v as Record<string, [unknown, unknown][]>)[MAP]) : v);
const holdsMap = (v: unknown): boolean => {
  if (v instanceof Map) return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(holdsMap);
  for (const key in v) if (Object.hasOwn(v, key) && holdsMap((v as Record<string, unknown>)[key])) return true;
  return false;
};
const resultText = (value: unknown) => (holdsMap(value) ? JSON.stringify(value, replace) : JSON.stringify(value));
const parseResult = <T>(text: string): T => (text.includes(JSON.stringify(MAP)) ? JSON.parse(text, revive) : JSON.parse(text)) as T;

/**
 * The id of the data's state. At a commit, its tree. In the working tree, the index (every
 * tracked file's blob id; its SHA-1 `id`, worked out while git status ran), the status (which files differ from it, are untracked or ignored)
 * and the blob ids of those files, read and hashed here: they keep that id for the load, which
 * checks it against what it reads. Undefined when such a file is not one iops reads quietly (a
 * symbolic link, a file too large, a folder git cannot list): the command then loads as usual.
 */
async function stateOf(root: string, listed: DataListing, id: string | undefined): Promise<string | undefined> {
  const hash = createHash('sha1');
  if ('tree' in listed.view) return hash.update(listed.view.tree).digest('hex');
  const { index, status } = listed.view.workTree;
  const entries = statusEntries(status, listed.place);
  if ('unsupported' in entries) return undefined;
  hash.update(id ?? indexId(index)).update('\0\0').update(status);
  for (const e of entries) {
    if (hidden(e.path) || !unvouched(e) || 'ignore' in classify(e.path)) continue;
    const abs = join(root, e.path);
    const kind = await lstat(abs).catch(() => undefined);
    if (!kind?.isFile() || kind.size > MAX_FILE_BYTES) return undefined;
    const blob = gitBlobId(await readFile(abs));
    listed.hashed.set(e.path, blob);
    hash.update(`\0${e.path}\0${blob}`);
  }
  return hash.digest('hex');
}
