// Where data holds invisible characters (core/text/invisible.ts), for `validate`'s warnings:
// the paths of the offending values in one file's data, and which files of a loaded
// organisation hold any (a cheap scan of its strings, so only those files are read again).
// A line break is expected in free text (`notes`, `description`) and suspicious elsewhere:
// a name or title never needs one, and it is how a convention forged a review comment.
// Which files hold any is also answered file by file, from a file's data alone
// (fileHoldsInvisible): the parse cache keeps that answer beside the data, so a warm
// `validate` reads it instead of scanning the organisation.
import type { Organisation } from '../model.js';
import type { FileKind } from '../paths.js';
import type { DataPath } from '../problem.js';
import { firstInvisible, hasInvisible } from './invisible.js';

const FREE_TEXT = new Set(['notes', 'description']);

export interface InvisibleHit {
  at: DataPath;
  /** Offset of the first such character in the value. */
  offset: number;
  /** The character, written out: `\u202e`. */
  code: string;
  /** The whole value. */
  value: string;
}

/** The first character of `text` worth a warning, for the value at `key`. */
function firstIn(text: string, key: string | number | undefined): { offset: number; code: string } | undefined {
  // one space for one character, so the offset stays right
  return firstInvisible(typeof key === 'string' && FREE_TEXT.has(key) ? text.replace(/[\n\r\t]/g, ' ') : text);
}

/** Every string in a file's data that holds such a character, with its path. */
export function invisibleValues(value: unknown, at: DataPath = []): InvisibleHit[] {
  if (typeof value === 'string') {
    const hit = firstIn(value, at[at.length - 1]);
    return hit ? [{ at, ...hit, value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invisibleValues(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => invisibleValues(v, [...at, k]));
  return [];
}

/**
 * Linked lists of a chapter record: their records are scanned on their own, with their own file.
 * `roster` too: its member records are those of members.yaml files, so a character in a member's
 * value made chapter.yaml a file to read again, for nothing (its own values are all it is read for).
 */
const LINKED = new Set(['members', 'roster', 'ownMeetings', 'meetings', 'reports', 'receipts', 'receiptMonths']);

/** Whether a value holds any: no paths nor entries built, since this runs over every record. */
function anyIn(value: unknown, key: string | number | undefined): boolean {
  if (typeof value === 'string') return hasInvisible(value) && firstIn(value, key) !== undefined;
  if (Array.isArray(value)) return value.some((v, i) => anyIn(v, i));
  if (value !== null && typeof value === 'object') {
    for (const k in value) if (anyIn((value as Record<string, unknown>)[k], k)) return true;
  }
  return false;
}

/** Whether any string in a value (a ledger's receipts, say) holds such a character. */
export const holdsInvisible = (value: unknown): boolean => anyIn(value, undefined);

function holds(record: object, skip?: Set<string>): boolean {
  for (const k in record) if (!skip?.has(k) && anyIn((record as Record<string, unknown>)[k], k)) return true;
  return false;
}

/**
 * Whether filesWithInvisibleText finds a file of this kind, from the file's data alone (validated;
 * the parse cache keeps the answer with it). The same test of the same records: what linking adds
 * to a record is never such a character (ids, dates and paths are lowercase letters, digits, '-',
 * '/' and '.'; counts and amounts are numbers; the chapter's linked lists are skipped there).
 * Dues ledgers are not scanned there: false (their sums carry the answer).
 */
export function fileHoldsInvisible(kind: FileKind, data: unknown): boolean {
  switch (kind) {
    case 'iops':
    case 'goals':
    case 'branch':
    case 'chapter':
    case 'meeting':
    case 'report':
    case 'decision':
      return holds(data as object);
    case 'members':
    case 'accounts':
      return (data as object[]).some((r) => holds(r));
    case 'treasury': {
      const year = data as { transfers: object[]; expenses: object[] };
      return year.transfers.some((r) => holds(r)) || year.expenses.some((r) => holds(r));
    }
    default:
      return false;
  }
}

/**
 * The files whose values hold such a character, as far as the organisation shows them. Dues
 * ledgers are not among them: they may be loaded as monthly sums, which carry the answer for
 * their file instead (LedgerSums.invisibleText, found when the ledger is parsed).
 */
export function filesWithInvisibleText(org: Organisation): Set<string> {
  const files = new Set<string>();
  if (holds(org.settings)) files.add('iops.yaml');
  if (org.goals && holds(org.goals)) files.add('goals.yaml');
  for (const b of org.branches) if (holds(b)) files.add(b.file);
  // a proposal's text is shown in reports and pull-request comments
  for (const d of org.decisions) if (!files.has(d.file) && holds(d)) files.add(d.file);
  const t = org.treasury;
  if (t) for (const r of [...t.accounts, ...t.transfers, ...t.expenses]) if (!files.has(r.file) && holds(r)) files.add(r.file);
  for (const c of org.chapters) {
    if (holds(c, LINKED)) files.add(c.file);
    for (const r of [...c.members, ...c.ownMeetings, ...c.reports]) if (!files.has(r.file) && holds(r)) files.add(r.file);
  }
  return files;
}
