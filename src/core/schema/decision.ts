// decisions/<date>-<slug>.yaml (the ICC, a branch assembly) and
// chapters/<id>/decisions/<date>-<slug>.yaml (a chapter meeting): one proposal and its outcome.
// The outcome is counted, never who voted how. Whether the counts fit the method and the quorum
// is a cross-file check (core/checks/decisions.ts), so each problem points at the count.
import { z } from 'zod';
import { CalendarDate, Id, PositiveInt, Text, oneOf } from './common.js';

export const DECISION_METHODS = ['consensus', 'majority', 'two-thirds'] as const;
export const DECISION_STATUSES = ['proposed', 'adopted', 'rejected', 'withdrawn'] as const;

/**
 * `2012-05-20-goals-revision` (decisions/<id>.yaml) or `london/2012-09-15-dues`
 * (chapters/london/decisions/2012-09-15-dues.yaml): a decision's id is where its file is.
 */
export const DECISION_ID_PATTERN = /^(?:[a-z0-9][a-z0-9-]{0,62}\/)?\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]*$/;
export const DecisionId = z
  .string({ error: (iss) => `expected a decision id (such as 2012-05-20-goals-revision), found ${typeof iss.input}` })
  .regex(DECISION_ID_PATTERN, { error: 'expected a decision id: its file name without .yaml, such as 2012-05-20-goals-revision (in decisions/) or london/2012-09-15-dues (in chapters/london/decisions/)' });

/** `london/2012-09-15` or `london/2012-09-15-evening`: chapters/london/meetings/<that>.yaml. */
export const MEETING_REF_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}\/\d{4}-\d{2}-\d{2}(?:-[a-z0-9][a-z0-9-]*)?$/;
const MeetingRef = z
  .string({ error: 'expected a meeting, such as london/2012-09-15 (the chapter and the meeting file name)' })
  .regex(MEETING_REF_PATTERN, { error: 'expected a meeting, such as london/2012-09-15 (the chapter and the meeting file name without .yaml)' });

const Count = PositiveInt.min(0, { error: 'a count cannot be negative' });

export const DecisionBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('icc') }),
  z.strictObject({ kind: z.literal('branch-assembly'), branch: Id }),
  z.strictObject({ kind: z.literal('chapter-meeting'), chapter: Id }),
]);

export const AdoptsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('goals') }),
  z.strictObject({ kind: z.literal('dues'), chapter: Id }),
  z.strictObject({ kind: z.literal('branch-founding'), branch: Id }),
]);

export const OutcomeSchema = z.strictObject({
  status: oneOf(DECISION_STATUSES, 'a decision status'),
  date: CalendarDate.optional(),
  for: Count.optional(),
  against: Count.optional(),
  abstain: Count.optional(),
  blocks: Count.optional(),
});

export const DecisionSchema = z.strictObject({
  proposal: Text,
  body: DecisionBodySchema,
  meeting: MeetingRef.optional(),
  method: oneOf(DECISION_METHODS, 'a decision method'),
  quorum: PositiveInt.min(1, { error: 'a quorum is at least 1 participant' }).optional(),
  adopts: AdoptsSchema.optional(),
  outcome: OutcomeSchema,
});
export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionBody = z.infer<typeof DecisionBodySchema>;
export type Adopts = z.infer<typeof AdoptsSchema>;
