// Registers every command with the program; each command module keeps its own handler.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { registerDashboardCommands } from './register-dashboard.js';
import { registerMoneyCommands } from './register-money.js';
import { registerPrivacyCommands } from './register-privacy.js';
import { registerReportCommands } from './register-report.js';
import { registerWriteCommands } from './register-write.js';

export function registerCommands(program: Command, run: Run): void {
  program
    .command('init')
    .description('create a data repository (git init if needed, default goals, first commit)')
    .argument('<dir>', 'the folder for the data repository')
    .option('--sample', 'fill it with the sample organisation, replayed as a dated history')
    .option('--organization <name>', "the organisation's name")
    .option('--currency <code>', 'reporting currency (ISO 4217)', 'USD')
    .action((dir, opts) => run(async (ctx) => (await import('./init.js')).initCommand(ctx, dir, opts)));
  program
    .command('schema')
    .description('JSON Schemas of every file kind (for editors and other tools)')
    .option('--out <dir>', 'write one file per kind into this folder instead of printing them')
    .action((opts) => run(async (ctx) => (await import('./schema.js')).schemaCommand(ctx, opts)));
  program
    .command('validate')
    .description('check every file and cross-reference; lists all problems')
    .option('--at <ref>', 'check the files as they are at this git commit, branch or tag (not the working tree)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts) => run(async (ctx) => (await import('./validate.js')).validateCommand(ctx, opts)));
  program
    .command('readiness')
    .description('the convention check: every goal, TARGET against CURRENT, met and on track')
    .option('--as-of <date>', 'evaluate as of this day (default: snapshot_date in iops.yaml, else today)')
    .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
    .option('--goal <id>', 'one goal, with every chapter or branch and why it counts or not; the verdict and exit code then cover that goal only')
    .addOption(formatOption())
    .action((opts) => run(async (ctx) => (await import('./readiness.js')).readinessCommand(ctx, opts)));
  program
    .command('diff')
    .description('what a change does to every goal: BASE against HEAD (default: the working tree)')
    .argument('<base>', 'git revision to compare against, such as main or HEAD~1')
    .argument('[head]', 'git revision with the change (default: the working tree)')
    .option('--as-of <date>', 'evaluate both sides as of this day')
    .addOption(formatOption())
    .action((base, head, opts) => run(async (ctx) => (await import('./diff.js')).diffCommand(ctx, base, head, opts)));
  registerWriteCommands(program, run);
  registerReportCommands(program, run);
  registerMoneyCommands(program, run);
  registerDashboardCommands(program, run);
  registerPrivacyCommands(program, run);
}

export const formatOption = (formats: string[] = ['table', 'json', 'markdown']): Option =>
  new Option('--format <format>', 'output format').choices(formats).default(formats[0]);
