// The write journal: before iops touches a file it records, in the git directory, each
// file's bytes as they were and a hash of the bytes it is about to write. If the writer is
// killed, the next writer (holding the lock) finds the journal and puts back every file and
// index entry that still holds the unfinished change; what was committed, or changed by
// someone since, is left alone. So even a crash leaves the repository as it was.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { removeEmptyDirs, removeFileDurable, removeTempFiles, writeFileAtomic } from './atomic.js';
import { type GitPlace, blobAt, resetIndex } from './gitWrite.js';

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
  root: string;
  files: JournalFile[];
  /** Folders the change created (absolute), to remove again when undoing it. */
  createdDirs: string[];
}

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
}

/** Undoes an interrupted change, if the journal names one. Call with the lock held. */
export async function recoverInterrupted(place: GitPlace): Promise<Recovery | undefined> {
  const text = await readFile(journalPath(place), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    await clearJournal(place); // written atomically, so unreadable means not ours to act on
    return undefined;
  }
  const { root } = journal;
  const undone: string[] = [];
  const kept: string[] = [];
  const resetPaths: string[] = [];
  const hash = (b: Uint8Array | undefined) => (b === undefined ? undefined : sha256(b));
  for (const f of journal.files) {
    const abs = join(root, f.path);
    await removeTempFiles(dirname(abs));
    const head = hash(await blobAt(root, place, 'HEAD', f.path));
    if (head === f.after) continue; // the commit landed
    const index = hash(await blobAt(root, place, 'index', f.path));
    if (index === f.after) resetPaths.push(f.path);
    const current = hash(await readFile(abs).catch(() => undefined));
    const before = f.before === null ? undefined : Buffer.from(f.before, 'base64');
    if (current === f.after) {
      if (before) await writeFileAtomic(abs, before);
      else await removeFileDurable(abs);
      undone.push(f.path);
    } else if (current !== hash(before)) kept.push(f.path);
  }
  await resetIndex(root, resetPaths);
  await removeEmptyDirs(journal.createdDirs);
  await clearJournal(place);
  return { command: journal.command, started: journal.started, undone, kept };
}

export function recoveryNote(r: Recovery): string {
  const parts = [`iops: an earlier \`iops ${r.command}\` (started ${r.started}) was interrupted before it finished.`];
  if (r.undone.length) parts.push(`Its unfinished changes were undone: ${r.undone.join(', ')}.`);
  if (r.kept.length) parts.push(`Changed since, so left as they are: ${r.kept.join(', ')} (check them with git diff).`);
  return parts.join(' ');
}
