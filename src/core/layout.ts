// Which file is which: a path inside the data repository → its kind and the ids and dates
// its name carries. Names are part of the data, so a bad name is a problem like a bad value.
import { isCalendarDate } from './dates.js';
import { ID_PATTERN, type FileKind } from './paths.js';
import { closest } from './problem.js';

export interface FileRole {
  kind: FileKind;
  chapter?: string;
  branch?: string;
  /** The date in a meeting's or report's file name. */
  date?: string;
  /** A decision's id: its file name without `.yaml` (<date>-<slug>), after `<chapter>/` for a chapter's. */
  decision?: string;
  /** The year of a dues ledger. */
  year?: number;
}

export type Classified = { role: FileRole } | { ignore: true } | { problem: string };

const DATED = /^(\d{4}-\d{2}-\d{2})(?:-(.+))?$/;
const CHAPTER_FILES = ['chapter.yaml', 'members.yaml', 'meetings/', 'reports/', 'dues/', 'decisions/'];

const badId = (what: string, id: string) =>
  `${what} ${JSON.stringify(id)} is not a valid id: use lowercase letters, digits and '-', starting with a letter or digit`;

/**
 * A load looks at each of the repository's paths several times (listing, scope, manifest): the
 * answer for a path never changes, so it is kept (one entry a data file; the same objects returned).
 */
const classified = new Map<string, Classified>();

export function classify(path: string): Classified {
  let c = classified.get(path);
  if (!c) classified.set(path, (c = classifyPath(path)));
  return c;
}

/** Most of a large repository's files: a meeting named by its date alone (found with one pattern; anything else as below). */
const PLAIN_MEETING = /^chapters\/([a-z0-9][a-z0-9-]{0,62})\/meetings\/(\d{4}-\d{2}-\d{2})\.yaml$/;

function classifyPath(path: string): Classified {
  const meeting = PLAIN_MEETING.exec(path);
  if (meeting && isCalendarDate(meeting[2]!)) return { role: { kind: 'meeting', chapter: meeting[1]!, date: meeting[2]! } };
  const parts = path.split('/');
  if (parts.some((p) => p.startsWith('.'))) return { ignore: true };
  const [top, second, third, fourth] = parts;
  if (parts.length === 1) {
    if (top === 'iops.yaml') return { role: { kind: 'iops' } };
    if (top === 'goals.yaml') return { role: { kind: 'goals' } };
    if (top === 'chapters' || top === 'branches' || top === 'treasury') return { problem: `${top} should be a folder (such as ${top === 'chapters' ? 'chapters/<chapter-id>/chapter.yaml' : top === 'treasury' ? 'treasury/accounts.yaml' : 'branches/<branch-id>.yaml'})` };
    if (/\.ya?ml$/.test(top!)) {
      const hint = closest(top!.replace(/\.yml$/, '.yaml'), ['iops.yaml', 'goals.yaml']);
      return { problem: `iops does not read this file${hint ? `; did you mean ${hint}?` : ''}` };
    }
    return { ignore: true };
  }
  if (top === 'branches') {
    if (parts.length !== 2 || !second!.endsWith('.yaml')) return { problem: 'branches/ holds one file per branch, named <branch-id>.yaml' };
    const id = second!.slice(0, -5);
    return ID_PATTERN.test(id) ? { role: { kind: 'branch', branch: id } } : { problem: badId('branch file name', id) };
  }
  if (top === 'decisions') return parts.length === 2 ? decisionFile(second!) : { problem: 'decisions/ holds one file per decision, named <YYYY-MM-DD>-<slug>.yaml' };
  if (top === 'treasury') {
    if (parts.length === 2 && second === 'accounts.yaml') return { role: { kind: 'accounts' } };
    const m = parts.length === 2 ? /^(\d{4})\.yaml$/.exec(second!) : null;
    return m ? { role: { kind: 'treasury', year: Number(m[1]) } } : { problem: 'treasury/ holds accounts.yaml and one file a year, such as treasury/2013.yaml' };
  }
  if (top !== 'chapters') return { ignore: true };
  if (!ID_PATTERN.test(second!)) return { problem: badId('chapter folder name', second!) };
  const chapter = second!;
  if (parts.length === 3) {
    if (third === 'chapter.yaml') return { role: { kind: 'chapter', chapter } };
    if (third === 'members.yaml') return { role: { kind: 'members', chapter } };
    const hint = closest(third!.replace(/\.yml$/, '.yaml'), CHAPTER_FILES);
    return { problem: `iops does not read this file${hint ? `; did you mean ${hint}?` : ''} (a chapter folder holds ${CHAPTER_FILES.join(', ')})` };
  }
  if (parts.length === 4) {
    if (third === 'meetings' || third === 'reports') {
      const ext = third === 'meetings' ? '.yaml' : '.md';
      const kind = third === 'meetings' ? 'meeting' : 'report';
      const m = fourth!.endsWith(ext) ? DATED.exec(fourth!.slice(0, -ext.length)) : null;
      if (!m) return { problem: `${third} files are named YYYY-MM-DD${ext} or YYYY-MM-DD-<slug>${ext}` };
      if (!isCalendarDate(m[1]!)) return { problem: `the file name's date ${m[1]} is not a calendar date` };
      if (m[2] !== undefined && !ID_PATTERN.test(m[2])) return { problem: badId('the file name slug', m[2]) };
      return { role: { kind, chapter, date: m[1]! } };
    }
    if (third === 'decisions') return decisionFile(fourth!, chapter);
    if (third === 'dues') {
      const m = /^(\d{4})\.yaml$/.exec(fourth!);
      return m ? { role: { kind: 'dues', chapter, year: Number(m[1]) } } : { problem: 'dues files are named by year, such as dues/2013.yaml' };
    }
  }
  return { problem: `iops does not read this file (a chapter folder holds ${CHAPTER_FILES.join(', ')})` };
}

/** decisions/<YYYY-MM-DD>-<slug>.yaml: the date it was proposed, and a slug naming it. */
function decisionFile(name: string, chapter?: string): Classified {
  const m = name.endsWith('.yaml') ? DATED.exec(name.slice(0, -5)) : null;
  if (!m || m[2] === undefined) return { problem: 'decision files are named <YYYY-MM-DD>-<slug>.yaml (the day it was proposed, and a word or two)' };
  if (!isCalendarDate(m[1]!)) return { problem: `the file name's date ${m[1]} is not a calendar date` };
  if (!ID_PATTERN.test(m[2]) || name.length - 5 > 63) return { problem: badId('the decision file name', name.slice(0, -5)) };
  return { role: { kind: 'decision', date: m[1]!, decision: `${chapter ? `${chapter}/` : ''}${name.slice(0, -5)}`, ...(chapter ? { chapter } : {}) } };
}
