// `iops forecast` as a terminal table (with a chart of history and forecast on a terminal),
// Markdown or JSON.
import type { ChalkInstance } from 'chalk';
import type { Forecast, GoalForecast } from '../core/forecast/forecast.js';
import { perMember } from '../core/forecast/income.js';
import { minorToNumber } from '../core/money.js';
import { mdText, printable } from './escape.js';
import { count, target } from './format.js';
import { markdownTable, moneyText, right, table } from './dues-format.js';
import { sample, sparkline } from './sparkline.js';

export interface ForecastRenderOptions {
  chalk: ChalkInstance;
  terminal: boolean;
}

const CHART_WIDTH = 60;

function startLine(f: Forecast): string {
  const { start } = f;
  const members = `${count(start.members)} members (${start.membersSource === 'given' ? 'given' : 'current'})`;
  const dues = `${moneyText(perMember(start.dues), f.currency)} ${f.currency} a member a month`;
  const d = start.dues;
  const source =
    d.source === 'given'
      ? 'given'
      : `observed: ${count(d.receipts ?? 0)} receipts in ${d.months![0]} to ${d.months![d.months!.length - 1]} over ${count(d.members ?? 0)} members`;
  return `From ${f.asOf}: ${members}, ${dues} (${source})`;
}

const scenarioLine = (f: Forecast) =>
  `Scenario ${f.scenario.name}: ${f.scenario.description}` +
  (f.membersPerMonth !== null ? ` (${f.membersPerMonth >= 0 ? '+' : ''}${f.membersPerMonth.toFixed(1)} members a month)` : '');

/** Whether the forecast reaches the goal within its own rows (on or before `until`). */
const reachedByUntil = (g: GoalForecast, f: Forecast): boolean => g.reachesTargetOn !== null && g.reachesTargetOn <= f.until;

function goalLine(g: GoalForecast, f: Forecast): string {
  const when =
    g.reachesTargetOn === null
      ? 'not reached in this scenario'
      : g.reachesTargetOn === f.asOf
        ? `met already (${f.asOf})`
        : reachedByUntil(g, f)
          ? `reached ${g.reachesTargetOn}`
          : `not reached by ${f.until} (at this pace, on ${g.reachesTargetOn})`;
  return `Goal ${g.id} (${target(g.target, 'count', f.currency)} members): ${when}`;
}

const NOTE = 'Income a year is twelve times the income a month at that date (the annual run rate).';

function chart(f: Forecast, chalk: ChalkInstance): string {
  const points = [...f.history.map((p) => ({ value: p.value, past: true })), ...f.rows.map((r) => ({ value: r.members, past: false }))];
  const shown = sample(points, CHART_WIDTH);
  const line = sparkline(shown.map((p) => p.value));
  const past = shown.filter((p) => p.past).length;
  const first = f.history[0]?.date ?? f.asOf;
  const last = f.rows[f.rows.length - 1]?.date ?? f.asOf;
  return `Members ${first.slice(0, 7)} ${line.slice(0, past)}${chalk.cyan(line.slice(past))} ${last.slice(0, 7)}  (history, ${chalk.cyan('forecast')})`;
}

export function renderForecastTable(forecast: Forecast, o: ForecastRenderOptions): string {
  const f = printable(forecast);
  const m = (n: number) => moneyText(n, f.currency);
  const rows = f.rows.map((r) => [r.date, right(count(r.members)), right(m(r.monthlyIncome)), right(m(r.annualIncome))]);
  return [
    o.chalk.bold(`${f.organization}: forecast to ${f.until}`),
    scenarioLine(f),
    startLine(f),
    '',
    table(['DATE', 'MEMBERS', `A MONTH (${f.currency})`, `A YEAR (${f.currency})`], rows, o.terminal),
    NOTE,
    ...(f.goals.length ? ['', ...f.goals.map((g) => goalLine(g, f))] : []),
    ...(o.terminal ? ['', chart(f, o.chalk)] : []),
  ].join('\n');
}

export function renderForecastMarkdown(f: Forecast): string {
  const m = (n: number) => moneyText(n, f.currency);
  return [
    `## ${mdText(f.organization)}: forecast to ${f.until}`,
    '',
    mdText(scenarioLine(f)),
    '',
    startLine(f),
    '',
    markdownTable(['Date', 'Members', `A month (${f.currency})`, `A year (${f.currency})`], 'lrrr', f.rows.map((r) => [r.date, count(r.members), m(r.monthlyIncome), m(r.annualIncome)])),
    '',
    NOTE,
    ...(f.goals.length ? ['', ...f.goals.map((g) => `- ${goalLine(g, f)}`)] : []),
  ].join('\n');
}

export function forecastJson(f: Forecast): unknown {
  const n = (minor: number) => minorToNumber(minor, f.currency);
  const d = f.start.dues;
  return {
    scenario: f.scenario.name,
    description: f.scenario.description,
    growth_rate: f.scenario.kind === 'growth' ? Math.round(f.scenario.rate * 1e10) / 1e10 : null,
    members_per_month: f.membersPerMonth === null ? null : Math.round(f.membersPerMonth * 100) / 100,
    as_of: f.asOf,
    until: f.until,
    step: f.step,
    currency: f.currency,
    start: {
      members: f.start.members,
      members_source: f.start.membersSource,
      dues_per_member: n(perMember(d)),
      dues_source: d.source,
      ...(d.source === 'observed' ? { observed: { months: d.months, receipts: d.receipts, members: d.members } } : {}),
    },
    rows: f.rows.map((r) => ({ date: r.date, members: r.members, monthly_income: n(r.monthlyIncome), annual_income: n(r.annualIncome) })),
    goals: f.goals.map((g) => ({ id: g.id, title: g.title, target: g.target, reaches_target_on: g.reachesTargetOn })),
  };
}
