// Goals: goals.yaml's definitions and thresholds applied to the metric catalogue, as of a date.
import type { Organisation } from './model.js';
import { metricByName } from './metrics/index.js';
import type { Measurement, Metric, Unit } from './metrics/metric.js';
import type { Definitions } from './schema/definitions.js';
import type { Goal, GoalsFile } from './schema/goals.js';

export interface Target {
  min?: number;
  max?: number;
}

export interface GoalResult {
  goal: Goal;
  unit: Unit;
  target: Target;
  value: number;
  met: boolean;
  measurement: Measurement;
}

const OWN_KEYS = new Set(['id', 'title', 'description', 'metric', 'min', 'max']);

/** The goal's metric parameters (`gender`, `window_days`, …). */
export function goalParams(goal: Goal): Record<string, unknown> {
  return Object.fromEntries(Object.entries(goal).filter(([k]) => !OWN_KEYS.has(k)));
}

export function targetOf(goal: Goal): Target {
  return { ...(goal.min !== undefined ? { min: goal.min } : {}), ...(goal.max !== undefined ? { max: goal.max } : {}) };
}

export function meets(value: number, target: Target): boolean {
  return (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
}

export function metricOf(goal: Goal): Metric {
  const metric = metricByName.get(goal.metric);
  if (!metric) throw new Error(`unknown metric ${goal.metric}`); // the goals schema rules this out
  return metric;
}

/** The goal's metric value as of a date. */
export function measureGoal(org: Organisation, goal: Goal, definitions: Definitions, asOf: string): Measurement {
  return metricOf(goal).measure(org, asOf, goalParams(goal), definitions);
}

export function evaluateGoal(org: Organisation, goal: Goal, definitions: Definitions, asOf: string): GoalResult {
  const measurement = measureGoal(org, goal, definitions, asOf);
  const target = targetOf(goal);
  return { goal, unit: metricOf(goal).unit, target, value: measurement.value, met: meets(measurement.value, target), measurement };
}

export function evaluateGoals(org: Organisation, goals: GoalsFile, asOf: string): GoalResult[] {
  return goals.goals.map((g) => evaluateGoal(org, g, goals.definitions, asOf));
}
