// iops dues [summary] | export | suggest: what came in, pledged against received, the
// receipts as a journal for plain-text accounting, and what a member's chapter suggests.
import { resolveAsOf } from './asOf.js';
import { type Memo, recall } from '../load/memo.js';
import { openRepository, requireValid } from '../load/open.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { dataCommit } from '../io/git.js';
import { findDataRoot } from '../io/repo.js';
import { addDays, isCalendarDate } from '../core/dates.js';
import { NO_TREASURY } from '../core/model.js';
import { balancesAt } from '../core/dues/balances.js';
import type { DuesWindow } from '../core/dues/pledges.js';
import { suggestDues } from '../core/dues/suggest.js';
import { chapterArrears } from '../core/dues/arrears.js';
import { closest } from '../core/problem.js';
import { arrearsJson, renderArrearsMarkdown, renderArrearsTable } from '../render/dues-arrears.js';
import { type DuesSummary, type Grouping, duesSummary, receiptsIn } from '../core/dues/summary.js';
import { ledgerJournal, receiptsCsv } from '../core/ledger.js';
import { EXIT, UsageError } from '../errors.js';
import { duesJson, renderDuesCsv, renderDuesMarkdown, renderDuesTable } from '../render/dues.js';
import { renderSuggestionMarkdown, renderSuggestionText, suggestionJson } from '../render/dues-suggest.js';
import { type CommandContext, type CommandResult, chalkFor, json, location } from './context.js';

export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a calendar date (write YYYY-MM-DD)`);
  return value;
}

/**
 * The window of `iops dues` and `iops dues export`: --from and --to, both days included; by
 * default January 1 of the as-of date's year up to the as-of date. With only --to, from January
 * 1 of --to's year; with only --from, up to the as-of date.
 */
export function duesWindow(asOf: string, from: string | undefined, to: string | undefined): DuesWindow {
  const end = dateFlag('--to', to) ?? asOf;
  const start = dateFlag('--from', from) ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) throw new UsageError(`--from ${start} is after ${to === undefined ? `the as-of date ${end}` : `--to ${end}`}`);
  return { from: start, to: end };
}

export interface DuesOptions {
  from?: string;
  to?: string;
  by?: Grouping;
  format?: 'table' | 'json' | 'markdown' | 'csv';
  at?: string;
}

export async function duesCommand(ctx: CommandContext, opts: DuesOptions): Promise<CommandResult> {
  const by = opts.by ?? 'chapter';
  const memo = await recall<DuesSummary>(location(ctx), opts.at, 'dues', { from: opts.from ?? null, to: opts.to ?? null, by, today: ctx.today });
  const summary = memo.hit ?? (await summarise(ctx, opts, by, memo));
  const view = { ...summary, ...(await dataCommit(findDataRoot(location(ctx)), opts.at)) };
  const stdout =
    opts.format === 'json'
      ? json(duesJson(view))
      : opts.format === 'markdown'
        ? renderDuesMarkdown(view)
        : opts.format === 'csv'
          ? renderDuesCsv(view)
          : renderDuesTable(view, { chalk: chalkFor(ctx), terminal: ctx.color });
  return { stdout, exitCode: EXIT.ok };
}

async function summarise(ctx: CommandContext, opts: DuesOptions, by: Grouping, memo: Memo<DuesSummary>): Promise<DuesSummary> {
  const repo = await openRepository(location(ctx), { at: opts.at, scope: LEDGERS_AS_SUMS, listed: memo.listed });
  const org = requireValid(repo);
  const summary = duesSummary(org, duesWindow(resolveAsOf(org, undefined, ctx.today), opts.from, opts.to), by);
  memo.remember(repo, summary);
  return summary;
}

export interface DuesExportOptions {
  from?: string;
  to?: string;
  format?: 'ledger' | 'csv';
  at?: string;
}

/**
 * The receipts of the same window as `iops dues` (duesWindow: by default the as-of year so far),
 * as a journal or CSV, so that hledger's balance of the default export is `iops dues`'s total.
 */
export async function duesExportCommand(ctx: CommandContext, opts: DuesExportOptions): Promise<CommandResult> {
  const repo = await openRepository(location(ctx), { at: opts.at });
  const org = requireValid(repo);
  const window = duesWindow(resolveAsOf(org, undefined, ctx.today), opts.from, opts.to);
  const receipts = receiptsIn(org, window);
  const t = org.treasury ?? NO_TREASURY;
  const inWindow = <T extends { date: string }>(xs: readonly T[]) => xs.filter((x) => x.date >= window.from && x.date <= window.to);
  const treasury = { transfers: inWindow(t.transfers), expenses: inWindow(t.expenses), opening: balancesAt(org, addDays(window.from, -1)) };
  const stdout = opts.format === 'csv' ? receiptsCsv(org, receipts) : ledgerJournal(org, receipts, window, treasury);
  return { stdout, exitCode: EXIT.ok };
}

export interface DuesArrearsOptions {
  chapter: string;
  from?: string;
  to?: string;
  months?: string;
  format?: 'table' | 'json' | 'markdown';
  at?: string;
}

/**
 * The chapter treasurer's private lists (core/dues/arrears.ts). They name members and what
 * they owe, so this command never remembers its result on disk (no recall/remember, unlike
 * `iops dues`): anyone who can read the clone could read it.
 */
export async function duesArrearsCommand(ctx: CommandContext, opts: DuesArrearsOptions): Promise<CommandResult> {
  const months = opts.months === undefined ? 3 : Number(opts.months);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new UsageError(`--months ${JSON.stringify(opts.months)}: expected a whole number of months from 1 to 120`);
  const repo = await openRepository(location(ctx), { at: opts.at });
  const org = requireValid(repo);
  const chapter = org.chapterById.get(opts.chapter);
  if (!chapter) {
    const hint = closest(opts.chapter, org.chapterById.keys());
    throw new UsageError(`no chapter ${JSON.stringify(opts.chapter)}${hint ? `; did you mean ${hint}?` : ''}`);
  }
  const window = duesWindow(resolveAsOf(org, undefined, ctx.today), opts.from, opts.to);
  const view = { ...chapterArrears(org, chapter, window, months), chapterName: chapter.name, currency: org.settings.currency };
  const stdout =
    opts.format === 'json' ? json(arrearsJson(view)) : opts.format === 'markdown' ? renderArrearsMarkdown(view) : renderArrearsTable(view, chalkFor(ctx), ctx.color);
  return { stdout, exitCode: EXIT.ok };
}

export interface DuesSuggestOptions {
  member: string;
  format?: 'table' | 'json' | 'markdown';
}

export async function duesSuggestCommand(ctx: CommandContext, opts: DuesSuggestOptions): Promise<CommandResult> {
  const org = requireValid(await openRepository(location(ctx)));
  const suggestion = suggestDues(org, opts.member);
  if (!suggestion) throw new UsageError(`no member "${opts.member}" in this organisation`);
  const currency = org.settings.currency;
  const stdout =
    opts.format === 'json'
      ? json(suggestionJson(suggestion, currency))
      : opts.format === 'markdown'
        ? renderSuggestionMarkdown(suggestion, currency)
        : renderSuggestionText(suggestion, currency, chalkFor(ctx));
  return { stdout, exitCode: EXIT.ok };
}
