// Registers `iops rates` (the exchange rates; listing them is the default) and `iops rates set`.
import type { Command } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';
import { writeFlags } from './register-write.js';

export function registerRatesCommands(program: Command, run: Run): void {
  const rates = examples(program.command('rates').description('exchange rates into the reporting currency (iops.yaml): list them, or set one'), [
    ['the rates receipts are converted with', 'iops rates'],
    ['1 GBP is now 1.27 in the reporting currency', 'iops rates set GBP 1.27'],
  ]);
  examples(
    rates
      .command('list', { isDefault: true })
      .description('every rate: 1 unit of each currency in the reporting currency')
      .option('--at <ref>', 'read the data as it was at a git commit')
      .addOption(formatOption(['table', 'json']))
      .addOption(outputOption())
      .action((opts) => run(async (ctx) => (await import('./rates.js')).ratesListCommand(ctx, opts))),
    [['the rates, as JSON for a script', 'iops rates --format json']],
  );
  writeFlags(
    rates
      .command('set')
      .description("set one currency's rate: 1 unit of it in the reporting currency, a plain decimal such as 1.58")
      .argument('<currency>', 'ISO 4217 code, such as GBP')
      .argument('<rate>', 'such as 1.58'),
    [
      ['1 GBP is worth 1.58 of the reporting currency', 'iops rates set GBP 1.58'],
      ['write it without committing, to commit it with other changes', 'iops rates set EUR 1.25 --no-commit'],
    ],
  ).action((code: string, rate: string, opts) => run(async (ctx) => (await import('./rates.js')).ratesSetCommand(ctx, code, rate, opts)));
}
