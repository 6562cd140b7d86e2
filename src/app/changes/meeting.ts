// meeting log: one new file chapters/<c>/meetings/<date>[-<slug>].yaml.
import { paths } from '../../core/paths.js';
import { plural } from '../../core/metrics/asof.js';
import { UsageError } from '../../errors.js';
import { type Plan, naming } from '../transaction.js';
import { compact, newMapFile } from './files.js';
import { chapterOf, count, date, documents, freeText, id, ids, list, memberOf, mode, personalDataAllowed, topic } from './values.js';

export interface MeetingInput {
  date: string;
  mode: string;
  attendance?: string | undefined;
  attendees?: string | undefined;
  topics?: string | undefined;
  studied?: string | undefined;
  jointWith?: string | undefined;
  notes?: string | undefined;
  slug?: string | undefined;
  /** --allow-personal-data: why the notes may hold contact details (recorded in the commit). */
  allowPersonalData?: string | undefined;
}

export const meetingLog = (chapterId: string, input: MeetingInput): Plan => naming({ chapters: [chapterId, ...list(input.jointWith)], members: list(input.attendees) }, (s) => {
  const chapter = chapterOf(s.org, chapterId);
  const day = date('--date', input.date);
  if ((input.attendance === undefined) === (input.attendees === undefined))
    throw new UsageError('give either --attendance N (how many came) or --attendees a,b (their member ids), not both');
  const attendees = input.attendees !== undefined ? ids('--attendees', input.attendees).map((a) => memberOf(s.org, a, '--attendees').id) : undefined;
  const joint = ids('--joint-with', input.jointWith).map((c) => {
    if (c === chapter.id) throw new UsageError('--joint-with: a chapter cannot meet jointly with itself');
    return chapterOf(s.org, c);
  });
  const topics = [...new Set(list(input.topics).map((t) => topic('--topics', t)))];
  const value = compact({
    date: day,
    mode: mode('--mode', input.mode),
    attendance: input.attendance !== undefined ? count('--attendance', input.attendance) : undefined,
    attendees,
    topics: topics.length ? topics : undefined,
    studied: input.studied !== undefined ? documents(s.org, '--studied', input.studied) : undefined,
    joint_with: joint.length ? joint.map((c) => c.id) : undefined,
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  const slug = input.slug !== undefined ? id('--slug', input.slug) : undefined;
  const path = paths.meeting(chapter.id, day, slug);
  if (s.text(path) !== undefined)
    throw new UsageError(`${chapter.name} already has a meeting logged in ${path}; to log another one that day, name it: --slug evening (any lowercase word)`);
  const attending = value.attendance ?? attendees!.length;
  const details = [`${plural(attending, 'attending', 'attending')}`, value.mode, ...(joint.length ? [`jointly with ${joint.map((c) => c.name).join(', ')}`] : [])];
  return {
    command: 'meeting log',
    subject: `${chapter.name}: log meeting of ${day} (${details.join(', ')})${personalDataAllowed(input.allowPersonalData)}`,
    entities: [`chapter/${chapter.id}`, ...joint.map((c) => `chapter/${c.id}`)],
    writes: [{ path, text: newMapFile(path, 'meeting', value) }],
  };
});
