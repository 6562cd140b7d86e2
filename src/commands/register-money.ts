// Registers the money commands: `iops dues` (a summary by default; `export`, `suggest`, and
// `record` from the write commands live under the same `dues` command) and `iops forecast`.
// The summary is a default subcommand rather than an action on `dues` itself: an action on
// the parent would make its options (--format) shadow the same options of its subcommands.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { closest } from '../core/problem.js';
import { GROUPINGS, SCENARIO_HELP } from '../core/choices.js';
import { UsageError } from '../errors.js';

const format = (choices: string[], fallback: string) => new Option('--format <format>', 'output format').choices(choices).default(fallback);

export function registerMoneyCommands(program: Command, run: Run): void {
  const dues = program.commands.find((c) => c.name() === 'dues') ?? program.command('dues');
  dues.description('dues: what came in (the default), export, suggest, record');

  dues
    .command('summary', { isDefault: true })
    .description('receipts summed per chapter, branch, month or currency; pledged against received; pledge tiers')
    .option('--from <date>', 'first day (default: January 1 of the as-of year)')
    .option('--to <date>', 'last day (default: the as-of date: snapshot_date, else today)')
    .addOption(new Option('--by <grouping>', 'rows by').choices([...GROUPINGS]).default('chapter'))
    .addOption(format(['table', 'json', 'markdown', 'csv'], 'table'))
    .option('--at <ref>', 'read the data as it was at a git commit')
    .allowExcessArguments()
    .action((opts, cmd: Command) =>
      run(async (ctx) => {
        const [extra] = cmd.args;
        if (extra !== undefined) {
          const hint = closest(extra, dues.commands.map((c) => c.name()));
          throw new UsageError(`unknown dues command ${JSON.stringify(extra)}${hint ? `; did you mean ${hint}?` : ''} (commands: ${dues.commands.map((c) => c.name()).join(', ')})`);
        }
        return (await import('./dues.js')).duesCommand(ctx, opts);
      }),
    );

  dues
    .command('export')
    .description('every receipt as an hledger/ledger journal (or CSV); no member ids')
    .addOption(format(['ledger', 'csv'], 'ledger'))
    .option('--from <date>', 'first day (default: the first receipt)')
    .option('--to <date>', 'last day (default: the as-of date)')
    .option('--at <ref>', 'read the data as it was at a git commit')
    .action((opts) => run(async (ctx) => (await import('./dues.js')).duesExportCommand(ctx, opts)));

  dues
    .command('suggest')
    .description("the dues a member's chapter suggests, a month; exemption is always possible")
    .requiredOption('--member <id>', 'the member')
    .addOption(format(['text', 'json', 'markdown'], 'text'))
    .action((opts) => run(async (ctx) => (await import('./dues.js')).duesSuggestCommand(ctx, opts)));

  program
    .command('forecast')
    .description('membership and dues income ahead, under a growth scenario')
    .option('--until <date>', 'last date (default: five years after the as-of date, or --years)')
    .option('--scenario <name>', `${SCENARIO_HELP} (default: observed)`)
    .addOption(new Option('--step <step>', 'a row every').choices(['month', 'year']).default('month'))
    .option('--members <n>', 'start from this many members (default: the current ones)')
    .option('--dues-per-month <amount>', 'dues a member a month in the reporting currency (default: observed)')
    .option('--target <n>', 'with --years: solve for the growth rate that reaches n members')
    .option('--years <n>', 'with --target: in this many years')
    .option('--as-of <date>', 'start date (default: snapshot_date, else today)')
    .option('--at <ref>', 'read the data as it was at a git commit')
    .addOption(format(['table', 'json', 'markdown'], 'table'))
    .action((opts) => run(async (ctx) => (await import('./forecast.js')).forecastCommand(ctx, opts)));
}
