// `validate`'s warnings about personal data already in the repository (core/privacy/
// personalData.ts): member ids that look like a phone number or a name with a birth year, and
// e-mail addresses, phone and card numbers in notes and reports. Warnings, not problems: the
// data stays valid, but the text should go (and, being in git history, docs/privacy.md says how).
import { type Problem, compareProblems } from '../core/problem.js';
import { filesWithPersonalData, personalDataInFile } from '../core/privacy/personalData.js';
import { debug } from '../load/listing.js';
import type { OpenedRepository } from '../load/open.js';
import { readAgain } from './readAgain.js';
import { plural } from '../core/metrics/asof.js';

const SCANNED = /^(?:chapters\/[^/]+\/(?:members\.yaml|meetings\/|dues\/|reports\/|decisions\/)|branches\/|decisions\/|treasury\/)/;

/** @param at the --at revision the files were loaded from (files to read again are read there) */
export async function personalDataWarnings(repo: OpenedRepository, at?: string): Promise<Problem[]> {
  const decoder = new TextDecoder();
  const warnings: Problem[] = [];
  // which files to read again: each file's flag, with the load from the parse cache (found once,
  // when the file was parsed: load/parseWorker.ts FileFlags), else a scan of the loaded values
  // (the parse cache gives no bytes); on invalid data, every file that came with its bytes
  const candidates = repo.personalDataFiles ? new Set(repo.personalDataFiles) : repo.org ? filesWithPersonalData(repo.org) : undefined;
  for (const path of repo.personalDataLedgers ?? []) candidates?.add(path);
  if (candidates) debug(`personal data: ${plural(candidates.size, 'file')} to read again, ${repo.personalDataFiles ? 'by the files\' flags' : 'by a scan of the organisation'}`);
  const scanned = repo.files.filter((f) => {
    // dues ledgers loaded as monthly sums show no receipt notes: those at hand are read
    const ledgerAtHand = f.bytes !== undefined && /\/dues\/[^/]+$/.test(f.path);
    if (candidates ? !candidates.has(f.path) && !ledgerAtHand : !f.bytes) return false;
    // a file iops refused to read (a named pipe, a link outside, too big) is never opened again
    return SCANNED.test(f.path) && f.problem === undefined;
  });
  const texts = await readAgain(repo, at, scanned.map((f) => f.path));
  for (const f of scanned) {
    const bytes = texts.get(f.path);
    if (!bytes) continue;
    for (const w of personalDataInFile(f.path, decoder.decode(bytes))) warnings.push({ file: f.path, line: w.line, column: w.column, path: '', message: w.message });
  }
  return warnings.sort(compareProblems);
}
