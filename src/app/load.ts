// The loader pipeline: files → parsed → validated against schemas → linked into an
// organisation → cross-file checks. Every stage adds to one list of located problems;
// cross-file checks run once every file is valid on its own, so they never report
// ghosts of a file that failed to parse.
import type { FileRole } from '../core/layout.js';
import { classify } from '../core/layout.js';
import { checkReferences } from '../core/checks/references.js';
import { checkRecords } from '../core/checks/records.js';
import { type BranchRecord, type ChapterInput, type Organisation, buildOrganisation } from '../core/model.js';
import { toMinor } from '../core/money.js';
import { type Problem, type UnlocatedProblem, compareProblems, formatPath } from '../core/problem.js';
import { SCHEMAS, validateData } from '../core/schema/index.js';
import type { Branch } from '../core/schema/branch.js';
import type { Chapter } from '../core/schema/chapter.js';
import type { Receipt } from '../core/schema/dues.js';
import type { GoalsFile } from '../core/schema/goals.js';
import type { Meeting } from '../core/schema/meeting.js';
import type { Member } from '../core/schema/members.js';
import type { Report } from '../core/schema/report.js';
import type { Settings } from '../core/schema/settings.js';
import { type ParsedYaml, decodeUtf8, parseYaml, textProblems } from '../io/yamlSource.js';

/** A file of the data repository: its bytes, or why it could not be read. */
export interface FileEntry {
  path: string;
  bytes?: Uint8Array;
  problem?: string;
}

export interface LoadResult {
  org: Organisation | undefined;
  problems: Problem[];
}

/** A file that passed its own schema: what link and the cross-file checks work on. */
export interface ValidFile {
  role: FileRole;
  path: string;
  data: unknown;
}

export function loadFromFiles(files: readonly FileEntry[]): LoadResult {
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
    const decoded = decodeUtf8(entry.path, entry.bytes);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const p = c.role.kind === 'report' ? parseFrontMatter(entry.path, decoded.text) : parseYaml(entry.path, decoded.text);
    parsed.set(entry.path, p);
    append(problems, p.problems);
    if (p.problems.length) continue;
    const result = validateData(c.role.kind, entry.path, p.value, p.source);
    append(problems, result.problems.map((u) => locateProblem(u, parsed)));
    if (!result.problems.length) valid.push({ role: c.role, path: entry.path, data: result.data });
  }
  if (!files.some((f) => f.path === 'iops.yaml')) fileProblem('iops.yaml', 'missing: every data repository has an iops.yaml at its root');
  if (problems.length) return { org: undefined, problems: problems.sort(compareProblems) };

  return linkFiles(valid, parsed);
}

/** Files valid on their own → the organisation and the cross-file problems (located when `parsed` knows the file). */
export function linkFiles(valid: ValidFile[], parsed: ReadonlyMap<string, ParsedYaml> = new Map()): LoadResult {
  const { org, nameDates, linkProblems } = link(valid);
  const checks = [...linkProblems, ...checkRecords(org, nameDates), ...checkReferences(org)];
  return { org: checks.length ? undefined : org, problems: checks.map((u) => locateProblem(u, parsed)).sort(compareProblems) };
}

/** `push(...items)` passes every item as an argument: a file with 200,000 problems would overflow the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function locateProblem(u: UnlocatedProblem, parsed: ReadonlyMap<string, ParsedYaml>): Problem {
  const { line, column } = parsed.get(u.file)?.locate(u.at, u.key) ?? { line: 1, column: 1 };
  const role = classify(u.file);
  const root = 'role' in role ? SCHEMAS[role.role.kind].root : '';
  return { file: u.file, line, column, path: formatPath(root, u.at), message: u.message };
}

/** In Markdown a line ======= can underline a heading, so only <<<<<<< and >>>>>>> mark a conflict there. */
const MARKDOWN_CONFLICT = /^(<{7}|\|{7}|>{7})(?: |\r?$)/;

/** A report: `---`, YAML front matter, `---`, then Markdown. */
function parseFrontMatter(file: string, text: string): ParsedYaml {
  const body = text.replace(/^\uFEFF/, '');
  const unparsed = (problems: Problem[]): ParsedYaml => ({ file, value: undefined, problems, locate: () => ({ line: 1, column: 1 }) });
  const damaged = textProblems(file, body, MARKDOWN_CONFLICT);
  if (damaged.length) return unparsed(damaged);
  const lines = body.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '---');
  if (lines[0]?.replace(/\r$/, '') !== '---' || close < 0) {
    return unparsed([{ file, line: 1, column: 1, path: '', message: 'a report starts with front matter: a line ---, then date: and title:, then another line ---' }]);
  }
  return parseYaml(file, lines.slice(1, close).map((l) => l.replace(/\r$/, '')).join('\n'), 1);
}

function link(files: ValidFile[]): { org: Organisation; nameDates: Map<string, string | number>; linkProblems: UnlocatedProblem[] } {
  let settings: Settings | undefined;
  let goals: GoalsFile | undefined;
  const chapters = new Map<string, Partial<ChapterInput> & Omit<ChapterInput, 'chapter' | 'file'>>();
  const branches: BranchRecord[] = [];
  const nameDates = new Map<string, string | number>();
  const chapterOf = (id: string) => {
    let c = chapters.get(id);
    if (!c) chapters.set(id, (c = { id, members: [], meetings: [], reports: [], receipts: [] }));
    return c;
  };
  for (const { role, path, data } of files) {
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
        append(chapterOf(role.chapter!).members, (data as Member[]).map((m, index) => ({ ...m, chapter: role.chapter!, file: path, index })));
        break;
      case 'meeting': {
        const m = data as Meeting;
        nameDates.set(path, role.date!);
        chapterOf(role.chapter!).meetings.push({ ...m, chapter: role.chapter!, file: path, attendanceCount: m.attendance ?? m.attendees?.length });
        break;
      }
      case 'report':
        nameDates.set(path, role.date!);
        chapterOf(role.chapter!).reports.push({ ...(data as Report), chapter: role.chapter!, file: path });
        break;
      case 'dues':
        nameDates.set(path, role.year!);
        append(
          chapterOf(role.chapter!).receipts,
          (data as Receipt[]).map((r, index) => ({ ...r, chapter: role.chapter!, file: path, index, minor: toMinor(r.amount, r.currency)! })),
        );
        break;
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
    inputs.push(c as ChapterInput);
  }
  return { org: buildOrganisation(settings!, goals, inputs, branches), nameDates, linkProblems };
}
