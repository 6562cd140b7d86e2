// Registers the dashboard command.
import type { Command } from 'commander';
import type { Run } from '../cli.js';
import { examples } from './help.js';
import { formatOption } from './formats.js';

export function registerDashboardCommands(program: Command, run: Run): void {
  const dashboard = program
    .command('dashboard')
    .description('the running update as a static web page: every goal, TARGET against CURRENT, trends, chapters, branches')
    .requiredOption('--out <dir>', 'folder for index.html (made if missing; not the data repository itself)')
    .option('--as-of <date>', 'evaluate as of this day (default: snapshot_date in iops.yaml, else today)')
    .option('--at <ref>', 'read the data as it was at this git commit, branch or tag')
    .addOption(formatOption(['html', 'json'], 'html: the page; json: the page and dashboard.json beside it'))
    .action((opts) => run(async (ctx) => (await import('./dashboard.js')).dashboardCommand(ctx, opts)));
  examples(dashboard, [
    ['write the page into the folder site, then open site/index.html in a browser', 'iops dashboard --out site'],
    ['the page as of a past day, with dashboard.json beside it for other sites', 'iops dashboard --out site --as-of 2013-06-30 --format json'],
  ]);
}
