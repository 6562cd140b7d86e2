// The deterministic sample organisation: IOPS in its interim phase, August 2012.
// Pure: no file system, no clock, no Math.random. `npm run sample` writes it to data/.

import { paths, schemaComment } from '../core/paths.js';
import { BRANCHES, CHAPTERS, type BranchSpec, type ChapterSpec } from './catalogue.js';
import { maxDate, minDate } from './dates.js';
import { generateDues, renderLedger } from './dues.js';
import { generateMeetings, renderMeeting } from './meetings.js';
import { addSampleHistories, historyDates, listedIn } from './histories.js';
import { generateMembers, renderMembers, type Member } from './members.js';
import { chapterAt, duesDecisionId, governanceFiles, withAdoption } from './governance.js';
import { generateReports, renderReport } from './reports.js';
import { rngFor } from './random.js';
import { goalsYaml, iopsYaml } from './settings.js';
import { treasuryFiles } from './treasury.js';
import { file, flowMap, q, raw } from './yaml.js';

export interface SampleFile {
  /** POSIX path relative to the data repository root. */
  path: string;
  /** The full text of the file. */
  content: string;
  /** YYYY-MM-DD: the day this content came into being (for a dated replay). */
  date: string;
}

function chapterYaml(ch: ChapterSpec, members: readonly Member[]): string {
  const path = paths.chapter(ch.id);
  const lines = [schemaComment(path, 'chapter'), `name: ${q(ch.name)}`, `country: ${ch.country}`];
  if (ch.branch) lines.push(`branch: ${ch.branch}`);
  if (!ch.undated) lines.push(`founded: ${ch.start}`);
  if (ch.delegate) {
    const founders = members.filter((m) => m.founder && m.left === undefined);
    lines.push(`delegate: ${rngFor(`${ch.id}:delegate`).pick(founders).id}`);
  }
  if (ch.dues) {
    lines.push('dues:', `  scheme: ${ch.dues.scheme}`, `  bank_account: ${ch.dues.bank}`, `  agreed: ${ch.dues.agreed}`, `  decision: ${duesDecisionId(ch)}`);
    if (ch.dues.fixed) lines.push(`  amount: ${ch.dues.fixed[0]}`, `  currency: ${ch.dues.fixed[1]}`);
  }
  if (ch.community) {
    const [woman, man] = ch.community;
    lines.push('community:', `  gender: ${flowMap([['woman', woman], ['man', man]])}`);
  }
  return file(lines);
}

function branchYaml(b: BranchSpec): string {
  const lines = [schemaComment(paths.branch(b.id), 'branch'), `name: ${q(b.name)}`, `country: ${b.country}`];
  if (b.gatherings.length === 0) lines.push('gatherings: []');
  else lines.push('gatherings:');
  for (const g of b.gatherings) {
    lines.push(`  - ${flowMap([['date', raw(g.date)], ['kind', g.kind], ['chapters', g.chapters]])}`);
  }
  return file(lines);
}

function chapterFiles(ch: ChapterSpec, membersOf: (chapter: string) => readonly Member[], all: ReadonlyMap<string, Member[]>): SampleFile[] {
  const members = membersOf(ch.id);
  const meetings = generateMeetings(ch, membersOf);
  const reports = generateReports(ch, meetings, members);
  const out: SampleFile[] = [];
  out.push({
    path: paths.chapter(ch.id),
    content: chapterYaml(ch, members),
    date: ch.dues ? maxDate([ch.start, ch.dues.agreed]) : ch.start,
  });
  const membersPath = paths.members(ch.id);
  const listed = listedIn(ch.id, all);
  out.push({
    path: membersPath,
    content: renderMembers(schemaComment(membersPath, 'members'), listed),
    date: maxDate([...listed.flatMap((m) => (m.left ? [m.joined, m.left] : [m.joined])), ...historyDates(ch.id, all)]),
  });
  for (const m of meetings) {
    const path = paths.meeting(ch.id, m.date, m.slug);
    out.push({ path, content: renderMeeting(schemaComment(path, 'meeting'), m), date: m.date });
  }
  for (const r of reports) out.push({ path: paths.report(ch.id, r.date), content: renderReport(r), date: r.date });
  for (const [year, receipts] of generateDues(ch, members)) {
    const path = paths.dues(ch.id, year);
    out.push({ path, content: renderLedger(schemaComment(path, 'dues'), receipts), date: maxDate(receipts.map((r) => r.date)) });
  }
  return out;
}

function branchDate(b: BranchSpec): string {
  if (b.gatherings.length > 0) return maxDate(b.gatherings.map((g) => g.date));
  return minDate(CHAPTERS.filter((c) => c.branch === b.id).map((c) => c.start));
}

/** Every file of the sample data repository, sorted by path. */
export function generateSample(): SampleFile[] {
  const members = new Map(CHAPTERS.map((ch) => [ch.id, generateMembers(ch)]));
  addSampleHistories(members);
  const membersOf = (id: string): readonly Member[] => members.get(id) ?? [];
  const files: SampleFile[] = [];
  for (const ch of CHAPTERS) files.push(...chapterFiles(ch, membersOf, members));
  for (const b of BRANCHES) files.push({ path: paths.branch(b.id), content: branchYaml(b), date: branchDate(b) });
  const earliest = minDate(CHAPTERS.map((c) => c.start));
  files.push({ path: paths.iops(), content: iopsYaml(), date: earliest });
  files.push({ path: paths.goals(), content: withAdoption(goalsYaml()), date: earliest });
  files.push(...governanceFiles(CHAPTERS, membersOf));
  files.push(...treasuryFiles());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
