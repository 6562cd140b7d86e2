// A result worked out chapter by chapter, with the parts of chapters an edit did not touch kept
// from the last run. Readiness is a sum over chapters (core/metrics/metric.ts ByChapter, core/
// readiness.ts ChapterReadiness): after a whole load, each chapter's part is kept with the files
// the part read outside the chapter's folder (joint meetings held by other chapters, members who
// moved in, a delegate listed elsewhere) and the list of every file and its blob id. The next run
// compares that list with git's: a chapter is worked out again when a file in its folder
// changed, a file its part read changed, or a changed file names it (a joint meeting, a move).
// Those chapters are loaded with the settings, goals, branches and decisions; every other
// chapter's part is the one kept.
//
// The tree the kept parts came from passed every check. The changed files are checked against
// it the way a write's are (load/headTree.ts): with `focus` on them, in the part loaded, with
// their member ids looked up among every member's. Anything the part cannot vouch for (a file
// outside the chapters changed, a chapter added or removed, a file removed, a member id or
// joined date or founding date changed, a check that fails, too many chapters touched) loads
// the whole repository instead, which also reports any problem the usual way. Either way the
// result is the one the whole organisation gives: tests/scale/cache.test.ts compares them.
import { classify } from '../core/layout.js';
import { chapterFolderOf } from '../core/paths.js';
import type { ChapterRecord, Organisation } from '../core/model.js';
import type { Meeting } from '../core/schema/meeting.js';
import type { Member } from '../core/schema/members.js';
import { type ListedFile, atPath } from '../io/gitListing.js';
import { type DataLocation, findDataRoot } from '../io/repo.js';
import { rememberHeadInfo } from '../io/git.js';
import { CROSS_FILE, Loader } from './cachedLoad.js';
import { keepValidHead, keepsWhatOthersUse } from './headTree.js';
import { MemberIndex } from './memberIndex.js';
import { type DataListing, debug, filesOf, resultsDisabled } from './listing.js';
import { type OpenedRepository, openRepository } from './open.js';
import { ParseCache } from './parseCache.js';
import { RememberedProtections } from './protections.js';
import { type ResultStore, keptKey, keptParts } from './results.js';
import { type Kept, type KeptChapter, type KeptRead, MOST_CHANGED, changedFiles, indexId, keptText, readKept, sinceListed } from './keptList.js';
import { LEDGERS_AS_SUMS } from './scope.js';

export interface ChapterWork<P> {
  /** The command, and its inputs besides the files (where its kept parts are filed). */
  name: string;
  inputs: unknown;
  /**
   * From the organisation (or the part of it an edit touched, with every file outside the
   * chapters): what the parts depend on besides the files (the as-of day, the goal chosen), and
   * how one chapter's part is worked out. May throw a UsageError, as on the whole organisation.
   */
  prepare(org: Organisation, loaded: OpenedRepository): Prepared<P> | Promise<Prepared<P>>;
  /** The load reads the files' flags (validate's warnings: load/scope.ts): `loaded` then carries them, for the files it loaded. */
  warnings?: boolean;
  /**
   * What the command reads besides the chapters an edit touched, when only those are loaded:
   * whole chapter folders, with the files their figures read elsewhere, and any file whose
   * path `matches`. (Readiness needs nothing more; a chapter's report, its chapter.)
   */
  also?: { chapters: readonly string[]; matches?(path: string): boolean };
}

interface Prepared<P> {
  key: string;
  part(org: Organisation, chapter: ChapterRecord): P;
}

export interface ByChapterResult<P> {
  /** The whole organisation, or the part loaded: use it for the settings, goals, branches and decisions only. */
  org: Organisation;
  /** Every chapter's part, in chapter (id) order. */
  parts: P[];
  /** Read from exactly the files listed (memo.ts may remember a result of it). */
  asListed: boolean;
  /** How many files there are (data or not), as listed. */
  files: number;
}

/**
 * Until more files than this changed since the parts were kept, they are not written again: a
 * run works out again every chapter touched since, a few more each edit, which costs less than
 * writing what is kept (about 0.1 s at five years).
 */
const REWRITE_AFTER = 16;

/**
 * The organisation and every chapter's part. Loaded whole, it may have problems: `invalid` then
 * holds them (readiness reports them; a chapter's report loads its own part instead, which
 * may have none).
 */
export async function openByChapter<P>(
  location: DataLocation,
  opts: { at?: string | undefined; listed?: DataListing | undefined; kept?: Promise<KeptRead | undefined> | undefined },
  work: ChapterWork<P>,
): Promise<ByChapterResult<P> | { invalid: OpenedRepository }> {
  const root = findDataRoot(location);
  const listed = opts.at === undefined && !resultsDisabled(process.env) ? opts.listed : undefined;
  const store = listed && keptParts(listed.place.gitDir);
  const storeKey = keptKey(work.name, work.inputs, root);
  if (listed && store) {
    const view = 'workTree' in listed.view ? listed.view.workTree : undefined;
    const read = (await opts.kept) ?? (await readKept(store, storeKey, view && Promise.resolve(indexId(view.index)), view?.indexed));
    const quick = await fromKept(root, listed, read as KeptRead<P> | undefined, store, storeKey, work);
    if (quick) return quick;
  }
  const repo = await openRepository(location, { at: opts.at, scope: work.warnings ? { ...LEDGERS_AS_SUMS, warnings: true } : LEDGERS_AS_SUMS, listed: opts.listed });
  if (!repo.org) return { invalid: repo };
  const org = repo.org;
  const prepared = await work.prepare(org, repo);
  const parts = org.chapters.map((c) => prepared.part(org, c));
  // a path holding a line break (git allows one) would break the kept list's lines
  if (store && repo.asListed && repo.listedFiles?.every((f) => f.blob !== undefined && !f.path.includes('\n'))) {
    const kept: Kept<P> = { key: prepared.key, chapters: org.chapters.map((c, i) => keptChapter(org, c, parts[i]!)) };
    store.put(storeKey, keptText(kept, repo.listedFiles, await indexOf(listed)));
    debug(`${work.name}: every chapter worked out, their parts kept`);
    // read from a clean working tree, the data valid: the commit's tree is, for the next write
    if (listed && repo.head?.commit && !repo.head.dirty) await keepValidHead(root, listed.place, repo.head.commit, repo.listedFiles, MemberIndex.of(org.chapters));
  }
  return { org, parts, asListed: repo.asListed === true, files: repo.files.length };
}

/** git's index and its files, as listed: the kept list is kept with how it differs from them (keptList.ts). */
const indexOf = async (listed: DataListing | undefined) =>
  listed && 'workTree' in listed.view ? { raw: listed.view.workTree.index, files: await listed.view.workTree.indexed() } : undefined;

/** The parts after an edit: those of the chapters it touched worked out again, the rest as kept; undefined when the whole must be loaded. */
async function fromKept<P>(root: string, listed: DataListing, read: KeptRead<P> | undefined, store: ResultStore, storeKey: string, work: ChapterWork<P>): Promise<ByChapterResult<P> | undefined> {
  if (read === undefined) return void debug(`${work.name}: no chapters' parts kept yet`);
  const whole = (why: string) => void debug(`${work.name}: every chapter worked out: ${why}`);
  const listing = await filesOf(root, listed);
  if (!listing) return undefined;
  const { kept } = read;
  const index = read.index && (await indexOf(listed))?.files;
  const changed = (Array.isArray(index) && sinceListed(index, read.index!.changed, listing.files)) || changedFiles(read.text, read.list, listing.files);
  if (changed === undefined) return whole('the files are not as kept');
  if (changed.length > MOST_CHANGED) return whole(`${changed.length} files changed`);

  const touched = new Set<string>();
  const focus = new Set<string>();
  for (const f of changed) {
    const c = classify(f.path);
    if ('ignore' in c) continue;
    if ('problem' in c) return whole(`${f.path}: ${c.problem}`);
    const { kind, chapter } = c.role;
    if (chapter === undefined || kind === 'decision') return whole(`${f.path} changed`);
    if (f.after === undefined) return whole(`${f.path} was removed`);
    if (f.before === undefined && (kind === 'chapter' || kind === 'members')) return whole(`${f.path} was added`);
    touched.add(chapter);
    focus.add(f.path);
  }
  const byDep = new Map<string, string[]>();
  for (const c of kept.chapters) for (const d of c.deps) (byDep.get(d) ?? byDep.set(d, []).get(d)!).push(c.id);
  for (const path of focus) for (const id of byDep.get(path) ?? []) touched.add(id);

  const cache = ParseCache.open(listed.place.gitDir);
  try {
    const loader = new Loader(root, cache, false, new Map());
    // the changed files first: what they name touches more chapters
    const first = await loader.load(pick(listing.files, [], [...focus]), { scope: PART, checked: true });
    if ('failed' in first) return whole(first.failed ?? 'a file could not be read');
    const membersNamed = new Set<string>();
    const keptOf = new Map(kept.chapters.map((k) => [k.id, k]));
    let otherIds: Set<string> | undefined;
    for (const v of first.valid) {
      if (!focus.has(v.path)) continue;
      const chapter = keptOf.get(v.role.chapter!);
      const before = changed.find((f) => f.path === v.path)!.before;
      if (before !== undefined && (v.role.kind === 'members' || v.role.kind === 'chapter')) {
        // what other files' checks use of it, as kept
        if (!chapter) return whole(`chapter ${v.role.chapter} is new`);
        if (!keepsWhatOthersUse(v.role, v.role.kind === 'chapter' ? { founded: chapter.founded ?? undefined } : pairs(chapter.members), v.data)) return whole(`${v.path} changed what other files use of it`);
      }
      if (v.role.kind === 'meeting')
        for (const id of (v.data as Meeting).joint_with) {
          touched.add(id);
          membersNamed.add(id); // its attendees may be that chapter's members
        }
      if (v.role.kind === 'members') {
        const was = new Set(pairs(chapter?.members ?? '').map((m) => m.id));
        for (const m of v.data as Member[]) {
          for (const h of m.moved_from ?? []) touched.add(h.chapter);
          if (was.has(m.id)) continue;
          otherIds ??= new Set(kept.chapters.flatMap((k) => (k === chapter ? [] : pairs(k.members).map((p) => p.id))));
          if (otherIds.has(m.id)) return whole(`member id ${m.id} in ${v.path} is used in another chapter`);
        }
      }
    }
    if (touched.size > Math.max(16, kept.chapters.length / 4)) return whole(`${touched.size} chapters touched`);

    // the chapters touched, what their parts read elsewhere, and the chapter.yaml of every chapter in the part
    const wanted = new Set<string>();
    for (const c of kept.chapters) if (touched.has(c.id)) for (const d of c.deps) wanted.add(d);
    for (const p of focus) wanted.add(p);
    const also = work.also?.chapters ?? [];
    for (const c of kept.chapters) if (also.includes(c.id)) for (const d of c.deps) wanted.add(d);
    for (const id of membersNamed) wanted.add(`chapters/${id}/members.yaml`);
    const inPart = new Set([...wanted].map(chapterFolderOf).filter((id) => id !== undefined));
    const matches = work.also?.matches;
    // the changed files checked as a write's are: with focus, against a tree that passed every check
    const part = await loader.load(pick(listing.files, [...touched, ...also], [...wanted, ...[...inPart].map((id) => `chapters/${id}/chapter.yaml`)], matches), {
      scope: work.warnings ? { ...PART, warnings: true } : PART,
      focus,
    });
    if ('failed' in part) return whole(part.failed === CROSS_FILE ? 'a changed file needs the whole repository checked' : (part.failed ?? 'a file could not be read'));
    const org = part.loaded.org!;
    rememberHeadInfo(root, { commit: listing.commit, dirty: listing.dirty });
    for (const id of touched) {
      const c = org.chapterById.get(id);
      if (!c || !keptOf.has(id)) return whole(`chapter ${id} is new`);
      if (c.delegate !== undefined && !org.memberById.has(c.delegate)) return whole(`the delegate of ${id} is listed in a chapter not loaded`);
      if (c.dues?.decision !== undefined && !org.decisionById.has(c.dues.decision)) return whole(`the dues decision of ${id} is not loaded`);
    }
    org.protections = new RememberedProtections(listed.place.gitDir);
    const { files, problems, invisibleLedgers, personalDataLedgers, mayRepeatChapters, invisibleFiles, personalDataFiles } = part.loaded;
    const loaded = { root, files, org, problems, asListed: !loader.drifted, invisibleLedgers, personalDataLedgers, mayRepeatChapters, invisibleFiles, personalDataFiles };
    const prepared = await work.prepare(org, loaded);
    if (prepared.key !== kept.key) return whole('the parts kept are for another day or goal');

    const chapters = kept.chapters.map((k) => (touched.has(k.id) ? keptChapter(org, org.chapterById.get(k.id)!, prepared.part(org, org.chapterById.get(k.id)!)) : k));
    debug(`${work.name}: ${touched.size} of ${chapters.length} chapters worked out again, ${chapters.length - touched.size} as kept (${focus.size} file${focus.size === 1 ? '' : 's'} changed since they were kept)`);
    if (process.env.IOPS_DEBUG_CACHE === 'files') debug(`${work.name}: worked out again: ${[...touched].sort().join(', ')}`);
    // what is kept is written again once the files changed since add up (at five years writing it costs 0.1 s)
    if (!loader.drifted && changed.length > REWRITE_AFTER) store.put(storeKey, keptText({ key: kept.key, chapters }, listing.files, await indexOf(listed)));
    // read from a clean working tree, the data valid: the commit's tree is, for the next write
    if (!listing.dirty && listing.commit && !loader.drifted) await keepValidHead(root, listed.place, listing.commit, listing.files);
    return { org, parts: chapters.map((c) => c.part), asListed: !loader.drifted, files: listing.files.length };
  } finally {
    cache.flush();
  }
}

/** A part of the repository: the files picked (pick), their dues ledgers as sums. */
const PART = { sums: true, wanted: () => true };

/**
 * From the files listed (in path order), by bisection: every file outside chapters/ (the
 * settings, goals, branches, decisions, treasury), the whole folders of these chapters, and
 * these files; and any the command `matches`. In path order.
 */
function pick(files: readonly ListedFile[], folders: readonly string[], paths: readonly string[], matches?: (path: string) => boolean): ListedFile[] {
  const ranges: [number, number][] = [
    [0, atPath(files, 'chapters/')],
    [atPath(files, 'chapters0'), files.length], // '0' follows '/'
  ];
  for (const id of folders) ranges.push([atPath(files, `chapters/${id}/`), atPath(files, `chapters/${id}0`)]);
  for (const p of paths) {
    const at = atPath(files, p);
    if (files[at]?.path === p) ranges.push([at, at + 1]);
  }
  const seen = new Set<number>();
  for (const [from, to] of ranges) for (let i = from; i < to; i++) seen.add(i);
  if (matches) files.forEach((f, i) => void (matches(f.path) && seen.add(i)));
  return [...seen].sort((a, b) => a - b).map((i) => files[i]!);
}

function keptChapter<P>(org: Organisation, c: ChapterRecord, part: P): KeptChapter<P> {
  return { id: c.id, deps: dependencies(org, c), part, founded: c.founded ?? null, members: c.members.map((m) => `${m.id} ${m.joined}`).join(' ') };
}

/** The kept `id joined id joined …` as members. */
function pairs(members: string): { id: string; joined: string }[] {
  if (!members) return [];
  const words = members.split(' ');
  const out: { id: string; joined: string }[] = [];
  for (let i = 0; i + 1 < words.length; i += 2) out.push({ id: words[i]!, joined: words[i + 1]! });
  return out;
}

/** The files outside the chapter's folder its figures read: joint meetings, stays of members who moved, its delegate's list, its dues decision. */
export function dependencies(org: Organisation, c: ChapterRecord): string[] {
  const own = `chapters/${c.id}/`;
  const out = new Set<string>();
  const add = (file: string | undefined) => void (file !== undefined && !file.startsWith(own) && file.startsWith('chapters/') && out.add(file));
  for (const m of c.meetings) add(m.file);
  for (const r of c.roster) add(r.file);
  if (c.delegate !== undefined) add(org.memberById.get(c.delegate)?.file);
  if (c.dues?.decision !== undefined) add(org.decisionById.get(c.dues.decision)?.file);
  return [...out].sort();
}

