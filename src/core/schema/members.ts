// chapters/<id>/members.yaml: the chapter's members, pseudonymous.
import { z } from 'zod';
import { AgeBand, CalendarDate, Currency, Gender, Id, oneOf } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

export const PledgeSchema = z.union(
  [
    z.literal('exempt'),
    amountInCurrency(
      z
        .strictObject({ amount: Amount, currency: Currency, every: oneOf(['month', 'quarter', 'year'] as const, 'a period').default('month') })
        .superRefine(amountFitsCurrency),
    ),
  ],
  { error: 'expected `exempt` or a pledge such as { amount: 20, currency: GBP, every: month }' },
);

export const MemberSchema = z.strictObject({
  id: Id,
  joined: CalendarDate,
  left: CalendarDate.optional(),
  gender: Gender.default('undisclosed'),
  age_band: AgeBand.optional(),
  studied: z.array(Id).default([]),
  dues: PledgeSchema.optional(),
});

export const MembersSchema = z.array(MemberSchema, {
  error: 'expected a list of members (each starting with "- id: …")',
});
export type Member = z.infer<typeof MemberSchema>;
export type Pledge = z.infer<typeof PledgeSchema>;
