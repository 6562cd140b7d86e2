// chapters/<id>/chapter.yaml: one local chapter.
import { z } from 'zod';
import { AGE_BANDS, Bool, CalendarDate, Country, DUES_SCHEMES, Fraction, GENDERS, Id, Text, oneOf } from './common.js';

const Shares = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, Fraction.optional()])));

export const ChapterSchema = z.strictObject({
  name: Text,
  country: Country,
  branch: Id.optional(),
  founded: CalendarDate.optional(),
  delegate: Id.optional(),
  dues: z
    .strictObject({
      scheme: oneOf(DUES_SCHEMES, 'a dues scheme'),
      bank_account: Bool.default(false),
      agreed: CalendarDate.optional(),
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
