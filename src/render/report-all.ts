// `iops report --all` as a terminal table or Markdown: one line per chapter, then totals.
import type { ChalkInstance } from 'chalk';
import { longTable } from './longTable.js';
import type { OverviewRow } from '../core/report/overview.js';
import { count } from './format.js';
import type { OverviewOutput } from './report-json.js';
import { mdText as md, printable } from './escape.js';

const HEAD = ['CHAPTER', 'FUNCTIONING', 'LAST MEETING', 'LAST REPORT', 'COLLECTING DUES', 'DELEGATE'];

const verdict = (v: boolean | null): string => (v === null ? '–' : v ? 'yes' : 'no');
/** "yes", or "no" with the chapter's scheme when it has one (agreed, but not collecting yet). */
const dues = (row: OverviewRow): string => (row.collecting_dues === null ? '–' : row.collecting_dues ? 'yes' : row.dues_scheme && row.dues_scheme !== 'none' ? `no (${row.dues_scheme})` : 'no');

function cells(row: OverviewRow): string[] {
  return [row.name, verdict(row.functioning), row.last_meeting ?? 'never', row.last_report ?? 'never', dues(row), row.delegate ? 'yes' : 'no'];
}

function header(v: OverviewOutput): string {
  const data = v.commit ? `data at ${v.commit.slice(0, 10)}${v.dirty ? ' + uncommitted changes' : ''}` : 'data not committed';
  return `Chapters as of ${v.as_of}, sorted by ${v.sort} · ${data}`;
}

function totals(v: OverviewOutput): string {
  const t = v.totals;
  return `${count(t.chapters)} chapters · ${count(t.functioning)} functioning · ${count(t.collecting_dues)} collecting dues · ${count(t.with_delegate)} with a delegate`;
}

export function renderOverviewTable(view: OverviewOutput, o: { chalk: ChalkInstance; terminal: boolean }): string {
  const v = printable(view);
  const { chalk } = o;
  const colour = (v: boolean | null, s: string) => (v === null ? s : v ? chalk.green(s) : chalk.red(s));
  const rows = v.chapters.map((row) => {
    const c = cells(row);
    return [c[0]!, colour(row.functioning, c[1]!), c[2]!, c[3]!, colour(row.collecting_dues, c[4]!), colour(row.delegate, c[5]!)];
  });
  const table = longTable({ head: HEAD, style: { head: o.terminal ? ['bold'] : [], border: o.terminal ? ['grey'] : [], compact: true } }, rows);
  return [chalk.bold(`${v.organization}`), header(v), '', table, '', totals(v)].join('\n');
}

export function renderOverviewMarkdown(v: OverviewOutput): string {
  const lines = [`## ${md(v.organization)}: chapters`, '', header(v), '', `| ${HEAD.map((h) => h[0] + h.slice(1).toLowerCase()).join(' | ')} |`, '| --- | :---: | --- | --- | --- | :---: |'];
  for (const row of v.chapters) lines.push(`| ${cells(row).map((c, i) => (i === 0 ? md(c) : c)).join(' | ')} |`);
  lines.push('', totals(v));
  return lines.join('\n');
}
