// iops.yaml: organisation-wide settings.
import { z } from 'zod';
import { usableRate } from '../money.js';
import { CalendarDate, Country, Currency, Id, PositiveInt, Text, describe } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

const Rate = z
  .number({ error: (iss) => `expected a rate such as 1.58, found ${describe(iss.input)}` })
  .positive({ error: 'a rate must be more than 0' })
  .refine(usableRate, { error: 'write the rate as a plain decimal such as 0.0075' });

/** A day's minimum wage in a country, for the `day-wage` dues scheme (docs/dues.md). */
const MinimumWage = amountInCurrency(z.strictObject({ amount: Amount, currency: Currency }).superRefine(amountFitsCurrency));

export const SettingsSchema = z.strictObject({
  organization: Text,
  currency: Currency,
  rates: z.record(Currency, Rate).optional(),
  key_documents: z.array(Id).default([]),
  privacy: z.strictObject({ min_group: PositiveInt.min(1, { error: 'min_group must be at least 1' }) }).default({ min_group: 5 }),
  snapshot_date: CalendarDate.optional(),
  minimum_wages: z.record(Country, MinimumWage).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
