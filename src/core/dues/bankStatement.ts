// A bank statement (CSV records, already split into fields) → the payments it shows: which
// columns hold the date, the reference and the amount (by common English header names, or the
// chapter's `bank_statement.columns`), dates in the bank's format, amounts with either decimal
// separator and thousands separators, in exact minor units. Pure: no file system, no clock.
import { isCalendarDate } from '../dates.js';
import { minorDigits } from '../money.js';
import type { StatementDateFormat } from '../schema/chapter.js';

export interface StatementSettings {
  currency?: string | undefined;
  columns?: { date?: string | undefined; reference?: string | undefined; amount?: string | undefined; currency?: string | undefined } | undefined;
  date_format?: StatementDateFormat | undefined;
  decimal_separator?: '.' | ',' | undefined;
}

type Column = 'date' | 'reference' | 'amount' | 'currency';

/** Header names recognised without configuration, best first (compared lowercased, spaces collapsed, "(…)" dropped). */
export const HEADER_NAMES: Record<Column, readonly string[]> = {
  date: ['date', 'booking date', 'transaction date', 'posting date', 'value date'],
  reference: ['reference', 'payment reference', 'description', 'transaction description', 'memo', 'details', 'narrative'],
  amount: ['amount', 'paid in', 'money in', 'credit', 'credit amount'],
  currency: ['currency'],
};

const normal = (h: string) => h.replace(/\(.*?\)/g, '').replace(/[\s_]+/g, ' ').trim().toLowerCase();

/** Column indexes, or what is missing. */
export function statementColumns(header: readonly string[], s: StatementSettings): { columns: Partial<Record<Column, number>> } | { problem: string } {
  const names = header.map(normal);
  const columns: Partial<Record<Column, number>> = {};
  for (const column of ['date', 'reference', 'amount', 'currency'] as const) {
    const given = s.columns?.[column];
    if (given !== undefined) {
      const at = names.indexOf(normal(given));
      if (at < 0) return { problem: `the chapter's bank_statement.columns.${column} names the column ${JSON.stringify(given)}, and the statement's header has none (it has: ${header.map((h) => JSON.stringify(h)).join(', ')})` };
      columns[column] = at;
      continue;
    }
    const at = HEADER_NAMES[column].map((n) => names.indexOf(n)).find((i) => i >= 0);
    if (at !== undefined) columns[column] = at;
    else if (column !== 'currency')
      return {
        problem: `the statement's header has no ${column} column (looked for ${HEADER_NAMES[column].join(', ')}; it has: ${header.map((h) => JSON.stringify(h)).join(', ')}); ` +
          `name it in chapter.yaml: bank_statement: { columns: { ${column}: "…" } }`,
      };
  }
  return { columns };
}

const SHAPES: Record<StatementDateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'MM/DD/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'DD.MM.YYYY': /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
  'DD-MM-YYYY': /^(\d{1,2})-(\d{1,2})-(\d{4})$/,
};

/** A date in the given format as YYYY-MM-DD; undefined when it is not one (or not a calendar date). */
export function statementDate(text: string, format: StatementDateFormat): string | undefined {
  const m = SHAPES[format].exec(text.trim());
  if (!m) return undefined;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = format === 'YYYY-MM-DD' ? [a, b, c] : format === 'MM/DD/YYYY' ? [c, a, b] : [c, b, a];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * The dates' format: the chapter's `date_format`, else the one shape every date has. Day and
 * month with slashes are told apart by a first field over 12 (day first) or a second (month
 * first); when no date tells, the format is ambiguous and the chapter must say.
 */
export function dateFormatOf(dates: readonly string[], given: StatementDateFormat | undefined): { format: StatementDateFormat } | { problem: string } {
  if (given) return { format: given };
  const all = (re: RegExp) => dates.every((d) => re.test(d.trim()));
  if (all(SHAPES['YYYY-MM-DD'])) return { format: 'YYYY-MM-DD' };
  if (all(SHAPES['DD.MM.YYYY'])) return { format: 'DD.MM.YYYY' };
  if (all(SHAPES['DD-MM-YYYY'])) return { format: 'DD-MM-YYYY' };
  if (all(SHAPES['DD/MM/YYYY'])) {
    const parts = dates.map((d) => d.trim().split('/').map(Number));
    const dayFirst = parts.some((p) => p[0]! > 12);
    const monthFirst = parts.some((p) => p[1]! > 12);
    if (dayFirst && !monthFirst) return { format: 'DD/MM/YYYY' };
    if (monthFirst && !dayFirst) return { format: 'MM/DD/YYYY' };
    return { problem: `the statement's dates (such as ${dates[0]}) could be day/month or month/day; say which in chapter.yaml: bank_statement: { date_format: DD/MM/YYYY } (or MM/DD/YYYY)` };
  }
  const odd = dates.find((d) => !Object.values(SHAPES).some((re) => re.test(d.trim())));
  return { problem: `the statement's date ${JSON.stringify(odd ?? dates[0])} is in no format iops reads (YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, DD-MM-YYYY)` };
}

/**
 * An amount as the bank writes it → minor units of the currency, or why not. Currency signs and
 * codes, spaces and a leading + are dropped; `-12.00`, `(12.00)` and `12.00-` are negative.
 * The decimal separator is the chapter's, else the last of `.` and `,` when both occur, else the
 * one occurring once and not followed by exactly three digits (then it groups thousands).
 */
export function statementAmount(text: string, currency: string, decimal?: '.' | ','): { minor: number } | { problem: string } {
  let t = text.replace(/[\s\u00a0\u202f']/g, '').replace(/[£$€¥]|[A-Za-z]{3}$|^[A-Za-z]{3}/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1)];
  if (t.endsWith('-')) [negative, t] = [true, t.slice(0, -1)];
  if (t.startsWith('-')) [negative, t] = [!negative, t.slice(1)];
  else if (t.startsWith('+')) t = t.slice(1);
  if (!/^[\d.,]*\d[\d.,]*$/.test(t)) return { problem: `${JSON.stringify(text)} is not an amount` };
  const sep = decimal ?? guessDecimal(t, minorDigits(currency));
  const thousands = sep === '.' ? ',' : '.';
  const [whole, frac = '', extra] = t.split(sep);
  if (extra !== undefined) return { problem: `${JSON.stringify(text)} has more than one decimal separator` };
  const groups = whole!.split(thousands);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return { problem: `${JSON.stringify(text)} groups its digits oddly` };
  if (frac.includes(thousands)) return { problem: `${JSON.stringify(text)} is not an amount` };
  const digits = minorDigits(currency);
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > digits) return { problem: `${JSON.stringify(text)} has more decimals than ${currency} has` };
  const minor = Number(groups.join('') || '0') * 10 ** digits + Number(trimmed.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { problem: `${JSON.stringify(text)} is too large` };
  return { minor: negative ? -minor : minor };
}

function guessDecimal(t: string, digits: number): '.' | ',' {
  const dot = t.lastIndexOf('.');
  const comma = t.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : '.';
  const at = Math.max(dot, comma);
  if (at < 0) return '.';
  const once = t.indexOf(sep) === at;
  const threeAfter = t.length - at - 1 === 3;
  if (!once || (threeAfter && digits !== 3)) return sep === '.' ? ',' : '.';
  return sep;
}

/** A member id in the reference: the one id that occurs as a word (not inside a longer id); undefined when none or several do. */
export function memberInReference(reference: string, memberIds: readonly string[]): { member: string } | { problem: string } {
  const text = reference.toLowerCase();
  const found = new Set<string>();
  for (const id of memberIds) {
    let at = text.indexOf(id);
    while (at >= 0) {
      const before = text[at - 1];
      const after = text[at + id.length];
      if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) {
        found.add(id);
        break;
      }
      at = text.indexOf(id, at + 1);
    }
  }
  // an id found inside a longer one that is also found (ldn-a in ldn-a-2) is the longer one's
  const ids = [...found].filter((id) => ![...found].some((other) => other !== id && other.includes(id)));
  if (ids.length === 1) return { member: ids[0]! };
  return { problem: ids.length ? `names more than one member (${ids.join(', ')})` : 'names no member id' };
}

/** A month the reference names (2012-08, 2012/08 or 08/2012), not part of a full date: the period paid for. */
export function periodInReference(reference: string): string | undefined {
  const m = /(?<![\d/.-])(\d{4})[-/.](0[1-9]|1[0-2])(?![\d]|[-/.]\d)/.exec(reference) ?? /(?<![\d/.-])(0[1-9]|1[0-2])[-/.](\d{4})(?![\d]|[-/.]\d)/.exec(reference);
  if (!m) return undefined;
  return m[1]!.length === 4 ? `${m[1]}-${m[2]}` : `${m[2]}-${m[1]}`;
}
