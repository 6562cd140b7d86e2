// iops validate: every file and cross-reference; all problems, not the first. Warnings (about
// invisible characters in values, personal data in ids, notes and reports, and receipts
// that look recorded twice) are listed too,
// and change neither validity nor exit code.
//
// Chapter by chapter (load/byChapter.ts): a valid tree's warnings and counts are kept per
// chapter, so after an edit only the chapters it touched are loaded, checked and scanned again;
// the files outside chapters/ are every time. Invalid data is loaded whole, as without the cache.
import type { ChapterRecord, Organisation } from '../core/model.js';
import { chapterFolderOf } from '../core/paths.js';
import { type Problem, compareProblems } from '../core/problem.js';
import type { OpenedRepository } from '../load/open.js';
import { type Memo, recall } from '../load/memo.js';
import { plural } from '../core/metrics/asof.js';
import { EXIT } from '../errors.js';
import { problemSummary, renderProblems, renderWarnings } from '../render/problems.js';
import { type CommandContext, type CommandResult, chalkFor, json, location } from './context.js';

/** What validate found in valid data: its warnings and how many of each thing it read. */
interface Valid {
  warnings: Problem[];
  counts: Counts;
}

interface Counts {
  chapters: number;
  branches: number;
  members: number;
  meetings: number;
  reports: number;
  receipts: number;
  decisions: number;
  accounts: number;
  transfers: number;
  expenses: number;
  files: number;
}

/** A chapter's share: the warnings in its folder and what it holds. */
interface ChapterPart {
  warnings: Problem[];
  members: number;
  meetings: number;
  reports: number;
  receipts: number;
  decisions: number;
}

export async function validateCommand(ctx: CommandContext, opts: { format?: 'table' | 'json'; at?: string }): Promise<CommandResult> {
  const inputs = {};
  const memo = await recall<Valid>(location(ctx), opts.at, 'validate', inputs, { kept: { name: 'validate', inputs, modules: () => import('../load/byChapter.js') } });
  const checked = memo.hit ?? (await check(ctx, opts.at, memo));
  const valid = !('invalid' in checked);
  const problems = 'invalid' in checked ? checked.invalid.problems : [];
  const exitCode = valid ? EXIT.ok : EXIT.negative;
  const { warnings } = checked;
  if (opts.format === 'json') {
    return { stdout: json({ valid, problems, warnings }), exitCode };
  }
  const chalk = chalkFor(ctx);
  const warned = warnings.length ? `\n${renderWarnings(warnings, chalk)}\n${chalk.yellow(plural(warnings.length, 'warning'))}` : '';
  if ('invalid' in checked) {
    const { lineOf } = await import('../load/open.js');
    const body = renderProblems({ problems, ...(ctx.color ? { sourceLine: lineOf(checked.invalid.files) } : {}) }, chalk);
    return { stdout: `${body}${warned}\n${chalk.red(problemSummary(problems))}`, exitCode };
  }
  const c = checked.counts;
  // the chapters always; every other kind only when the repository has some, so a new
  // organisation's line stays short and a large one's names what validate read
  const counts: [number, string, string?][] = [
    [c.branches, 'branch', 'branches'],
    [c.members, 'member record'],
    [c.meetings, 'meeting'],
    [c.reports, 'report'],
    [c.receipts, 'dues receipt'],
    [c.decisions, 'decision'],
    [c.accounts, 'account'],
    [c.transfers, 'transfer'],
    [c.expenses, 'expense'],
  ];
  const summary = [plural(c.chapters, 'chapter'), ...counts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many))].join(', ');
  return { stdout: `${chalk.green('valid')}: ${summary} (${plural(c.files, 'file')})${warned}`, exitCode };
}

/** Loads and checks the data (chapter by chapter where it can) and finds the warnings. The loader, schemas and scans load only for this, not for a remembered result. */
async function check(ctx: CommandContext, at: string | undefined, memo: Memo<Valid>): Promise<Valid | { invalid: OpenedRepository; warnings: Problem[] }> {
  const { openByChapter } = await import('../load/byChapter.js');
  let outside: Problem[] = [];
  const opened = await openByChapter(location(ctx), { at, listed: memo.listed, kept: memo.kept }, {
    name: 'validate',
    inputs: {},
    warnings: true,
    async prepare(org, loaded) {
      outside = [];
      // the warnings of what was loaded: the whole, or the chapters an edit touched and every file outside chapters/
      const found = await warningsOf(loaded, at);
      const byChapter = new Map<string, Problem[]>();
      for (const w of found) {
        const id = chapterFolderOf(w.file);
        if (id === undefined) outside.push(w);
        else (byChapter.get(id) ?? byChapter.set(id, []).get(id)!).push(w);
      }
      const decisions = new Map<string, number>();
      for (const d of org.decisions) if (d.chapter !== undefined) decisions.set(d.chapter, (decisions.get(d.chapter) ?? 0) + 1);
      return { key: '', part: (_org, c) => chapterPart(c, byChapter.get(c.id) ?? [], decisions.get(c.id) ?? 0) };
    },
  });
  if ('invalid' in opened) return { invalid: opened.invalid, warnings: await warningsOf(opened.invalid, at) };
  const { org, parts } = opened;
  const sum = (n: (p: ChapterPart) => number) => parts.reduce((total, p) => total + n(p), 0);
  const valid: Valid = {
    warnings: [...outside, ...parts.flatMap((p) => p.warnings)].sort(compareProblems),
    counts: {
      chapters: parts.length,
      branches: org.branches.length,
      members: sum((p) => p.members),
      meetings: sum((p) => p.meetings),
      reports: sum((p) => p.reports),
      receipts: sum((p) => p.receipts),
      decisions: sum((p) => p.decisions) + outsideDecisions(org),
      accounts: org.treasury?.accounts.length ?? 0,
      transfers: org.treasury?.transfers.length ?? 0,
      expenses: org.treasury?.expenses.length ?? 0,
      files: opened.files,
    },
  };
  memo.remember(opened, valid);
  return valid;
}

async function warningsOf(repo: OpenedRepository, at: string | undefined): Promise<Problem[]> {
  const [{ invisibleTextWarnings }, { personalDataWarnings }, { duplicateReceiptWarnings }] = await Promise.all([
    import('../app/invisibleText.js'),
    import('../app/personalDataWarnings.js'),
    import('../app/duplicateReceipts.js'),
  ]);
  return [...(await invisibleTextWarnings(repo, at)), ...(await personalDataWarnings(repo, at)), ...(await duplicateReceiptWarnings(repo, at))].sort(compareProblems);
}

function chapterPart(c: ChapterRecord, warnings: Problem[], decisions: number): ChapterPart {
  return {
    warnings,
    members: c.members.length,
    meetings: c.ownMeetings.length,
    reports: c.reports.length,
    receipts: c.receiptMonths.reduce((k, m) => k + m.count, 0),
    decisions,
  };
}

const outsideDecisions = (org: Organisation) => org.decisions.filter((d) => d.chapter === undefined).length;
