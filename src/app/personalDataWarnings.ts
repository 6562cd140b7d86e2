// `validate`'s warnings about personal data already in the repository (core/privacy/
// personalData.ts): member ids that look like a phone number or a name with a birth year, and
// e-mail addresses, phone and card numbers in notes and reports. Warnings, not problems: the
// data stays valid, but the text should go (and, being in git history, docs/privacy.md says how).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Problem, compareProblems } from '../core/problem.js';
import { personalDataInFile } from '../core/privacy/personalData.js';
import type { OpenedRepository } from '../load/open.js';

const SCANNED = /^(?:chapters\/[^/]+\/(?:members\.yaml|meetings\/|dues\/|reports\/)|branches\/)/;

export async function personalDataWarnings(repo: OpenedRepository): Promise<Problem[]> {
  const decoder = new TextDecoder();
  const warnings: Problem[] = [];
  for (const f of repo.files) {
    if (!SCANNED.test(f.path)) continue;
    // the parse cache may give no bytes: read the file again (as the invisible-text scan does)
    const bytes = f.bytes ?? (await readFile(join(repo.root, f.path)).catch(() => undefined));
    if (!bytes) continue;
    for (const w of personalDataInFile(f.path, decoder.decode(bytes))) warnings.push({ file: f.path, line: w.line, column: w.column, path: '', message: w.message });
  }
  return warnings.sort(compareProblems);
}
