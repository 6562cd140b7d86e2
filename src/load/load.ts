// The loader pipeline: files → parsed → validated against schemas → linked into an
// organisation → cross-file checks. Every stage adds to one list of located problems;
// cross-file checks run once every file is valid on its own, so they never report
// ghosts of a file that failed to parse.
import type { FileRole } from '../core/layout.js';
import { classify } from '../core/layout.js';
import { checkReferences } from '../core/checks/references.js';
import { checkHistories } from '../core/checks/histories.js';
import { checkRecords } from '../core/checks/records.js';
import { checkDecisions } from '../core/checks/decisions.js';
import { checkTreasury } from '../core/checks/treasury.js';
import {
  type AccountRecord,
  type BranchRecord,
  type ExpenseRecord,
  type TransferRecord,
  type Treasury,
  type ChapterInput,
  type DecisionRecord,
  type MeetingRecord,
  type MemberRecord,
  type Organisation,
  type ReceiptRecord,
  type ReportRecord,
  buildOrganisation,
} from '../core/model.js';
import { type LedgerSums, type ReceiptMonth, mergeReceiptMonths, receiptMonthsOf } from '../core/receiptMonths.js';
import { minorUnits } from '../core/money.js';
import { type Problem, type UnlocatedProblem, compareProblems } from '../core/problem.js';
import type { Branch } from '../core/schema/branch.js';
import type { Chapter } from '../core/schema/chapter.js';
import type { Decision } from '../core/schema/decision.js';
import type { Receipt } from '../core/schema/dues.js';
import type { GoalsFile } from '../core/schema/goals.js';
import type { Meeting } from '../core/schema/meeting.js';
import type { Member } from '../core/schema/members.js';
import type { Report } from '../core/schema/report.js';
import type { Settings } from '../core/schema/settings.js';
import type { Account, TreasuryYear } from '../core/schema/treasury.js';
import type { FileEntry } from '../io/repo.js';
import type { ParsedYaml } from './yamlSource.js';
import { locateIn, readFileData } from './fileData.js';

export type { FileEntry } from '../io/repo.js';

export interface LoadResult {
  org: Organisation | undefined;
  problems: Problem[];
}

/** A file that passed its own schema: what link and the cross-file checks work on. */
export interface ValidFile {
  role: FileRole;
  path: string;
  data: unknown;
  /** A dues ledger given as sums instead of its receipts (then `data` is empty). */
  sums?: LedgerSums;
}

export function loadFromFiles(files: readonly FileEntry[], opts: { select?: (valid: ValidFile[]) => ValidFile[]; partial?: boolean } = {}): LoadResult {
  const problems: Problem[] = [];
  const parsed = new Map<string, ParsedYaml>();
  const valid: ValidFile[] = [];
  const fileProblem = (file: string, message: string) => problems.push({ file, line: 1, column: 1, path: '', message });

  for (const entry of files) {
    const c = classify(entry.path);
    if ('ignore' in c) continue;
    if (entry.problem !== undefined || !entry.bytes) {
      fileProblem(entry.path, entry.problem ?? 'could not be read');
      continue;
    }
    if ('problem' in c) {
      fileProblem(entry.path, c.problem);
      continue;
    }
    const outcome = readFileData(entry.path, c.role, entry.bytes);
    if (outcome.parsed) parsed.set(entry.path, outcome.parsed);
    append(problems, outcome.problems);
    if (!outcome.problems.length) valid.push({ role: c.role, path: entry.path, data: outcome.data });
  }
  if (!files.some((f) => f.path === 'iops.yaml')) fileProblem('iops.yaml', 'missing: every data repository has an iops.yaml at its root');
  if (problems.length) return { org: undefined, problems: problems.sort(compareProblems) };

  return linkFiles(opts.select ? opts.select(valid) : valid, parsed, { partial: opts.partial === true });
}

/**
 * Files valid on their own → the organisation and the cross-file problems (located when `parsed`
 * knows the file). `checks: false` only for files a certificate says passed them (load/cachedLoad.ts).
 */
export function linkFiles(valid: ValidFile[], parsed: ReadonlyMap<string, ParsedYaml> = new Map(), opts: { checks?: boolean; focus?: ReadonlySet<string>; partial?: boolean } = {}): LoadResult {
  const { org, nameDates, linkProblems } = link(valid);
  if (opts.checks === false) return { org, problems: [] };
  const checks = [
    ...linkProblems,
    ...checkRecords(org, nameDates, opts.focus),
    ...checkReferences(org, opts.focus),
    ...checkHistories(org, opts.focus),
    ...checkDecisions(org, opts.focus, { meetings: opts.partial !== true }),
    ...checkTreasury(org, nameDates, opts.focus),
  ];
  return { org: checks.length ? undefined : org, problems: checks.map((u) => locateProblem(u, parsed)).sort(compareProblems) };
}

/** `push(...items)` passes every item as an argument: a file with 200,000 problems would overflow the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function locateProblem(u: UnlocatedProblem, parsed: ReadonlyMap<string, ParsedYaml>): Problem {
  const c = classify(u.file);
  return locateIn(parsed.get(u.file), 'role' in c ? c.role : undefined, u);
}

/**
 * A record made from a file's validated data by adding where it came from. In place: the data is
 * this load's own (fresh from the schema or the cache), and a copy of two million receipts made
 * with `{ ...r }` would cost three times the memory (V8 keeps such copies as dictionaries).
 */
function becomes<T>(data: object, extra: Partial<T>): T {
  return Object.assign(data, extra) as T;
}

/** A ledger's receipts as records of the organisation. */
export function receiptRecords(file: string, chapter: string, data: unknown, minorOf = minorUnits()): ReceiptRecord[] {
  return (data as Receipt[]).map((r, index) => becomes<ReceiptRecord>(r, { chapter, file, index, minor: minorOf(r.amount, r.currency) }));
}

function link(files: ValidFile[]): { org: Organisation; nameDates: Map<string, string | number>; linkProblems: UnlocatedProblem[] } {
  let settings: Settings | undefined;
  let goals: GoalsFile | undefined;
  const chapters = new Map<string, Partial<ChapterInput> & Omit<ChapterInput, 'chapter' | 'file'>>();
  const branches: BranchRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const nameDates = new Map<string, string | number>();
  const minorOf = minorUnits();
  const chapterOf = (id: string) => {
    let c = chapters.get(id);
    if (!c) chapters.set(id, (c = { id, members: [], meetings: [], reports: [], receipts: [] }));
    return c;
  };
  const ledgerSums = new Map<string, ReceiptMonth[][]>();
  let treasury: Treasury | undefined;
  const treasuryOf = () => (treasury ??= { accounts: [], transfers: [], expenses: [] });
  for (const { role, path, data, sums } of files) {
    switch (role.kind) {
      case 'iops':
        settings = data as Settings;
        break;
      case 'goals':
        goals = data as GoalsFile;
        break;
      case 'branch': {
        const b = data as Branch;
        branches.push({ ...b, id: role.branch!, file: path, gatherings: b.gatherings.map((g, index) => ({ ...g, branch: role.branch!, file: path, index })) });
        break;
      }
      case 'chapter':
        Object.assign(chapterOf(role.chapter!), { chapter: data as Chapter, file: path });
        break;
      case 'members':
        append(chapterOf(role.chapter!).members, (data as Member[]).map((m, index) => becomes<MemberRecord>(m, { chapter: role.chapter!, file: path, index })));
        break;
      case 'meeting': {
        const m = data as Meeting;
        nameDates.set(path, role.date!);
        chapterOf(role.chapter!).meetings.push(becomes<MeetingRecord>(m, { chapter: role.chapter!, file: path, attendanceCount: m.attendance ?? m.attendees?.length }));
        break;
      }
      case 'report':
        nameDates.set(path, role.date!);
        chapterOf(role.chapter!).reports.push(becomes<ReportRecord>(data as Report, { chapter: role.chapter!, file: path }));
        break;
      case 'dues':
        nameDates.set(path, role.year!);
        append(chapterOf(role.chapter!).receipts, receiptRecords(path, role.chapter!, data, minorOf));
        if (sums) (ledgerSums.get(role.chapter!) ?? ledgerSums.set(role.chapter!, []).get(role.chapter!)!).push(sums.months);
        break;
      case 'decision':
        decisions.push({ ...(data as Decision), id: role.decision!, date: role.date!, file: path, ...(role.chapter ? { chapter: role.chapter } : {}) });
        break;
      case 'accounts':
        append(treasuryOf().accounts, (data as Account[]).map((a, index) => becomes<AccountRecord>(a, { file: path, index })));
        break;
      case 'treasury': {
        nameDates.set(path, role.year!);
        const y = data as TreasuryYear;
        append(treasuryOf().transfers, y.transfers.map((t, index) => becomes<TransferRecord>(t, { file: path, index, minor: minorOf(t.amount, t.currency) })));
        append(treasuryOf().expenses, y.expenses.map((e, index) => becomes<ExpenseRecord>(e, { file: path, index, minor: minorOf(e.amount, e.currency) })));
        break;
      }
    }
  }
  const linkProblems: UnlocatedProblem[] = [];
  const inputs: ChapterInput[] = [];
  for (const c of chapters.values()) {
    if (!c.chapter) {
      const first = c.members[0]?.file ?? c.meetings[0]?.file ?? c.reports[0]?.file ?? c.receipts[0]?.file ?? `chapters/${c.id}`;
      linkProblems.push({ file: first, at: [], message: `chapters/${c.id}/ has no chapter.yaml; add one (iops chapter add ${c.id} --name … --country …)` });
      continue;
    }
    // ledgers given as monthly sums (their receipts read later, if at all): the chapter's sums from those and the rest
    const sums = ledgerSums.get(c.id);
    if (sums) c.receiptMonths = mergeReceiptMonths([...sums, receiptMonthsOf(c.receipts)]);
    inputs.push(c as ChapterInput);
  }
  return { org: buildOrganisation(settings!, goals, inputs, branches, decisions, treasury), nameDates, linkProblems };
}
