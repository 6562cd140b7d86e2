// Registers `iops privacy check`.
import type { Command } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';

export function registerPrivacyCommands(program: Command, run: Run): void {
  const privacy = program.command('privacy').description('privacy checks on what the commands publish');
  examples(privacy, [['can any small group be worked out from what iops publishes today?', 'iops privacy check']]);
  const check = privacy
    .command('check')
    .description('audit every breakdown the commands publish for a day: exit 1 if any group of fewer than privacy.min_group people can be worked out by adding and subtracting them')
    .option('--as-of <date>', 'audit as of this day (default: snapshot_date in iops.yaml, else today)')
    .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
    .addOption(formatOption(['table', 'json']))
    .addOption(outputOption())
    .action((opts) => run(async (ctx) => (await import('./privacy.js')).privacyCheckCommand(ctx, opts)));
  examples(check, [
    ['audit what every command publishes for the as-of day (exit 1 on a finding)', 'iops privacy check'],
    ['the same for the end of June 2013, as JSON naming the figures involved', 'iops privacy check --as-of 2013-06-30 --format json'],
  ]);
}
