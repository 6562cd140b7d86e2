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
//
// A tree is certified in one of two ways: its manifest (every data file's path and blob id, as a
// load lists them), or, once committed by a write or found valid by a reader on a clean working
// tree, the id git gives the data folder's tree, kept with its planning files. A write on such
// a HEAD reads those and asks git only for the files the change reads, instead of listing and
// classifying every file of HEAD.
import { type FileRole, classify } from '../core/layout.js';
import type { Organisation } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import type { Chapter } from '../core/schema/chapter.js';
import type { Member } from '../core/schema/members.js';
import { paths } from '../core/paths.js';
import { EnvironmentError } from '../errors.js';
import { ParseCache, gitBlobId } from './parseCache.js';
import { type ListedFile, atPath, listCommitBlobs, readBlobs, treeFiles } from '../io/gitListing.js';
import { gitOutput, gitSync } from '../io/gitRunner.js';
import { ResultStore } from './results.js';
import { MemberIndex, type MemberIds } from './memberIndex.js';
import { parseJob } from './parseWorker.js';
import { Loader, manifestOf } from './cachedLoad.js';
import { readFileData } from './fileData.js';
import { cacheDisabled, debug, filesOf, listData } from './listing.js';
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

/** A data file planning reads (what a kept tree lists). */
const planningFile = (path: string) => {
  const c = classify(path);
  return 'role' in c && PLANNING_KINDS.has(c.role.kind);
};

export interface HeadTree {
  /** A file's bytes at HEAD, or undefined when HEAD has no such file. */
  bytes(path: string): Buffer | undefined;
  /** HEAD's settings, goals, branches, chapters and members, loaded and checked. */
  planning(): Promise<LoadResult>;
  /**
   * As planning, for a plan that reads only the chapters and members it names: when HEAD's tree
   * is kept with its member index, the files of those chapters (and of the named members'
   * chapters) with the settings, goals, branches, decisions and accounts; otherwise every
   * planning file. A name that is not HEAD's (a typo) loads every planning file too, so the
   * plan's error and its "did you mean" are the same either way.
   */
  planningFor(names: Names): Promise<LoadResult>;
  /** Every member id at HEAD with its chapter (after planning): the kept index, else undefined (use the organisation). */
  memberIds(): MemberIds | undefined;
  /** The problems of HEAD with these files written (none: it may be committed). */
  check(changes: ReadonlyMap<string, Uint8Array>): Promise<Problem[]>;
  /** The change last checked, which passed, is now this commit (said so the next write can build on it), with this data folder tree when known. */
  committed(commit: string, tree?: string): Promise<void>;
  /**
   * HEAD's dues ledgers of these chapters, each valid on its own schema, in path order, from the
   * parse cache or git; undefined when one is not (or there is no cache): load the tree instead,
   * which locates the problem.
   */
  ledgers(chapters: ReadonlySet<string>): Promise<ValidFile[] | undefined>;
}

/** What a plan names: chapter ids and member ids, as the user typed them. */
export interface Names {
  chapters?: readonly string[];
  members?: readonly string[];
}

/** HEAD of the repository whose data folder is `root` (at `prefix` in its work tree, its git folder `gitDir`). */
export async function openHead(root: string, head: string, { gitDir, prefix, tree: known }: { gitDir: string; prefix: string; tree?: string }): Promise<HeadTree> {
  const place = cacheDisabled(process.env) ? undefined : { gitDir, prefix };
  // the data folder's tree at HEAD names every file in it: a tree that passed every check was kept with its planning files
  const tree = place && (known ?? (await dataTree(root, head, prefix).catch(() => undefined)));
  const heads = place && certifiedHeads(place.gitDir);
  let kept = tree && heads ? keptPlanning(heads.get(tree)) : undefined;
  if (place && tree && heads && !kept && (await keepFromAncestor(root, head, { ...place, tree, heads }))) kept = keptPlanning(heads.get(tree));
  if (place && tree && heads && kept) {
    debug(`write: HEAD's tree was checked before (${kept.files.length} planning files kept${kept.members ? ', with its member index' : ''}); git lists only what the change reads`);
    return new CachedHead(root, place.gitDir, { head, prefix, tree, heads, planning: kept.files, members: kept.members });
  }
  const listed = place && (await listData(root, head));
  const listing = listed && (await filesOf(root, listed));
  // the listing is in path order: a file's blob id is found by bisection, without a Map of 155,000 paths
  const blobs = listing ? { get: (path: string) => blobIn(listing.files, path) } : await listCommitBlobs(root, head, prefix);
  const plain = plainHead(root, head, blobs);
  return place && listing ? new CachedHead(root, place.gitDir, { head, prefix, tree, heads, all: listing.files }, plain) : plain;
}

/**
 * A reader found the data valid, read from a clean working tree at this commit (load/byChapter.ts):
 * keep the commit's tree as checked, with its planning files, so that the next write (after a
 * `git pull`, say) need not list and check HEAD whole; and with its member index when the reader
 * loaded every chapter, so that the write plans on the chapters it names. Once per tree; never
 * fails the reader.
 */
export async function keepValidHead(root: string, place: { gitDir: string; prefix: string }, commit: string, files: readonly ListedFile[], members?: MemberIndex): Promise<void> {
  try {
    const tree = await dataTree(root, commit, place.prefix);
    const heads = certifiedHeads(place.gitDir);
    if (heads.has(tree)) return;
    // meetings, reports and ledgers are most of the files, and none is a planning file
    const planning = files.filter((f) => !BULK.test(f.path) && planningFile(f.path));
    if (planning.some((f) => f.blob === undefined)) return;
    heads.put(tree, keptText(planning, members));
    debug('the data is valid at HEAD: its tree is kept as checked for the next write');
  } catch (e) {
    debug(`HEAD's tree is not kept (${String(e)})`);
  }
}

const BULK = /^chapters\/[^/]+\/(?:meetings|reports|dues)\//;

/** First-parent commits before HEAD looked at for a kept tree (a pull, a few commits by hand). */
const ANCESTORS = 20;
/** More changed files than this since the kept tree: HEAD is listed and checked whole instead (it costs as much). */
const MAX_CHANGED = 2000;

/**
 * HEAD's tree is not kept, but a recent first-parent ancestor's is (a `git pull` or a commit by
 * hand after a write): HEAD is that tree with the files changed since, so it is checked as a
 * write's change is (the changed files with the chapters they are in), and its tree kept when it
 * passes. False when there is no such ancestor, when the difference removes a file or holds
 * anything but plain data files (a change no write makes), when it is large, or when HEAD does
 * not pass: HEAD is then listed and checked whole, which also locates its problems.
 */
async function keepFromAncestor(root: string, head: string, at: { gitDir: string; prefix: string; tree: string; heads: ResultStore }): Promise<boolean> {
  try {
    const commits = (await gitOutput(root, ['rev-list', '--first-parent', `--max-count=${ANCESTORS + 1}`, head])).toString('utf8').split('\n').filter(Boolean).slice(1);
    if (!commits.length) return false;
    const trees = (await gitOutput(root, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], commits.map((c) => `${c}:${at.prefix}\n`).join(''))).toString('utf8').split('\n');
    const back = trees.findIndex((t) => t.endsWith(' tree') && at.heads.has(t.split(' ')[0]!));
    const base = back < 0 ? undefined : trees[back]!.split(' ')[0]!;
    const kept = base ? keptPlanning(at.heads.get(base)) : undefined;
    if (!base || !kept) return false;
    const changed = await treeDiff(root, base, at.tree);
    for (const { path, mode, status } of changed) if ((status !== 'M' && status !== 'A') || (mode !== '100644' && mode !== '100755') || 'problem' in classify(path)) return false;
    if (changed.length > MAX_CHANGED) return false;
    const bytes = await readBlobs(root, changed.map((f) => f.blob));
    const changes = new Map(changed.map((f, i) => [f.path, bytes[i]!]));
    const chapters = new Set<string>();
    for (const f of changed) {
      const chapter = (classify(f.path) as { role: FileRole }).role.chapter;
      if (chapter !== undefined) chapters.add(chapter);
    }
    const what = changed.length ? `the ${changed.length} data file${changed.length === 1 ? '' : 's'} changed since, checked as a change to it` : 'no data file changed since';
    debug(`write: HEAD's tree is not kept, the tree ${back + 1} commit${back ? 's' : ''} before it is: ${what}`);
    const since = new CachedHead(root, at.gitDir, { head, prefix: at.prefix, tree: base, heads: at.heads, planning: kept.files, members: kept.members });
    if (!(await since.planningFor({ chapters: [...chapters] })).org || (await since.check(changes)).length) return false;
    await since.committed(head);
    return at.heads.has(at.tree);
  } catch (e) {
    debug(`write: HEAD's tree not checked from a kept tree (${String(e)})`);
    return false;
  }
}

/** The id of the data folder's tree at a commit. */
const dataTree = async (root: string, commit: string, prefix: string) => (await gitOutput(root, ['rev-parse', '--verify', '-q', `${commit}:${prefix}`])).toString('utf8').trim();

/**
 * The files that differ between two trees (`git diff-tree`), each with its mode, blob id and
 * status (A, M, D, T) in the second; not the files iops never reads (a README, .github/): they
 * make no data invalid.
 */
async function treeDiff(root: string, from: string, to: string): Promise<{ path: string; mode: string; blob: string; status: string }[]> {
  const diff = (await gitOutput(root, ['diff-tree', '-r', '-z', '--no-renames', from, to])).toString('utf8').split('\0');
  const out: { path: string; mode: string; blob: string; status: string }[] = [];
  for (let i = 0; i + 1 < diff.length; i += 2) {
    const [, mode, , blob, status] = diff[i]!.split(' ');
    const path = diff[i + 1]!;
    if (!('ignore' in classify(path))) out.push({ path, mode: mode!, blob: blob!, status: status! });
  }
  return out;
}

/** Where the trees that passed every check are kept, by the data folder's tree id: their planning files, a few trees. */
const certifiedHeads = (gitDir: string) => new ResultStore(gitDir, 'heads', 4);

/**
 * Planning files (each a data file, its blob id known), one `blob path` a line, in path order;
 * then, when known, an empty line and the tree's member index (memberIndex.ts).
 */
const keptText = (files: readonly ListedFile[], members?: MemberIndex) => files.map((f) => `${f.blob} ${f.path}\n`).join('') + (members ? `\n${members}` : '');

/**
 * Planning files and member index as kept (keptText), or undefined when not kept or not
 * readable as such. The record is iops's own and checksummed (results.ts); the load classifies
 * each path again.
 */
function keptPlanning(text: string | undefined): { files: ListedFile[]; members?: MemberIndex } | undefined {
  if (text === undefined) return undefined;
  const files: ListedFile[] = [];
  let at = 0;
  while (at < text.length && text[at] !== '\n') {
    const space = text.indexOf(' ', at);
    const end = text.indexOf('\n', at);
    if (space < 0 || end < space) return undefined;
    files.push({ blob: text.slice(at, space), path: text.slice(space + 1, end) });
    at = end + 1;
  }
  if (!files.some((f) => f.path === 'iops.yaml')) return undefined;
  const members = at < text.length ? MemberIndex.read(text.slice(at + 1)) : undefined;
  return members ? { files, members } : { files };
}

const blobIn = (files: readonly ListedFile[], path: string) => {
  const f = files[atPath(files, path)];
  return f?.path === path ? f.blob : undefined;
};

/** HEAD read and checked whole, without the parse cache's help (or when it cannot help). */
function plainHead(root: string, head: string, blobs: { get(path: string): string | undefined }): HeadTree {
  const read = new Map<string, Buffer | undefined>();
  return {
    bytes: (path) => {
      if (!read.has(path)) {
        const blob = blobs.get(path);
        read.set(path, blob === undefined ? undefined : gitSync(root, ['cat-file', 'blob', blob]));
      }
      return read.get(path);
    },
    planning: () => loadTree(root, head, { scope: PLANNING }),
    planningFor: () => loadTree(root, head, { scope: PLANNING }),
    memberIds: () => undefined,
    check: async (changes) => (await loadTree(root, head, { changes, scope: LEDGERS_AS_SUMS })).problems,
    ledgers: async () => undefined,
    committed: async () => undefined,
  };
}

/**
 * HEAD's files as the write knows them: every file (git listed the tree), or, for a tree kept as
 * certified, its planning files, the rest looked up in git path by path when a change reads them.
 */
type HeadFiles = {
  head: string;
  prefix: string;
  /** The data folder's tree id at HEAD. */
  tree: string | undefined;
  heads: ResultStore | undefined;
} & ({ all: ListedFile[] } | { planning: ListedFile[]; members?: MemberIndex | undefined });

class CachedHead implements HeadTree {
  private readonly cache: ParseCache;
  /** HEAD's planning files, valid on their own, by path. */
  private base: Map<string, ValidFile> | undefined;
  /** The last change checked passed with its own chapters alone (said in the debug output). */
  private alone = false;
  /** HEAD's organisation as planning loaded it (settings, goals, branches, chapters, members, decisions). */
  private planned: Organisation | undefined;
  /** Planning loaded only these chapters' files (planningFor): `base` and `planned` hold no others. */
  private narrow: ReadonlySet<string> | undefined;
  /** The changes last checked, when they passed: the tree they make is certified once committed. */
  private passed: ReadonlyMap<string, Uint8Array> | undefined;
  private readonly read = new Map<string, Buffer | undefined>();

  constructor(
    private readonly root: string,
    gitDir: string,
    private readonly files: HeadFiles,
    /** HEAD read and checked whole (the fallback): with the listing, when git listed every file. */
    private readonly plain?: HeadTree,
  ) {
    this.cache = ParseCache.open(gitDir);
  }

  bytes(path: string): Buffer | undefined {
    if (this.plain) return this.plain.bytes(path);
    if (!this.read.has(path)) {
      const blob = ('planning' in this.files ? blobIn(this.files.planning, path) : undefined) ?? blobIn(this.lookUp([path]), path);
      this.read.set(path, blob === undefined ? undefined : gitSync(this.root, ['cat-file', 'blob', blob]));
    }
    return this.read.get(path);
  }

  /** These paths' (or folders') files at HEAD, from git, in path order. */
  private lookUp(paths: readonly string[]): ListedFile[] {
    const files = treeFiles(gitSync(this.root, ['ls-tree', '--full-tree', '-r', '-z', this.files.tree!, '--', ...paths]));
    if (!Array.isArray(files)) throw new EnvironmentError(`git lists ${files.unsupported} at HEAD; iops reads only plain files`);
    return files;
  }

  /** The files planning reads (settings, goals, branches, chapters, members, decisions, accounts), as listed. */
  private get planningFiles(): ListedFile[] {
    return (this.planningListed ??= 'planning' in this.files ? this.files.planning : this.files.all.filter((f) => PLANNING.wanted!(f.path)));
  }
  private planningListed: ListedFile[] | undefined;

  async planning(): Promise<LoadResult> {
    // a part of a tree that passed every check passes them too
    const checked = this.certified();
    const loader = new Loader(this.root, this.cache, true, new Map());
    const result = await loader.load(this.planningFiles, { scope: PLANNING, checked });
    this.cache.flush();
    this.narrow = undefined;
    if ('failed' in result) {
      this.base = this.planned = undefined;
      return (this.plain ?? this.whole()).planning();
    }
    this.base = new Map(result.valid.map((v) => [v.path, v]));
    this.planned = result.loaded.org;
    return result.loaded;
  }

  async planningFor(names: Names): Promise<LoadResult> {
    const chapters = this.namedChapters(names);
    if (!chapters || !('planning' in this.files)) return this.planning();
    // a tree kept as certified passes every check, and so does any part of it: linked, not checked
    const part = this.files.planning.filter((f) => {
      const c = classify(f.path);
      return 'role' in c && ((c.role.kind !== 'chapter' && c.role.kind !== 'members') || chapters.has(c.role.chapter!));
    });
    const loader = new Loader(this.root, this.cache, true, new Map());
    const result = await loader.load(part, { scope: PLANNING, checked: true });
    this.cache.flush();
    if ('failed' in result) return this.planning();
    debug(`write: planned on ${part.length} of HEAD's ${this.files.planning.length} planning files (the chapters named: ${[...chapters].join(', ')})`);
    this.base = new Map(result.valid.map((v) => [v.path, v]));
    this.planned = result.loaded.org;
    this.narrow = chapters;
    return result.loaded;
  }

  /** The chapters a plan's names need (those named, and the named members'), or undefined when one is not HEAD's or there is no member index. */
  private namedChapters(names: Names): Set<string> | undefined {
    if (!('planning' in this.files) || !this.files.members) return undefined;
    const index = this.files.members;
    const chapters = new Set<string>();
    for (const c of names.chapters ?? []) {
      if (blobIn(this.files.planning, `chapters/${c}/chapter.yaml`) === undefined) return undefined;
      chapters.add(c);
    }
    for (const id of names.members ?? []) {
      const chapter = index.chapterOf(id);
      if (chapter === undefined) return undefined;
      chapters.add(chapter);
    }
    return chapters;
  }

  memberIds(): MemberIds | undefined {
    return 'planning' in this.files ? this.files.members : undefined;
  }

  /** HEAD listed whole, for what the kept planning files cannot answer (a change the changed files alone cannot be checked for). */
  private whole(): HeadTree {
    return plainHead(this.root, this.files.head, { get: (path) => blobIn(this.lookUp([path]), path) });
  }

  async ledgers(chapters: ReadonlySet<string>): Promise<ValidFile[] | undefined> {
    const wanted: { path: string; role: FileRole; blob: string }[] = [];
    const listed = 'all' in this.files ? this.files.all : chapters.size ? this.lookUp([...chapters].map((c) => `chapters/${c}/dues`)) : [];
    for (const f of listed) {
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
  /** Whether HEAD passed every check: kept as such by its tree, or its manifest certified by a load (cachedLoad.ts). */
  private certified(): boolean {
    return (this.certifiedHead ??= 'planning' in this.files || this.cache.certified(manifestOf(this.dataFiles, true)));
  }

  /** HEAD's files that iops reads as data (what a manifest names). */
  private get dataFiles(): ListedFile[] {
    return (this.data ??= 'all' in this.files ? this.files.all.filter((f) => 'role' in classify(f.path)) : []);
  }
  private data: ListedFile[] | undefined;

  async check(changes: ReadonlyMap<string, Uint8Array>): Promise<Problem[]> {
    this.passed = undefined;
    const certified = this.base !== undefined && this.certified();
    let problems = certified ? this.checkChanges(changes) : undefined;
    if (problems === EVERY_PLANNING_FILE) {
      debug('write: the change does not pass with the chapters it names alone; every planning file loaded');
      await this.planning();
      problems = this.base !== undefined ? this.checkChanges(changes) : undefined;
    }
    if (!problems || problems === EVERY_PLANNING_FILE) {
      debug('write: the whole tree checked');
      const whole = await (this.plain ?? this.whole()).check(changes); // certifies the tree when it passes (cachedLoad.ts)
      if (!whole.length) this.passed = changes;
      return whole;
    }
    debug(`write: ${changes.size} changed file${changes.size === 1 ? '' : 's'} checked against a certified HEAD${this.alone ? `: they pass with ${this.narrow ? 'the chapters named' : 'their own chapters'}` : ''}`);
    if (!problems.length) {
      this.passed = changes;
      if ('all' in this.files) this.cache.certify(manifestOf(this.afterChanges(changes), true));
    }
    return problems;
  }

  /**
   * The change, checked and passed, is now the commit: keep its data tree as certified, with its
   * planning files, for the next write. Only when git committed exactly the files checked (a hook
   * may have changed others): the commit's tree differs from HEAD's in those files, with those
   * bytes. Never fails the write: a tree not kept is only listed whole next time.
   */
  async committed(commit: string, known?: string): Promise<void> {
    const changes = this.passed;
    const { tree, heads, prefix } = this.files;
    if (!changes || !tree || !heads) return;
    try {
      const after = known ?? (await dataTree(this.root, commit, prefix));
      const committed = new Map((await treeDiff(this.root, tree, after)).map((f) => [f.path, f.blob]));
      const exact = committed.size === changes.size && [...changes].every(([path, bytes]) => committed.get(path) === gitBlobId(bytes, tree.length === 64 ? 'sha256' : 'sha1'));
      if (!exact) return void debug('write: the commit is not exactly the change checked; its tree is not kept');
      // a copy, the changes spliced in (a kept list holds planning files only; a listing's planning part also the files iops ignores)
      const planning = 'planning' in this.files ? [...this.files.planning] : this.planningFiles.filter((f) => planningFile(f.path));
      for (const path of changes.keys()) {
        if (!planningFile(path)) continue;
        const at = atPath(planning, path);
        const file = { path, blob: committed.get(path)! };
        if (planning[at]?.path === path) planning[at] = file;
        else planning.splice(at, 0, file);
      }
      heads.put(after, keptText(planning, this.membersAfter(changes)));
    } catch (e) {
      debug(`write: the commit's tree is not kept (${String(e)})`);
    }
  }

  /**
   * The member index of the tree committed: HEAD's (kept, or made from every member planning
   * loaded) with the changed members lists' ids; undefined when HEAD's is not known.
   */
  private membersAfter(changes: ReadonlyMap<string, Uint8Array>): MemberIndex | undefined {
    let index = 'planning' in this.files && this.files.members ? this.files.members : this.planned && !this.narrow ? MemberIndex.of(this.planned.chapters) : undefined;
    for (const [path, bytes] of changes) {
      const c = classify(path);
      if (!index || !('role' in c) || c.role.kind !== 'members') continue;
      const parsed = parseJob({ path, role: c.role, bytes });
      index = 'fail' in parsed ? undefined : index.withChapter(c.role.chapter!, (JSON.parse(parsed.json) as Member[]).map((m) => m.id));
    }
    return index;
  }

  /**
   * The changed files checked with HEAD's planning files; undefined when the change needs the
   * whole tree checked; EVERY_PLANNING_FILE when planning loaded only the chapters named and
   * they cannot tell (a part can tell that the change passes, not that it fails).
   */
  private checkChanges(changes: ReadonlyMap<string, Uint8Array>): Problem[] | typeof EVERY_PLANNING_FILE | undefined {
    const files = new Map(this.base);
    for (const [path, bytes] of changes) {
      const c = classify(path);
      // a decision is named by chapters and the goals, and names meetings (not loaded for planning)
      if (!('role' in c) || c.role.kind === 'iops' || c.role.kind === 'goals' || c.role.kind === 'decision') return undefined;
      // what the change replaces must be loaded, to tell whether it keeps what others use of it
      if (this.narrow && c.role.chapter !== undefined && !this.narrow.has(c.role.chapter)) return EVERY_PLANNING_FILE;
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
    if (this.narrow) return EVERY_PLANNING_FILE;
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
   * and members), or, when planning loaded only the chapters named, those. A check on fewer
   * records can only find more wrong (a name another chapter defines reads as unknown), except
   * where records must be unique across files: the changed members lists' ids are looked up
   * among HEAD's (in the member index when planning loaded only the chapters named). False is
   * not a verdict: the changed files are then checked with every planning file (at five years,
   * linking those costs 0.3 s).
   */
  private passesAlone(files: ReadonlyMap<string, ValidFile>, changes: ReadonlyMap<string, Uint8Array>, focus: ReadonlySet<string>): boolean {
    const chapters = new Set<string>();
    for (const path of changes.keys()) {
      const chapter = files.get(path)?.role.chapter;
      if (chapter === undefined) return false; // a branch, a treasury year: named by chapters
      chapters.add(chapter);
    }
    const own = (f: ValidFile) => (f.role.chapter === undefined ? ALONE_KINDS.has(f.role.kind) : chapters.has(f.role.chapter));
    const part = [...files.values()].filter((f) => this.narrow !== undefined || own(f)).sort(byPath);
    const index = this.narrow ? this.memberIds() : undefined;
    const fileOf = (id: string) => {
      if (!index) return this.planned?.memberById.get(id)?.file;
      const chapter = index.chapterOf(id);
      return chapter === undefined ? undefined : paths.members(chapter);
    };
    for (const path of changes.keys()) {
      const f = files.get(path)!;
      if (f.role.kind !== 'members') continue;
      for (const m of f.data as Member[]) {
        const other = fileOf(m.id);
        if (!this.planned || (other && other !== path)) return false;
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

/** checkChanges's answer when planning loaded only the chapters named and they cannot tell. */
const EVERY_PLANNING_FILE = 'every planning file';

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
