// iops init DIR [--sample]: a new data repository, committed.
import { initRepository } from '../app/init/index.js';
import { isCurrency } from '../core/schema/common.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommandContext, CommandResult } from './context.js';

export interface InitCommandOptions {
  sample?: boolean;
  organization?: string;
  currency?: string;
}

export async function initCommand(ctx: CommandContext, dir: string, opts: InitCommandOptions): Promise<CommandResult> {
  const currency = opts.currency ?? 'USD';
  if (!isCurrency(currency)) throw new UsageError(`--currency ${currency} is not an ISO 4217 currency code (such as USD, GBP, EUR)`);
  const organization = opts.organization ?? 'International Organization for a Participatory Society';
  const result = await initRepository(ctx.cwd, dir, { sample: !!opts.sample, organization, currency });
  const what = opts.sample ? `the sample organisation in ${result.commits} commits` : 'default settings and goals in one commit';
  return {
    stdout: `Created a data repository in ${dir} with ${what}.\nNext: iops --data ${dir} validate, then iops --data ${dir} readiness${result.pinNote ? `\n${result.pinNote}` : ''}`,
    exitCode: EXIT.ok,
  };
}
