// Members as spreadsheet rows: the columns `iops import members` reads and `iops export
// members` writes (docs/import.md). studied is separated by `;`, dues is `20/GBP/month`,
// `20/GBP` or `exempt`, dates are YYYY-MM-DD, empty cells mean "not given". Spreadsheets
// capitalise words and write dates their own way, so values of a fixed list are read in any
// case, and a date in a spreadsheet's format gets a message that says what to write.
import { fromDay, toDay } from '../../core/dates.js';
import type { MemberRecord } from '../../core/model.js';
import { closest } from '../../core/problem.js';
import { AGE_BANDS, GENDERS, quote } from '../../core/schema/common.js';
import { csvLine } from '../../io/csv.js';
import { pledgeText } from './values.js';

export const COLUMNS = ['id', 'joined', 'left', 'gender', 'age_band', 'studied', 'dues', 'moved_from', 'dues_before'] as const;
export type Column = (typeof COLUMNS)[number];
/** Export adds the chapter; import accepts it when it matches --chapter. */
export const EXPORT_COLUMNS = ['id', 'chapter', 'joined', 'left', 'gender', 'age_band', 'studied', 'dues', 'moved_from', 'dues_before'] as const;

/**
 * The histories (members.yaml `moved_from`, `dues_before`) in a cell, oldest first, entries
 * separated by `;`: `leeds until 2012-06-15`, `10/USD/month until 2012-04-01; exempt until
 * 2012-06-01` (`none`: no pledge then).
 */
export const movedFromText = (h: MemberRecord['moved_from']): string => (h ?? []).map((e) => `${e.chapter} until ${e.until}`).join('; ');
export const duesBeforeText = (h: MemberRecord['dues_before']): string =>
  (h ?? []).map((e) => `${e.dues === 'none' ? 'none' : pledgeText(e.dues)} until ${e.until}`).join('; ');

/** A history cell's entries: [what, until] each; a problem names the entry it cannot read. */
export function historyEntries(column: 'moved_from' | 'dues_before', value: string): { entries: [string, string][] } | { problem: string } {
  const entries: [string, string][] = [];
  for (const raw of value.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^(\S+)\s+until\s+(\S+)$/i.exec(entry);
    if (!m) {
      const example = column === 'moved_from' ? 'leeds until 2012-06-15' : '10/USD/month until 2012-04-01';
      return { problem: `${quote(entry)} is not an entry iops reads: write each earlier ${column === 'moved_from' ? 'chapter' : 'pledge'} as ${quote(example)}, oldest first, separated by ";"` };
    }
    entries.push([m[1]!, m[2]!]);
  }
  return { entries };
}

/** `Age band`, `age-band`, ` AGE_BAND ` → `age_band`. */
export const normalizeHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

export type HeaderResult = { columns: (string | undefined)[]; problems: { index: number; message: string }[] };

/** Maps each header cell to a known column; unknown or repeated columns are problems. */
export function mapHeader(cells: readonly string[]): HeaderResult {
  const known: readonly string[] = EXPORT_COLUMNS;
  const seen = new Map<string, number>();
  const problems: { index: number; message: string }[] = [];
  const columns = cells.map((cell, index) => {
    const name = normalizeHeader(cell);
    if (!known.includes(name)) {
      const hint = closest(name, known);
      problems.push({ index, message: `unknown column "${cell}"${hint ? `; did you mean "${hint}"?` : ''} (columns: ${COLUMNS.join(', ')})` });
      return undefined;
    }
    if (seen.has(name)) problems.push({ index, message: `column "${name}" appears twice (also column ${seen.get(name)! + 1})` });
    seen.set(name, index);
    return name;
  });
  if (!seen.has('joined')) problems.push({ index: 0, message: `the first line names the columns, and "joined" is required (columns: ${COLUMNS.join(', ')})` });
  return { columns, problems };
}

export function membersCsv(members: readonly MemberRecord[]): string {
  const rows = members.map((m) => [m.id, m.chapter, m.joined, m.left ?? '', m.gender, m.age_band ?? '', m.studied.join(';'), pledgeText(m.dues), movedFromText(m.moved_from), duesBeforeText(m.dues_before)]);
  return [csvLine([...EXPORT_COLUMNS]), ...rows.map((r) => csvLine(r))].join('\n') + '\n';
}


const caseless = (known: readonly string[], value: string): string => known.find((k) => k.toLowerCase() === value.toLowerCase()) ?? value;

/**
 * A cell's value in the canonical case: `Man` → `man`, `Under-25` → `under-25`, `Exempt` →
 * `exempt`, `20/gbp/Month` → `20/GBP/month` (currency codes are upper case, periods lower).
 * Anything else is left as it is, for the schema to judge.
 */
export function canonicalCell(column: string, value: string): string {
  if (column === 'gender') return caseless(GENDERS, value);
  if (column === 'age_band') return caseless(AGE_BANDS, value);
  if (column !== 'dues') return value;
  if (value.toLowerCase() === 'exempt') return 'exempt';
  const parts = value.split('/');
  if (parts.length < 2 || parts.length > 3) return value;
  return [parts[0], parts[1]!.trim().toUpperCase(), ...(parts[2] === undefined ? [] : [parts[2].trim().toLowerCase()])].join('/');
}

// The day before 1900-01-01 counted twice: Excel's serial 1 is 1900-01-01, but it also counts
// a 1900-02-29 that never was, so from March 1900 on, serial n is 1899-12-30 plus n days.
const SERIAL_EPOCH = toDay('1899-12-30');

/** What to write instead of a date in a spreadsheet's own format; undefined when the value is not one. */
export function spreadsheetDateHint(value: string): string | undefined {
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value))
    return `${quote(value)} is not a date iops reads: write dates as YYYY-MM-DD, such as 2026-01-15; ${value} is ambiguous (day or month first?)`;
  if (/^\d{4}[/.]\d{1,2}[/.]\d{1,2}$/.test(value)) return `${quote(value)} is not a date iops reads: write dates as YYYY-MM-DD, such as 2026-01-15`;
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const day = fromDay(SERIAL_EPOCH + Math.floor(Number(value)));
    return `${quote(value)} looks like a spreadsheet date serial (${day} in Excel's usual 1900 date system): format the column as text or YYYY-MM-DD, then save again`;
  }
  return undefined;
}
