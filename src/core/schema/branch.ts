// branches/<id>.yaml: a national branch and its gatherings.
import { z } from 'zod';
import { CalendarDate, Country, Id, Text, oneOf } from './common.js';

export const GatheringSchema = z.strictObject({
  date: CalendarDate,
  kind: oneOf(['national', 'regional'] as const, 'a gathering kind'),
  chapters: z.array(Id).default([]),
  notes: Text.optional(),
});

export const BranchSchema = z.strictObject({
  name: Text,
  country: Country,
  gatherings: z.array(GatheringSchema).default([]),
});
export type Branch = z.infer<typeof BranchSchema>;
export type Gathering = z.infer<typeof GatheringSchema>;
