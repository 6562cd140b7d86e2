// Chapter reports: Markdown files with YAML front matter, summarising the meetings
// since the previous report. No personal names.

import { KEY_DOCUMENTS, TOPICS, type ChapterSpec } from './catalogue.js';
import { SNAPSHOT, fromDay, monthName, toDay } from './dates.js';
import type { Meeting } from './meetings.js';
import { isCurrent, type Member } from './members.js';
import { rngFor, type Rng } from './random.js';
import { NEXT_STEPS } from './text.js';
import { file, q } from './yaml.js';

export interface Report {
  chapter: string;
  date: string;
  title: string;
  url?: string;
  body: string;
}

function reportDays(ch: ChapterSpec, meetings: readonly Meeting[], rng: Rng): number[] {
  const first = meetings[0];
  if (ch.lastReport === null || !first) return [];
  const asOf = toDay(SNAPSHOT);
  const earliest = toDay(first.date) + 20;
  const regular = ch.profile === 'functioning' || ch.lastReport !== undefined;
  if (regular) {
    // from the first report on, one every 45-80 days; the last one where the story wants it
    const from = Math.max(earliest, ch.reportsFrom ? toDay(ch.reportsFrom) : earliest + 40);
    const to = ch.lastReport ? toDay(ch.lastReport) : asOf - 8;
    const days = [from];
    for (let d = from + rng.int(45, 80); d <= to; d += rng.int(45, 80)) days.push(d);
    const last = days[days.length - 1] ?? from;
    if (ch.lastReport && last !== to) days.push(to);
    if (!ch.lastReport && last < asOf - 85) days.push(rng.int(Math.max(last + 30, asOf - 60), asOf - 8));
    return days.filter((d, i) => i === days.length - 1 || (days[i + 1] ?? d) - d >= 20);
  }
  if (ch.profile === 'new') return [];
  // occasional and dormant chapters: at most one report, and not a recent one
  const latest = Math.min(toDay('2012-04-25'), toDay(ch.stopAfter ?? SNAPSHOT) + 14);
  if (latest < earliest || !rng.chance(ch.profile === 'occasional' ? 0.5 : 0.4)) return [];
  return [rng.int(earliest, latest)];
}

function summary(rng: Rng, ch: ChapterSpec, held: readonly Meeting[], members: readonly Member[], date: string, first: boolean): string {
  const lines = [first ? '## Since we started' : '## Since our last report', ''];
  if (held.length === 0) {
    lines.push('We did not meet since our last report.');
  } else {
    const inPerson = held.filter((m) => m.mode === 'in-person').length;
    const times = held.length === 1 ? 'once' : `${held.length} times`;
    lines.push(`We met ${times} (${inPerson} in person, ${held.length - inPerson} online or hybrid).`);
    const topics = TOPICS.filter((t) => held.some((m) => m.topics.includes(t)));
    lines.push(`Topics: ${topics.join(', ')}.`);
  }
  const studied = KEY_DOCUMENTS.filter((d) => held.some((m) => m.studied?.includes(d)));
  const bullets: string[] = [];
  if (studied.length > 0) bullets.push(`- Self-education on the key documents: ${studied.join(', ')}.`);
  const latest = new Map<string, string>();
  for (const m of held) for (const p of m.projects ?? []) latest.set(p.name, p.status);
  for (const [name, status] of latest) bullets.push(`- ${name}: ${status}.`);
  if (bullets.length > 0) lines.push('', ...bullets);
  const count = members.filter((m) => isCurrent(m, date)).length;
  lines.push('', '## Membership', '', `The chapter had ${count} members when this report was written.`);
  lines.push('', '## Next steps', '', ...rng.sample(NEXT_STEPS, 2).map((s) => `- ${s}`));
  return lines.join('\n');
}

export function generateReports(ch: ChapterSpec, meetings: readonly Meeting[], members: readonly Member[]): Report[] {
  const rng = rngFor(`${ch.id}:reports`);
  const reports: Report[] = [];
  let previous = '';
  for (const day of reportDays(ch, meetings, rng)) {
    const date = fromDay(day);
    const held = meetings.filter((m) => m.date > previous && m.date <= date);
    const report: Report = {
      chapter: ch.id,
      date,
      title: `${ch.name} chapter update, ${monthName(date)}`,
      body: summary(rng, ch, held, members, date, previous === ''),
    };
    if (rng.chance(0.6)) report.url = `https://example.org/iops/${ch.id}/${date}`;
    reports.push(report);
    previous = date;
  }
  return reports;
}

export function renderReport(r: Report): string {
  const front = ['---', `date: ${r.date}`, `title: ${q(r.title)}`];
  if (r.url) front.push(`url: ${r.url}`);
  front.push('---');
  return file([...front, r.body]);
}
