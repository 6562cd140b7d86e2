// Receipts as plain-text accounting: an hledger/ledger journal, one transaction per
// receipt, transfer and expense (with every account's opening balance at the window's start), and the same receipts as CSV. No member ids: a transaction names the chapter and
// the month paid for, and points at the receipt's file and position for the audit trail.
// Amounts stay in their own currency; `P` directives carry iops.yaml's rates, so
// `hledger balance -X USD` values them in the reporting currency. See docs/dues.md.
import type { Balance } from './dues/balances.js';
import type { ExpenseRecord, Organisation, ReceiptRecord, TransferRecord } from './model.js';
import { formatMinor, minorDigits } from './money.js';

export interface ExportHeader {
  from: string;
  to: string;
}

export const incomeAccount = (chapter: string): string => `income:dues:${chapter}`;
export const bankAccount = (chapter: string): string => `assets:${chapter}:bank`;

/** A chapter name safe in a transaction description (`;` starts a comment, `|` splits payee and note). */
const description = (text: string): string => text.replace(/[;|\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();

const amount = (minor: number, currency: string): string => `${formatMinor(minor, currency)} ${currency}`;

/** A commodity's display style: `1000.00 GBP`, `1000. JPY` (hledger needs the decimal mark even with no decimals). */
const commodityStyle = (currency: string): string => `1000.${'0'.repeat(minorDigits(currency))} ${currency}`;

const source = (r: ReceiptRecord): string => `${r.file}${r.index !== undefined ? ` #${r.index + 1}` : ''}`;

/** A holder's bank account in the journal: `assets:<chapter>:bank`, `assets:branches:<id>:bank`, `assets:international:bank`. */
export function holderAccount(account: string): string {
  if (account === 'international') return 'assets:international:bank';
  const [level, id] = account.split('/');
  return level === 'chapter' ? bankAccount(id!) : `assets:branches:${id}:bank`;
}
export const expenseAccount = (category: string): string => `expenses:${category}`;
export const OPENING_ACCOUNT = 'equity:opening-balances';

/** What the journal holds besides receipts: the treasury's records in the window, and every account's balance the day before it. */
export interface JournalTreasury {
  transfers: readonly TransferRecord[];
  expenses: readonly ExpenseRecord[];
  opening: readonly Balance[];
}

interface Entry {
  date: string;
  rank: number;
  lines: string[];
}

export function ledgerJournal(org: Organisation, receipts: readonly ReceiptRecord[], header: ExportHeader, treasury: JournalTreasury = { transfers: [], expenses: [], opening: [] }): string {
  const { settings } = org;
  const opening = treasury.opening.filter((b) => b.byCurrency.size > 0);
  const used = [
    ...receipts.map((r) => r.currency),
    ...treasury.transfers.map((t) => t.currency),
    ...treasury.expenses.map((e) => e.currency),
    ...opening.flatMap((b) => [...b.byCurrency.keys()]),
  ];
  const currencies = [...new Set([settings.currency, ...used])].sort();
  const accounts = new Set<string>();
  for (const r of receipts) [bankAccount(r.chapter), incomeAccount(r.chapter)].forEach((a) => accounts.add(a));
  for (const t of treasury.transfers) [holderAccount(t.from), holderAccount(t.to)].forEach((a) => accounts.add(a));
  for (const e of treasury.expenses) [holderAccount(e.account), expenseAccount(e.category)].forEach((a) => accounts.add(a));
  for (const b of opening) accounts.add(holderAccount(b.account));
  if (opening.length) accounts.add(OPENING_ACCOUNT);
  const firstYear = header.from.slice(0, 4);
  const lines = [
    `; ${description(settings.organization)}: dues receipts, transfers and expenses from ${header.from} to ${header.to} (both days included), written by iops dues export`,
    `; ${receipts.length} receipts, ${treasury.transfers.length} transfers, ${treasury.expenses.length} expenses${opening.length ? `, and the balances of ${header.from}'s eve as opening balances` : ''}; amounts in their own currency; prices from iops.yaml rates (reporting currency ${settings.currency})`,
    `; hledger bal -X ${settings.currency} values them; add -c '1000.0000 ${settings.currency}' for exact values (iops rounds each currency's total half away from zero)`,
    '',
    ...currencies.map((c) => `commodity ${commodityStyle(c)}`),
    '',
    ...[...accounts].sort().map((a) => `account ${a}`),
    '',
    ...currencies.filter((c) => c !== settings.currency && settings.rates?.[c] !== undefined).map((c) => `P ${firstYear}-01-01 ${c} ${settings.rates![c]} ${settings.currency}`),
  ];
  const entries: Entry[] = [];
  if (opening.length) {
    const postings = opening.flatMap((b) => [...b.byCurrency].sort(([a], [c]) => (a < c ? -1 : 1)).map(([c, minor]) => `    ${holderAccount(b.account)}  ${amount(minor, c)}`));
    const totals = new Map<string, number>();
    for (const b of opening) for (const [c, minor] of b.byCurrency) totals.set(c, (totals.get(c) ?? 0) + minor);
    const equity = [...totals].sort(([a], [c]) => (a < c ? -1 : 1)).filter(([, m]) => m !== 0).map(([c, minor]) => `    ${OPENING_ACCOUNT}  ${amount(-minor, c)}`);
    entries.push({ date: header.from, rank: 0, lines: [`${header.from} * Opening balances: every account at the end of the day before`, ...postings, ...equity] });
  }
  for (const r of receipts) {
    const name = description(org.chapterById.get(r.chapter)?.name ?? r.chapter);
    entries.push({
      date: r.date,
      rank: 1,
      lines: [
        `${r.date} * ${name} dues${r.period ? ` for ${r.period}` : ''}  ; source: ${source(r)}`,
        `    ${bankAccount(r.chapter)}  ${amount(r.minor, r.currency)}`,
        `    ${incomeAccount(r.chapter)}  ${amount(-r.minor, r.currency)}`,
      ],
    });
  }
  for (const t of treasury.transfers)
    entries.push({
      date: t.date,
      rank: 2,
      lines: [
        `${t.date} * Transfer from ${t.from} to ${t.to}  ; source: ${t.file} transfers #${(t.index ?? 0) + 1}`,
        `    ${holderAccount(t.to)}  ${amount(t.minor, t.currency)}`,
        `    ${holderAccount(t.from)}  ${amount(-t.minor, t.currency)}`,
      ],
    });
  for (const e of treasury.expenses)
    entries.push({
      date: e.date,
      rank: 3,
      lines: [
        `${e.date} * Expense: ${e.category}, paid by ${e.account}  ; source: ${e.file} expenses #${(e.index ?? 0) + 1}`,
        `    ${expenseAccount(e.category)}  ${amount(e.minor, e.currency)}`,
        `    ${holderAccount(e.account)}  ${amount(-e.minor, e.currency)}`,
      ],
    });
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank));
  for (const e of entries) lines.push('', ...e.lines);
  return `${lines.join('\n')}\n`;
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function receiptsCsv(org: Organisation, receipts: readonly ReceiptRecord[]): string {
  const { settings } = org;
  const rows = [['date', 'chapter', 'branch', 'period', 'amount', 'currency', `rate_to_${settings.currency.toLowerCase()}`, 'source']];
  for (const r of receipts) {
    const rate = r.currency === settings.currency ? 1 : settings.rates![r.currency]!;
    rows.push([r.date, r.chapter, org.chapterById.get(r.chapter)?.branch ?? '', r.period ?? '', formatMinor(r.minor, r.currency), r.currency, String(rate), source(r)]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
