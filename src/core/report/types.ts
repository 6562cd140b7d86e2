// The chapter report as a view model. Its keys are the JSON output's keys (stable,
// snake_case); the table and Markdown renderers read the same object. Dates are
// YYYY-MM-DD, months YYYY-MM, shares fractions (0.37), money exact decimals.
import type { DisclosurePlan } from '../privacy/plan.js';
import type { Cell } from '../privacy.js';
import type { Unit } from '../metrics/metric.js';

export interface ReportOptions {
  /** Start of "since the last meeting" (exclusive); undefined: the chapter's previous meeting before A. */
  since?: string | undefined;
  /** List member ids (per-member attendance, the delegate). Never in a published report. */
  members?: boolean;
  /** The organisation-wide privacy plan on the breakdown date, when `org` is only a part of the organisation (load/byChapter.ts). */
  plan?: DisclosurePlan;
}

/** A verdict with each condition in words: what counts, or what keeps it from counting. */
export interface Standing {
  value: boolean | null;
  reasons: string[];
}

export interface Money {
  amount: number;
  currency: string;
}

export interface BreakdownCell extends Cell {
  /** Share among those who gave this detail, when it can be shown. */
  share: number | null;
  /** The community's census share (chapter.yaml `community`), when given. */
  community: number | null;
}

export interface Breakdown {
  /** The people the breakdown covers. */
  total: number;
  cells: Record<string, BreakdownCell>;
  suppressed: boolean;
}

export interface MembersSection {
  current: number;
  joined_since: number;
  left_since: number;
  /** Members current at the end of each of the last six months, the as-of day last. */
  trend: { date: string; count: number }[];
  gender: Breakdown;
  age_band: Breakdown;
  /** Current members who studied each key document, and all of them. */
  studied: { documents: Record<string, number>; all: number };
}

export interface MeetingSummary {
  date: string;
  mode: string;
  attendance: number | null;
  topics: string[];
  /** The chapter that logged it (another one for a joint meeting it was invited to). */
  held_by: string;
  joint_with: string[];
}

export interface MemberAttendance {
  member: string;
  attended: number;
  recorded: number;
  rate: number;
}

export interface MeetingsSection {
  last: MeetingSummary | null;
  window_days: number;
  /** Meetings counting for the chapter in the window, every mode. */
  in_window: number;
  /** Those that count toward functioning (online ones only if count_online). */
  counted: number;
  modes: { in_person: number; online: number; hybrid: number };
  joint: number;
  since: number;
  attendance_trend: { month: string; meetings: number; average_attendance: number | null }[];
  /** How often current members came, over the window's meetings that list attendees. */
  attendance: { recorded_meetings: number; cells: Record<'regular' | 'occasional' | 'absent', Cell> } | null;
  /** Only with --members. */
  by_member?: MemberAttendance[];
}

export interface EducationSection {
  last: string | null;
  window_days: number | null;
  sessions_in_window: number;
  /** Each key document: the last meeting that studied it, or null. */
  documents: Record<string, string | null>;
}

export interface ProjectView {
  name: string;
  status: 'planned' | 'attempted' | 'succeeded' | 'failed';
  date: string;
}

export interface ProjectsSection {
  attempted: number;
  succeeded: number;
  failed: number;
  planned: number;
  list: ProjectView[];
}

export interface ReportsSection {
  last: { date: string; title: string; url: string | null } | null;
  published: number;
  every_days: number | null;
  next_due: string | null;
}

export interface ReceiptTotals {
  receipts: number;
  total: Money;
  by_currency: Record<string, number>;
}

export interface DuesSection {
  scheme: string | null;
  bank_account: boolean;
  agreed: string | null;
  this_month: ReceiptTotals & { month: string };
  window: ReceiptTotals & { months: string[]; months_with_receipts: string[] };
  pledges: Record<'pledging' | 'exempt' | 'no_pledge', Cell>;
  /**
   * Pledged for the window (its first month's first day to A, both included) against received
   * in it: the chapter's row of `iops dues --from <from> --to <to>`; arrears is negative when the
   * chapter received more than was pledged. Null when that table shows no pledged sum for it.
   */
  arrears: { from: string; to: string; pledged: Money; received: Money; arrears: Money; received_share: number | null } | null;
}

export interface GoalStanding {
  id: string;
  title: string;
  metric: string;
  unit: Unit;
  /** Whether the chapter (or its branch) counts toward the goal; null for goals it adds a value to. */
  counts: boolean | null;
  /** What the chapter adds to the goal's value; null when that would show a suppressed cell. */
  contribution: number | null;
  reason: string;
}

export interface DueItem {
  /** The day it is due by; the as-of day for what is due now. */
  date: string;
  /** Due on or before the as-of day: already failing. */
  overdue: boolean;
  kind: 'meeting' | 'education' | 'report' | 'dues' | 'delegate';
  text: string;
}

export interface DecisionView {
  id: string;
  /** The day it was decided; for an open proposal, the day it was proposed. */
  date: string;
  status: 'proposed' | 'adopted' | 'rejected' | 'withdrawn';
  /** ICC, "IOPS UK assembly", the chapter's name. */
  body: string;
  proposal: string;
  method: 'consensus' | 'majority' | 'two-thirds';
  counts: { for: number; against: number; abstain: number; blocks: number } | null;
  adopts: string | null;
}

export interface DecisionsSection {
  /** The chapter's last report, which the list starts after (null: every decision so far). */
  since: string | null;
  /** Decided since then, and proposals still open, oldest first. */
  list: DecisionView[];
}

export interface ChapterReport {
  chapter: string;
  name: string;
  country: string;
  branch: string | null;
  organization: string;
  as_of: string;
  since: string | null;
  min_group: number;
  /** The month end the breakdowns of people (gender, age band, pledges) describe: the as-of day, or the last month end before it. */
  breakdowns_as_of: string;
  members_listed: boolean;
  members: MembersSection;
  functioning: Standing;
  collecting_dues: Standing;
  delegate: Standing & { member?: string | null };
  last_meeting: string | null;
  last_report: string | null;
  meetings: MeetingsSection;
  education: EducationSection;
  projects: ProjectsSection;
  reports: ReportsSection;
  dues: DuesSection;
  goals: GoalStanding[];
  /** Null when the organisation records no decisions (docs/governance.md). */
  decisions: DecisionsSection | null;
  due: DueItem[];
}
