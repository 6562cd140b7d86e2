// chapters/<id>/meetings/<date>[-<slug>].yaml: one meeting.
import { z } from 'zod';
import { CalendarDate, Id, MODES, PositiveInt, TOPICS, Text, oneOf } from './common.js';

export const ProjectSchema = z.strictObject({
  name: Text,
  status: oneOf(['planned', 'attempted', 'succeeded', 'failed'] as const, 'a project status'),
});

export const MeetingSchema = z
  .strictObject({
    date: CalendarDate,
    mode: oneOf(MODES, 'a meeting mode'),
    attendance: PositiveInt.min(0, { error: 'attendance cannot be negative' }).optional(),
    attendees: z.array(Id).optional(),
    topics: z.array(oneOf(TOPICS, 'a topic')).default([]),
    studied: z.array(Id).default([]),
    joint_with: z.array(Id).default([]),
    projects: z.array(ProjectSchema).default([]),
    notes: Text.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.attendance !== undefined && m.attendees !== undefined && m.attendance !== m.attendees.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendance'],
        message: `attendance ${m.attendance} does not match the ${m.attendees.length} attendees listed; give one or the other`,
      });
    }
  });
export type Meeting = z.infer<typeof MeetingSchema>;
