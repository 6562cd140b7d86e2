// chapters/<id>/reports/<date>[-<slug>].md: the front matter of a published report.
import { z } from 'zod';
import { CalendarDate, Text } from './common.js';

export const ReportSchema = z.strictObject({
  date: CalendarDate,
  title: Text,
  url: Text.regex(/^https?:\/\/\S+$/, { error: 'expected a web address starting with https://' }).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
