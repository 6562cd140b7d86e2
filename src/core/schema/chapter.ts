// chapters/<id>/chapter.yaml: one local chapter.
import { z } from 'zod';
import { AGE_BANDS, Bool, CalendarDate, Country, Currency, DUES_SCHEMES, Fraction, GENDERS, Id, Text, oneOf } from './common.js';
import { DecisionId } from './decision.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

/** `amount` and `currency` go together, belong to the fixed scheme only, and are required by it. */
function fixedAmount(d: { scheme: string; amount?: number | undefined; currency?: string | undefined }, ctx: z.RefinementCtx): void {
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (d.scheme !== 'fixed') {
    for (const key of ['amount', 'currency'] as const)
      if (d[key] !== undefined) issue(key, `\`${key}\` is only used with \`scheme: fixed\` (this chapter's scheme is ${d.scheme}); remove it`);
    return;
  }
  if (d.amount === undefined) issue('scheme', 'scheme fixed needs `amount` (the monthly dues) and `currency` in this dues block');
  else if (d.currency === undefined) issue('amount', 'scheme fixed needs `currency` next to `amount` (such as currency: GBP)');
  else amountFitsCurrency({ amount: d.amount, currency: d.currency }, ctx);
}

/** fixedAmount for JSON Schema: scheme fixed requires both keys, any other scheme allows neither. */
const FIXED_AMOUNT_JSON = {
  if: { properties: { scheme: { const: 'fixed' } }, required: ['scheme'] },
  then: { required: ['amount', 'currency'] },
  else: { properties: { amount: false, currency: false } },
};

export const STATEMENT_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY'] as const;
export type StatementDateFormat = (typeof STATEMENT_DATE_FORMATS)[number];

const Shares = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, Fraction.optional()])));

export const ChapterSchema = z.strictObject({
  name: Text,
  country: Country,
  branch: Id.optional(),
  founded: CalendarDate.optional(),
  delegate: Id.optional(),
  dues: amountInCurrency(
    z
      .strictObject({
        scheme: oneOf(DUES_SCHEMES, 'a dues scheme'),
        bank_account: Bool.default(false),
        agreed: CalendarDate.optional(),
        decision: DecisionId.optional(), // the decision that adopted the scheme: docs/governance.md
        amount: Amount.optional(), // scheme fixed: the monthly amount, in `currency`
        currency: Currency.optional(),
      })
      .superRefine(fixedAmount)
      .meta({ allOf: [FIXED_AMOUNT_JSON] }),
  ).optional(),
  // how `iops dues import` reads this chapter's bank statements (docs/dues.md): only needed when
  // the statement's header is not one it knows, its dates are ambiguous, or it has no currency
  bank_statement: z
    .strictObject({
      currency: Currency.optional(),
      columns: z.strictObject({ date: Text.optional(), reference: Text.optional(), amount: Text.optional(), currency: Text.optional() }).optional(),
      date_format: oneOf(STATEMENT_DATE_FORMATS, 'a date format').optional(),
      decimal_separator: oneOf(['.', ','] as const, 'a decimal separator').optional(),
    })
    .optional(),
  community: z
    .strictObject({
      gender: Shares(GENDERS.filter((g) => g !== 'undisclosed')).optional(),
      age_band: Shares(AGE_BANDS).optional(),
    })
    .optional(),
});
export type Chapter = z.infer<typeof ChapterSchema>;
