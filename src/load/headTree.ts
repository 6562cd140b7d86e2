// The committed tree a write builds on (HEAD) and the tree it will commit (HEAD with the
// change applied), checked in proportion to the change where that is sound.
//
// When HEAD's exact set of files holds a certificate in the parse cache (it passed every check:
// cachedLoad.ts), the new tree differs from it only in the changed files. A change can then
// break a check only in the changed files themselves or in what refers to them, and what refers
// to a file is known by its kind: meetings, reports and receipts name members (by id, with the
// date they joined), chapters (by id, and their founding date), branches (by id) and the
// settings. So when a change keeps every member id with its joined date, every chapter's
// founding date and the settings, the checks need only the settings, branches, chapters and
// members (loaded for planning anyway) plus the changed files. Any other change, or a HEAD
// without a certificate, is checked whole. Either way the tree that passes is certified, so the
// next write builds on a certified HEAD.
import { type FileRole, classify } from '../core/layout.js';
import type { Organisation } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import type { Chapter } from '../core/schema/chapter.js';
import type { Member } from '../core/schema/members.js';
import { ParseCache, gitBlobId } from './parseCache.js';
import { type ListedFile, atPath, listCommitBlobs, readBlobs } from '../io/gitListing.js';
import { gitSync } from '../io/gitRunner.js';
import { parseJob } from './parseWorker.js';
import { Loader, manifestOf } from './cachedLoad.js';
import { readFileData } from './fileData.js';
import { type DataListing, cacheDisabled, debug, filesOf, listData } from './listing.js';
import { type LoadResult, type ValidFile, linkFiles } from './load.js';
import { loadTree } from './open.js';
import { LEDGERS_AS_SUMS, type Scope } from './scope.js';

/** What plans read: settings, goals, branches, chapters and their members, decisions, accounts. */
const PLANNING_KINDS = new Set(['iops', 'goals', 'branch', 'chapter', 'members', 'decision', 'accounts']);
export const PLANNING: Scope = {
  wanted: (path) => {
    const c = classify(path);
    return !('role' in c) || PLANNING_KINDS.has(c.role.kind);
  },
};

export interface HeadTree {
  /** A file's bytes at HEAD, or undefined when HEAD has no such file. */
  bytes(path: string): Buffer | undefined;
  /** HEAD's settings, goals, branches, chapters and members, loaded and checked. */
  planning(): Promise<LoadResult>;
  /** The problems of HEAD with these files written (none: it may be committed). */
  check(changes: ReadonlyMap<string, Uint8Array>): Promise<Problem[]>;
  /**
   * HEAD's dues ledgers of these chapters, each valid on its own schema, in path order, from the
   * parse cache or git; undefined when one is not (or there is no cache): load the tree instead,
   * which locates the problem.
   */
  ledgers(chapters: ReadonlySet<string>): Promise<ValidFile[] | undefined>;
}

/** HEAD of the repository whose data folder is `root` (at `prefix` in its work tree). */
export async function openHead(root: string, head: string, prefix: string): Promise<HeadTree> {
  const listed = cacheDisabled(process.env) ? undefined : await listData(root, head);
  const listing = listed && (await filesOf(root, listed));
  // the listing is in path order: a file's blob id is found by bisection, without a Map of 155,000 paths
  const blobs = listing
    ? {
        get: (path: string) => {
          const f = listing.files[atPath(listing.files, path)];
          return f?.path === path ? f.blob : undefined;
        },
      }
    : await listCommitBlobs(root, head, prefix);
  const read = new Map<string, Buffer | undefined>();
  const plain: HeadTree = {
    bytes: (path) => {
      if (!read.has(path)) {
        const blob = blobs.get(path);
        read.set(path, blob === undefined ? undefined : gitSync(root, ['cat-file', 'blob', blob]));
      }
      return read.get(path);
    },
    planning: () => loadTree(root, head, { scope: PLANNING }),
    check: async (changes) => (await loadTree(root, head, { changes, scope: LEDGERS_AS_SUMS })).problems,
    ledgers: async () => undefined,
  };
  return listed && listing ? new CachedHead(root, listed, listing.files, plain) : plain;
}

class CachedHead implements HeadTree {
  private readonly cache: ParseCache;
  /** HEAD's planning files, valid on their own, by path. */
  private base: Map<string, ValidFile> | undefined;
  /** The last change checked passed with its own chapters alone (said in the debug output). */
  private alone = false;
  /** HEAD's organisation as planning loaded it (settings, goals, branches, chapters, members, decisions). */
  private planned: Organisation | undefined;

  constructor(
    private readonly root: string,
    listed: DataListing,
    private readonly files: ListedFile[],
    private readonly plain: HeadTree,
  ) {
    this.cache = ParseCache.open(listed.place.gitDir);
  }

  bytes(path: string): Buffer | undefined {
    return this.plain.bytes(path);
  }

  async planning(): Promise<LoadResult> {
    // a part of a tree that passed every check passes them too
    const checked = this.certified();
    const loader = new Loader(this.root, this.cache, true, new Map());
    const result = await loader.load(this.files, { scope: PLANNING, checked });
    this.cache.flush();
    if ('failed' in result) return this.plain.planning();
    this.base = new Map(result.valid.map((v) => [v.path, v]));
    this.planned = result.loaded.org;
    return result.loaded;
  }

  async ledgers(chapters: ReadonlySet<string>): Promise<ValidFile[] | undefined> {
    const wanted: { path: string; role: FileRole; blob: string }[] = [];
    for (const f of this.files) {
      const c = classify(f.path);
      if ('role' in c && c.role.kind === 'dues' && chapters.has(c.role.chapter!) && f.blob) wanted.push({ path: f.path, role: c.role, blob: f.blob });
    }
    const texts: (string | undefined)[] = wanted.map(() => undefined);
    this.cache.eachText(wanted.map((f) => ({ blob: f.blob, kind: 'dues' })), (i, text) => (texts[i] = text));
    const missing = wanted.flatMap((f, i) => (texts[i] === undefined ? [i] : []));
    const bytes = await readBlobs(this.root, missing.map((i) => wanted[i]!.blob));
    for (const [n, i] of missing.entries()) {
      const f = wanted[i]!;
      const parsed = parseJob({ path: f.path, role: f.role, blob: f.blob, bytes: bytes[n]! });
      if ('fail' in parsed) return undefined;
      this.cache.put(f.blob, 'dues', parsed.json, 'data', true);
      texts[i] = parsed.json;
    }
    this.cache.flush();
    return wanted.map((f, i) => ({ path: f.path, role: f.role, data: JSON.parse(texts[i]!) as unknown }));
  }

  private certifiedHead: boolean | undefined;
  private certified(): boolean {
    return (this.certifiedHead ??= this.cache.certified(manifestOf(this.dataFiles, true)));
  }

  /** HEAD's files that iops reads as data (what a manifest names). */
  private get dataFiles(): ListedFile[] {
    return (this.data ??= this.files.filter((f) => 'role' in classify(f.path)));
  }
  private data: ListedFile[] | undefined;

  async check(changes: ReadonlyMap<string, Uint8Array>): Promise<Problem[]> {
    const certified = this.base !== undefined && this.certified();
    const problems = certified ? this.checkChanges(changes) : undefined;
    if (!problems) {
      debug('write: the whole tree checked');
      return this.plain.check(changes); // certifies the tree when it passes (cachedLoad.ts)
    }
    debug(`write: ${changes.size} changed file${changes.size === 1 ? '' : 's'} checked against a certified HEAD${this.alone ? ': they pass with their own chapters' : ''}`);
    if (!problems.length) this.cache.certify(manifestOf(this.afterChanges(changes), true));
    return problems;
  }

  /** The changed files checked with HEAD's planning files; undefined when the change needs the whole tree checked. */
  private checkChanges(changes: ReadonlyMap<string, Uint8Array>): Problem[] | undefined {
    const files = new Map(this.base);
    for (const [path, bytes] of changes) {
      const c = classify(path);
      // a decision is named by chapters and the goals, and names meetings (not loaded for planning)
      if (!('role' in c) || c.role.kind === 'iops' || c.role.kind === 'goals' || c.role.kind === 'decision') return undefined;
      const parsed = parseJob({ path, role: c.role, bytes });
      // HEAD passed every check: the only problems a file can have on its own are the changed file's
      if ('fail' in parsed) {
        const own = readFileData(path, c.role, bytes).problems;
        return own.length ? own : undefined;
      }
      const data: unknown = JSON.parse(parsed.json);
      const before = files.get(path);
      if (before && !keepsWhatOthersUse(c.role, before.data, data)) return undefined;
      files.set(path, { path, role: c.role, data });
    }
    const focus = new Set(changes.keys());
    this.alone = this.passesAlone(files, changes, focus);
    if (this.alone) return [];
    const valid = [...files.values()].sort(byPath);
    // what can break is in the changed files: check those, with every member id for uniqueness
    const { problems } = linkFiles(valid, new Map(), { focus });
    if (!problems.length) return [];
    // locate them: parse the files they name (the changed ones, or a members list a new id clashes with)
    const located = new Map<string, NonNullable<ReturnType<typeof readFileData>['parsed']>>();
    for (const file of new Set(problems.map((p) => p.file))) {
      const c = classify(file);
      const bytes = changes.get(file) ?? this.bytes(file);
      const parsed = 'role' in c && bytes ? readFileData(file, c.role, bytes).parsed : undefined;
      if (parsed) located.set(file, parsed);
    }
    return linkFiles(valid, located, { focus }).problems;
  }

  /**
   * Whether the changed files pass their checks linked with the least that could satisfy them:
   * the settings, goals, branches and decisions, and the changed files' chapters (chapter.yaml
   * and members). A check on fewer records can only find more wrong (a name another chapter
   * defines reads as unknown), except where records must be unique across files: the changed
   * members lists' ids are looked up among HEAD's. False is not a verdict: the changed files are
   * then checked with every planning file (at five years, linking those costs 0.3 s).
   */
  private passesAlone(files: ReadonlyMap<string, ValidFile>, changes: ReadonlyMap<string, Uint8Array>, focus: ReadonlySet<string>): boolean {
    const chapters = new Set<string>();
    for (const path of changes.keys()) {
      const chapter = files.get(path)?.role.chapter;
      if (chapter === undefined) return false; // a branch, a treasury year: named by chapters
      chapters.add(chapter);
    }
    const part = [...files.values()].filter((f) => (f.role.chapter === undefined ? ALONE_KINDS.has(f.role.kind) : chapters.has(f.role.chapter))).sort(byPath);
    for (const path of changes.keys()) {
      const f = files.get(path)!;
      if (f.role.kind !== 'members') continue;
      for (const m of f.data as Member[]) {
        const other = this.planned?.memberById.get(m.id);
        if (!this.planned || (other && other.file !== path)) return false;
      }
    }
    return linkFiles(part, new Map(), { focus }).problems.length === 0;
  }

  private afterChanges(changes: ReadonlyMap<string, Uint8Array>): ListedFile[] {
    const out = [...this.dataFiles];
    for (const [path, bytes] of changes) {
      const at = atPath(out, path);
      const file = { path, blob: gitBlobId(bytes) };
      if (out[at]?.path === path) out[at] = file;
      else out.splice(at, 0, file);
    }
    return out;
  }
}

/** Files without a chapter that a chapter's own checks may name: the settings, goals, branches and decisions. */
const ALONE_KINDS = new Set(['iops', 'goals', 'branch', 'decision']);

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);


/**
 * Whether a changed file keeps what other files' checks use of it: every member id with the
 * date it joined (attendees and receipts name members; an attendee must have joined by the
 * meeting), and a chapter's founding date (nothing of the chapter may be dated before it).
 * Branches are named by their file's name; meetings, reports and receipts are named by nothing.
 */
export function keepsWhatOthersUse(role: FileRole, before: unknown, after: unknown): boolean {
  switch (role.kind) {
    case 'members': {
      const joined = new Map((after as Member[]).map((m) => [m.id, m.joined]));
      return (before as Member[]).every((m) => joined.get(m.id) === m.joined);
    }
    case 'chapter':
      return (before as Chapter).founded === (after as Chapter).founded;
    case 'branch':
    case 'meeting':
    case 'report':
    case 'dues':
    case 'treasury':
      return true;
    default:
      return false;
  }
}
