// iops dues import FILE --chapter C: a bank statement's payments into the chapter's ledgers,
// all or nothing, one commit. Each line's member is the member id its reference names
// (core/dues/bankStatement.ts); lines that name none, or several, are listed and left out.
// The statement's text may name the payer, so a receipt keeps a fingerprint of it as its
// `reference` ("bank-" and 16 letters), never the text: with the date, that is the key that
// makes a second import of the same statement record nothing (core/dues/duplicates.ts).
import { createHash } from 'node:crypto';
import { type ReceiptKeyed, duplicateOf } from '../../core/dues/duplicates.js';
import { dateFormatOf, memberInReference, periodInReference, statementAmount, statementColumns, statementDate } from '../../core/dues/bankStatement.js';
import { formatMinor } from '../../core/money.js';
import { paths } from '../../core/paths.js';
import type { Problem } from '../../core/problem.js';
import { DataError, UsageError } from '../../errors.js';
import { parseCsv } from '../../io/csv.js';
import type { Plan } from '../transaction.js';
import { receiptsToCheck } from './dues.js';
import { compact, listFile } from './files.js';
import { chapterOf, currency as currencyFlag } from './values.js';

export interface StatementLine {
  line: number;
  date: string;
  minor: number;
  currency: string;
  member?: string;
  period?: string;
  reference: string;
  /** Why the line is not recorded. */
  skipped?: string;
}

/** The report an import prints; `nothing new` when a statement was imported already. */
export class NothingNew extends Error {}

/**
 * The fingerprint a receipt keeps of a statement line's reference text: 16 letters a–p (a hash's
 * hex digits as letters), so no run of digits in it can read as a phone or card number.
 */
export const referenceFingerprint = (text: string): string =>
  `bank-${[...createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 16)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('')}`;

export const duesImport = (file: string, text: string, chapterId: string, opts: { currency?: string | undefined } = {}): Plan => async (s) => {
  const chapter = chapterOf(s.org, chapterId);
  const settings = chapter.bank_statement ?? {};
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string) => problems.push({ file, line, column, path: '', message });
  const { records, problems: syntax } = parseCsv(text);
  for (const p of syntax) at(p.line, p.column, p.message);
  const [header, ...body] = records;
  if (!header) throw new UsageError(`${file} is empty; a bank statement's first line names its columns (Date, Reference, Amount, …)`);
  const found = statementColumns(header.fields.map((f) => f.value), settings);
  if ('problem' in found) throw new UsageError(`${file}:${header.line}: ${found.problem}`);
  const col = found.columns;
  const cell = (r: (typeof body)[number], c: number | undefined) => (c === undefined ? undefined : r.fields[c]);
  const rows = body.filter((r) => !(r.fields.length === 1 && r.fields[0]!.value.trim() === ''));
  const format = dateFormatOf(rows.map((r) => cell(r, col.date)?.value ?? ''), settings.date_format);
  const fixedCurrency = opts.currency !== undefined ? currencyFlag('--currency', opts.currency) : settings.currency;
  if (fixedCurrency === undefined && col.currency === undefined)
    throw new UsageError(`${file} has no currency column; say the account's currency with --currency GBP, or in chapter.yaml: bank_statement: { currency: GBP }`);
  if ('problem' in format) throw new UsageError(`${file}: ${format.problem}`);

  const memberIds = s.org.chapters.flatMap((c) => c.members.map((m) => m.id));
  const lines: StatementLine[] = [];
  for (const r of rows) {
    const date = cell(r, col.date);
    const amount = cell(r, col.amount);
    const reference = cell(r, col.reference)?.value ?? '';
    if (!date || !amount) {
      at(r.line, 1, `this line has ${r.fields.length} fields; the header has ${header.fields.length}`);
      continue;
    }
    const iso = statementDate(date.value, format.format);
    if (!iso) at(date.line, date.column, `${JSON.stringify(date.value)} is not a ${format.format} calendar date`);
    const cur = (fixedCurrency ?? cell(r, col.currency)?.value.trim().toUpperCase()) as string;
    if (amount.value.trim() === '') {
      if (iso) lines.push({ line: r.line, date: iso, minor: 0, currency: cur, reference, skipped: 'no money in' });
      continue;
    }
    const money = statementAmount(amount.value, cur, settings.decimal_separator);
    if ('problem' in money) at(amount.line, amount.column, money.problem);
    if (!iso || 'problem' in money) continue;
    const line: StatementLine = { line: r.line, date: iso, minor: money.minor, currency: cur, reference };
    if (money.minor <= 0) line.skipped = 'money out, not a receipt';
    else {
      const who = memberInReference(reference, memberIds);
      if ('problem' in who) line.skipped = `the reference ${who.problem}`;
      else {
        line.member = who.member;
        const period = periodInReference(reference);
        if (period) line.period = period;
      }
    }
    lines.push(line);
  }
  if (problems.length) throw new DataError(problems, `${file} has lines iops cannot read; nothing was recorded`);

  // already recorded (an earlier import, a receipt recorded by hand, in this chapter's ledgers or,
  // for a member who moved or paid elsewhere, in another's), or twice in this statement
  const statementMembers = [...new Set(lines.flatMap((l) => (l.skipped || !l.member ? [] : [l.member])))];
  const known: ReceiptKeyed[] = [...(await receiptsToCheck(s, chapter.id, statementMembers))];
  const where = new Map<ReceiptKeyed, string>();
  for (const r of known) where.set(r, `${(r as { file?: string }).file ?? ''} item ${((r as { index?: number }).index ?? 0) + 1}`);
  const record: StatementLine[] = [];
  for (const line of lines) {
    if (line.skipped || !line.member) continue;
    const keyed: ReceiptKeyed = { date: line.date, member: line.member, currency: line.currency, minor: line.minor, period: line.period, reference: referenceFingerprint(line.reference) };
    const dup = duplicateOf(known, keyed);
    if (dup) {
      line.skipped = where.has(dup.of) ? `already recorded (${dup.reason}): ${where.get(dup.of)}` : `the same as line ${(dup.of as ReceiptKeyed & { line?: number }).line} (${dup.reason})`;
      continue;
    }
    known.push({ ...keyed, line: line.line } as ReceiptKeyed);
    record.push(line);
  }

  const report = importReport(file, chapter.name, lines, record);
  if (!record.length) throw new NothingNew(report);
  const writes = new Map<string, ReturnType<typeof listFile>>();
  for (const line of record) {
    const path = paths.dues(chapter.id, line.date.slice(0, 4));
    let ledger = writes.get(path);
    if (!ledger) writes.set(path, (ledger = listFile(s, path, 'dues')));
    const receipt = compact({
      date: line.date,
      member: line.member!,
      amount: Number(formatMinor(line.minor, line.currency)),
      currency: line.currency,
      period: line.period,
      reference: referenceFingerprint(line.reference),
    });
    ledger.apply({ op: 'append', path: [], items: [receipt], style: 'flow' });
  }
  const members = [...new Set(record.map((l) => l.member!))];
  return {
    command: 'dues import',
    subject: `${chapter.name}: import ${record.length} receipt${record.length === 1 ? '' : 's'} from a bank statement (${record[0]!.date} to ${record[record.length - 1]!.date})`,
    entities: [`chapter/${chapter.id}`, ...members.sort().map((m) => `member/${m}`)],
    writes: [...writes].map(([path, f]) => ({ path, text: f.toString() })),
    output: report,
  };
};

/** What will be recorded and what not, line by line: dates, amounts and member ids, never the statement's text. */
function importReport(file: string, chapter: string, lines: readonly StatementLine[], record: readonly StatementLine[]): string {
  const money = (l: StatementLine) => `${formatMinor(l.minor, l.currency)} ${l.currency}`;
  const row = (l: StatementLine, what: string) => `  line ${l.line}  ${l.date}  ${money(l)}  ${what}`;
  const skipped = lines.filter((l) => l.skipped);
  const unmatched = skipped.filter((l) => l.skipped!.startsWith('the reference'));
  const other = skipped.filter((l) => !l.skipped!.startsWith('the reference'));
  const out = [`${file}: ${lines.length} line${lines.length === 1 ? '' : 's'} for ${chapter}`];
  out.push(record.length ? `to record: ${record.length}` : 'to record: none (nothing new)');
  for (const l of record) out.push(row(l, `${l.member}${l.period ? ` for ${l.period}` : ''}`));
  if (unmatched.length) {
    out.push(`could not match to a member: ${unmatched.length} (record them with iops dues record once you know who paid)`);
    for (const l of unmatched) out.push(row(l, l.skipped!));
  }
  if (other.length) {
    out.push(`left out: ${other.length}`);
    for (const l of other) out.push(row(l, l.skipped!));
  }
  return `${out.join('\n')}\n`;
}
