// The audit trail: who changed what, when, in which commit — for the whole data repository,
// one file or folder, `goals`, a chapter, a branch, a member or a decision (its file, and every
// commit naming it in a trailer). A chapter's (or branch's)
// history is every commit that touched its files or names it in an Iops-Entity trailer; a
// member's is every commit naming it in a trailer, plus every commit that added or removed a
// line mentioning its id (so hand-made edits and dues receipts count too). An Iops-Command
// trailer is shown as the command only when the commit is consistent with it (core/provenance.ts).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ID_PATTERN, paths } from '../core/paths.js';
import { closest } from '../core/problem.js';
import { claimsInit, provenance } from '../core/provenance.js';
import { DECISION_ID_PATTERN } from '../core/schema/decision.js';
import { UsageError } from '../errors.js';
import { type LogEntry, commitsMentioning, gitLog, trailers, truncatedHistoryNote } from '../io/gitLog.js';
import { gitPlace } from '../io/gitWrite.js';
import { type DataLocation, findDataRoot } from '../io/repo.js';

export type HistoryTarget =
  | { kind: 'all' }
  | { kind: 'path'; path: string }
  | { kind: 'chapter' | 'branch' | 'member' | 'decision'; id: string };

export interface HistoryEntry {
  commit: string;
  date: string;
  author: { name: string; email: string };
  subject: string;
  /** The iops command that made the commit, or null for a commit made by hand. */
  command: string | null;
  /** An Iops-Command trailer the commit does not bear out (anyone can type one), and why. */
  unverified: { claimed: string; because: string } | null;
  entities: string[];
  files: string[];
}

export interface HistoryView {
  target: HistoryTarget;
  entries: HistoryEntry[];
  /** In a shallow clone: where the history stops (io/gitLog.ts). */
  truncated?: string | undefined;
}

export async function history(location: DataLocation, arg: string | undefined): Promise<HistoryView> {
  const root = findDataRoot(location);
  await gitPlace(root);
  const target = resolveTarget(root, location.cwd, arg);
  const entries = await selectCommits(root, target);
  if (!entries.length && target.kind !== 'all' && target.kind !== 'path' && !existsNow(root, target)) throw unknownTarget(root, arg!);
  const opening = await openingInit(root, target, entries);
  return { target, entries: entries.map((e) => toEntry(e, opening.has(e.commit))), truncated: await truncatedHistoryNote(root) };
}

/** The commits that open the data folder's history, each claiming `init`: the only ones where that claim can be true. */
async function openingInit(root: string, target: HistoryTarget, entries: LogEntry[]): Promise<Set<string>> {
  if (!entries.some((e) => claimsInit(e.message))) return new Set();
  const all = target.kind === 'all' ? entries : await gitLog(root);
  const opening = new Set<string>();
  for (const e of [...all].reverse()) {
    if (!claimsInit(e.message)) break;
    opening.add(e.commit);
  }
  return opening;
}

export function resolveTarget(root: string, cwd: string, arg: string | undefined): HistoryTarget {
  if (arg === undefined || arg === '' || arg === '.') return { kind: 'all' };
  if (arg === 'goals') return { kind: 'path', path: paths.goals() };
  const explicit = /^(chapter|branch|member|decision)\/(.+)$/.exec(arg);
  if (explicit && (explicit[1] === 'decision' ? DECISION_ID_PATTERN : ID_PATTERN).test(explicit[2]!)) return { kind: explicit[1] as 'chapter', id: explicit[2]! };
  for (const base of [cwd, root]) {
    const abs = isAbsolute(arg) ? arg : resolve(base, arg);
    const rel = relative(root, abs);
    if (existsSync(abs) && !rel.startsWith('..') && !isAbsolute(rel)) return { kind: 'path', path: rel === '' ? '.' : rel.split(sep).join('/') + (statSync(abs).isDirectory() ? '/' : '') };
  }
  // a decision's id (2012-05-05-count-online-meetings, london/2012-03-10-dues) is where its file is;
  // one with a chapter cannot be anything else, so it is the decision's even once its file is gone
  if (DECISION_ID_PATTERN.test(arg) && (arg.includes('/') || existsSync(resolve(root, paths.decision(arg))))) return { kind: 'decision', id: arg };
  if (ID_PATTERN.test(arg)) {
    if (existsSync(resolve(root, 'chapters', arg))) return { kind: 'chapter', id: arg };
    if (existsSync(resolve(root, paths.branch(arg)))) return { kind: 'branch', id: arg };
    return { kind: 'member', id: arg };
  }
  throw new UsageError(`"${arg}" is not a file of the data repository, a chapter, a branch, a member or a decision id (try: iops history, iops history goals, iops history london, iops history london/2012-03-10-dues)`);
}

/** A chapter, branch or member in the working tree (one added with --no-commit has no commit yet). */
function existsNow(root: string, target: { kind: 'chapter' | 'branch' | 'member' | 'decision'; id: string }): boolean {
  if (target.kind === 'decision') return existsSync(resolve(root, paths.decision(target.id)));
  if (target.kind === 'chapter') return existsSync(resolve(root, 'chapters', target.id));
  if (target.kind === 'branch') return existsSync(resolve(root, paths.branch(target.id)));
  const id = new RegExp(`^\\s*-?\\s*id:\\s*["']?${target.id}["']?\\s*(#.*)?$`, 'm');
  return chapterIds(root).some((c) => {
    const file = join(root, 'chapters', c, 'members.yaml');
    return existsSync(file) && id.test(readFileSync(file, 'utf8'));
  });
}

const chapterIds = (root: string): string[] => {
  const dir = join(root, 'chapters');
  return existsSync(dir) ? readdirSync(dir).filter((name) => ID_PATTERN.test(name)) : [];
};

/** The decisions in the working tree: decisions/*.yaml, chapters/<id>/decisions/*.yaml. */
function decisionIds(root: string): string[] {
  const names = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : []);
  return [...names(join(root, 'decisions')), ...chapterIds(root).flatMap((c) => names(join(root, 'chapters', c, 'decisions')).map((n) => `${c}/${n}`))];
}

/** Neither in the files nor in their history: most often a typing mistake, so say so (exit 2), with the nearest chapter or branch. */
function unknownTarget(root: string, arg: string): UsageError {
  const branches = existsSync(join(root, 'branches')) ? readdirSync(join(root, 'branches')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : [];
  const near = closest(arg.replace(/^(chapter|branch|member|decision)\//, ''), [...chapterIds(root), ...branches, ...decisionIds(root)]);
  return new UsageError(
    `unknown target ${JSON.stringify(arg)}: no chapter, branch, member, decision or file of the data repository has that name, now or in its history.` +
      `${near ? ` Did you mean ${near}?` : ''} Try iops history (everything), iops history goals, iops history <chapter>, or a file such as iops history chapters/<chapter>/members.yaml`,
  );
}

async function selectCommits(root: string, target: HistoryTarget): Promise<LogEntry[]> {
  if (target.kind === 'all') return gitLog(root);
  if (target.kind === 'path') return gitLog(root, [target.path]);
  const all = await gitLog(root);
  const entity = `${target.kind}/${target.id}`;
  const names = (e: LogEntry) => trailers(e.message).some((t) => t.key.toLowerCase() === 'iops-entity' && t.value === entity);
  if (target.kind === 'member') {
    const mentioning = await commitsMentioning(root, `(^|[^a-z0-9-])${target.id}([^a-z0-9-]|$)`);
    return all.filter((e) => names(e) || mentioning.has(e.commit));
  }
  const own = target.kind === 'decision' ? paths.decision(target.id) : paths.branch(target.id);
  const owned = target.kind === 'chapter' ? (f: string) => f.startsWith(`chapters/${target.id}/`) : (f: string) => f === own;
  return all.filter((e) => names(e) || e.files.some(owned));
}

function toEntry(e: LogEntry, openingInit: boolean): HistoryEntry {
  const t = trailers(e.message);
  const values = (key: string) => t.filter((x) => x.key.toLowerCase() === key).map((x) => x.value);
  const made = provenance(e.message, e.files, openingInit);
  return {
    commit: e.commit,
    date: e.date,
    author: { name: e.authorName, email: e.authorEmail },
    subject: e.message.split('\n')[0] ?? '',
    command: made.kind === 'command' ? made.command : null,
    unverified: made.kind === 'unverified' ? { claimed: made.claimed, because: made.because } : null,
    entities: values('iops-entity'),
    files: e.files,
  };
}
