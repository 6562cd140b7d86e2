// A small, strict CSV reader and writer (RFC 4180): quoted fields with doubled quotes, line
// breaks inside quotes (kept as typed, CRLF or LF), CRLF or LF between records, a UTF-8 BOM.
// Every field remembers its line and column, so problems point into the spreadsheet's file.
// The separator is `,`, `;` (spreadsheets where the decimal mark is a comma) or a tab, the one
// the header line uses most outside quotes. tests/write/csv.test.ts compares it with csv-parse.
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export interface CsvField {
  value: string;
  line: number;
  column: number;
}

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  fields: CsvField[];
}

export interface CsvProblem {
  line: number;
  column: number;
  message: string;
}

export type CsvSeparator = ',' | ';' | '\t';
const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];

/** The separator the header (the first record after blank lines, read with quotes) uses most; `,` on a tie or none. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = text.search(/[^\r\n]|$/); i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted; // a doubled quote toggles twice
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const sep of SEPARATORS) if ((counts.get(sep) ?? 0) > (counts.get(best) ?? 0)) best = sep;
  return best;
}

export function parseCsv(input: string): { records: CsvRecord[]; problems: CsvProblem[]; separator: CsvSeparator } {
  const text = input.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = 0, line = 1, lineStart = 0;
  let record: CsvRecord = { line: 1, fields: [] };
  const newline = (at: number): number => (text[at] === '\r' && text[at + 1] === '\n' ? 2 : text[at] === '\n' || text[at] === '\r' ? 1 : 0);
  let quoted = false; // whether the record's last field was in quotes: `""` alone is not a blank line
  const endRecord = () => {
    const blank = record.fields.length === 1 && record.fields[0]!.value === '' && !quoted;
    if (!blank) records.push(record);
  };

  while (i <= text.length) {
    const start: CsvField = { value: '', line, column: i - lineStart + 1 };
    quoted = text[i] === '"';
    if (quoted) {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) {
          problems.push({ line: start.line, column: start.column, message: 'a quoted field is never closed: add the closing "' });
          return { records, problems, separator: sep };
        }
        if (text[j] === '"') {
          if (text[j + 1] === '"') [value, j] = [value + '"', j + 2];
          else break;
        } else {
          const nl = newline(j);
          if (nl) [line, lineStart] = [line + 1, j + nl];
          value += text.slice(j, j + (nl || 1));
          j += nl || 1;
        }
      }
      i = j + 1;
      start.value = value;
      if (i < text.length && text[i] !== sep && !newline(i)) {
        problems.push({ line, column: i - lineStart + 1, message: `text after a closing quote; a field in quotes must end right after its closing " (write "" for a quote inside it)` });
        while (i < text.length && text[i] !== sep && !newline(i)) i++;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== sep && !newline(j)) j++;
      start.value = text.slice(i, j);
      const quote = start.value.indexOf('"');
      if (quote >= 0) problems.push({ line, column: start.column + quote, message: 'a " inside a field that does not start with one; put the whole field in quotes and write "" for each quote' });
      i = j;
    }
    record.fields.push(start);
    if (text[i] === sep) {
      i++;
      continue;
    }
    endRecord();
    const nl = newline(i);
    if (!nl) break;
    i += nl;
    [line, lineStart] = [line + 1, i];
    record = { line, fields: [] };
    if (i === text.length) break;
  }
  return { records, problems, separator: sep };
}

/** One CSV field: quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

const MAX_CSV_BYTES = 32 * 1024 * 1024;

/** A CSV file's text; not found, too big or not UTF-8 is a usage error. */
export async function readCsvFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`${path}: no such file`);
  if (info.size > MAX_CSV_BYTES) throw new UsageError(`${path} is larger than 32 MiB; split it`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch {
    throw new UsageError(`${path} is not UTF-8 text; in your spreadsheet, save it as "CSV UTF-8"`);
  }
}
