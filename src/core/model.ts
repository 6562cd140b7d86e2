// Files → one linked organisation: chapters with their members, meetings, reports and
// receipts; members and chapters indexed by id. Records remember the file (and list index)
// they came from, so checks and reasons can point back at them.
import type { Branch, Gathering } from './schema/branch.js';
import type { Chapter } from './schema/chapter.js';
import type { Decision } from './schema/decision.js';
import type { Receipt } from './schema/dues.js';
import type { Account, Expense, Transfer } from './schema/treasury.js';
import type { GoalsFile } from './schema/goals.js';
import type { Meeting } from './schema/meeting.js';
import type { Member } from './schema/members.js';
import type { Report } from './schema/report.js';
import type { Settings } from './schema/settings.js';
import { stayRecords } from './histories.js';
import { type ReceiptMonth, receiptMonthsOf } from './receiptMonths.js';
import type { ProtectionMemo } from './privacy/protect.js';

export interface Source {
  file: string;
  index?: number;
}

export interface MemberRecord extends Member, Source {
  chapter: string;
}
export interface MeetingRecord extends Meeting, Source {
  chapter: string;
  /** `attendance`, or the number of `attendees`. */
  attendanceCount: number | undefined;
}
export interface ReportRecord extends Report, Source {
  chapter: string;
  /** The file (its body included) holds what looks like personal data (set when it is parsed). */
  personal_data?: true;
}
export interface ReceiptRecord extends Receipt, Source {
  chapter: string;
  /** The amount in the currency's minor units (pence, cents). */
  minor: number;
}
export interface GatheringRecord extends Gathering, Source {
  branch: string;
}
export interface BranchRecord extends Omit<Branch, 'gatherings'>, Source {
  id: string;
  gatherings: GatheringRecord[];
}
export interface DecisionRecord extends Decision, Source {
  /** Its file name without `.yaml`: <date>-<slug>. */
  id: string;
  /** The day it was proposed (its file name's date). */
  date: string;
  /** Set for a chapter's decision (chapters/<id>/decisions/). */
  chapter?: string;
}
export interface ChapterRecord extends Chapter, Source {
  id: string;
  /** The entries of its members.yaml: who belongs to it now, or last did. */
  members: MemberRecord[];
  /**
   * Everyone who ever belonged to it, one record per stay, with `joined` and `left` the dates
   * they arrived and moved on (core/histories.ts): what a figure about the chapter as of a date
   * reads. The same array as `members` when nobody moved in or out.
   */
  roster: MemberRecord[];
  /** Meetings held by this chapter, oldest first. */
  ownMeetings: MeetingRecord[];
  /** Meetings that count for this chapter: its own and those held jointly with it, oldest first. */
  meetings: MeetingRecord[];
  reports: ReportRecord[];
  /**
   * The receipts loaded with the chapter, oldest first: all of them when `receiptsLoaded`. When
   * its ledgers came as sums (load/scope.ts LEDGERS_AS_SUMS) only those of the ledgers that did
   * not (usually none): what the load's own checks read. Anything else reads a chapter's
   * receipts through `Organisation.receipts`, never from here.
   */
  receipts: ReceiptRecord[];
  /** Whether `receipts` holds every receipt of the chapter (false when its ledgers came as sums). */
  receiptsLoaded: boolean;
  /** The receipts summed by month and currency: what the dues metrics read (core/receiptMonths.ts). */
  receiptMonths: ReceiptMonth[];
}

/**
 * Where a chapter's receipts are read from: the one way anything after the load reads them.
 * For an organisation loaded whole they are the chapters' own (HELD_RECEIPTS); when the dues
 * ledgers came as sums, the loader's source reads a chapter's ledgers when asked (from the
 * parse cache, the file or git: load/cachedLoad.ts), so a call may read files and take time.
 */
export interface ReceiptSource {
  /** The chapter's receipts, oldest first (by date, then file); not to be changed. */
  of(chapter: ChapterRecord): readonly ReceiptRecord[];
}

/**
 * The receipts the chapters hold. A chapter whose ledgers came as sums holds none of them (or
 * only some): reading it here is a mistake in iops, thrown as an internal error rather than
 * answered with an empty ledger.
 */
export const HELD_RECEIPTS: ReceiptSource = {
  of(chapter) {
    if (!chapter.receiptsLoaded) throw new Error(`internal: the dues ledgers of chapter ${chapter.id} came as sums; read its receipts through the load's receipt source`);
    return chapter.receipts;
  },
};

export interface AccountRecord extends Account, Source {}
export interface TransferRecord extends Transfer, Source {
  minor: number;
}
export interface ExpenseRecord extends Expense, Source {
  minor: number;
}
/** treasury/: the accounts declared (branches, international), transfers and expenses, oldest first. */
export interface Treasury {
  accounts: AccountRecord[];
  transfers: TransferRecord[];
  expenses: ExpenseRecord[];
}
export const NO_TREASURY: Treasury = { accounts: [], transfers: [], expenses: [] };

export interface Organisation {
  settings: Settings;
  /** Absent when the repository has no treasury/ folder. */
  treasury?: Treasury;
  goals: GoalsFile | undefined;
  chapters: ChapterRecord[];
  branches: BranchRecord[];
  chapterById: Map<string, ChapterRecord>;
  branchById: Map<string, BranchRecord>;
  memberById: Map<string, MemberRecord>;
  /** Every decision, oldest first (by the day proposed, then id). */
  decisions: DecisionRecord[];
  /** Decisions by id (the first of two with the same id; a check reports the second). */
  decisionById: Map<string, DecisionRecord>;
  /** Where the chapters' receipts are read from (HELD_RECEIPTS, or the loader's when ledgers came as sums). */
  receipts: ReceiptSource;
  /** Privacy protections remembered from earlier runs (set by the loader when results may be remembered); absent: worked out. */
  protections?: ProtectionMemo;
}

export interface ChapterInput {
  id: string;
  file: string;
  chapter: Chapter;
  members: MemberRecord[];
  meetings: MeetingRecord[];
  reports: ReportRecord[];
  receipts: ReceiptRecord[];
  /** The sums of all the chapter's receipts, when its ledgers were given as sums (their receipts then read only if asked for). */
  receiptMonths?: ReceiptMonth[];
}

/** Records by date, then file (stable: a file's own order kept). */
export const byDate = <T extends { date: string; file: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

export function buildOrganisation(settings: Settings, goals: GoalsFile | undefined, chapterInputs: ChapterInput[], branches: BranchRecord[], decisions: DecisionRecord[] = [], treasury?: Treasury): Organisation {
  const chapters: ChapterRecord[] = chapterInputs
    .map((c) => ({
      ...c.chapter,
      id: c.id,
      file: c.file,
      members: c.members,
      roster: c.members,
      ownMeetings: [...c.meetings].sort(byDate),
      meetings: [...c.meetings],
      reports: [...c.reports].sort(byDate),
      receipts: [...c.receipts].sort(byDate),
      receiptsLoaded: c.receiptMonths === undefined,
      receiptMonths: c.receiptMonths ?? receiptMonthsOf(c.receipts),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  for (const c of chapters) {
    for (const m of c.ownMeetings) {
      for (const other of new Set(m.joint_with)) {
        if (other !== c.id) chapterById.get(other)?.meetings.push(m);
      }
    }
  }
  for (const c of chapters) c.meetings.sort(byDate);
  const memberById = new Map<string, MemberRecord>();
  let moved = false;
  for (const c of chapters)
    for (const m of c.members) {
      if (!memberById.has(m.id)) memberById.set(m.id, m);
      if (m.moved_from) moved = true;
    }
  if (moved) buildRosters(chapters, chapterById);
  const sortedBranches = [...branches].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sortedDecisions = [...decisions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1));
  const decisionById = new Map<string, DecisionRecord>();
  for (const d of sortedDecisions) if (!decisionById.has(d.id)) decisionById.set(d.id, d);
  if (treasury) for (const list of [treasury.transfers, treasury.expenses] as { date: string; file: string }[][]) list.sort(byDate);
  return {
    settings,
    ...(treasury ? { treasury } : {}),
    goals,
    chapters,
    branches: sortedBranches,
    chapterById,
    branchById: new Map(sortedBranches.map((b) => [b.id, b])),
    memberById,
    decisions: sortedDecisions,
    decisionById,
    receipts: HELD_RECEIPTS,
  };
}

/** Rosters of the chapters members moved into or out of: their own unmoved members, and a record per stay. */
function buildRosters(chapters: ChapterRecord[], chapterById: Map<string, ChapterRecord>): void {
  const touched = new Set<ChapterRecord>();
  const stays: MemberRecord[] = [];
  for (const c of chapters)
    for (const m of c.members) {
      if (!m.moved_from) continue;
      for (const r of stayRecords(m)) {
        const at = chapterById.get(r.chapter);
        if (!at) continue; // an unknown chapter: validate reports it
        stays.push(r);
        touched.add(at);
      }
    }
  for (const c of touched) c.roster = c.members.filter((m) => !m.moved_from);
  for (const r of stays) chapterById.get(r.chapter)!.roster.push(r);
}
