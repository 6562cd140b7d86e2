// goals.yaml: the convention, its deadline, the definitions and the goals. Each goal names a
// metric from the catalogue and takes that metric's parameters, so an unknown metric or a
// missing parameter is a validation error that points at the goal.
import { z } from 'zod';
import { METRICS } from '../metrics/index.js';
import type { Unit } from '../metrics/metric.js';
import { CalendarDate, Id, Text, describe } from './common.js';
import { DecisionId } from './decision.js';
import { DefinitionsSchema } from './definitions.js';

const Bound = z.number({ error: (iss) => `expected a number, found ${describe(iss.input)}` });

/** 40 → "0.40": the fraction a percentage written as a share most likely meant. */
function asFraction(percent: number): string {
  const fraction = String(Math.round(percent * 1e4) / 1e6);
  const decimals = fraction.split('.')[1]?.length ?? 0;
  return decimals >= 2 ? fraction : (percent / 100).toFixed(2);
}

// A share target is a fraction, as shares are everywhere in iops (0.40 is 40%): `min: 40`
// would be 4000%, a target no share can reach, so it is refused where it is written.
const ShareBound = Bound.min(0, { error: (iss) => `a share is a fraction from 0 to 1, found ${String(iss.input)}` }).max(1, {
  error: (iss) => {
    const n = Number(iss.input);
    return `a share is a fraction from 0 to 1 (0.40 is 40%), found ${n}${n <= 100 ? `; did you mean ${asFraction(n)}?` : ''}`;
  },
});

const goalBase = (unit: Unit) => {
  const bound = unit === 'share' ? ShareBound : Bound;
  return { id: Id, title: Text, description: Text.optional(), min: bound.optional(), max: bound.optional() };
};

const goalOptions = METRICS.map((m) => z.strictObject({ ...goalBase(m.unit), metric: z.literal(m.name), ...m.params }));

/** A goal: its own keys, and the parameters of its metric. */
export interface Goal {
  id: string;
  title: string;
  description?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  metric: string;
  [param: string]: unknown;
}

type GoalOption = (typeof goalOptions)[number];

export const GoalSchema = (z.discriminatedUnion('metric', goalOptions as unknown as [GoalOption, ...GoalOption[]]) as unknown as z.ZodType<Goal>)
  .superRefine((g, ctx) => {
    if (g.min === undefined && g.max === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'a goal needs `min` or `max` (or both)' });
    if (g.min !== undefined && g.max !== undefined && g.min > g.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${g.min} is more than max ${g.max}` });
  })
  // the first check above, for JSON Schema (min > max compares two values, which it cannot)
  .meta({ anyOf: [{ required: ['min'] }, { required: ['max'] }] });

/** "metric X needs definitions.Y in this file", for JSON Schema: if any goal names X, then Y. */
const NEEDS_JSON = METRICS.flatMap((m) =>
  (m.needs ?? []).map((need) => ({
    if: { properties: { goals: { contains: { properties: { metric: { const: m.name } }, required: ['metric'] } } }, required: ['goals'] },
    then: { required: ['definitions'], properties: { definitions: { required: [need] } } },
  })),
);

export const GoalsFileSchema = z
  .strictObject({
    convention: Text,
    deadline: CalendarDate,
    /** The decision that adopted this goal set (decisions/<id>.yaml): docs/governance.md. */
    adopted_by: DecisionId.optional(),
    definitions: DefinitionsSchema.default({}),
    goals: z.array(GoalSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.goals.forEach((g, i) => {
      if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: `goal id "${g.id}" is used twice` });
      seen.add(g.id);
      const metric = METRICS.find((m) => m.name === g.metric)!;
      for (const need of metric.needs ?? []) {
        if (!file.definitions[need])
          ctx.addIssue({ code: 'custom', path: ['goals', i, 'metric'], message: `metric ${g.metric} needs definitions.${need} in this file` });
      }
    });
  })
  .meta({ allOf: NEEDS_JSON });

export type GoalsFile = z.infer<typeof GoalsFileSchema>;
export const METRIC_NAMES = METRICS.map((m) => m.name);
