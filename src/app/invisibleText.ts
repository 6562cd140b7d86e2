// `validate`'s warnings about invisible characters in values (core/text/invisible.ts): they
// do not make the data invalid (a name may rightly hold a zero-width joiner), but a value can
// then display differently from what it holds. Which files hold any comes with the load from the
// parse cache (each file's flag, found once when it was parsed: load/parseWorker.ts FileFlags),
// else from a scan of the loaded organisation's strings; only those files are read again (when the
// cache gave no bytes: app/readAgain.ts), and each value is located through the YAML document.
import { classify } from '../core/layout.js';
import { plural } from '../core/metrics/asof.js';
import { type Problem, compareProblems, formatPath } from '../core/problem.js';
import { hasInvisible } from '../core/text/invisible.js';
import { filesWithInvisibleText, invisibleValues } from '../core/text/invisibleValues.js';
import { SCHEMAS } from '../core/schema/index.js';
import { decodeUtf8 } from '../load/yamlSource.js';
import { readFileData } from '../load/fileData.js';
import { debug } from '../load/listing.js';
import type { OpenedRepository } from '../load/open.js';
import { readAgain } from './readAgain.js';

/** What each kind of character is, and what to do about it. */
const KINDS: [RegExp, string][] = [
  [/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/, 'a bidirectional formatting character, which can show the text in another order than it holds; remove it unless the text needs it'],
  [/[\u200b-\u200d\u2060-\u2064\ufeff]/, 'an invisible zero-width character, which can make values that look alike differ; remove it unless the script needs it (a joiner)'],
  [/[\n\r\u2028\u2029\u0085]/, 'a line break, which only notes and descriptions need; write the value on one line'],
];
const describeChar = (c: string, code: string) => {
  const [what, rest] = (KINDS.find(([re]) => re.test(c))?.[1] ?? 'a control character, which a terminal may obey; remove it').split(/, (.*)/s);
  return `holds ${what} (${code}), ${rest}`;
};

/**
 * On the character itself when the file holds it as typed (not as an escape such as "\u202e"),
 * looking no further than the lines the value can span (a block of notes); else the value's start.
 */
function typedAt(lines: string[], at: { line: number; column: number }, char: string, value: string): { line: number; column: number } {
  const span = value.split('\n').length;
  for (let i = 0; i <= span; i++) {
    const found = lines[at.line - 1 + i]?.indexOf(char, i === 0 ? at.column - 1 : 0) ?? -1;
    if (found >= 0) return { line: at.line + i, column: found + 1 };
  }
  return at;
}

/**
 * One warning per value, located like a problem; sorted by file and line.
 * @param at the --at revision the files were loaded from (files to read again are read there)
 */
export async function invisibleTextWarnings(repo: OpenedRepository, at?: string): Promise<Problem[]> {
  const candidates = repo.invisibleFiles
    ? new Set(repo.invisibleFiles)
    : repo.org
      ? filesWithInvisibleText(repo.org)
      : new Set(repo.files.filter((f) => f.bytes && hasInvisible(new TextDecoder().decode(f.bytes))).map((f) => f.path));
  // dues ledgers are not scanned in the organisation (they may come as monthly sums): the parse
  // cache says which hold such text; read the plain way, their bytes are at hand
  for (const path of repo.invisibleLedgers ?? []) candidates.add(path);
  for (const f of repo.files) {
    const c = classify(f.path);
    if (f.bytes && 'role' in c && c.role.kind === 'dues' && hasInvisible(new TextDecoder().decode(f.bytes))) candidates.add(f.path);
  }
  debug(`invisible text: ${plural(candidates.size, 'file')} to read again, ${repo.invisibleFiles ? 'by the files\' flags' : repo.org ? 'by a scan of the organisation' : 'every file at hand (the data is invalid)'}`);
  const warnings: Problem[] = [];
  const texts = await readAgain(repo, at, [...candidates].filter((path) => 'role' in classify(path)));
  for (const path of [...candidates].sort()) {
    const classified = classify(path);
    if (!('role' in classified)) continue;
    const bytes = texts.get(path);
    if (!bytes) continue;
    const { parsed } = readFileData(path, classified.role, bytes);
    if (!parsed || parsed.value === undefined) continue;
    const decoded = decodeUtf8(path, bytes);
    const lines = 'text' in decoded ? decoded.text.split('\n') : [];
    for (const hit of invisibleValues(parsed.value)) {
      const at = parsed.locate(hit.at);
      const char = JSON.parse(`"${hit.code}"`) as string;
      const { line, column } = typedAt(lines, at, char, hit.value);
      warnings.push({
        file: path,
        line,
        column,
        path: formatPath(SCHEMAS[classified.role.kind].root, hit.at),
        message: describeChar(char, hit.code),
      });
    }
  }
  return warnings.sort(compareProblems);
}
