// functioning_chapters: chapters that meet regularly, study, and publish reports
// (goals.yaml definitions.functioning_chapter).
import { daysBetween, withinDays } from '../dates.js';
import type { ChapterRecord } from '../model.js';
import type { Definitions } from '../schema/definitions.js';
import { chapterExists, lastOnOrBefore, plural } from './asof.js';
import { type Verdict, verdictMetric } from './metric.js';

export type FunctioningDefinition = NonNullable<Definitions['functioning_chapter']>;

export interface FunctioningVerdict extends Verdict {
  meetings: number;
  lastMeeting: string | undefined;
  lastEducation: string | undefined;
  lastReport: string | undefined;
  /** Each unmet condition, in words (empty when functioning). */
  failures: string[];
}

export function functioningVerdict(chapter: ChapterRecord, asOf: string, def: FunctioningDefinition): FunctioningVerdict {
  const held = chapter.meetings.filter((m) => m.date <= asOf);
  const counted = def.count_online ? held : held.filter((m) => m.mode !== 'online');
  const inWindow = counted.filter((m) => withinDays(m.date, asOf, def.meetings_window_days));
  const onlineSkipped = def.count_online ? 0 : held.filter((m) => m.mode === 'online' && withinDays(m.date, asOf, def.meetings_window_days)).length;
  const lastMeeting = lastOnOrBefore(counted, asOf)?.date;
  const lastEducation = lastOnOrBefore(counted.filter((m) => m.topics.includes('education')), asOf)?.date;
  const lastReport = lastOnOrBefore(chapter.reports, asOf)?.date;

  const failures: string[] = [];
  const passes: string[] = [];
  const meetingsText = `${plural(inWindow.length, 'meeting')} in the last ${def.meetings_window_days} days`;
  if (inWindow.length < def.min_meetings) {
    let why = `${meetingsText}, needs ${def.min_meetings}`;
    if (onlineSkipped) why += ` (${plural(onlineSkipped, 'online meeting')} not counted)`;
    else if (lastMeeting && inWindow.length === 0) why += ` (last meeting ${daysBetween(lastMeeting, asOf)} days ago)`;
    failures.push(why);
  } else passes.push(meetingsText);
  if (def.education_window_days !== undefined) {
    if (lastEducation && withinDays(lastEducation, asOf, def.education_window_days)) passes.push(`education on ${lastEducation}`);
    else failures.push(lastEducation ? `no education session since ${lastEducation}` : 'no education session yet');
  }
  if (lastReport && withinDays(lastReport, asOf, def.report_every_days)) passes.push(`report on ${lastReport}`);
  else failures.push(lastReport ? `no report since ${lastReport}` : 'no report yet');

  return {
    id: chapter.id,
    counts: failures.length === 0,
    reason: failures.length ? failures.join('; ') : passes.join(', '),
    meetings: inWindow.length,
    lastMeeting,
    lastEducation,
    lastReport,
    failures,
  };
}

export const functioningChapters = verdictMetric({
  name: 'functioning_chapters',
  unit: 'count',
  params: {},
  needs: ['functioning_chapter'],
  verdict: (_org, c, asOf, _params, definitions) => (chapterExists(c, asOf) ? functioningVerdict(c, asOf, definitions.functioning_chapter!) : undefined),
});
