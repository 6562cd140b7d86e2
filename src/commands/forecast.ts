// iops forecast: membership and dues income ahead, under a growth scenario.
import { openRepository, requireValid } from '../load/open.js';
import { resolveAsOf } from './asOf.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { type Forecast, forecast, type Step } from '../core/forecast/forecast.js';
import { type DuesPerMember, givenDues, observedDues } from '../core/forecast/income.js';
import { SCENARIO_HELP, type Scenario, grown, monthsAfter, parseScenario, solveRate } from '../core/forecast/scenario.js';
import { currentMembers } from '../core/metrics/asof.js';
import type { Organisation } from '../core/model.js';
import { toMinor } from '../core/money.js';
import { EXIT, UsageError } from '../errors.js';
import { moneyText } from '../render/dues-format.js';
import { count } from '../render/format.js';
import { forecastJson, renderForecastMarkdown, renderForecastTable } from '../render/forecast.js';
import { MAX_MEMBERS, MAX_MEMBERS_TEXT } from './forecastLimits.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, json, location } from './context.js';
import { dateFlag } from './dues.js';

export interface ForecastOptions {
  until?: string;
  scenario?: string;
  step?: Step;
  members?: string;
  duesPerMonth?: string;
  target?: string;
  years?: string;
  asOf?: string;
  at?: string;
  format?: Format;
}

/** The default horizon: five years, the seed discussion's. */
export const DEFAULT_YEARS = 5;

/** A count of people: a whole number from `least` up to MAX_MEMBERS (more than live on Earth is a typing mistake). */
function wholeNumber(flag: string, v: string | undefined, least: number): number | undefined {
  if (v === undefined) return undefined;
  const digits = v.trim().replace(/[,_]/g, '');
  const n = Number(digits);
  if (!/^\d+$/.test(digits) || n < least) throw new UsageError(`${flag} ${JSON.stringify(v)} must be a whole number of at least ${least} (such as 5000)`);
  if (n > MAX_MEMBERS) throw new UsageError(`${flag} ${JSON.stringify(v)} is more than ${MAX_MEMBERS_TEXT}, more people than live on Earth`);
  return n;
}

/**
 * The forecast's figures stay where they are exact (whole people, whole minor units of money,
 * below 2^53): past that they would print rounded, or as 2e+23. The first row that grows
 * beyond is refused, with what to change.
 */
const uncountable = (what: string, date: string) =>
  new UsageError(`this forecast reaches ${what} by ${date}, more than iops can add up exactly: lower --members, --dues-per-month or the growth rate, or end it earlier with --until`);

/** A growth rate compounds past any number in time: refused before it is computed. */
function refuseUncountableGrowth(scenario: Scenario, start: number, asOf: string, until: string): void {
  if (scenario.kind !== 'growth') return;
  for (let k = 1; monthsAfter(asOf, k) <= until; k++) {
    if (grown(start, scenario.rate, k) > Number.MAX_SAFE_INTEGER) throw uncountable(`more than ${count(Number.MAX_SAFE_INTEGER)} members`, monthsAfter(asOf, k));
  }
}

function refuseUncountable(f: Forecast): void {
  const row = f.rows.find((r) => !Number.isSafeInteger(r.members) || !Number.isSafeInteger(r.annualIncome));
  if (!row) return;
  const what = Number.isSafeInteger(row.members) ? `an income above ${moneyText(Number.MAX_SAFE_INTEGER, f.currency)} ${f.currency} a year` : `more than ${count(Number.MAX_SAFE_INTEGER)} members`;
  throw uncountable(what, row.date);
}

function positive(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0)) throw new UsageError(`${flag} ${JSON.stringify(v)} should be a number above 0`);
  return n;
}

function duesPerMember(org: Organisation, asOf: string, text: string | undefined): DuesPerMember {
  if (text === undefined) return observedDues(org, asOf);
  const currency = org.settings.currency;
  const minor = /^\d+(\.\d+)?$/.test(text) ? toMinor(Number(text), currency) : undefined;
  if (minor === undefined) throw new UsageError(`--dues-per-month ${JSON.stringify(text)} is not an amount in ${currency} (such as 20 or 12.50)`);
  return givenDues(minor);
}

function scenarioFrom(opts: ForecastOptions, start: number): { scenario: Scenario; years?: number } {
  const target = wholeNumber('--target', opts.target, 1);
  const years = positive('--years', opts.years);
  if (target === undefined && years === undefined) {
    const scenario = parseScenario(opts.scenario ?? 'observed');
    if (!scenario) throw new UsageError(`unknown scenario ${JSON.stringify(opts.scenario)}: use ${SCENARIO_HELP}`);
    return { scenario };
  }
  if (target === undefined || years === undefined) throw new UsageError('--target and --years go together: the members to reach and in how many years');
  if (opts.scenario !== undefined) throw new UsageError('--target and --years solve for a growth rate; leave out --scenario');
  if (start === 0) throw new UsageError('there are no members to grow from; give --members N');
  return { scenario: solveRate(start, target, years), years };
}

export async function forecastCommand(ctx: CommandContext, opts: ForecastOptions): Promise<CommandResult> {
  const org = requireValid(await openRepository(location(ctx), { at: opts.at, scope: LEDGERS_AS_SUMS }));
  const asOf = resolveAsOf(org, opts.asOf, ctx.today);
  const members = wholeNumber('--members', opts.members, 0);
  const start = members ?? currentMembers(org, asOf).length;
  const { scenario, years } = scenarioFrom(opts, start);
  const until = dateFlag('--until', opts.until) ?? monthsAfter(asOf, Math.round(12 * (years ?? DEFAULT_YEARS)));
  if (until <= asOf) throw new UsageError(`--until ${until} is not after the as-of date ${asOf}`);
  if (until > monthsAfter(asOf, 1200)) throw new UsageError(`--until ${until} is more than 100 years ahead`);
  refuseUncountableGrowth(scenario, start, asOf, until);
  const view = forecast(org, { asOf, until, step: opts.step ?? 'month', scenario, members, dues: duesPerMember(org, asOf, opts.duesPerMonth) });
  refuseUncountable(view);
  const stdout =
    opts.format === 'json'
      ? json(forecastJson(view))
      : opts.format === 'markdown'
        ? renderForecastMarkdown(view)
        : renderForecastTable(view, { chalk: chalkFor(ctx), terminal: ctx.color });
  return { stdout, exitCode: EXIT.ok };
}
