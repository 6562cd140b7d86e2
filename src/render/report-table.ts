// The chapter report on a terminal: compact sections of label/value rows, one screen for a
// normal chapter. Member ids appear only when the report was built with --members.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { plural } from '../core/metrics/asof.js';
import type { ChapterReport, GoalStanding } from '../core/report/types.js';
import { printable } from './escape.js';
import { count } from './format.js';
import {
  decisionText,
  type ChapterReportOutput,
  attendanceCellsText,
  attendanceTrendText,
  breakdownText,
  byCurrency,
  dueDate,
  dueWhat,
  money,
  monthShort,
  pct,
  pledgesText,
  privacyLine,
  sinceText,
  stamp,
  trendText,
  yes,
} from './report-text.js';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Terminal width to fit; 80 when unknown. */
  width?: number;
}

type Row = [string, string];

/** Fits the longest label, "  Collecting dues", and two spaces. */
const LABEL_WIDTH = 19;

const NO_BORDER = Object.fromEntries(
  ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'].map((k) => [k, '']),
);

function standingRows(r: ChapterReport, chalk: ChalkInstance): Row[] {
  const verdict = (v: boolean | null) => (v === null ? chalk.dim(yes(v)) : v ? chalk.green('yes') : chalk.red('no'));
  const delegate = r.delegate.member ? ` (${r.delegate.member})` : '';
  return [
    ['Functioning', `${verdict(r.functioning.value)}: ${r.functioning.reasons.join('; ')}`],
    ['Collecting dues', `${verdict(r.collecting_dues.value)}: ${r.collecting_dues.reasons.join('; ')}`],
    ['Delegate', r.delegate.value ? `${chalk.green('yes')}${delegate}` : `${chalk.red('no')}: ${r.delegate.reasons.join('; ')}`],
  ];
}

function memberRows(r: ChapterReport): Row[] {
  const m = r.members;
  const studied = Object.entries(m.studied.documents).map(([d, n]) => `${d} ${count(n)}`);
  return [
    ['Current', `${count(m.current)} · ${count(m.joined_since)} joined, ${count(m.left_since)} left ${sinceText(r)}`],
    ['Trend', trendText(m.trend)],
    ['Gender', breakdownText(m.gender, r.min_group)],
    ['Age band', breakdownText(m.age_band, r.min_group)],
    ...(studied.length ? [['Studied', `${studied.join(' · ')} · all of them ${count(m.studied.all)}`] as Row] : []),
  ];
}

function meetingRows(r: ChapterReport): Row[] {
  const m = r.meetings;
  const rows: Row[] = [];
  if (m.last) {
    const joint = m.last.held_by !== r.chapter ? `, joint, held by ${m.last.held_by}` : m.last.joint_with.length ? `, joint with ${m.last.joint_with.join(', ')}` : '';
    const attendance = m.last.attendance === null ? '' : `, ${count(m.last.attendance)} attending`;
    rows.push(['Last', `${m.last.date}, ${m.last.mode}${attendance}${joint}`]);
  } else rows.push(['Last', 'none yet']);
  const counted = m.counted !== m.in_window ? ` (${m.counted} counted)` : '';
  rows.push([`Last ${m.window_days} days`, `${plural(m.in_window, 'meeting')}${counted}: ${m.modes.in_person} in person, ${m.modes.online} online, ${m.modes.hybrid} hybrid; ${m.joint} joint`]);
  rows.push(['Meetings × avg', attendanceTrendText(m.attendance_trend)]);
  if (m.attendance) {
    rows.push(['Members came', `${attendanceCellsText(m.attendance.cells)} (${plural(m.attendance.recorded_meetings, 'meeting')} with attendees listed)`]);
  }
  if (m.by_member) rows.push(['By member', m.by_member.map((a) => `${a.member} ${a.attended}/${a.recorded}`).join(' · ') || 'no attendees recorded']);
  return rows;
}

function activityRows(r: ChapterReport): Row[] {
  const e = r.education;
  const inWindow = e.window_days === null ? '' : ` (${e.sessions_in_window} in the last ${e.window_days} days)`;
  const docs = Object.entries(e.documents).map(([d, date]) => `${d} ${date ?? 'never'}`);
  const p = r.projects;
  return [
    ['Education', `${e.last ? `last ${e.last}` : 'none yet'}${inWindow}`],
    ...(docs.length ? [['Documents', docs.join(' · ')] as Row] : []),
    ['Projects', `${p.succeeded} succeeded · ${p.failed} failed · ${p.attempted} attempted · ${p.planned} planned`],
  ];
}

function reportRows(r: ChapterReport): Row[] {
  const last = r.reports.last;
  const due = r.reports.next_due ? ` · next due ${r.reports.next_due}` : '';
  return [['Reports', last ? `last ${last.date} "${last.title}"${due}` : 'none published yet']];
}

function duesRows(r: ChapterReport): Row[] {
  const d = r.dues;
  const head = d.scheme ? [d.scheme, d.bank_account ? 'bank account' : 'no bank account', d.agreed ? `agreed ${d.agreed}` : 'not agreed'].join(' · ') : 'no dues scheme';
  const originals = (t: { by_currency: Record<string, number> }) => {
    const other = Object.keys(t.by_currency).filter((c) => c !== d.this_month.total.currency);
    return other.length ? ` (${byCurrency(t.by_currency)})` : '';
  };
  const w = d.window;
  const rows: Row[] = [['Dues', head]];
  // a chapter without dues and without receipts needs no empty money lines
  if (d.scheme !== null || w.receipts > 0) {
    rows.push(
      ['This month', `${money(d.this_month.total)} from ${count(d.this_month.receipts)} receipts${originals(d.this_month)}`],
      [`${monthShort(w.months[0]!)}–${monthShort(w.months[w.months.length - 1]!)}`, `${money(w.total)} from ${count(w.receipts)} receipts in ${w.months_with_receipts.length} of ${w.months.length} months${originals(w)}`],
    );
  }
  rows.push(['Pledges', pledgesText(d.pledges)]);
  // no pledges and nothing received: nothing to compare
  if (d.arrears && (d.arrears.pledged.amount > 0 || d.arrears.received.amount > 0)) {
    const a = d.arrears;
    const share = a.received_share === null ? '' : ` (${pct(a.received_share)})`;
    // the row of `iops dues` for the same days, which a treasurer compares it with
    const owed = a.arrears.amount < 0 ? `${money({ ...a.arrears, amount: -a.arrears.amount })} paid ahead` : money(a.arrears);
    rows.push(['Arrears', `${owed}: pledged ${money(a.pledged)}, received ${money(a.received)}${share}, as iops dues --from ${a.from} --to ${a.to}`]);
  }
  return rows;
}

/**
 * Goals in three lines: those the chapter counts toward, those it does not yet (with what
 * keeps it from counting), and what it adds to the others. JSON and Markdown give every reason.
 */
function goalRows(r: ChapterReport, chalk: ChalkInstance): Row[] {
  const rows: Row[] = [];
  const counting = r.goals.filter((g) => g.counts === true).map((g) => g.id);
  if (counting.length) rows.push(['Counts for', chalk.green(counting.join(', '))]);
  for (const g of r.goals.filter((g) => g.counts === false)) rows.push(['Not yet', `${chalk.red(g.id)}: ${g.reason}`]);
  const adds = r.goals.filter((g) => g.counts === null).map((g) => `${g.id} ${contribution(g, r.dues.this_month.total.currency)}`);
  if (adds.length) rows.push(['Adds', adds.join(' · ')]);
  return rows;
}

function contribution(g: GoalStanding, currency: string): string {
  if (g.contribution === null) return 'not shown';
  if (g.unit === 'share') return pct(g.contribution);
  if (g.unit === 'money') return `${money({ amount: g.contribution, currency })} a month`;
  return count(g.contribution);
}

/** Words to lines of at most `width` characters. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

function decisionRows(d: NonNullable<ChapterReport['decisions']>): Row[] {
  if (!d.list.length) return [['', d.since ? `none since the last report (${d.since})` : 'none yet']];
  return d.list.map((x) => [x.date, decisionText(x)]);
}

export function renderReportTable(report: ChapterReportOutput, o: TableOptions): string {
  const r = printable(report);
  const { chalk } = o;
  const width = Math.max(60, Math.min(o.width ?? 80, 120));
  const table = new Table({ chars: NO_BORDER, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 }, colWidths: [LABEL_WIDTH, width - LABEL_WIDTH], wordWrap: true });
  const section = (title: string, rows: Row[]) => {
    table.push([{ colSpan: 2, content: chalk.bold(title) }]);
    for (const [label, value] of rows) table.push([`  ${label}`, value]);
  };
  section('STANDING', standingRows(r, chalk));
  section('MEMBERS', memberRows(r));
  section('MEETINGS', meetingRows(r));
  section('ACTIVITY', [...activityRows(r), ...reportRows(r)]);
  section('DUES', duesRows(r));
  if (r.goals.length) section('GOALS', goalRows(r, chalk));
  if (r.decisions) section('DECISIONS', decisionRows(r.decisions));
  section('DUE', r.due.length ? r.due.map((d) => [dueDate(d, r.as_of), d.overdue ? chalk.red(dueWhat(d, r.as_of)) : dueWhat(d, r.as_of)]) : [['', 'nothing due']]);
  const branch = r.branch ? ` · branch ${r.branch}` : '';
  const lines = [
    chalk.bold(`${r.name} (${r.chapter}) · ${r.country}${branch}`),
    `Chapter report as of ${r.as_of}, ${sinceText(r)} · ${stamp(r)}`,
    '',
    table.toString().replace(/[ \t]+$/gm, ''),
  ];
  const note = privacyLine(r);
  if (note) lines.push('', chalk.dim(wrap(note, width)));
  return lines.join('\n');
}
