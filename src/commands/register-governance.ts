// Registers the governance commands: decisions proposed and recorded (each one commit), the list
// of decisions, and the history of the goal set. docs/governance.md.
import type { Command } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';

export function registerGovernanceCommands(program: Command, run: Run): void {
  const decision = examples(program.command('decision').description('propose a decision, and record its outcome'), [
    ['the ICC is asked to adopt a revised goal set, by two thirds with a quorum of 12', 'iops decision propose goals-revision --body icc --date 2012-05-20 --method two-thirds --quorum 12 --adopts goals --text "Count online meetings"'],
    ['it was adopted', 'iops decision record 2012-05-20-goals-revision --outcome adopted --date 2012-06-01 --for 14 --against 3 --abstain 1'],
  ]);
  examples(
    decision
      .command('propose <slug>')
      .description('a new proposal: decisions/<date>-<slug>.yaml, or chapters/<id>/decisions/ for a chapter meeting')
      .requiredOption('--body <body>', 'who decides: icc, branch:<branch-id> (its assembly) or chapter:<chapter-id> (its meeting)')
      .requiredOption('--date <date>', 'the day it was proposed, YYYY-MM-DD (the file name starts with it)')
      .requiredOption('--method <method>', 'consensus | majority | two-thirds')
      .requiredOption('--text <text>', 'what is proposed')
      .option('--quorum <n>', 'how many must take part (for, against, abstain and blocks together)')
      .option('--adopts <what>', 'what it adopts: goals, dues:<chapter-id> or branch:<branch-id> (a founding)')
      .option('--meeting <meeting>', 'the meeting where it is decided: <chapter-id>/<YYYY-MM-DD>')
      .option('--allow-personal-data <why>', 'the text may hold contact details; why (recorded in the commit)')
      .option('--no-commit', 'write the file but do not commit (nothing is staged)')
      .option('--dry-run', 'print the diff this would make; change nothing')
      .option('--quiet', 'no confirmation when it worked')
      .action((slug, opts) => run(async (ctx) => (await import('./decision.js')).decisionProposeCommand(ctx, slug, opts))),
    [
      ['London proposes sliding-scale dues at its meeting, by consensus', 'iops decision propose dues --body chapter:london --date 2012-09-15 --method consensus --adopts dues:london --meeting london/2012-09-15 --text "Sliding-scale dues, from 1 to 100 dollars a month"'],
      ['the UK assembly founds the branch by majority', 'iops decision propose founding --body branch:uk --date 2012-10-06 --method majority --quorum 20 --adopts branch:uk --text "Found IOPS UK"'],
    ],
  );
  examples(
    decision
      .command('record <id>')
      .description('the outcome of a proposal: adopted, rejected or withdrawn, with the counts (never who voted how)')
      .requiredOption('--outcome <outcome>', 'adopted | rejected | withdrawn')
      .requiredOption('--date <date>', 'the day it was decided, YYYY-MM-DD')
      .option('--for <n>', 'how many were for')
      .option('--against <n>', 'how many were against')
      .option('--abstain <n>', 'how many abstained')
      .option('--blocks <n>', 'consensus: how many blocked')
      .option('--no-commit', 'write the file but do not commit (nothing is staged)')
      .option('--dry-run', 'print the diff this would make; change nothing')
      .option('--quiet', 'no confirmation when it worked')
      .action((id, opts) => run(async (ctx) => (await import('./decision.js')).decisionRecordCommand(ctx, id, opts))),
    [
      ['the ICC adopted the goal revision, 14 to 3 with one abstention', 'iops decision record 2012-05-20-goals-revision --outcome adopted --date 2012-06-01 --for 14 --against 3 --abstain 1'],
      ['London reached consensus: 9 for, nobody blocked', 'iops decision record 2012-09-15-dues --outcome adopted --date 2012-09-15 --for 9 --against 0 --abstain 0 --blocks 0'],
    ],
  );
  examples(
    program
      .command('decisions')
      .description('every decision: who decided, the method, the outcome in counts, what it adopts')
      .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
      .addOption(formatOption(['table', 'json', 'markdown'])).addOption(outputOption())
      .action((opts) => run(async (ctx) => (await import('./decision.js')).decisionsCommand(ctx, opts))),
    [['the decisions so far, as Markdown for the website', 'iops decisions --format markdown']],
  );
  const goals =
    program.commands.find((c) => c.name() === 'goals') ??
    examples(program.command('goals').description('the goal set: its history of revisions'), [['each revision of the goals, who adopted it, and how the organisation stood', 'iops goals history']]);
  examples(
    goals
      .command('history')
      .description('each revision of goals.yaml from git, the decision that adopted it, and readiness when it was adopted and at its deadline')
      .option('--as-of <date>', 'the day of the history: deadlines after it have not passed (default: snapshot_date in iops.yaml, else today)')
      .addOption(formatOption(['table', 'json', 'markdown'])).addOption(outputOption())
      .action((opts) => run(async (ctx) => (await import('./decision.js')).goalsHistoryCommand(ctx, opts))),
    [
      ['what the goals were, who adopted each revision, and how the organisation stood', 'iops goals history'],
      ['as a table for the website', 'iops goals history --format markdown'],
    ],
  );
}
