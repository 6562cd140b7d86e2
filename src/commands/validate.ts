// iops validate: every file and cross-reference; all problems, not the first.
import { lineOf, openRepository } from '../app/open.js';
import { EXIT } from '../errors.js';
import { problemSummary, renderProblems } from '../render/problems.js';
import { type CommandContext, type CommandResult, chalkFor, json, location } from './context.js';

export async function validateCommand(ctx: CommandContext, opts: { format?: 'text' | 'json' }): Promise<CommandResult> {
  const repo = await openRepository(location(ctx));
  const valid = repo.problems.length === 0;
  const exitCode = valid ? EXIT.ok : EXIT.negative;
  if (opts.format === 'json') {
    return { stdout: json({ valid, problems: repo.problems }), exitCode };
  }
  if (!valid) {
    const chalk = chalkFor(ctx);
    const body = renderProblems({ problems: repo.problems, ...(ctx.color ? { sourceLine: lineOf(repo.files) } : {}) }, chalk);
    return { stdout: `${body}\n${chalk.red(problemSummary(repo.problems))}`, exitCode };
  }
  const org = repo.org!;
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}`;
  const members = org.chapters.reduce((n, c) => n + c.members.length, 0);
  const meetings = org.chapters.reduce((n, c) => n + c.ownMeetings.length, 0);
  const reports = org.chapters.reduce((n, c) => n + c.reports.length, 0);
  const receipts = org.chapters.reduce((n, c) => n + c.receipts.length, 0);
  const summary = [
    count(org.chapters.length, 'chapters'),
    count(org.branches.length, 'branches'),
    count(members, 'member records'),
    count(meetings, 'meetings'),
    count(reports, 'reports'),
    count(receipts, 'dues receipts'),
  ].join(', ');
  return { stdout: `${chalkFor(ctx).green('valid')}: ${summary} (${count(repo.files.length, 'files')})`, exitCode };
}
