// Money and tables for the dues and forecast views: amounts with thousands separators in
// their currency's minor unit, numbers right-aligned, colour only on a terminal.
import { longTable } from './longTable.js';
import { formatMinor } from '../core/money.js';

/** 123456 in USD → "1,234.56". */
export function moneyText(minor: number, currency: string): string {
  const [whole, frac] = formatMinor(minor, currency).split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}`;
}

/** "2,765.00 EUR · 4,444.00 GBP" */
export const currenciesText = (totals: ReadonlyMap<string, number>): string =>
  [...totals.keys()].sort().map((c) => `${moneyText(totals.get(c)!, c)} ${c}`).join(' · ');

export type Cell = string | { content: string; hAlign: 'right' };
export const right = (content: string): Cell => ({ content, hAlign: 'right' });

/** No rule between rows: these tables are long columns of numbers. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function table(head: string[], rows: Cell[][], terminal: boolean): string {
  return longTable({ head, chars: COMPACT, style: { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [] } }, rows);
}

/** A Markdown table; `align` per column: 'l' or 'r'. Cells are Markdown: text from the files goes through `mdText` first. */
export function markdownTable(head: string[], align: string, rows: string[][]): string {
  const sep = [...align].map((a) => (a === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLines = (rows: string[][]): string => `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
