// What a metric is: a pure function of (organisation, as-of date, parameters, definitions)
// that returns a value and, for chapter and branch metrics, a verdict with a reason for each.
//
// Most metrics are sums over chapters. Those say so (`byChapter`): what one chapter adds on a
// day (its part, plain JSON) and how the parts of every chapter, in chapter order, make the
// measurement. `measure` is then exactly that, so a result put together from parts kept from
// an earlier run (load/byChapter.ts) is the result of measuring the whole organisation.
import type { z } from 'zod';
import type { ChapterRecord, Organisation } from '../model.js';
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

type Params<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/** A metric summed over chapters. */
export interface ByChapter<S extends z.ZodRawShape = z.ZodRawShape, P = unknown> {
  /**
   * What the chapter adds on the day: JSON (it may be kept between runs). With `detail` false
   * only the value is wanted (a verdict's reason may be left out).
   */
  part(org: Organisation, chapter: ChapterRecord, asOf: string, params: Params<S>, definitions: Definitions, detail: boolean): P;
  /** The measurement from every chapter's part, in chapter order; `org` for its settings only. */
  total(parts: readonly P[], org: Organisation, asOf: string, params: Params<S>, definitions: Definitions): Measurement;
}

export interface Metric<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  unit: Unit;
  /** Extra keys a goal on this metric takes, such as `gender` or `window_days`. */
  params: S;
  /** Definitions blocks the metric reads; a goal using it without them is a validation error. */
  needs?: DefinitionName[];
  measure(org: Organisation, asOf: string, params: Params<S>, definitions: Definitions): Measurement;
  /** Present when the metric is a sum over chapters (absent: of the whole organisation, such as branches). */
  byChapter?: ByChapter<S, any>;
}

export function defineMetric<S extends z.ZodRawShape>(metric: Metric<S>): Metric<S> {
  return metric;
}

/** A metric summed over chapters: `measure` totals every chapter's part. */
export function chapterMetric<S extends z.ZodRawShape, P>(metric: Omit<Metric<S>, 'measure' | 'byChapter'> & ByChapter<S, P>): Metric<S> {
  const { part, total, ...rest } = metric;
  return {
    ...rest,
    measure: (org, asOf, params, definitions) => total(org.chapters.map((c) => part(org, c, asOf, params, definitions, true)), org, asOf, params, definitions),
    byChapter: { part, total },
  };
}

/** A chapter's verdict as a part: null when the chapter does not take part (not founded yet), its `counts` alone without detail. */
export type VerdictPart = Verdict | boolean | null;

/**
 * A count of chapters with a verdict each (functioning, reporting, with a delegate…): `verdict`
 * is undefined for a chapter that does not exist on the day.
 */
export function verdictMetric<S extends z.ZodRawShape>(
  metric: Omit<Metric<S>, 'measure' | 'byChapter'> & {
    verdict(org: Organisation, chapter: ChapterRecord, asOf: string, params: Params<S>, definitions: Definitions): Verdict | undefined;
  },
): Metric<S> {
  const { verdict, ...rest } = metric;
  return chapterMetric<S, VerdictPart>({
    ...rest,
    part(org, chapter, asOf, params, definitions, detail) {
      const v = verdict(org, chapter, asOf, params, definitions);
      return v === undefined ? null : detail ? { id: v.id, counts: v.counts, reason: v.reason } : v.counts;
    },
    total(parts) {
      let value = 0;
      const verdicts: Verdict[] = [];
      for (const p of parts) {
        if (p === null) continue;
        if (p === true || (typeof p === 'object' && p.counts)) value++;
        if (typeof p === 'object') verdicts.push(p);
      }
      return { value, verdicts };
    },
  });
}

/** A number each chapter adds (members, meetings). */
export const sumParts = (parts: readonly number[]): number => {
  let n = 0;
  for (const p of parts) n += p;
  return n;
};
