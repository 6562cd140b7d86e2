// One file of the data repository on its own: bytes → text → YAML → data validated against its
// kind's schema, with every problem located. The fast reader (load/fastYaml.ts) reads files in
// the canonical subset; anything else, and the line and column of any problem found later,
// come from the full parser. Used by the loader (load/load.ts) and by the parse workers.
import type { FileRole } from '../core/layout.js';
import { type DataPath, type Problem, type UnlocatedProblem, formatPath } from '../core/problem.js';
import { personalDataInText } from '../core/privacy/personalData.js';
import { SCHEMAS, validateData } from '../core/schema/index.js';
import { DECLINED, fastParseYaml } from './fastYaml.js';
import { type ParsedYaml, decodeUtf8, parseYaml, textProblems } from './yamlSource.js';

export interface FileOutcome {
  /** The parsed file, to locate problems found later by cross-file checks. */
  parsed?: ParsedYaml;
  /** The validated data, when the file has no problem of its own. */
  data?: unknown;
  problems: Problem[];
}

export function readFileData(path: string, role: FileRole, bytes: Uint8Array): FileOutcome {
  const decoded = decodeUtf8(path, bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const parsed = role.kind === 'report' ? parseFrontMatter(path, decoded.text) : parseYamlFast(path, decoded.text);
  if (parsed.problems.length) return { parsed, problems: parsed.problems };
  const result = validateData(role.kind, path, parsed.value, parsed.source);
  if (result.problems.length) return { parsed, problems: result.problems.map((u) => locateIn(parsed, role, u)) };
  // a report's body is not part of its data: whether it holds personal data is found here, once
  // per content (the parse cache keeps it), for validate's warnings (core/privacy/personalData.ts)
  if (role.kind === 'report' && personalDataInText(decoded.text).length) return { parsed, data: { ...(result.data as object), personal_data: true }, problems: [] };
  return { parsed, data: result.data, problems: [] };
}

/** A problem found in a file's data, at its line and column. */
export function locateIn(parsed: ParsedYaml | undefined, role: FileRole | undefined, u: UnlocatedProblem): Problem {
  const { line, column } = parsed?.locate(u.at, u.key) ?? { line: 1, column: 1 };
  const root = role ? SCHEMAS[role.kind].root : '';
  return { file: u.file, line, column, path: formatPath(root, u.at), message: u.message };
}

/**
 * The fast reader's value when it reads the file; the full parser's otherwise. Positions (only
 * needed for a problem) come from the full parser, run when first asked for — except an item of
 * a top-level list in the layout iops writes (a ledger: thousands of items), whose line is read
 * from the text: validate's duplicate-receipt warnings locate many items of large ledgers.
 */
export function parseYamlFast(file: string, text: string, lineOffset = 0): ParsedYaml {
  const value = fastParseYaml(text);
  if (value === DECLINED) return parseYaml(file, text, lineOffset);
  let full: ParsedYaml | undefined;
  const located = () => (full ??= parseYaml(file, text, lineOffset));
  let items: number[] | undefined | null;
  const itemAt = (at: DataPath, key?: boolean) => {
    if (key || at.length !== 1 || typeof at[0] !== 'number' || !Array.isArray(value)) return undefined;
    if (items === undefined) items = itemLines(text, value.length);
    const line = items?.[at[0]];
    return line === undefined ? undefined : { line: line + lineOffset, column: 3 };
  };
  return { file, value, problems: [], locate: (at, key) => itemAt(at, key) ?? located().locate(at, key), source: (at) => located().source?.(at) };
}

/**
 * The line of each item of a top-level list the fast reader read, when every item starts at a
 * `- ` in the first column with its value at column 3 (as iops writes them); null otherwise.
 */
function itemLines(text: string, count: number): number[] | null {
  const lines: number[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((l, i) => {
    if (l.startsWith('- ') && l.length > 2 && l[2] !== ' ') lines.push(i + 1);
  });
  return lines.length === count ? lines : null;
}

/** In Markdown a line ======= can underline a heading, so only <<<<<<< and >>>>>>> mark a conflict there. */
const MARKDOWN_CONFLICT = /^(<{7}|\|{7}|>{7})(?: |\r?$)/;

/** A report: `---`, YAML front matter, `---`, then Markdown. */
export function parseFrontMatter(file: string, text: string): ParsedYaml {
  const body = text.replace(/^\uFEFF/, '');
  const unparsed = (problems: Problem[]): ParsedYaml => ({ file, value: undefined, problems, locate: () => ({ line: 1, column: 1 }) });
  const damaged = textProblems(file, body, MARKDOWN_CONFLICT);
  if (damaged.length) return unparsed(damaged);
  const lines = body.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '---');
  if (lines[0]?.replace(/\r$/, '') !== '---' || close < 0) {
    return unparsed([{ file, line: 1, column: 1, path: '', message: 'a report starts with front matter: a line ---, then date: and title:, then another line ---' }]);
  }
  return parseYamlFast(file, lines.slice(1, close).map((l) => l.replace(/\r$/, '')).join('\n'), 1);
}
