// What a metric is: a pure function of (organisation, as-of date, parameters, definitions)
// that returns a value and, for chapter and branch metrics, a verdict with a reason for each.
import type { z } from 'zod';
import type { Organisation } from '../model.js';
import type { DefinitionName, Definitions } from '../schema/definitions.js';

export type Unit = 'count' | 'share' | 'money';

export interface Verdict {
  /** The chapter or branch id. */
  id: string;
  counts: boolean;
  reason: string;
}

export interface Measurement {
  value: number;
  /** Chapters or branches that count and those that do not, with why. */
  verdicts?: Verdict[];
  /** One line on how the value came about ("912 women of 2,466 who disclosed"). */
  note?: string;
}

export interface Metric<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  unit: Unit;
  /** Extra keys a goal on this metric takes, such as `gender` or `window_days`. */
  params: S;
  /** Definitions blocks the metric reads; a goal using it without them is a validation error. */
  needs?: DefinitionName[];
  measure(org: Organisation, asOf: string, params: z.infer<z.ZodObject<S>>, definitions: Definitions): Measurement;
}

export function defineMetric<S extends z.ZodRawShape>(metric: Metric<S>): Metric<S> {
  return metric;
}
