// Writing a planned change to disk, journaled so that a crash can be undone, and undoing it
// when a later step (the commit, a hook) fails: file bytes, new folders and index entries
// go back to exactly what they were.
import { dirname, join } from 'node:path';
import { makeDirs, missingDirs, removeEmptyDirs, removeFileDurable, writeFileAtomic } from '../../io/atomic.js';
import { type GitPlace, resetIndex } from '../../io/gitWrite.js';
import { clearJournal, sha256, thisWriter, writeJournal } from '../../io/journal.js';

export interface Written {
  files: { path: string; before: Uint8Array | undefined; after: Buffer }[];
  createdDirs: string[];
  /** `git add` may have run: index entries need putting back on failure. */
  staged: boolean;
  committed: boolean;
  /** The change is complete (committed or, with --no-commit, written): drop the journal. */
  finish(): Promise<void>;
}

export async function writeJournaled(
  place: GitPlace,
  root: string,
  command: string,
  writes: { path: string; text: string; before: Uint8Array | undefined }[],
): Promise<Written> {
  const files = writes.map((w) => ({ path: w.path, before: w.before, after: Buffer.from(w.text, 'utf8') }));
  const createdDirs = [...new Set((await Promise.all(files.map((f) => missingDirs(dirname(join(root, f.path)))))).flat())];
  await writeJournal(place, {
    version: 1,
    command,
    ...thisWriter(),
    root,
    files: files.map((f) => ({ path: f.path, before: f.before === undefined ? null : Buffer.from(f.before).toString('base64'), after: sha256(f.after) })),
    createdDirs,
  });
  const written: Written = { files, createdDirs, staged: false, committed: false, finish: () => clearJournal(place) };
  try {
    for (const f of files) {
      const abs = join(root, f.path);
      await makeDirs(dirname(abs));
      await writeFileAtomic(abs, f.after);
    }
  } catch (err) {
    await rollBack(place, root, written);
    throw err;
  }
  return written;
}

/** Puts everything back; if that fails too, the journal stays for the next command to finish the job. */
export async function rollBack(place: GitPlace, root: string, written: Written): Promise<void> {
  try {
    for (const f of written.files) {
      const abs = join(root, f.path);
      if (f.before !== undefined) await writeFileAtomic(abs, f.before);
      else await removeFileDurable(abs);
    }
    await removeEmptyDirs(written.createdDirs);
    if (written.staged) await resetIndex(root, written.files.map((f) => f.path));
    await clearJournal(place);
  } catch {
    // left for recoverInterrupted
  }
}
