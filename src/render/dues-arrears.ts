// `iops dues arrears --chapter C`: the chapter treasurer's private lists, as a terminal table,
// Markdown or JSON. Every format says, first, that it is private.
import type { ChalkInstance } from 'chalk';
import type { ChapterArrears } from '../core/dues/arrears.js';
import { totalsJson } from '../core/dues/totals.js';
import { minorToNumber } from '../core/money.js';
import type { Pledge } from '../core/schema/members.js';
import { mdText, printable } from './escape.js';
import { currenciesText, markdownTable, moneyText, right, table } from './dues-format.js';

export const PRIVATE_NOTICE =
  'PRIVATE: names members and what they owe, for the chapter\'s own follow-up. Do not publish it, paste it into a pull request or an issue, or share it beyond the people who follow up dues.';

export interface ArrearsView extends ChapterArrears {
  chapterName: string;
  currency: string;
}

const pledgeText = (p: Pledge | undefined) => (p === undefined ? 'none' : p === 'exempt' ? 'exempt' : `${p.amount} ${p.currency} a ${p.every}`);
const heading = (v: ArrearsView) => `${v.chapterName}: dues by member, ${v.window.from} to ${v.window.to}`;
const lapsedTitle = (v: ArrearsView) => `Lapsed: a pledge, and no receipt since ${v.lapsedSince} (the last ${v.lapsedMonths} month${v.lapsedMonths === 1 ? '' : 's'})`;
const rule = (v: ArrearsView) => `arrears = pledged − received in ${v.currency} (negative: paid ahead); a member's receipts count wherever they were recorded.`;

export function renderArrearsTable(view: ArrearsView, chalk: ChalkInstance, terminal: boolean): string {
  const v = printable(view);
  const m = (n: number) => moneyText(n, v.currency);
  const rows = v.members.map((a) => [a.member, pledgeText(a.pledge), right(m(a.pledgedValue)), right(m(a.receivedValue)), right(m(a.arrears)), a.lastReceipt ?? 'never']);
  const lapsed = v.lapsed.map((l) => [l.member, pledgeText(l.pledge), l.lastReceipt ?? 'never']);
  return [
    chalk.bold.red(PRIVATE_NOTICE),
    '',
    chalk.bold(heading(v)),
    table(['MEMBER', 'PLEDGE', `PLEDGED (${v.currency})`, 'RECEIVED', 'ARREARS', 'LAST RECEIPT'], rows, terminal),
    rule(v),
    '',
    chalk.bold(lapsedTitle(v)),
    lapsed.length ? table(['MEMBER', 'PLEDGE', 'LAST RECEIPT'], lapsed, terminal) : 'nobody',
  ].join('\n');
}

export function renderArrearsMarkdown(v: ArrearsView): string {
  const m = (n: number) => moneyText(n, v.currency);
  return [
    `> **${PRIVATE_NOTICE}**`,
    '',
    `## ${mdText(heading(v))}`,
    '',
    markdownTable(['Member', 'Pledge', `Pledged (${v.currency})`, 'Received', 'Arrears', 'Last receipt'], 'llrrrl', v.members.map((a) => [mdText(a.member), pledgeText(a.pledge), m(a.pledgedValue), m(a.receivedValue), m(a.arrears), a.lastReceipt ?? 'never'])),
    '',
    rule(v),
    '',
    `### ${lapsedTitle(v)}`,
    '',
    v.lapsed.length ? markdownTable(['Member', 'Pledge', 'Last receipt'], 'lll', v.lapsed.map((l) => [mdText(l.member), pledgeText(l.pledge), l.lastReceipt ?? 'never'])) : 'nobody',
  ].join('\n');
}

export function arrearsJson(v: ArrearsView): unknown {
  const n = (minor: number) => minorToNumber(minor, v.currency);
  return {
    private: true,
    notice: PRIVATE_NOTICE,
    chapter: v.chapter,
    currency: v.currency,
    from: v.window.from,
    to: v.window.to,
    members: v.members.map((a) => ({
      member: a.member,
      pledge: a.pledge ?? null,
      pledged: n(a.pledgedValue),
      received: n(a.receivedValue),
      arrears: n(a.arrears),
      pledged_by_currency: totalsJson(a.pledged),
      received_by_currency: totalsJson(a.received),
      last_receipt: a.lastReceipt,
    })),
    lapsed: { months: v.lapsedMonths, since: v.lapsedSince, members: v.lapsed.map((l) => ({ member: l.member, pledge: l.pledge, last_receipt: l.lastReceipt })) },
  };
}

export { currenciesText };
