// Meetings of one chapter: when they happen (each chapter's story), and what they were.

import { KEY_DOCUMENTS, TOPICS, type ChapterSpec, type Mode, type PlannedMeeting, type Topic } from './catalogue.js';
import { SNAPSHOT, fromDay, toDay } from './dates.js';
import { isCurrent, type Member } from './members.js';
import { at, rngFor, type Rng } from './random.js';
import { PROJECT_NAMES, noteFor } from './text.js';
import { file, flowList, flowMap, listLines, q } from './yaml.js';

export type ProjectStatus = 'planned' | 'attempted' | 'succeeded' | 'failed';

export interface Meeting {
  chapter: string;
  date: string;
  slug?: string;
  mode: Mode;
  attendance?: number;
  attendees?: string[];
  topics: Topic[];
  studied?: string[];
  jointWith?: string[];
  projects?: { name: string; status: ProjectStatus }[];
  notes?: string;
}

const GAPS: Record<ChapterSpec['profile'], readonly [number, number]> = {
  functioning: [9, 19], occasional: [47, 80], dormant: [18, 40], new: [20, 35],
};

interface Plan extends PlannedMeeting { drawn?: boolean }

/** The days this chapter met, with whatever the story fixes about them. */
function schedule(ch: ChapterSpec, rng: Rng): Plan[] {
  const asOf = toDay(SNAPSHOT);
  const windowStart = asOf - 91; // 2012-06-01: the first day of the 92-day meetings window
  let [gapMin, gapMax] = GAPS[ch.profile];
  if (ch.profile === 'functioning' && ch.size >= 100) [gapMin, gapMax] = [6, 14];
  let until = ch.stopAfter ? toDay(ch.stopAfter) : asOf - 1;
  if (ch.window) until = windowStart - 1;
  const first = toDay(ch.start) + (ch.profile === 'occasional' ? rng.int(5, 20) : rng.int(4, 12));
  const plans: Plan[] = [];
  for (let d = first; d <= until; d += rng.int(gapMin, gapMax)) plans.push({ date: fromDay(d), drawn: true });
  plans.push(...(ch.window ?? []));
  const extraDays = new Set((ch.extra ?? []).map((e) => e.date));
  const kept = plans.filter((p) => !(p.drawn && extraDays.has(p.date)));
  kept.push(...(ch.extra ?? []));
  return kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.slug ?? '') < (b.slug ?? '') ? -1 : 1));
}

function drawTopics(rng: Rng, education: boolean): Topic[] {
  const set = new Set<Topic>(education ? ['education'] : []);
  const others = [['organisational', 40], ['outreach', 25], ['campaign', 14], ['recruitment', 14], ['social', 14], ['fundraising', 7]] as const;
  const count = education ? rng.int(0, 1) : rng.int(1, 2);
  for (let i = 0; i < count; i++) set.add(rng.weighted(others));
  return TOPICS.filter((t) => set.has(t));
}

const eligibleOn = (members: readonly Member[], date: string): string[] =>
  members.filter((m) => m.joined <= date && m.left === undefined).map((m) => m.id);

function whoCame(rng: Rng, members: readonly Member[], date: string, joint: boolean): Pick<Meeting, 'attendance' | 'attendees'> {
  const n = members.filter((m) => isCurrent(m, date)).length;
  const eligible = eligibleOn(members, date);
  if (!joint && n <= 30 && eligible.length >= 2 && rng.chance(0.5)) {
    const k = Math.min(eligible.length, 14, Math.max(2, Math.round(n * rng.float(0.3, 0.7))));
    return { attendees: rng.sample(eligible, k) };
  }
  const share = n > 60 ? rng.float(0.1, 0.3) : rng.float(0.2, 0.55);
  return { attendance: Math.max(2, Math.round(n * share)) + (joint ? rng.int(3, 10) : 0) };
}

/** A joint meeting's attendees list: a few members from each chapter that took part. */
function jointAttendees(rng: Rng, chapters: readonly (readonly Member[])[], date: string): Pick<Meeting, 'attendees'> {
  return { attendees: chapters.flatMap((members) => {
    const eligible = eligibleOn(members, date);
    return rng.sample(eligible, Math.min(eligible.length, rng.int(2, 5)));
  }) };
}

function addProjects(rng: Rng, ch: ChapterSpec, meetings: Meeting[]): void {
  const count = ch.profile === 'functioning' ? rng.int(0, 2) + (ch.size > 80 ? 1 : 0) : rng.chance(0.3) ? 1 : 0;
  const names = rng.sample(PROJECT_NAMES, count);
  for (const name of names) {
    let i = rng.int(0, Math.max(0, meetings.length - 2));
    const steps: ProjectStatus[] = ['planned'];
    if (rng.chance(0.75)) steps.push('attempted');
    if (steps.length > 1 && rng.chance(0.8)) steps.push(rng.chance(0.65) ? 'succeeded' : 'failed');
    for (const status of steps) {
      const m = meetings[i];
      if (!m) break;
      (m.projects ??= []).push({ name, status });
      i += rng.int(1, 4);
    }
  }
}

/** `membersOf` gives the members of any chapter (for joint meetings that list attendees). */
export function generateMeetings(ch: ChapterSpec, membersOf: (chapter: string) => readonly Member[]): Meeting[] {
  const members = membersOf(ch.id);
  const rng = rngFor(`${ch.id}:meetings`);
  const plans = schedule(ch, rng);
  const asOf = toDay(SNAPSHOT);
  const education = plans.map((p) =>
    ch.noEducationAfter && p.date > ch.noEducationAfter ? false
      : p.education ?? (p.topics ? p.topics.includes('education') : p.drawn ? rng.chance(0.35) : false));
  // a functioning chapter keeps its self-education up: one session well inside the 183-day window
  if (ch.profile === 'functioning' && !ch.window && !ch.noEducationAfter) {
    const inside = plans.map((p, i) => [toDay(p.date), i] as const).filter(([d]) => d > asOf - 150 && d <= asOf - 7);
    if (inside.length > 0 && !inside.some(([, i]) => education[i])) {
      const [, i] = inside.reduce((best, cur) => (Math.abs(cur[0] - (asOf - 45)) < Math.abs(best[0] - (asOf - 45)) ? cur : best));
      education[i] = true;
    }
  }
  let doc = rng.int(0, KEY_DOCUMENTS.length - 1);
  const meetings = plans.map((p, i): Meeting => {
    const edu = education[i] ?? false;
    const topics = p.topics ?? drawTopics(rng, edu);
    const mode = p.mode ?? rng.weighted([['in-person', 72], ['online', 14], ['hybrid', 14]] as const);
    const came = p.listAttendees
      ? jointAttendees(rng, [ch.id, ...(p.jointWith ?? [])].map(membersOf), p.date)
      : whoCame(rng, members, p.date, !!p.jointWith);
    const m: Meeting = { chapter: ch.id, date: p.date, mode, topics, ...came };
    if (p.slug) m.slug = p.slug;
    if (topics.includes('education')) {
      const docs = new Set([at(KEY_DOCUMENTS, doc % 4)]);
      if (rng.chance(0.3)) docs.add(at(KEY_DOCUMENTS, (doc + 1) % 4));
      doc += 1;
      m.studied = KEY_DOCUMENTS.filter((d) => docs.has(d));
    }
    if (p.jointWith) m.jointWith = p.jointWith;
    return m;
  });
  addProjects(rng, ch, meetings);
  for (const m of meetings) {
    if (rng.chance(0.75)) m.notes = noteFor(rng, m.topics, m.studied?.[0]);
  }
  return meetings;
}

export function renderMeeting(schema: string, m: Meeting): string {
  const lines = [schema, `date: ${m.date}`, `mode: ${m.mode}`];
  if (m.attendees) lines.push(...listLines('attendees', m.attendees));
  else lines.push(`attendance: ${m.attendance ?? 0}`);
  lines.push(`topics: ${flowList(m.topics)}`);
  if (m.studied) lines.push(`studied: ${flowList(m.studied)}`);
  if (m.jointWith) lines.push(`joint_with: ${flowList(m.jointWith)}`);
  if (m.projects) {
    lines.push('projects:');
    for (const p of m.projects) lines.push(`  - ${flowMap([['name', p.name], ['status', p.status]])}`);
  }
  if (m.notes) lines.push(`notes: ${q(m.notes)}`);
  return file(lines);
}
