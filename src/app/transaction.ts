// One write command = one transaction: take the repository lock, undo any interrupted earlier
// change, check git, plan the change from the files committed at HEAD, validate the tree it
// will commit (HEAD with the change applied: nothing else of the working tree), refuse to
// overwrite uncommitted edits, write atomically (journaled), and commit exactly the touched
// paths. Other uncommitted files are named in a note, never swept in. Any failure puts files,
// index and HEAD back. Both loads go through the parse cache: only the changed files are parsed.
import { dirname } from 'node:path';
import { type HeadTree, type Names, openHead } from '../load/headTree.js';
import type { MemberIds } from '../load/memberIndex.js';
import type { LoadResult, ValidFile } from '../load/load.js';
import { loadTree } from '../load/open.js';
import { cacheVersion } from '../load/parseCache.js';
import { LEDGERS_AS_SUMS, type Scope } from '../load/scope.js';
import { unifiedDiff } from './changes/diff.js';
import { classify } from '../core/layout.js';
import type { Organisation } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import { DataError, EnvironmentError, UsageError } from '../errors.js';
import { type GitPlace, type Head, type WorkTreeChange, checkCanCommit, checkIndexLock, commitPaths, coversPath, gitPlace, ignoredPaths, readHead, workTreeChanges } from '../io/gitWrite.js';
import { removeLeftoverTemps } from '../io/atomic.js';
import { recoverInterrupted, recoveryNote } from '../io/journal.js';
import { acquireRepoLock, lockWaitSeconds } from '../io/lock.js';
import { type DataLocation, findDataRoot } from '../io/repo.js';
import { type Written, rollBack, writeJournaled } from './changes/apply.js';

/** The committed state a change is planned from: HEAD's files, never the working tree's. */
export interface Snapshot {
  root: string;
  /** The commit the change is planned from and applied to. */
  head: string;
  /**
   * Settings, goals, branches, decisions, chapters and members; meetings, reports and receipts
   * are not loaded (use load()). For a plan made with `naming`, possibly only the chapters it
   * names and those of the members it names.
   */
  org: Organisation;
  /** Every member id at HEAD with its chapter, whatever `org` holds (a new id must be unique across the organisation). */
  members: MemberIds;
  /** A file's text at HEAD, or undefined when HEAD has no such file. */
  text(path: string): string | undefined;
  /** HEAD's files loaded and checked, a part of them with a scope (load/scope.ts). */
  load(scope?: Scope): Promise<LoadResult>;
  /** HEAD's dues ledgers of these chapters, each valid on its own, without loading the rest (undefined: use load()). */
  ledgers(chapters: ReadonlySet<string>): Promise<ValidFile[] | undefined>;
}

export interface PlannedChange {
  /** `meeting log`, `member add`, … (the Iops-Command trailer). */
  command: string;
  /** What changed, in the organisation's words: the commit's subject. */
  subject: string;
  /** `chapter/london`, `member/ldn-k7q2x`, `branch/uk` (one Iops-Entity trailer each). */
  entities: string[];
  /** New text of each file the change touches, by path relative to the data folder. */
  writes: { path: string; text: string }[];
  /** Warnings printed on stderr, the change made all the same (a receipt from an exempt member). */
  notes?: string[];
  /** Printed on success instead of the summary (member add prints the new id). */
  output?: string;
  /** Points validation problems back at the user's input (an imported CSV's rows). */
  explain?: (problems: Problem[]) => Problem[];
}

export type Plan = ((snapshot: Snapshot) => PlannedChange | Promise<PlannedChange>) & {
  /** What the plan reads of the chapters (naming). */
  names?: Names;
};

/**
 * A plan that reads, of the chapters and their members, only the chapters and members it names
 * (and the settings, goals, branches and decisions): planned on HEAD's part that holds them when
 * HEAD's tree is kept with its member index (load/headTree.ts), so a write in one chapter does
 * not load the whole organisation's members. Names as the user typed them; a name HEAD does not
 * have loads every chapter, so the plan's error is the same.
 */
export const naming = (names: Names, plan: Plan): Plan => Object.assign(plan, { names });

export interface WriteOptions {
  commit: boolean;
  dryRun: boolean;
  env: Record<string, string | undefined>;
}

export interface WriteOutcome {
  change: PlannedChange;
  status: 'committed' | 'written' | 'dry-run';
  commit?: string;
  diff?: string;
  paths: string[];
  notes: string[];
}

export async function applyChange(location: DataLocation, plan: Plan, opts: WriteOptions): Promise<WriteOutcome> {
  const root = findDataRoot(location);
  const placing = gitPlace(root);
  cacheVersion(); // the parse cache's version (reading iops's modules, 10 ms or more) worked out while git finds the repository
  const place = await placing;
  if (opts.dryRun) {
    const p = await prepare(root, place, await readHead(root, place), plan);
    const diff = p.writes.map((w) => unifiedDiff(w.path, p.before.get(w.path), w.text)).join('');
    return { change: p.change, status: 'dry-run', diff, paths: p.writes.map((w) => w.path), notes: [...p.notes, ...(await p.leftOut)] };
  }
  const lock = await acquireRepoLock(place.gitDir, lockWaitSeconds(opts.env));
  let written: Written | undefined;
  try {
    const notes: string[] = [];
    const recovered = await recoverInterrupted(place);
    if (recovered) notes.push(recoveryNote(recovered));
    const head = readHead(root, place);
    head.catch(() => undefined); // awaited below
    if (opts.commit) await checkCanCommit(root, place, head);
    else checkIndexLock(place);
    const p = await prepare(root, place, await head, plan);
    notes.push(...p.notes);
    const paths = p.writes.map((w) => w.path);
    await removeLeftoverTemps(root, place.gitDir, paths.map((path) => dirname(path)));
    lock.check();
    written = await writeJournaled(place, root, p.change.command, p.writes.map((w) => ({ ...w, before: p.bytes.get(w.path) })));
    if (!opts.commit) {
      await written.finish();
      return { change: p.change, status: 'written', paths, notes: [...notes, ...(await p.leftOut)] };
    }
    lock.check();
    written.staged = true;
    await commitPaths(root, place, paths, commitMessage(p.change));
    const { commit, tree } = await readHead(root, place);
    if (!commit || commit === p.head) throw new EnvironmentError('git made no commit; nothing was changed');
    written.committed = true;
    await written.finish();
    await p.tree.committed(commit, tree);
    return { change: p.change, status: 'committed', commit, paths, notes: [...notes, ...(await p.leftOut)] };
  } catch (err) {
    if (written && !written.committed) await rollBack(place, root, written);
    throw err;
  } finally {
    await lock.release();
  }
}

interface Prepared {
  head: string;
  /** HEAD as read and checked, told of the commit made. */
  tree: HeadTree;
  change: PlannedChange;
  writes: { path: string; text: string }[];
  before: Map<string, string | undefined>;
  bytes: Map<string, Uint8Array | undefined>;
  /** Said on stderr: the plan's notes. */
  notes: string[];
  /** The note naming the uncommitted files left out of the change (git status of the whole tree, still running). */
  leftOut: Promise<string[]>;
}

/**
 * Plans the change from HEAD's settings, branches, chapters and members, makes sure the files it
 * touches have no uncommitted changes, and validates HEAD's tree with the change applied (once:
 * if that passes, the commit is valid; if not, a look at HEAD alone tells problems that were
 * already committed from the change's own).
 */
async function prepare(root: string, place: GitPlace, { commit: head, tree: dataTree }: Head, plan: Plan): Promise<Prepared> {
  if (!head) throw new EnvironmentError('this repository has no commit yet, and iops checks every change against the last one; commit the data first: git add -A && git commit -m "The data repository"');
  // git status walks the whole working tree (0.4–0.7 s at 155,000 files): it runs while the change is planned, checked and committed
  const status = workTreeChanges(root, place);
  status.catch(() => undefined); // awaited below; a failure is reported there
  const tree = await openHead(root, head, { ...place, ...(dataTree ? { tree: dataTree } : {}) }).catch((e: unknown) => {
    if (e instanceof EnvironmentError) throw e;
    throw new EnvironmentError(`the data folder is not in the last commit (${head.slice(0, 7)}); commit it first: git add -A && git commit`);
  });
  const textAt = (path: string) => tree.bytes(path);
  const base = plan.names ? await tree.planningFor(plan.names) : await tree.planning();
  if (!base.org) throw new DataError(base.problems, headProblems(head));
  const org = base.org;
  const snapshot: Snapshot = {
    root,
    head,
    org,
    members: tree.memberIds() ?? { chapterOf: (id) => org.memberById.get(id)?.chapter, all: () => org.memberById.values() },
    text: (path) => textAt(path)?.toString('utf8'),
    load: (scope) => loadTree(root, head, scope ? { scope } : {}),
    ledgers: (chapters) => tree.ledgers(chapters),
  };
  const change = await (async () => plan(snapshot))().catch(async (err: unknown) => {
    throw err instanceof UsageError ? await withUncommittedHint(err, await status) : err;
  });
  for (const w of change.writes) if (!('role' in classify(w.path))) throw new Error(`internal: ${w.path} is not a data file`);
  const bytes = new Map(change.writes.map((w) => [w.path, textAt(w.path)]));
  const writes = change.writes.filter((w) => bytes.get(w.path)?.toString('utf8') !== w.text);
  if (!writes.length) throw new UsageError(`nothing to change: the files already say so (${change.subject})`);

  const touched = new Set(writes.map((w) => w.path));
  const touching = (c: WorkTreeChange) => [...touched].some((path) => coversPath(c, path));
  // the touched paths' own status (a few hundredths of a second), not the whole tree's: that one
  // only names the other uncommitted files in a note, and finishes while the change is committed;
  // asked beside whether git ignores them
  const [ignored, ofTouched] = await Promise.all([ignoredPaths(root, [...touched]), workTreeChanges(root, place, [...touched])]);
  if (ignored.length) throw new EnvironmentError(ignoredMessage(ignored));
  const dirty = [...touched].filter((path) => ofTouched.some((c) => coversPath(c, path)));
  if (dirty.length) throw new EnvironmentError(dirtyMessage(dirty));

  const changes = new Map(writes.map((w) => [w.path, Buffer.from(w.text, 'utf8')]));
  const problems = await tree.check(changes);
  if (problems.length) {
    const before = await loadTree(root, head, { scope: LEDGERS_AS_SUMS });
    if (!before.org) throw new DataError(before.problems, headProblems(head));
    throw new DataError(change.explain ? change.explain(problems) : problems, 'the change would make the data invalid; nothing was changed');
  }
  return {
    head,
    tree,
    change,
    writes,
    before: new Map(writes.map((w) => [w.path, bytes.get(w.path)?.toString('utf8')])),
    bytes: new Map(writes.map((w) => [w.path, bytes.get(w.path)])),
    notes: change.notes ?? [],
    leftOut: status.then(
      (uncommitted) => leftOutNote(uncommitted.filter((c) => !touching(c))),
      (e: unknown) => [`note: iops could not list the other uncommitted files (${e instanceof Error ? e.message : String(e)}); git status shows them`],
    ),
  };
}

/**
 * A flag that names something only the working tree has (a member added by hand, not yet
 * committed) reads as unknown, since a change builds on the last commit: say so, and which
 * uncommitted data files may hold it.
 */
async function withUncommittedHint(err: UsageError, uncommitted: readonly WorkTreeChange[]): Promise<UsageError> {
  const data = uncommitted.filter((c) => 'role' in classify(c.path)).map((c) => c.path);
  if (!data.length) return err;
  const shown = data.length > 5 ? `${data.slice(0, 5).join(', ')} and ${data.length - 5} more` : data.join(', ');
  return new UsageError(`${err.message}\n(iops builds every change on the last commit; these data files have uncommitted changes: ${shown}. If the change needs what they add, commit them first.)`);
}

const headProblems = (head: string) =>
  `the data committed at HEAD (${head.slice(0, 7)}) is invalid, and iops builds every change on the last commit; fix these, commit the fix, and try again`;

/** Uncommitted data files are not part of the commit: say which, so nobody thinks they were. */
function leftOutNote(changes: readonly WorkTreeChange[]): string[] {
  const data = changes.filter((c) => 'role' in classify(c.path));
  if (!data.length) return [];
  const shown = data.slice(0, 10).map((c) => `${c.path}${c.ignored ? ' (ignored by git)' : ''}`);
  const more = data.length > shown.length ? ` and ${data.length - shown.length} more` : '';
  return [`note: not part of this change, as they are not committed: ${shown.join(', ')}${more} (git status shows them)`];
}

function ignoredMessage(paths: string[]): string {
  return `${paths.join(' ')} ${paths.length === 1 ? 'is' : 'are'} ignored by git (a .gitignore or exclude rule), so iops could not commit the change; remove the rule (git check-ignore -v -- ${paths.join(' ')} names it) and try again.`;
}

const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();

export function commitMessage(change: PlannedChange): string {
  const trailers = [`Iops-Command: ${oneLine(change.command)}`, ...change.entities.map((e) => `Iops-Entity: ${oneLine(e)}`)];
  return `${oneLine(change.subject)}\n\n${trailers.join('\n')}\n`;
}

function dirtyMessage(paths: string[]): string {
  const list = paths.join(' ');
  return [
    `${paths.length === 1 ? `${list} has` : `these files have`} uncommitted changes${paths.length === 1 ? '' : `: ${list}`}; iops will not overwrite them.`,
    `From the data folder, look at them with: git diff HEAD -- ${list}`,
    `then commit them (git add -- ${list} && git commit) or set them aside (git stash push -- ${list}), and try again.`,
  ].join('\n');
}
