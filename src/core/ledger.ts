// Receipts as plain-text accounting: an hledger/ledger journal, one transaction per
// receipt, and the same receipts as CSV. No member ids: a transaction names the chapter and
// the month paid for, and points at the receipt's file and position for the audit trail.
// Amounts stay in their own currency; `P` directives carry iops.yaml's rates, so
// `hledger balance -X USD` values them in the reporting currency. See docs/dues.md.
import type { Organisation, ReceiptRecord } from './model.js';
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

export function ledgerJournal(org: Organisation, receipts: readonly ReceiptRecord[], header: ExportHeader): string {
  const { settings } = org;
  const chapters = [...new Set(receipts.map((r) => r.chapter))].sort();
  const currencies = [...new Set([settings.currency, ...receipts.map((r) => r.currency)])].sort();
  const firstYear = receipts[0]?.date.slice(0, 4) ?? header.from.slice(0, 4);
  const lines = [
    `; ${description(settings.organization)}: dues receipts from ${header.from} to ${header.to} (both days included), written by iops dues export`,
    `; ${receipts.length} receipts; amounts in the currency received; prices from iops.yaml rates (reporting currency ${settings.currency})`,
    `; hledger bal -X ${settings.currency} values them; add -c '1000.0000 ${settings.currency}' for exact values (iops rounds each currency's total half away from zero)`,
    '',
    ...currencies.map((c) => `commodity ${commodityStyle(c)}`),
    '',
    ...chapters.flatMap((c) => [`account ${bankAccount(c)}`, `account ${incomeAccount(c)}`]),
    '',
    ...currencies.filter((c) => c !== settings.currency && settings.rates?.[c] !== undefined).map((c) => `P ${firstYear}-01-01 ${c} ${settings.rates![c]} ${settings.currency}`),
  ];
  for (const r of receipts) {
    const name = description(org.chapterById.get(r.chapter)?.name ?? r.chapter);
    lines.push(
      '',
      `${r.date} * ${name} dues${r.period ? ` for ${r.period}` : ''}  ; source: ${source(r)}`,
      `    ${bankAccount(r.chapter)}  ${amount(r.minor, r.currency)}`,
      `    ${incomeAccount(r.chapter)}  ${amount(-r.minor, r.currency)}`,
    );
  }
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
