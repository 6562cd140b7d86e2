// What a command needs of the repository: a filter on paths (applied while listing, so nothing
// else is read or parsed), for a one-chapter report a selection on the parsed files, and the
// dues ledgers as sums for the commands that go through the whole organisation.
// `report CHAPTER` needs the chapter's own folder and the context its numbers and
// cross-references use: the settings, the goals, the branches, every chapter.yaml, other
// chapters' meetings that name the chapter, the members of the chapters a meeting with
// attendees names, and other chapters' delegates (a one-record stand-in instead of their whole
// members list): the selection core/report/scope.ts makes from file texts, made here from
// parsed (usually cached) data. The part is checked on its own; when it has a problem, the
// whole repository is loaded, so problems read as `iops validate` reports them.
import type { ValidFile } from './load.js';

export interface Scope {
  /** Paths worth listing and parsing (all when absent). */
  wanted?(path: string): boolean;
  /** The parsed files to link, from those wanted. */
  select?(files: ValidFile[]): ValidFile[];
  /**
   * Dues ledgers may come as monthly sums (core/receiptMonths.ts), their receipts read only when
   * asked for: for commands that need the receipts' sums, not the receipts (readiness).
   */
  sums?: boolean;
}

/**
 * Every file, the dues ledgers as sums: checked as sums (read receipt by receipt only to locate
 * a problem), and their receipts read only if something asks for them, a chapter at a time.
 */
export const LEDGERS_AS_SUMS: Scope = { sums: true };

const OTHER_CHAPTER_FILE = /^chapters\/([^/]+)\/(chapter\.yaml|members\.yaml|meetings\/[^/]+)$/;

export function chapterScope(chapter: string): Scope {
  const own = `chapters/${chapter}/`;
  return {
    wanted: (path) => path === 'iops.yaml' || path === 'goals.yaml' || path.startsWith('branches/') || path.startsWith(own) || OTHER_CHAPTER_FILE.test(path),
    select: (files) => selectForChapter(chapter, files),
  };
}

/** The words of a meeting's text values that could be ids (as core/report/scope.ts reads them from its text). */
function words(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const w of value.match(/[a-z0-9][a-z0-9-]*/g) ?? []) into.add(w);
  else if (Array.isArray(value)) for (const v of value) words(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) words(v, into);
  return into;
}

interface ChapterData {
  delegate?: string;
  founded?: string;
}

function selectForChapter(chapter: string, files: ValidFile[]): ValidFile[] {
  const own = `chapters/${chapter}/`;
  const kept: ValidFile[] = [];
  const chapterFiles = new Map<string, ValidFile>();
  const membersFiles = new Map<string, ValidFile>();
  const meetings: { holder: string; attendees: boolean; words: Set<string> }[] = [];
  for (const f of files) {
    const m = OTHER_CHAPTER_FILE.exec(f.path);
    if (f.path.startsWith(own) || !m) {
      kept.push(f);
      if (f.role.kind === 'meeting') meetings.push({ holder: chapter, attendees: hasAttendees(f), words: words(f.data) });
      continue;
    }
    const other = m[1]!;
    if (f.role.kind === 'chapter') chapterFiles.set(other, f);
    else if (f.role.kind === 'members') membersFiles.set(other, f);
    else {
      const found = words(f.data);
      if (!found.has(chapter)) continue;
      kept.push(f);
      meetings.push({ holder: other, attendees: hasAttendees(f), words: found });
    }
  }
  // attendees may be members of the meeting's chapter or of any chapter it names
  const attendeesFrom = new Set<string>();
  for (const m of meetings) {
    if (!m.attendees) continue;
    attendeesFrom.add(m.holder);
    for (const other of membersFiles.keys()) if (m.words.has(other)) attendeesFrom.add(other);
  }
  for (const [other, f] of membersFiles) if (attendeesFrom.has(other)) kept.push(f);
  for (const [other, f] of chapterFiles) {
    kept.push(f);
    if (attendeesFrom.has(other) && membersFiles.has(other)) continue;
    const { delegate, founded } = f.data as ChapterData;
    if (delegate === undefined) continue;
    // the delegate as a one-record stand-in for the chapter's members list
    kept.push({ path: `chapters/${other}/members.yaml`, role: { kind: 'members', chapter: other }, data: [{ id: delegate, joined: founded ?? '1970-01-01', gender: 'undisclosed', studied: [] }] });
  }
  return kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const hasAttendees = (f: ValidFile) => (f.data as { attendees?: unknown }).attendees !== undefined;
