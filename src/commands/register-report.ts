// Registers the report commands: `iops report CHAPTER` and `iops report --all`.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption, outputOption } from './formats.js';
import { OVERVIEW_SORTS } from '../core/choices.js';

export function registerReportCommands(program: Command, run: Run): void {
  const report = program
    .command('report')
    .description("a chapter's health report: members, meetings, education, reports, dues, its goals and what is due")
    .argument('[chapter]', 'the chapter id (its folder in chapters/)')
    .option('--all', 'one line per chapter instead: functioning, last meeting, last report, dues, delegate')
    .option('--as-of <date>', 'report as of this day (default: snapshot_date in iops.yaml, else today)')
    .option('--since <date>', '"since the last meeting" starts after this day (default: the previous meeting)')
    .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
    .addOption(formatOption(['table', 'json', 'markdown']))
    .addOption(outputOption())
    .option('--members', 'list member ids (the delegate, attendance per member); never in a published report')
    .option('--publish', 'commit the Markdown report as chapters/<chapter>/reports/<as-of>.md')
    .option('--no-commit', 'with --publish: write the file without committing it')
    .option('--dry-run', 'with --publish: show the file that would be written')
    .addOption(new Option('--sort <order>', 'with --all: order the chapters').choices([...OVERVIEW_SORTS]))
    // loaded when used: the report's renderers and the write transaction cost other commands' start-up nothing
    .action((chapter: string | undefined, opts) => run(async (ctx) => (await import('./report.js')).reportCommand(ctx, chapter, opts)));
  examples(report, [
    ["a chapter's health before its meeting: members, meetings, reports, dues, and what is due", 'iops report london'],
    ['one line per chapter, those whose last report is oldest first', 'iops report --all --sort last-report'],
    ["commit today's report as the chapter's published report", 'iops report london --publish'],
  ]);
}
