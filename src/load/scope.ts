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
import { chooseScope, idWords, scopePaths } from '../core/report/scope.js';
import type { ValidFile } from './load.js';

export interface Scope {
  /** Paths worth listing and parsing (all when absent). */
  wanted?(path: string): boolean;
  /** The parsed files to link, from those wanted. */
  select?(files: ValidFile[]): ValidFile[];
  /**
   * Dues ledgers may come as monthly sums (core/receiptMonths.ts), their receipts read only when
   * asked for (through the organisation's receipt source, org.receipts): for commands that need
   * the receipts' sums, not the receipts (readiness).
   */
  sums?: boolean;
  /**
   * With the parse cache: which files to read again for validate's warnings (invisible text,
   * personal data), by the flags each file's record carries (load/parseWorker.ts FileFlags).
   */
  warnings?: boolean;
}

/**
 * Every file, the dues ledgers as sums: checked as sums (read receipt by receipt only to locate
 * a problem), and their receipts read only if something asks for them, a chapter at a time.
 */
export const LEDGERS_AS_SUMS: Scope = { sums: true };

export function chapterScope(chapter: string): Scope {
  return { wanted: scopePaths(chapter), select: (files) => selectForChapter(chapter, files) };
}

/** The words of a meeting's text values that could be ids (as the selection reads them from its text). */
function words(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') idWords(value, into);
  else if (Array.isArray(value)) for (const v of value) words(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) words(v, into);
  return into;
}

interface ChapterData {
  delegate?: string;
  founded?: string;
}

/** core/report/scope.ts's selection, from parsed data; ordered by path. */
const selectForChapter = (chapter: string, files: ValidFile[]): ValidFile[] =>
  chooseScope(chapter, files, {
    path: (f) => f.path,
    words: (f) => words(f.data),
    listsAttendees: (f) => (f.data as { attendees?: unknown }).attendees !== undefined,
    alwaysKept: () => false,
    delegate: (f) => {
      const { delegate, founded } = f.data as ChapterData;
      return delegate === undefined ? undefined : { id: delegate, founded };
    },
    standIn: (other, id, joined) => ({ path: `chapters/${other}/members.yaml`, role: { kind: 'members' as const, chapter: other }, data: [{ id, joined, gender: 'undisclosed', studied: [] }] }),
  }).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
