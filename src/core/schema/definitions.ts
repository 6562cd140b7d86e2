// The definitions block of goals.yaml: what "functioning", "collecting dues" and
// "national gathering" mean. Data, changed by pull request like the goals.
import { z } from 'zod';
import { Bool, PositiveInt } from './common.js';

const Days = PositiveInt.min(1, { error: 'must be at least 1 day' });
const Count = PositiveInt.min(0, { error: 'cannot be negative' });

export const DefinitionsSchema = z.strictObject({
  functioning_chapter: z
    .strictObject({
      meetings_window_days: Days,
      min_meetings: Count,
      count_online: Bool.default(true),
      education_window_days: Days.optional(),
      report_every_days: Days,
    })
    .optional(),
  collecting_dues: z
    .strictObject({
      window_months: PositiveInt.min(1, { error: 'must be at least 1 month' }),
      min_months: Count,
    })
    .superRefine((d, ctx) => {
      if (d.min_months > d.window_months)
        ctx.addIssue({ code: 'custom', path: ['min_months'], message: `cannot be more than window_months (${d.window_months})` });
    })
    .optional(),
  national_gathering: z.strictObject({ min_chapters: Count }).optional(),
});
export type Definitions = z.infer<typeof DefinitionsSchema>;
export type DefinitionName = keyof Definitions;
