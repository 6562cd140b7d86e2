// `iops forecast`: membership and dues income projected from the as-of date, a row a month
// (or a year), under a scenario; and for every goal on the `members` metric, the date the
// forecast reaches it. Income a month is the whole members times the dues a member brings
// in a month, rounded once; income a year is twelve times that month's (the annual run
// rate at that date). See docs/forecast.md.
import { addDays } from '../dates.js';
import { type Target, meets, targetOf } from '../goals.js';
import { currentMembers } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import { type Line, type Point, crossing, fitLine, sampleDates, valueOn } from '../projection.js';
import { type DuesPerMember, monthlyIncome } from './income.js';
import { type Scenario, grown, monthsAfter, wholePeople } from './scenario.js';

export type Step = 'month' | 'year';

export interface ForecastRequest {
  asOf: string;
  until: string;
  step: Step;
  scenario: Scenario;
  /** Start from this many members instead of the current ones. */
  members?: number | undefined;
  dues: DuesPerMember;
}

export interface ForecastRow {
  date: string;
  members: number;
  /** Minor units of the reporting currency. */
  monthlyIncome: number;
  annualIncome: number;
}

export interface GoalForecast {
  id: string;
  title: string;
  target: Target;
  reachesTargetOn: string | null;
}

export interface Forecast {
  organization: string;
  currency: string;
  asOf: string;
  until: string;
  step: Step;
  scenario: Scenario;
  /** For observed: the fitted line's growth in members a month (365.2425 / 12 days). */
  membersPerMonth: number | null;
  start: { members: number; membersSource: 'current' | 'given'; dues: DuesPerMember };
  rows: ForecastRow[];
  goals: GoalForecast[];
  /** Members at the ends of the twelve months before the as-of month, for the chart. */
  history: Point[];
}

/** Months ahead the search for a goal's date gives up: 100 years. */
const HORIZON_MONTHS = 1200;
const DAYS_A_MONTH = 365.2425 / 12;

interface Model {
  /** Members `months` months after the as-of date (whole people). */
  at(months: number, date: string): number;
  /** The first date the model meets the target, or null. */
  reaches(target: Target): string | null;
}

function model(org: Organisation, req: ForecastRequest, start: number): Model & { line?: Line } {
  const { asOf, scenario } = req;
  if (scenario.kind === 'growth') {
    const at = (months: number) => wholePeople(grown(start, scenario.rate, months));
    return {
      at,
      reaches(target) {
        for (let k = 1; k <= HORIZON_MONTHS; k++) if (meets(at(k), target)) return monthsAfter(asOf, k);
        return null;
      },
    };
  }
  const fitted = fitLine(sampleDates(asOf).map((date) => ({ date, value: currentMembers(org, date).length })));
  // --members moves the fitted line to pass through the given start; otherwise it is the readiness line
  const line = req.members === undefined ? fitted : { slope: fitted.slope, intercept: fitted.intercept + start - valueOn(fitted, asOf) };
  return {
    line,
    at: (months, date) => (months === 0 ? start : wholePeople(valueOn(line, date))),
    reaches: (target) => crossing(line, target, addDays(asOf, 1)),
  };
}

export function forecast(org: Organisation, req: ForecastRequest): Forecast {
  const current = currentMembers(org, req.asOf).length;
  const start = req.members ?? current;
  const m = model(org, req, start);
  const stepMonths = req.step === 'year' ? 12 : 1;
  const rows: ForecastRow[] = [];
  for (let k = 0; k <= HORIZON_MONTHS; k += stepMonths) {
    const date = monthsAfter(req.asOf, k);
    if (date > req.until) break;
    const members = m.at(k, date);
    const monthly = monthlyIncome(members, req.dues);
    rows.push({ date, members, monthlyIncome: monthly, annualIncome: 12 * monthly });
  }
  const goals = (org.goals?.goals ?? [])
    .filter((g) => g.metric === 'members')
    .map((g) => {
      const target = targetOf(g);
      return { id: g.id, title: g.title, target, reachesTargetOn: meets(start, target) ? req.asOf : m.reaches(target) };
    });
  return {
    organization: org.settings.organization,
    currency: org.settings.currency,
    asOf: req.asOf,
    until: req.until,
    step: req.step,
    scenario: req.scenario,
    membersPerMonth: m.line ? m.line.slope * DAYS_A_MONTH : null,
    start: { members: start, membersSource: req.members === undefined ? 'current' : 'given', dues: req.dues },
    rows,
    goals,
    history: sampleDates(req.asOf, 13)
      .slice(0, -1)
      .map((date) => ({ date, value: currentMembers(org, date).length })),
  };
}
