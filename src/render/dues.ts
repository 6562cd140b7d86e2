// The dues summary (`iops dues`) as a terminal table, Markdown, JSON or CSV.
import type { ChalkInstance } from 'chalk';
import type { Balance } from '../core/dues/balances.js';
import { type ArrearsRow, type DuesSummary, OTHER_CHAPTERS } from '../core/dues/summary.js';
import { totalsJson } from '../core/dues/totals.js';
import { formatMinor, minorToNumber } from '../core/money.js';
import { SUPPRESSED_TEXT, privacyNote } from '../core/privacy.js';
import { mdText, printable } from './escape.js';
import { count } from './format.js';
import { type Cell, csvLines, currenciesText, markdownTable, moneyText, right, table } from './dues-format.js';

export interface DuesOutput extends DuesSummary {
  commit: string | null;
  dirty: boolean;
}

export interface DuesRenderOptions {
  chalk: ChalkInstance;
  terminal: boolean;
}

export const ROUNDING = "each currency's total is converted to the reporting currency once, rounded half away from zero";

const heading = (v: DuesOutput, text: (s: string) => string = String) => `${text(v.organization)}: dues received ${v.from} to ${v.to}`;
const dataLine = (v: DuesOutput) => (v.commit ? `data at ${v.commit.slice(0, 10)}${v.dirty ? ' + uncommitted changes' : ''}` : 'data not committed');
const ratesLine = (v: DuesOutput) => {
  const rates = Object.entries(v.rates).map(([c, r]) => `1 ${c} = ${r} ${v.currency}`);
  if (!rates.length) return `Every amount is in ${v.currency}: nothing to convert.`;
  return `Rates: ${rates.join(', ')}; ${ROUNDING}, so rows can differ from the total by a cent or so.`;
};
const maybe = (n: number | null, show: (n: number) => string): string => (n === null ? SUPPRESSED_TEXT : show(n));
const privacyLine = (v: DuesOutput) => privacyNote(v.minGroup);

const rowLabel = (a: ArrearsRow) => (a.chapter === OTHER_CHAPTERS ? `${count(a.chapters)} other chapter${a.chapters === 1 ? '' : 's'}` : a.chapter);

function arrearsCells(a: ArrearsRow, currency: string): string[] {
  const m = (n: number) => moneyText(n, currency);
  return [rowLabel(a), maybe(a.pledging, count), maybe(a.pledged, m), m(a.received), maybe(a.arrears, m), maybe(a.exempt, count)];
}

function arrearsTotalCells(v: DuesOutput): string[] {
  const t = v.arrearsTotal;
  const m = (n: number) => moneyText(n, v.currency);
  const pledging = v.arrears.reduce((n, a) => n + (a.pledging ?? 0), 0);
  return [t.hiddenChapters ? 'Total shown' : 'Total', count(pledging), m(t.pledged), m(t.received), m(t.arrears), maybe(v.exempt, count)];
}

export const ARREARS_ROUNDING = 'rows are rounded to the cent so that each column adds up to its total (largest remainder: each row within a cent of its exact value)';

const arrearsNote = (v: DuesOutput) =>
  `PLEDGING counts the members whose pledge fell due in the window (those who left during it too); received counts the chapter's members' receipts; ` +
  `arrears = pledged − received (negative: more received than pledged); ${ARREARS_ROUNDING}. Exempt members are counted at ${v.pledgesAsOf}, the last month end. Chapters with fewer than ${v.minGroup} pledging members, or whose report does not show its pledging count, are counted together.` +
  (v.arrearsTotal.hiddenChapters ? ' Their pledges are not shown nor in the total: together they would reveal a group of fewer than ' + `${v.minGroup} people.` : '');

const tiersTitle = (v: DuesOutput) => `Pledges on the sliding scale (${v.currency} a month; ${maybe(v.pledges.members, count)} current members with a pledge at ${v.pledgesAsOf})`;

const balancesTitle = (v: DuesOutput) => `Where the money is held at the end of ${v.to} (${v.currency}; every receipt, transfer and expense so far)`;
const balanceLabel = (b: Balance) => (b.level === 'international' ? 'international' : b.account);
const balancesNote = (v: DuesOutput) => (v.balances.length ? `Each currency's balance converted once, rounded half away from zero. ${v.balances.some((b) => b.level !== 'chapter') ? '' : 'No branch or international account: treasury/accounts.yaml lists them (docs/dues.md).'}`.trim() : 'No money held yet.');

function balanceRows(v: DuesOutput): string[][] {
  return v.balances.map((b) => [balanceLabel(b), b.level, moneyText(b.total, v.currency), currenciesText(b.byCurrency)]);
}

export function renderDuesTable(view: DuesOutput, o: DuesRenderOptions): string {
  const v = printable(view);
  const { chalk } = o;
  const m = (n: number) => moneyText(n, v.currency);
  const rows: Cell[][] = v.rows.map((r) => [r.key, right(count(r.receipts)), right(m(r.total)), currenciesText(r.byCurrency)]);
  rows.push([chalk.bold('Total'), right(count(v.receipts)), right(chalk.bold(m(v.total))), currenciesText(v.byCurrency)]);
  const arrears = v.arrears.map((a) => arrearsCells(a, v.currency).map((c, i) => (i === 0 ? c : right(c))));
  arrears.push(arrearsTotalCells(v).map((c, i) => (i === 0 ? chalk.bold(c) : right(c))));
  const tiers = v.pledges.tiers.map((t) => [t.label, right(maybe(t.members, count))]);
  return [
    chalk.bold(heading(v)),
    dataLine(v),
    '',
    table([v.by.toUpperCase(), 'RECEIPTS', `TOTAL (${v.currency})`, 'AS RECEIVED'], rows, o.terminal),
    ratesLine(v),
    '',
    chalk.bold(`Pledged and received by chapter (${v.currency})`),
    table(['CHAPTER', 'PLEDGING', 'PLEDGED', 'RECEIVED', 'ARREARS', 'EXEMPT'], arrears, o.terminal),
    arrearsNote(v),
    '',
    chalk.bold(tiersTitle(v)),
    table(['TIER', 'MEMBERS'], tiers, o.terminal),
    privacyLine(v),
    '',
    chalk.bold(balancesTitle(v)),
    table(['ACCOUNT', 'LEVEL', `BALANCE (${v.currency})`, 'AS HELD'], balanceRows(v).map(([a, l, t, h]) => [a!, l!, right(t!), h!]), o.terminal),
    balancesNote(v),
  ].join('\n');
}

export function renderDuesMarkdown(v: DuesOutput): string {
  const m = (n: number) => moneyText(n, v.currency);
  const rows = v.rows.map((r) => [mdText(r.key), count(r.receipts), m(r.total), currenciesText(r.byCurrency)]);
  rows.push(['**Total**', count(v.receipts), `**${m(v.total)}**`, currenciesText(v.byCurrency)]);
  const arrears = [...v.arrears.map((a) => arrearsCells(a, v.currency).map((c, i) => (i === 0 ? mdText(c) : c))), arrearsTotalCells(v).map((c, i) => (i === 0 ? `**${c}**` : c))];
  return [
    `## ${heading(v, mdText)}`,
    '',
    dataLine(v),
    '',
    markdownTable([v.by[0]!.toUpperCase() + v.by.slice(1), 'Receipts', `Total (${v.currency})`, 'As received'], 'lrrl', rows),
    '',
    ratesLine(v),
    '',
    `### Pledged and received by chapter (${v.currency})`,
    '',
    markdownTable(['Chapter', 'Pledging', 'Pledged', 'Received', 'Arrears', 'Exempt'], 'lrrrrr', arrears),
    '',
    arrearsNote(v),
    '',
    `### ${tiersTitle(v)}`,
    '',
    markdownTable(['Tier', 'Members'], 'lr', v.pledges.tiers.map((t) => [t.label, maybe(t.members, count)])),
    '',
    privacyLine(v),
    '',
    `### ${balancesTitle(v)}`,
    '',
    markdownTable(['Account', 'Level', `Balance (${v.currency})`, 'As held'], 'llrl', balanceRows(v).map(([a, ...rest]) => [mdText(a!), ...rest])),
    '',
    balancesNote(v),
  ].join('\n');
}

export function duesJson(v: DuesOutput): unknown {
  const n = (minor: number) => minorToNumber(minor, v.currency);
  const nn = (minor: number | null) => (minor === null ? null : n(minor));
  return {
    organization: v.organization,
    currency: v.currency,
    from: v.from,
    to: v.to,
    by: v.by,
    total: n(v.total),
    by_currency: totalsJson(v.byCurrency),
    receipts: v.receipts,
    rows: v.rows.map((r) => ({ key: r.key, total: n(r.total), by_currency: totalsJson(r.byCurrency), receipts: r.receipts })),
    rates: v.rates,
    rounding: ROUNDING,
    arrears: {
      chapters: v.arrears.map((a) => ({
        chapter: a.chapter,
        chapters: a.chapters,
        pledging_members: a.pledging,
        pledged: nn(a.pledged),
        received: n(a.received),
        arrears: nn(a.arrears),
        exempt_members: a.exempt,
      })),
      total: { pledged: n(v.arrearsTotal.pledged), received: n(v.arrearsTotal.received), arrears: n(v.arrearsTotal.arrears), chapters_not_shown: v.arrearsTotal.hiddenChapters },
      rounding: ARREARS_ROUNDING,
    },
    exempt_members: v.exempt,
    pledges: {
      as_of: v.pledgesAsOf,
      members: v.pledges.members,
      tiers: v.pledges.tiers.map((t) => ({ tier: t.label, from: t.from, to: t.to, members: t.members })),
    },
    min_group: v.minGroup,
    balances: { as_of: v.to, accounts: v.balances.map((b) => ({ account: b.account, level: b.level, total: n(b.total), by_currency: totalsJson(b.byCurrency) })) },
    commit: v.commit,
    dirty: v.dirty,
  };
}

export function renderDuesCsv(v: DuesOutput): string {
  const currencies = [...v.byCurrency.keys()].sort();
  const plain = (minor: number | undefined, c: string) => (minor === undefined ? '' : formatMinor(minor, c));
  const lines = [[v.by, `total_${v.currency.toLowerCase()}`, 'receipts', ...currencies.map((c) => c.toLowerCase())]];
  for (const r of v.rows) lines.push([r.key, plain(r.total, v.currency), String(r.receipts), ...currencies.map((c) => plain(r.byCurrency.get(c), c))]);
  lines.push(['TOTAL', plain(v.total, v.currency), String(v.receipts), ...currencies.map((c) => plain(v.byCurrency.get(c), c))]);
  return csvLines(lines);
}
