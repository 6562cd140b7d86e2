// Registers the money commands: `iops dues` (a summary by default; `export`, `suggest`, and
// `record` from the write commands live under the same `dues` command) and `iops forecast`.
// The summary is a default subcommand rather than an action on `dues` itself: an action on
// the parent would make its options (--format) shadow the same options of its subcommands.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { closest } from '../core/problem.js';
import { GROUPINGS, SCENARIO_HELP } from '../core/choices.js';
import { MAX_MEMBERS_TEXT } from './forecastLimits.js';
import { UsageError } from '../errors.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';

// one window for `dues` and `dues export`, so hledger's balance of the default export is the dues total
const WINDOW_FROM = 'first day, included (default: January 1 of the year of --to, else of the as-of date)';
const WINDOW_TO = 'last day, included (default: the as-of date: snapshot_date, else today)';

export function registerMoneyCommands(program: Command, run: Run): void {
  const dues = program.commands.find((c) => c.name() === 'dues') ?? program.command('dues');
  dues.description('dues: what came in (the default), export, suggest, record');
  examples(dues, [
    ['what came in this year, per national branch', 'iops dues --by branch'],
    ['record a receipt: 3 GBP from member ldn-bhw4, paying for September', 'iops dues record --member ldn-bhw4 --date 2012-08-30 --amount 3 --currency GBP --period 2012-09'],
    ['the receipts of the as-of year so far as a journal for hledger or ledger (the window of iops dues)', 'iops dues export > dues.journal'],
  ]);

  const summary = dues
    .command('summary', { isDefault: true })
    .description('receipts summed per chapter, branch, month or currency; pledged against received; pledge tiers')
    .option('--from <date>', WINDOW_FROM)
    .option('--to <date>', WINDOW_TO)
    .addOption(new Option('--by <grouping>', 'rows by').choices([...GROUPINGS]).default('chapter'))
    .addOption(formatOption(['table', 'json', 'markdown', 'csv']))
    .addOption(outputOption())
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
  examples(summary, [
    ['receipts this year, per chapter, with pledged against received', 'iops dues'],
    ['the first half of 2013, per month, as CSV for a spreadsheet', 'iops dues --from 2013-01-01 --to 2013-06-30 --by month --format csv > dues.csv'],
  ]);

  dues
    .command('export')
    .description('the receipts of the window `iops dues` sums (default: the as-of year so far) as an hledger/ledger journal (or CSV); no member ids')
    .addOption(formatOption(['ledger', 'csv']))
    .addOption(outputOption())
    .option('--from <date>', WINDOW_FROM)
    .option('--to <date>', WINDOW_TO)
    .option('--at <ref>', 'read the data as it was at a git commit')
    .action((opts) => run(async (ctx) => (await import('./dues.js')).duesExportCommand(ctx, opts)));
  examples(dues.commands.find((c) => c.name() === 'export')!, [
    ['this year so far as a plain-text accounting journal, then its balance with hledger (the same totals as iops dues)', 'iops dues export > dues.journal && hledger -f dues.journal balance'],
    ['every receipt since 2011', 'iops dues export --from 2011-01-01 > all.journal'],
    ['the receipts of 2013 as CSV', 'iops dues export --format csv --from 2013-01-01 --to 2013-12-31 > dues-2013.csv'],
  ]);

  const arrears = dues
    .command('arrears')
    .description("PRIVATE: each member's pledged against received, and lapsed members, for one chapter's own follow-up; never published nor remembered on disk")
    .requiredOption('--chapter <id>', 'the chapter')
    .option('--from <date>', WINDOW_FROM)
    .option('--to <date>', WINDOW_TO)
    .option('--months <n>', 'lapsed: a pledge and no receipt in the last n calendar months, the month of --to included (default: 3)')
    .addOption(formatOption(['table', 'json', 'markdown']))
    .addOption(outputOption())
    .option('--at <ref>', 'read the data as it was at a git commit')
    .action((opts) => run(async (ctx) => (await import('./dues.js')).duesArrearsCommand(ctx, opts)));
  examples(arrears, [
    ["who in London owes what this year, and who has paid nothing for 3 months (keep it to the chapter's treasurer)", 'iops dues arrears --chapter london'],
    ['lapsed for 6 months', 'iops dues arrears --chapter london --months 6'],
  ]);

  dues
    .command('suggest')
    .description("the dues a member's chapter suggests, a month; exemption is always possible")
    .requiredOption('--member <id>', 'the member')
    .addOption(formatOption(['table', 'json', 'markdown']))
    .addOption(outputOption())
    .action((opts) => run(async (ctx) => (await import('./dues.js')).duesSuggestCommand(ctx, opts)));
  examples(dues.commands.find((c) => c.name() === 'suggest')!, [["what member ldn-bhw4's chapter suggests a month (anyone can be exempt)", 'iops dues suggest --member ldn-bhw4']]);

  const forecast = program
    .command('forecast')
    .description('membership and dues income ahead, under a growth scenario')
    .option('--until <date>', 'last date (default: five years after the as-of date, or --years)')
    .option('--scenario <name>', `${SCENARIO_HELP} (default: observed)`)
    .addOption(new Option('--step <step>', 'a row every').choices(['month', 'year']).default('month'))
    .option('--members <n>', `start from this many members, at most ${MAX_MEMBERS_TEXT} (default: the current ones)`)
    .option('--dues-per-month <amount>', 'dues a member a month in the reporting currency (default: observed)')
    .option('--target <n>', 'with --years: solve for the growth rate that reaches n members (from --members, else the current ones)')
    .option('--years <n>', 'with --target: in this many years')
    .option('--as-of <date>', 'start date (default: snapshot_date, else today)')
    .option('--at <ref>', 'read the data as it was at a git commit')
    .addOption(formatOption(['table', 'json', 'markdown']))
    .addOption(outputOption())
    .action((opts) => run(async (ctx) => (await import('./forecast.js')).forecastCommand(ctx, opts)));
  examples(forecast, [
    ['membership and income if the recent trend goes on, to the convention deadline', 'iops forecast --until 2013-08-31'],
    ['the seed discussion: 5,000 members, each recruiting one a year, paying 20 a month', 'iops forecast --scenario doubling --members 5000 --dues-per-month 20 --step year'],
    ['the growth rate that takes 5,000 members to 10,000 in five years', 'iops forecast --members 5000 --target 10000 --years 5 --step year'],
  ]);
}
