// The chapter report as Markdown, ready to post on the organisation's website (and what
// `--publish` writes below the front matter). Free text from the files is escaped (escape.ts); member
// ids appear only when the report was built with --members, which publishing refuses.
import { plural } from '../core/metrics/asof.js';
import type { Breakdown, ChapterReport } from '../core/report/types.js';
import { SUPPRESSED_TEXT } from '../core/privacy.js';
import { mdText } from './escape.js';
import { count } from './format.js';
import {
  decisionText,
  type ChapterReportOutput,
  attendanceCellsText,
  attendanceTrendText,
  byCurrency,
  dueDate,
  dueWhat,
  money,
  pct,
  pledgesText,
  privacyLine,
  sinceText,
  stamp,
  trendText,
} from './report-text.js';

export interface MarkdownOptions {
  /** Start with a `##` title (the published file has its title in the front matter instead). */
  heading?: boolean;
}

const mark = (v: boolean | null): string => (v === null ? '➖ not defined' : v ? '✅ yes' : '❌ no');

function breakdownTable(title: string, b: Breakdown, minGroup: number): string[] {
  if (b.total < minGroup) return [`- ${title}: ${SUPPRESSED_TEXT} (fewer than ${minGroup} people)`];
  const rows = Object.entries(b.cells).filter(([, c]) => c.count !== 0 || c.community !== null);
  const withShare = rows.some(([, c]) => c.share !== null);
  const withCommunity = rows.some(([, c]) => c.community !== null);
  const head = [title, 'Members', ...(withShare ? ['Share'] : []), ...(withCommunity ? ['Community'] : [])];
  const lines = ['', `| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`];
  for (const [key, c] of rows) {
    const cells = [key, c.count === null ? SUPPRESSED_TEXT : count(c.count)];
    if (withShare) cells.push(c.share === null ? '' : pct(c.share));
    if (withCommunity) cells.push(c.community === null ? '' : pct(c.community));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return [...lines, ''];
}

function members(r: ChapterReport): string[] {
  const m = r.members;
  const docs = Object.entries(m.studied.documents);
  return [
    '### Members',
    '',
    `- **${count(m.current)}** current members; ${count(m.joined_since)} joined and ${count(m.left_since)} left ${sinceText(r)}`,
    `- At the end of each month: ${trendText(m.trend)}`,
    ...(docs.length ? [`- Studied the key documents: ${docs.map(([d, n]) => `${mdText(d)} ${count(n)}`).join(', ')}; all of them: ${count(m.studied.all)}`] : []),
    ...breakdownTable('Gender', m.gender, r.min_group),
    ...breakdownTable('Age band', m.age_band, r.min_group),
  ];
}

function meetings(r: ChapterReport): string[] {
  const m = r.meetings;
  const last = m.last ? `${m.last.date} (${m.last.mode}${m.last.attendance === null ? '' : `, ${count(m.last.attendance)} attending`}${m.last.held_by !== r.chapter || m.last.joint_with.length ? ', joint' : ''})` : 'none yet';
  const lines = [
    '### Meetings',
    '',
    `- Last meeting: ${last}`,
    `- In the last ${m.window_days} days: ${count(m.in_window)} (${m.modes.in_person} in person, ${m.modes.online} online, ${m.modes.hybrid} hybrid), ${m.joint} joint`,
    `- Meetings × average attendance by month: ${attendanceTrendText(m.attendance_trend)}`,
  ];
  if (m.attendance) {
    lines.push(`- Members' attendance, over ${plural(m.attendance.recorded_meetings, 'meeting')} with attendees listed: ${attendanceCellsText(m.attendance.cells)}`);
  }
  if (m.by_member?.length) lines.push(`- By member: ${m.by_member.map((a) => `${a.member} ${a.attended}/${a.recorded}`).join(', ')}`);
  return lines;
}

function activity(r: ChapterReport): string[] {
  const e = r.education;
  const p = r.projects;
  const docs = Object.entries(e.documents).map(([d, date]) => `${mdText(d)} (${date ? `last ${date}` : 'not yet'})`);
  const last = r.reports.last;
  return [
    '### Self-education, projects and reports',
    '',
    `- Last education session: ${e.last ?? 'none yet'}${e.window_days === null ? '' : ` (${e.sessions_in_window} in the last ${e.window_days} days)`}`,
    ...(docs.length ? [`- Key documents: ${docs.join(', ')}`] : []),
    `- Projects: ${p.succeeded} succeeded, ${p.failed} failed, ${p.attempted} attempted, ${p.planned} planned`,
    ...p.list.map((x) => `  - ${mdText(x.name)}: ${x.status} (${x.date})`),
    `- Last report: ${last ? `${last.date}, ${mdText(last.title)}` : 'none yet'}${r.reports.next_due ? `; next due ${r.reports.next_due}` : ''}`,
  ];
}

function dues(r: ChapterReport): string[] {
  const d = r.dues;
  const originals = (t: { by_currency: Record<string, number> }) => (Object.keys(t.by_currency).some((c) => c !== d.this_month.total.currency) ? ` (${byCurrency(t.by_currency)})` : '');
  const w = d.window;
  const lines = [
    '### Dues',
    '',
    `- Scheme: ${d.scheme ?? 'none'}; ${d.bank_account ? 'bank account' : 'no bank account'}${d.agreed ? `; agreed ${d.agreed}` : ''}`,
    `- This month (${d.this_month.month}): ${money(d.this_month.total)} from ${count(d.this_month.receipts)} receipts${originals(d.this_month)}`,
    `- ${w.months[0]} to ${w.months[w.months.length - 1]}: ${money(w.total)} from ${count(w.receipts)} receipts, in ${w.months_with_receipts.length} of ${w.months.length} months${originals(w)}`,
    `- Members: ${pledgesText(d.pledges)}`,
  ];
  if (d.arrears && (d.arrears.pledged.amount > 0 || d.arrears.received.amount > 0)) {
    const a = d.arrears;
    const owed = a.arrears.amount < 0 ? `${money({ ...a.arrears, amount: -a.arrears.amount })} paid ahead` : `arrears ${money(a.arrears)}`;
    lines.push(`- ${a.from} to ${a.to}: pledged ${money(a.pledged)}, received ${money(a.received)}${a.received_share === null ? '' : ` (${pct(a.received_share)})`}; ${owed} (as \`iops dues --from ${a.from} --to ${a.to}\`)`);
  }
  return lines;
}

export function renderReportMarkdown(r: ChapterReportOutput, o: MarkdownOptions = {}): string {
  const delegate = r.delegate.member ? ` (${r.delegate.member})` : '';
  const lines = [
    ...(o.heading === false ? [] : [`## ${mdText(r.name)} chapter report, ${r.as_of}`, '']),
    `${mdText(r.organization)} · ${mdText(r.name)} (${r.country}${r.branch ? `, branch ${r.branch}` : ''}) · as of ${r.as_of}, ${sinceText(r)} · ${stamp(r)}`,
    '',
    '### Standing',
    '',
    '| | |',
    '| --- | --- |',
    `| Functioning | ${mark(r.functioning.value)}: ${mdText(r.functioning.reasons.join('; '))} |`,
    `| Collecting dues | ${mark(r.collecting_dues.value)}: ${mdText(r.collecting_dues.reasons.join('; '))} |`,
    `| Delegate | ${mark(r.delegate.value)}${delegate}${r.delegate.value ? '' : `: ${mdText(r.delegate.reasons.join('; '))}`} |`,
    '',
    ...members(r),
    '',
    ...meetings(r),
    '',
    ...activity(r),
    '',
    ...dues(r),
  ];
  if (r.goals.length) {
    lines.push('', '### Goals', '', '| Goal | Counts | This chapter |', '| --- | :---: | --- |');
    for (const g of r.goals) lines.push(`| ${mdText(g.title)} | ${g.counts === null ? '' : g.counts ? '✅' : '❌'} | ${mdText(g.reason)} |`);
  }
  if (r.decisions) {
    const d = r.decisions;
    lines.push('', d.since ? `### Decisions since the last report (${d.since})` : '### Decisions', '');
    if (!d.list.length) lines.push('None.');
    for (const x of d.list) lines.push(`- **${x.date}**: ${mdText(decisionText(x))}`);
  }
  lines.push('', '### What is due', '');
  if (!r.due.length) lines.push('Nothing is due.');
  for (const d of r.due) lines.push(`- **${dueDate(d, r.as_of)}**: ${mdText(dueWhat(d, r.as_of))}`);
  const note = privacyLine(r);
  if (note) lines.push('', `_${note}_`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

