// The write journal: before iops touches a file it records, in the git directory, each
// file's bytes as they were and a hash of the bytes it is about to write. If the writer is
// killed, the next writer (holding the lock) finds the journal and puts back every file and
// index entry that still holds the unfinished change; what was committed, or changed by
// someone since, is left alone. So even a crash leaves the repository as it was. It also
// clears what a crash leaves beside the files: temporary files of half-done writes, and git's
// index.lock when iops can prove it is its own and abandoned (io/staleLock.ts).
import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { removeEmptyDirs, removeFileDurable, removeLeftoverTemps, writeFileAtomic } from './atomic.js';
import { type GitPlace, blobAt, resetIndex } from './gitWrite.js';
import { type Writer, gitLocksIn, lockAge, whyNotProved } from './staleLock.js';

export interface JournalFile {
  /** Relative to the data root. */
  path: string;
  /** The bytes before the change (base64), or null when the file did not exist. */
  before: string | null;
  /** sha256 of the bytes being written. */
  after: string;
}

export interface Journal {
  version: 1;
  command: string;
  pid: number;
  started: string;
  /** The computer the writer ran on: its pid means nothing elsewhere. */
  host?: string;
  root: string;
  files: JournalFile[];
  /** Folders the change created (absolute), to remove again when undoing it. */
  createdDirs: string[];
}

/** Who is writing, for the journal: this process on this computer, from now. */
export const thisWriter = (): Required<Writer> => ({ pid: process.pid, started: new Date().toISOString(), host: hostname() });

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const journalPath = (place: GitPlace) => join(place.gitDir, 'iops-journal.json');

export async function writeJournal(place: GitPlace, journal: Journal): Promise<void> {
  await writeFileAtomic(journalPath(place), Buffer.from(JSON.stringify(journal)));
}

export async function clearJournal(place: GitPlace): Promise<void> {
  await removeFileDurable(journalPath(place));
}

export interface Recovery {
  command: string;
  started: string;
  /** Paths put back as they were. */
  undone: string[];
  /** Paths changed since the interruption by someone else: left alone. */
  kept: string[];
  /** git lock files the interrupted writer's git left, proved abandoned and removed. */
  locksRemoved: string[];
}

/**
 * Cleans up after an interrupted writer, at the start of every write; call with the lock held.
 * Leftover temporary files are removed whatever happened. If the journal names an unfinished
 * change, git's lock files its git left are removed when proved abandoned (else the write
 * stops and says how to remove them: git cannot work with them there), then every file and
 * index entry still holding the change is put back.
 */
export async function recoverInterrupted(place: GitPlace, touching: readonly string[] = []): Promise<Recovery | undefined> {
  const root = join(place.top, place.prefix);
  const text = await readFile(journalPath(place), 'utf8').catch(() => undefined);
  let journal: Journal | undefined;
  try {
    journal = text === undefined ? undefined : (JSON.parse(text) as Journal);
  } catch {
    // written atomically, so unreadable means not ours to act on
  }
  const folders = [...touching, ...(journal?.files.map((f) => f.path) ?? [])].map((path) => dirname(path));
  await removeLeftoverTemps(root, place.gitDir, folders);
  if (text === undefined) return undefined;
  if (!journal) {
    await clearJournal(place);
    return undefined;
  }
  const locksRemoved = await removeAbandonedGitLocks(place, journal);
  const { undone, kept } = await undoChange(place, journal);
  await clearJournal(place);
  return { command: journal.command, started: journal.started, undone, kept, locksRemoved };
}

/** Puts back every file and index entry that still holds the journal's change. */
async function undoChange(place: GitPlace, journal: Journal): Promise<{ undone: string[]; kept: string[] }> {
  const { root } = journal;
  const undone: string[] = [];
  const kept: string[] = [];
  const resetPaths: string[] = [];
  const hash = (b: Uint8Array | undefined) => (b === undefined ? undefined : sha256(b));
  for (const f of journal.files) {
    const abs = join(root, f.path);
    const before = f.before === null ? undefined : Buffer.from(f.before, 'base64');
    const head = hash(await blobAt(root, place, 'HEAD', f.path));
    const index = hash(await blobAt(root, place, 'index', f.path));
    if (head === f.after) {
      // the commit landed; git may have been killed before it put its new index in place
      if (index !== f.after && index === hash(before)) resetPaths.push(f.path);
      continue;
    }
    if (index === f.after) resetPaths.push(f.path);
    const current = hash(await readFile(abs).catch(() => undefined));
    if (current === f.after) {
      if (before) await writeFileAtomic(abs, before);
      else await removeFileDurable(abs);
      undone.push(f.path);
    } else if (current !== hash(before)) kept.push(f.path);
  }
  await resetIndex(root, resetPaths);
  await removeEmptyDirs(journal.createdDirs);
  return { undone, kept };
}

/**
 * git's lock files that the interrupted writer's git left: removed when proved abandoned
 * (whyNotProved), else an EnvironmentError saying what to check and the command to run.
 */
async function removeAbandonedGitLocks(place: GitPlace, journal: Journal): Promise<string[]> {
  const locks = gitLocksIn(place.gitDir);
  const writer: Writer = { pid: journal.pid, started: journal.started, host: journal.host };
  for (const lock of locks) {
    const why = whyNotProved(lock, writer, place.top, place.gitDir);
    if (why) throw new EnvironmentError(unprovedLockMessage(lock, journal, why));
  }
  for (const lock of locks) await unlink(lock).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  return locks;
}

function unprovedLockMessage(lock: string, journal: Journal, why: string): string {
  const age = lockAge(lock);
  return [
    `git's ${basename(lock)} is left in this repository (${lock}${age ? `, made ${age}` : ''}), and git will not work until it is gone.`,
    `An earlier \`iops ${journal.command}\` (started ${journal.started}, pid ${journal.pid}) was interrupted while git was committing, but iops cannot be sure the lock is abandoned: ${why}.`,
    `Check that no git command, editor or git tool is working in this repository (for example: ps -ef | grep git), then remove the lock with: rm '${lock}'`,
    'and run your command again: it will undo the interrupted change.',
  ].join('\n');
}

export function recoveryNote(r: Recovery): string {
  const parts = [`iops: an earlier \`iops ${r.command}\` (started ${r.started}) was interrupted before it finished.`];
  if (r.locksRemoved.length) parts.push(`Its git was killed while committing; the lock it left (${r.locksRemoved.map((l) => basename(l)).join(', ')}) was removed: its process is gone and no git command works in this repository.`);
  if (r.undone.length) parts.push(`Its unfinished changes were undone: ${r.undone.join(', ')}.`);
  if (r.kept.length) parts.push(`Changed since, so left as they are: ${r.kept.join(', ')} (check them with git diff).`);
  return parts.join(' ');
}
