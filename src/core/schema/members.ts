// chapters/<id>/members.yaml: the chapter's members, pseudonymous. A member's entry lives in
// the members list of the chapter they belong to now; `moved_from` and `dues_before` keep
// what was true earlier, oldest first, each entry true up to (not including) its `until`.
import { z } from 'zod';
import { AgeBand, CalendarDate, Currency, Gender, Id, oneOf } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

const PledgeAmount = amountInCurrency(
  z
    .strictObject({ amount: Amount, currency: Currency, every: oneOf(['month', 'quarter', 'year'] as const, 'a period').default('month') })
    .superRefine(amountFitsCurrency),
);

export const PledgeSchema = z.union([z.literal('exempt'), PledgeAmount], {
  error: 'expected `exempt` or a pledge such as { amount: 20, currency: GBP, every: month }',
});

/** An earlier chapter: the member belonged to it up to (not including) `until`. */
export const FormerChapterSchema = z.strictObject({ chapter: Id, until: CalendarDate });

/** An earlier pledge, in force up to (not including) `until`; `none` when there was no pledge. */
export const FormerPledgeSchema = z.strictObject({
  until: CalendarDate,
  dues: z.union([z.literal('exempt'), z.literal('none'), PledgeAmount], {
    error: 'expected `exempt`, `none` or a pledge such as { amount: 20, currency: GBP, every: month }',
  }),
});

export const MemberSchema = z.strictObject({
  id: Id,
  joined: CalendarDate,
  left: CalendarDate.optional(),
  gender: Gender.default('undisclosed'),
  age_band: AgeBand.optional(),
  studied: z.array(Id).default([]),
  dues: PledgeSchema.optional(),
  dues_before: z.array(FormerPledgeSchema).min(1, { error: 'leave out dues_before when there is no earlier pledge' }).optional(),
  moved_from: z.array(FormerChapterSchema).min(1, { error: 'leave out moved_from when the member never moved' }).optional(),
});

export const MembersSchema = z.array(MemberSchema, {
  error: 'expected a list of members (each starting with "- id: …")',
});
export type Member = z.infer<typeof MemberSchema>;
export type Pledge = z.infer<typeof PledgeSchema>;
export type FormerPledge = z.infer<typeof FormerPledgeSchema>;
export type FormerChapter = z.infer<typeof FormerChapterSchema>;
