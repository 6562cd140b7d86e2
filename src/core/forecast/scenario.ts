// Growth scenarios for `iops forecast`. A yearly growth rate r compounds monthly: after m
// months the membership is start × (1 + r)^(m / 12), so after 12 months it is exactly
// start × (1 + r), month by month in between. `doubling` is r = 100% (each member recruits
// one new member a year). `observed` is the trend fitted to the membership history, as
// readiness projections fit it. Members are whole people: the exact value rounded to the
// nearest person (halves up), always from the exact value, never compounding a rounded one.
import { addMonths, daysInMonth, lastDayOfMonth, monthOf } from '../dates.js';

export type Scenario =
  | { kind: 'observed'; name: 'observed'; description: string }
  | { kind: 'growth'; name: string; description: string; /** a year, 0.1487 for 14.87% */ rate: number };

export const OBSERVED: Scenario = { kind: 'observed', name: 'observed', description: 'the trend of the last six months of membership, continued in a straight line' };

const DOUBLING: Scenario = { kind: 'growth', name: 'doubling', rate: 1, description: 'each member recruits one new member a year: twice as many every year' };

const percentText = (rate: number): string => String(Math.round(rate * 1e6) / 1e4);

const rateScenario = (rate: number, how: string, name = `rate:${percentText(rate)}`): Scenario => ({ kind: 'growth', name, rate, description: how });

/** `observed`, `doubling` or `rate:<percent a year>` (such as rate:14.87 or rate:-5). */
export function parseScenario(text: string): Scenario | undefined {
  if (text === 'observed') return OBSERVED;
  if (text === 'doubling') return DOUBLING;
  const m = /^rate:([+-]?\d+(?:\.\d+)?)%?$/.exec(text);
  if (!m) return undefined;
  const rate = Number(m[1]) / 100;
  if (!(rate > -1)) return undefined;
  return rateScenario(rate, `membership grows by ${percentText(rate)}% a year, compounded monthly`);
}

export { SCENARIO_HELP } from '../choices.js';

/** The yearly rate that takes `start` members to `target` in `years` years. */
export function solveRate(start: number, target: number, years: number): Scenario {
  const rate = (target / start) ** (1 / years) - 1;
  const how = `the rate that takes ${start.toLocaleString('en-US')} members to ${target.toLocaleString('en-US')} in ${years} years: ${percentText(rate)}% a year, compounded monthly`;
  return rateScenario(rate, how, `rate:${(Math.round(rate * 10000) / 100).toFixed(2)}`);
}

/** Exact (unrounded) membership `months` months on at a yearly rate. */
export const grown = (start: number, rate: number, months: number): number => start * (1 + rate) ** (months / 12);

/** The nearest whole person, halves up; floating-point noise (9999.9999999) is absorbed first. */
export function wholePeople(x: number): number {
  const clean = Math.round(x * 1e6) / 1e6;
  return Math.max(0, Math.floor(clean + 0.5));
}

/** The date `months` months after `date`: same day of the month (or the month's last day when the start is one). */
export function monthsAfter(date: string, months: number): string {
  const month = addMonths(monthOf(date), months);
  if (date === lastDayOfMonth(monthOf(date))) return lastDayOfMonth(month);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))));
  return `${month}-${String(day).padStart(2, '0')}`;
}
