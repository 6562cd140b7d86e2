// Personal data that must not enter the repository (docs/privacy.md, rule 1): ids that look
// like a phone number, an e-mail address or a name with a birth year, and free text holding an
// e-mail address, a phone number or a payment card number. Heuristics, tuned to stay quiet on
// what iops itself writes (dates, amounts, random ids such as ldn-k7q2x).
import type { FileRole } from '../layout.js';
import { toMinor } from '../money.js';
import type { FileKind } from '../paths.js';

export interface PersonalDataHit {
  kind: 'e-mail address' | 'phone number' | 'card number' | 'name with a year of birth';
  /** The text found, and where in the value it starts (0-based). */
  match: string;
  index: number;
}

// the parts bounded as in a real address (64 before the @, labels of 63): unbounded, a long run
// of letters without an @ made the search quadratic (64 KB of notes took 2.5 s a scan)
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,63}/g;
// digits with single spaces, dots, hyphens or brackets between them, a leading + allowed
const DIGIT_RUN = /\+?\(?\d(?:[ .()-]{0,2}\d)+/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const YEAR = /^(?:19\d\d|20[0-2]\d|2030)$/;

/** The Luhn checksum payment cards carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Exactly YYYY-MM-DD (digits and hyphens). */
function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && i !== 4 && i !== 7) return false;
  }
  return true;
}

/** E-mail addresses, phone numbers (9 to 15 digits) and card numbers (13 to 19 digits, Luhn-valid) in free text. */
export function personalDataInText(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) hits.push({ kind: 'e-mail address', match: m[0], index: m.index });
  for (const m of text.matchAll(DIGIT_RUN)) {
    if (m[0].length < 9) continue; // fewer than 9 digits: neither a phone nor a card number (most runs: amounts, months)
    if (isDate(m[0])) continue; // a date alone (a ledger's every receipt): what DATE below passes over, without two patterns
    const raw = m[0].replace(/[ .(-]+$/, '');
    if (DATE.test(raw) || hits.some((h) => m.index >= h.index && m.index < h.index + h.match.length)) continue;
    const digits = raw.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) hits.push({ kind: 'card number', match: raw, index: m.index });
    else if (digits.length >= 9 && digits.length <= 15 && (raw.startsWith('+') || raw.startsWith('0') || /[ ()-]/.test(raw) || digits.length >= 10)) {
      hits.push({ kind: 'phone number', match: raw, index: m.index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * Why a member id looks like personal data, or undefined. Ids are lowercase letters, digits and
 * '-': a run of 7 or more digits reads as a phone number; words that could be names with a
 * year 1900–2030 ("jane-smith-1985") as a name and a year of birth; "at" and "dot" between
 * words as a spelled-out e-mail address.
 */
export function personalDataInId(id: string): PersonalDataHit | undefined {
  const digits = /\d{7,}/.exec(id.replace(/-/g, ''));
  if (digits) return { kind: 'phone number', match: digits[0], index: 0 };
  const parts = id.split('-');
  const words = parts.filter((p) => /^[a-z]{2,}$/.test(p));
  const year = parts.find((p) => YEAR.test(p) || /^[a-z]{2,}(?:19\d\d|20[0-2]\d|2030)$/.test(p));
  if (year && words.length + (YEAR.test(year) ? 0 : 1) >= 2) return { kind: 'name with a year of birth', match: id, index: 0 };
  const at = parts.indexOf('at');
  if (at > 0 && parts.indexOf('dot') > at) return { kind: 'e-mail address', match: id, index: 0 };
  return undefined;
}

/** A finding in a file, by line and column (1-based), without the text itself (CI logs are public). */
export interface PersonalDataFinding {
  line: number;
  column: number;
  message: string;
}

const ID_FIELD = /(?:^|[\s{,-])id:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1/g;
const FREE_TEXT_FILE = /^(?:chapters\/[^/]+\/(?:meetings|dues|reports|decisions)\/|branches\/|decisions\/|treasury\/)/;

/**
 * Personal data in one data file's text: member ids (members.yaml) that look like personal
 * data, and e-mail addresses, phone and card numbers in the files that hold free text
 * (meetings, dues ledgers, branches' gatherings, published reports).
 */
export function personalDataInFile(path: string, text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  const members = /^chapters\/[^/]+\/members\.yaml$/.test(path);
  const freeText = FREE_TEXT_FILE.test(path);
  if (!members && !freeText) return out;
  text.split('\n').forEach((line, i) => {
    if (members) {
      for (const m of line.matchAll(ID_FIELD)) {
        const hit = personalDataInId(m[2]!);
        if (hit) out.push({ line: i + 1, column: m.index + m[0].indexOf(m[2]!) + 1, message: `member id looks like ${article(hit.kind)}: use a pseudonymous handle (iops member add draws one), and see docs/privacy.md on erasing it from history` });
      }
    }
    if (freeText) {
      for (const hit of personalDataInText(line)) {
        out.push({ line: i + 1, column: hit.index + 1, message: `holds ${article(hit.kind)}: contact details and payment data do not belong in the repository (docs/privacy.md)` });
      }
    }
  });
  return out;
}

const article = (kind: PersonalDataHit['kind']) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** The record's own values as one text (its links to other records left out). */
const valuesOf = (record: object): string => JSON.stringify(record, (k, v) => (k === 'file' || k === 'index' ? undefined : v));

/** Whether a record's own values hold such text (filesWithPersonalData's test of one record). */
export const recordHoldsPersonalData = (record: object): boolean => personalDataInText(valuesOf(record)).length > 0;

/**
 * Whether filesWithPersonalData finds a file of this kind for what its data holds (validated; the
 * parse cache keeps the answer with it): the same tests of the same records, less what linking
 * takes from the file's path (linkHoldsPersonalData). The two answers together are exactly the
 * organisation's: a record's values are one JSON text in which every value is a token of its own,
 * and no finding crosses a quote, colon or comma, so the text holds a finding exactly when one of
 * its values does. Files not scanned there (settings, goals, chapter.yaml, dues ledgers): false.
 * `json`: the data's JSON text (JSON.stringify), when the caller has it: it saves a meeting's.
 */
export function fileHoldsPersonalData(kind: FileKind, data: unknown, json?: string): boolean {
  switch (kind) {
    case 'members':
      return (data as { id: string }[]).some((m) => personalDataInId(m.id) !== undefined);
    case 'meeting': {
      // as the loader links it (load/load.ts): with the count of who came
      const m = data as { attendance?: number; attendees?: unknown[] };
      const attendanceCount = m.attendance ?? m.attendees?.length;
      if (json === undefined) return recordHoldsPersonalData({ ...m, attendanceCount });
      // the same text, from the data's own JSON (given by the caller): a meeting holds no `file`
      // or `index` key (MeetingSchema), and the count comes last
      return personalDataInText(attendanceCount === undefined ? json : `${json.slice(0, -1)},"attendanceCount":${JSON.stringify(attendanceCount)}}`).length > 0;
    }
    case 'report':
      return (data as { personal_data?: true }).personal_data === true;
    case 'branch':
    case 'decision':
      return recordHoldsPersonalData(data as object);
    case 'accounts':
      return (data as object[]).some(recordHoldsPersonalData);
    case 'treasury': {
      // transfers and expenses with their amounts in minor units, as linked
      const year = data as { transfers: { amount: number; currency: string }[]; expenses: { amount: number; currency: string }[] };
      return [...year.transfers, ...year.expenses].some((r) => recordHoldsPersonalData({ ...r, minor: toMinor(r.amount, r.currency) }));
    }
    default:
      return false;
  }
}

/**
 * Whether what linking adds to a file's record from its path holds such text (a chapter or
 * branch id, a decision's id and date, may be all digits): the rest of filesWithPersonalData's
 * answer for the file, beside fileHoldsPersonalData's. The file name and list index are left out there.
 */
export function linkHoldsPersonalData(role: FileRole): boolean {
  switch (role.kind) {
    case 'meeting':
      return recordHoldsPersonalData({ chapter: role.chapter });
    case 'branch': // and each gathering's `branch`, the same id
      return recordHoldsPersonalData({ id: role.branch });
    case 'decision':
      return recordHoldsPersonalData({ id: role.decision, date: role.date, ...(role.chapter ? { chapter: role.chapter } : {}) });
    default:
      return false;
  }
}

/**
 * The files whose loaded values hold personal data (validate then reads only those, and
 * locates each finding by line and column): members files with such an id, meetings, dues
 * ledgers and branches whose values hold such text. Published reports' bodies are not loaded
 * with the organisation, so they are always read.
 */
export function filesWithPersonalData(org: {
  chapters: readonly { members: readonly { id: string; file: string }[]; ownMeetings: readonly object[]; reports: readonly { file: string; personal_data?: true }[] }[];
  branches: readonly object[];
  decisions?: readonly object[];
  treasury?: { accounts: readonly object[]; transfers: readonly object[]; expenses: readonly object[] };
}): Set<string> {
  const files = new Set<string>();
  const scan = (record: object) => {
    const file = (record as { file?: string }).file;
    if (file !== undefined && !files.has(file) && recordHoldsPersonalData(record)) files.add(file);
  };
  for (const b of org.branches) scan(b);
  for (const d of org.decisions ?? []) scan(d); // a proposal's text
  // transfers and expenses carry notes; accounts a name
  for (const r of [...(org.treasury?.accounts ?? []), ...(org.treasury?.transfers ?? []), ...(org.treasury?.expenses ?? [])]) scan(r);
  for (const c of org.chapters) {
    for (const m of c.members) if (personalDataInId(m.id)) files.add(m.file);
    // dues ledgers may come as monthly sums: their flag comes with the sums (load/cachedLoad.ts)
    for (const r of c.ownMeetings) scan(r);
    for (const r of c.reports) if (r.personal_data) files.add(r.file);
  }
  return files;
}
