// iops validate: every file and cross-reference; all problems, not the first. Warnings (about
// invisible characters in values, personal data in ids, notes and reports, and receipts
// that look recorded twice) are listed too,
// and change neither validity nor exit code.
import { invisibleTextWarnings } from '../app/invisibleText.js';
import { duplicateReceiptWarnings } from '../app/duplicateReceipts.js';
import { personalDataWarnings } from '../app/personalDataWarnings.js';
import { compareProblems } from '../core/problem.js';
import { lineOf, openRepository } from '../load/open.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { plural } from '../core/metrics/asof.js';
import { EXIT } from '../errors.js';
import { problemSummary, renderProblems, renderWarnings } from '../render/problems.js';
import { type CommandContext, type CommandResult, chalkFor, json, location } from './context.js';

export async function validateCommand(ctx: CommandContext, opts: { format?: 'table' | 'json'; at?: string }): Promise<CommandResult> {
  // with the files' flags, which say which files the warnings read again (load/scope.ts)
  const repo = await openRepository(location(ctx), { scope: { ...LEDGERS_AS_SUMS, warnings: true }, at: opts.at });
  const valid = repo.problems.length === 0;
  const exitCode = valid ? EXIT.ok : EXIT.negative;
  const warnings = [...(await invisibleTextWarnings(repo, opts.at)), ...(await personalDataWarnings(repo, opts.at)), ...(await duplicateReceiptWarnings(repo, opts.at))].sort(compareProblems);
  if (opts.format === 'json') {
    return { stdout: json({ valid, problems: repo.problems, warnings }), exitCode };
  }
  const chalk = chalkFor(ctx);
  const warned = warnings.length ? `\n${renderWarnings(warnings, chalk)}\n${chalk.yellow(plural(warnings.length, 'warning'))}` : '';
  if (!valid) {
    const body = renderProblems({ problems: repo.problems, ...(ctx.color ? { sourceLine: lineOf(repo.files) } : {}) }, chalk);
    return { stdout: `${body}${warned}\n${chalk.red(problemSummary(repo.problems))}`, exitCode };
  }
  const org = repo.org!;
  const members = org.chapters.reduce((n, c) => n + c.members.length, 0);
  const meetings = org.chapters.reduce((n, c) => n + c.ownMeetings.length, 0);
  const reports = org.chapters.reduce((n, c) => n + c.reports.length, 0);
  const receipts = org.chapters.reduce((n, c) => n + c.receiptMonths.reduce((k, m) => k + m.count, 0), 0);
  const treasury = org.treasury;
  // the chapters always; every other kind only when the repository has some, so a new
  // organisation's line stays short and a large one's names what validate read
  const counts: [number, string, string?][] = [
    [org.branches.length, 'branch', 'branches'],
    [members, 'member record'],
    [meetings, 'meeting'],
    [reports, 'report'],
    [receipts, 'dues receipt'],
    [org.decisions.length, 'decision'],
    [treasury?.accounts.length ?? 0, 'account'],
    [treasury?.transfers.length ?? 0, 'transfer'],
    [treasury?.expenses.length ?? 0, 'expense'],
  ];
  const summary = [plural(org.chapters.length, 'chapter'), ...counts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many))].join(', ');
  return { stdout: `${chalk.green('valid')}: ${summary} (${plural(repo.files.length, 'file')})${warned}`, exitCode };
}
