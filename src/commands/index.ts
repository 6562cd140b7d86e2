// Registers every command with the program; each command module keeps its own handler.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';
import { registerDashboardCommands } from './register-dashboard.js';
import { registerGovernanceCommands } from './register-governance.js';
import { registerMoneyCommands } from './register-money.js';
import { registerPrivacyCommands } from './register-privacy.js';
import { registerRatesCommands } from './register-rates.js';
import { registerReportCommands } from './register-report.js';
import { registerWriteCommands } from './register-write.js';

export function registerCommands(program: Command, run: Run): void {
  examples(
    program
      .command('init')
      .description('create a data repository (git init if needed, default goals, first commit)')
      .argument('<dir>', 'the folder for the data repository')
      .option('--sample', 'fill it with the sample organisation, replayed as a dated history')
      .option('--name <name>', "the organisation's name (default: International Organization for a Participatory Society)")
      .addOption(new Option('--organization <name>').hideHelp())
      .option('--convention <name>', 'what the goals lead to (default: Founding international convention)')
      .option('--deadline <date>', 'the day every goal should be met by, YYYY-MM-DD (default: one year from today)')
      .option('--currency <code>', 'reporting currency, an ISO 4217 code such as USD, GBP, EUR (default: USD)')
      .option('--quiet', 'print nothing when it worked')
      .action((dir, opts) => run(async (ctx) => (await import('./init.js')).initCommand(ctx, dir, opts))),
    [
      ['a new organisation: a folder with settings, the five default goals and one commit', 'iops init my-org --name "IOPS Scotland" --currency GBP --deadline 2027-06-30'],
      ['the sample organisation with sixteen months of history, to try every command on', 'iops init sample-org --sample'],
    ],
  );
  examples(
    program
      .command('schema')
      .description('JSON Schemas of every file kind (for editors and other tools)')
      .option('--out <dir>', 'write one file per kind into this folder instead of printing them')
      .action((opts) => run(async (ctx) => (await import('./schema.js')).schemaCommand(ctx, opts))),
    [['write the schemas for an editor into a folder', 'iops schema --out schemas']],
  );
  examples(
    program
      .command('migrate')
      .description('bring a data repository written by an older iops to the current format, in one commit (so far: nothing to do)')
      .action(() => run(async (ctx) => (await import('./migrate.js')).migrateCommand(ctx))),
    [['after upgrading iops: rewrite older files, if the format changed', 'iops migrate']],
  );
  examples(
    program
      .command('validate')
      .description('check every file and cross-reference; lists all problems (exit 1 when there are any)')
      .option('--at <ref>', 'check the files as they are at this git commit, branch or tag (not the working tree)')
      .addOption(formatOption(['table', 'json']))
      .addOption(outputOption())
      .action((opts) => run(async (ctx) => (await import('./validate.js')).validateCommand(ctx, opts))),
    [
      ['check every file before you commit: each problem with its file, line and column', 'iops validate'],
      ['check the files of another branch, as a program reads them', 'iops validate --at main --format json'],
    ],
  );
  examples(
    program
      .command('readiness')
      .description('the convention check: every goal, TARGET against CURRENT, met and on track (exit 0 ready, 1 not ready)')
      .option('--as-of <date>', 'evaluate as of this day (default: snapshot_date in iops.yaml, else today)')
      .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
      .option('--goal <id>', 'one goal, with every chapter or branch and why it counts or not; the verdict and exit code then cover that goal only')
      .addOption(formatOption(['table', 'json', 'markdown']))
      .addOption(outputOption())
      .action((opts) => run(async (ctx) => (await import('./readiness.js')).readinessCommand(ctx, opts))),
    [
      ['are we ready for the convention? every goal, met or not, on track or not', 'iops readiness'],
      ['which chapters count as functioning, and why the others do not', 'iops readiness --goal functioning-chapters'],
      ['how it looked at the end of June 2013, as a Markdown file for the website', 'iops readiness --as-of 2013-06-30 --format markdown -o readiness.md'],
    ],
  );
  examples(
    program
      .command('diff')
      .description('what a change does to every goal: BASE against HEAD (default: the working tree)')
      .argument('<base>', 'git revision to compare against, such as main or HEAD~1')
      .argument('[head]', 'git revision with the change (default: the working tree)')
      .option('--as-of <date>', 'evaluate both sides as of this day')
      .addOption(formatOption(['table', 'json', 'markdown']))
      .addOption(outputOption())
      .action((base, head, opts) => run(async (ctx) => (await import('./diff.js')).diffCommand(ctx, base, head, opts))),
    [
      ['review a pull request: what its branch does to every goal, against main', 'iops diff main'],
      ['what the last commit changed, as a comment for the pull request', 'iops diff HEAD~1 HEAD --format markdown'],
    ],
  );
  examples(
    program
      .command('completion')
      .description('print a shell completion script: commands, options, formats, and chapter, branch and goal ids from the data')
      .argument('<shell>', 'bash, zsh or fish')
      .action((shell: string) => run(async () => (await import('./completion.js')).completionCommand(program, shell))),
    [
      ['complete iops commands and chapter ids in this bash session', 'source <(iops completion bash)'],
      ['for every new fish shell', 'iops completion fish > ~/.config/fish/completions/iops.fish'],
    ],
  );
  // what the completion scripts call on a TAB: ids from the data, one a line
  program
    .command('__complete', { hidden: true })
    .argument('<kind>', 'chapters, branches, goals or targets')
    .action((kind: string) => run(async (ctx) => (await import('./completion.js')).completeIdsCommand(ctx, kind)));
  registerWriteCommands(program, run);
  registerReportCommands(program, run);
  registerMoneyCommands(program, run);
  registerDashboardCommands(program, run);
  registerPrivacyCommands(program, run);
  registerRatesCommands(program, run);
  registerGovernanceCommands(program, run);
}
