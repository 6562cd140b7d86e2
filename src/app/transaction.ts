// One write command = one transaction: take the repository lock, undo any interrupted earlier
// change, check git, plan the change from the files as they are, validate the whole
// repository with it, refuse to overwrite uncommitted edits, write atomically (journaled),
// and commit exactly the touched paths. Any failure puts files, index and HEAD back.
import { type FileEntry, loadFromFiles } from './load.js';
import { unifiedDiff } from './changes/diff.js';
import { classify } from '../core/layout.js';
import type { Organisation } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import { DataError, EnvironmentError, UsageError } from '../errors.js';
import { changedPaths, checkCanCommit, checkIndexLock, commitPaths, gitPlace, headCommit } from '../io/gitWrite.js';
import { recoverInterrupted, recoveryNote } from '../io/journal.js';
import { acquireRepoLock, lockWaitSeconds } from '../io/lock.js';
import { type DataLocation, findDataRoot, readDataFiles } from '../io/repo.js';
import { type Written, rollBack, writeJournaled } from './changes/apply.js';

export interface Snapshot {
  root: string;
  files: readonly FileEntry[];
  /** Settings, goals, branches, chapters and members; meetings, reports and receipts are not loaded (read their files with text()). */
  org: Organisation;
  /** A file's text, or undefined when it does not exist. */
  text(path: string): string | undefined;
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
  /** Printed on success instead of the summary (member add prints the new id). */
  output?: string;
  /** Points validation problems back at the user's input (an imported CSV's rows). */
  explain?: (problems: Problem[]) => Problem[];
}

export type Plan = (snapshot: Snapshot) => PlannedChange | Promise<PlannedChange>;

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
  const place = await gitPlace(root);
  if (opts.dryRun) {
    const p = await prepare(root, plan);
    const diff = p.writes.map((w) => unifiedDiff(w.path, p.before.get(w.path), w.text)).join('');
    return { change: p.change, status: 'dry-run', diff, paths: p.writes.map((w) => w.path), notes: [] };
  }
  const lock = await acquireRepoLock(place.gitDir, lockWaitSeconds(opts.env));
  let written: Written | undefined;
  try {
    const notes: string[] = [];
    const recovered = await recoverInterrupted(place);
    if (recovered) notes.push(recoveryNote(recovered));
    if (opts.commit) await checkCanCommit(root, place);
    else checkIndexLock(place);
    const p = await prepare(root, plan);
    const paths = p.writes.map((w) => w.path);
    const dirty = await changedPaths(root, place, paths);
    if (dirty.length) throw new EnvironmentError(dirtyMessage(dirty));
    const head = await headCommit(root);
    lock.check();
    written = await writeJournaled(place, root, p.change.command, p.writes.map((w) => ({ ...w, before: p.bytes.get(w.path) })));
    if (!opts.commit) {
      await written.finish();
      return { change: p.change, status: 'written', paths, notes };
    }
    lock.check();
    written.staged = true;
    await commitPaths(root, paths, commitMessage(p.change));
    const commit = await headCommit(root);
    if (!commit || commit === head) throw new EnvironmentError('git made no commit; nothing was changed');
    written.committed = true;
    await written.finish();
    return { change: p.change, status: 'committed', commit, paths, notes };
  } catch (err) {
    if (written && !written.committed) await rollBack(place, root, written);
    throw err;
  } finally {
    await lock.release();
  }
}

interface Prepared {
  change: PlannedChange;
  writes: { path: string; text: string }[];
  before: Map<string, string | undefined>;
  bytes: Map<string, Uint8Array | undefined>;
}

/** What plans need from the organisation: settings, branches, chapters and their members. */
const PLANNING_KINDS = new Set(['iops', 'goals', 'branch', 'chapter', 'members']);
const forPlanning = (f: FileEntry) => {
  const c = classify(f.path);
  return !('role' in c) || PLANNING_KINDS.has(c.role.kind);
};

/**
 * Reads every file, plans the change from the settings, branches, chapters and members, and
 * validates the whole repository with the change applied (once: if that passes, every file is
 * valid; if not, a second look tells problems that were already there from the change's own).
 */
async function prepare(root: string, plan: Plan): Promise<Prepared> {
  const files = await readDataFiles(root);
  const loaded = loadFromFiles(files.filter(forPlanning));
  if (!loaded.org) throw new DataError(loaded.problems);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const decode = (b: Uint8Array | undefined) => (b === undefined ? undefined : Buffer.from(b).toString('utf8'));
  const change = await plan({ root, files, org: loaded.org, text: (path) => decode(byPath.get(path)?.bytes) });
  for (const w of change.writes) if (!('role' in classify(w.path))) throw new Error(`internal: ${w.path} is not a data file`);
  const writes = change.writes.filter((w) => decode(byPath.get(w.path)?.bytes) !== w.text);
  if (!writes.length) throw new UsageError(`nothing to change: the files already say so (${change.subject})`);
  const next = new Map(byPath);
  for (const w of writes) next.set(w.path, { path: w.path, bytes: Buffer.from(w.text, 'utf8') });
  const result = loadFromFiles([...next.values()]);
  if (!result.org) {
    const before = loadFromFiles(files);
    if (!before.org) throw new DataError(before.problems);
    throw new DataError(change.explain ? change.explain(result.problems) : result.problems, 'the change would make the data invalid; nothing was changed');
  }
  return {
    change,
    writes,
    before: new Map(writes.map((w) => [w.path, decode(byPath.get(w.path)?.bytes)])),
    bytes: new Map(writes.map((w) => [w.path, byPath.get(w.path)?.bytes])),
  };
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
