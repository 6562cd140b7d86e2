// iops init DIR [--sample] [--name N] [--convention C] [--deadline D] [--currency X]: a new data
// repository, committed, on branch main.
import { initRepository } from '../app/init/index.js';
import { isCalendarDate } from '../core/dates.js';
import { monthsAfter } from '../core/forecast/scenario.js';
import { isCurrency } from '../core/schema/common.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommandContext, CommandResult } from './context.js';

export interface InitCommandOptions {
  sample?: boolean;
  name?: string;
  /** The old spelling of --name, still accepted. */
  organization?: string;
  convention?: string;
  deadline?: string;
  currency?: string;
  quiet?: boolean;
}

export const DEFAULT_ORGANIZATION = 'International Organization for a Participatory Society';
export const DEFAULT_CONVENTION = 'Founding international convention';
const MAX_NAME = 200;

/** A name as a single line of ordinary text: it goes into YAML, a README heading and a commit message. */
function nameFlag(flag: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const name = value.trim();
  if (name === '') throw new UsageError(`${flag} is empty: give a name, such as ${flag} "IOPS Scotland"`);
  if (/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(name))
    throw new UsageError(`${flag} must be one line of text, without line breaks, tabs or other control characters`);
  if (name.length > MAX_NAME) throw new UsageError(`${flag} is ${name.length} characters long; at most ${MAX_NAME}`);
  return name;
}

function currencyFlag(value: string | undefined): string {
  if (value === undefined) return 'USD';
  if (isCurrency(value)) return value;
  const upper = value.toUpperCase();
  const hint = isCurrency(upper) ? `; did you mean --currency ${upper}?` : ' (such as USD, GBP, EUR)';
  throw new UsageError(`--currency ${JSON.stringify(value)} is not an ISO 4217 currency code${hint}`);
}

function deadlineFlag(value: string | undefined, today: string): string {
  if (value === undefined) return monthsAfter(today, 12);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) throw new UsageError(`--deadline ${JSON.stringify(value)} is not a calendar date (write YYYY-MM-DD, such as ${monthsAfter(today, 12)})`);
  return value;
}

export async function initCommand(ctx: CommandContext, dir: string, opts: InitCommandOptions): Promise<CommandResult> {
  if (opts.name !== undefined && opts.organization !== undefined) throw new UsageError('--organization is the old name of --name: give one of them');
  const given = (['name', 'organization', 'convention', 'deadline', 'currency'] as const).filter((k) => opts[k] !== undefined);
  if (opts.sample && given.length)
    throw new UsageError(`--sample copies the sample organisation with its own settings and goals; leave out ${given.map((k) => `--${k}`).join(', ')}`);
  const settings = {
    organization: nameFlag(opts.name !== undefined ? '--name' : '--organization', opts.name ?? opts.organization, DEFAULT_ORGANIZATION),
    convention: nameFlag('--convention', opts.convention, DEFAULT_CONVENTION),
    deadline: deadlineFlag(opts.deadline, ctx.today),
    currency: currencyFlag(opts.currency),
  };
  const result = await initRepository(ctx.cwd, dir, { sample: !!opts.sample, ...settings });
  if (opts.quiet) return { stdout: '', ...(result.pinNote ? { stderr: result.pinNote } : {}), exitCode: EXIT.ok };
  const what = opts.sample
    ? `the sample organisation in ${result.commits} commits`
    : `the default goals, to be met by ${settings.deadline} (the deadline in goals.yaml), in one commit`;
  return {
    stdout: `Created a data repository in ${dir} with ${what}.\nNext: iops --data ${dir} validate, then iops --data ${dir} readiness${result.pinNote ? `\n${result.pinNote}` : ''}`,
    exitCode: EXIT.ok,
  };
}
