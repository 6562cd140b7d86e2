// Short pieces of text for meeting notes, project names and report bodies.
// Deliberately impersonal: the sample names no people.

import type { Topic } from './catalogue.js';
import type { Rng } from './random.js';

export const PROJECT_NAMES = [
  'Housing solidarity leaflet', 'Community garden', 'Workplace organising guide', 'Public reading series',
  'Tenants union support', 'Translation of the vision document', 'Food co-op study', 'Chapter website',
  'Banner for the climate march', 'Film screening series', 'Participatory budgeting workshop',
  'Skill-share evenings', 'Zine on participatory economics', 'Solidarity with local strikers',
];

const NOTES: Record<Topic, readonly string[]> = {
  education: [
    'Reading group on the {doc} document; questions collected for next time.',
    'Discussed the {doc} document in small groups.',
    'Study session on {doc}; agreed to keep a shared list of open questions.',
    'Went through the {doc} document section by section.',
  ],
  outreach: [
    'Stall at the weekend market; handed out leaflets.',
    'Planned a public talk at the library.',
    'Prepared an introductory session for newcomers.',
    'Talked with a local cooperative about working together.',
  ],
  campaign: [
    'Supported the local housing campaign.',
    'Joined the planning meeting of the transit fare campaign.',
    'Agreed to back the library closure protest.',
  ],
  recruitment: [
    'Welcomed new members and explained how the chapter works.',
    'Reviewed the contact list from the last event.',
  ],
  organisational: [
    'Agreed the agenda for the coming months.',
    'Rotated facilitation roles and updated the task list.',
    'Discussed how to make decisions between meetings.',
    'Talked through the interim structure and the convention.',
  ],
  social: ['Shared a meal after the meeting.', 'Picnic in the park with friends of the chapter.'],
  fundraising: ['Planned a benefit evening to cover room hire.', 'Discussed a dues scheme on a sliding scale.'],
};

export function noteFor(rng: Rng, topics: readonly Topic[], doc: string | undefined): string {
  const topic = rng.pick(topics);
  return rng.pick(NOTES[topic]).replace('{doc}', doc ?? 'values');
}

export const NEXT_STEPS = [
  'Keep meeting every few weeks and rotate facilitation.',
  'Start a reading group on the next key document.',
  'Invite members who joined recently to an introductory session.',
  'Prepare for the national gathering.',
  'Agree a dues scheme on a sliding scale.',
  'Publish meeting summaries on the chapter page.',
  'Find a regular, accessible meeting place.',
];
