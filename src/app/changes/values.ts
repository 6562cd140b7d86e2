// Flag values → data, with the same rules (and messages) as the schemas, reported as usage
// errors that name the flag. Ids that name something (a chapter, a member) must exist.
import type { z } from 'zod';
import type { BranchRecord, ChapterRecord, MemberRecord, Organisation } from '../../core/model.js';
import { toMinor } from '../../core/money.js';
import { closest } from '../../core/problem.js';
import { AGE_BANDS, AgeBand, CalendarDate, Country, Currency, GENDERS, Gender, Id, MODES, Month, TOPICS, oneOf } from '../../core/schema/common.js';
import type { Pledge } from '../../core/schema/members.js';
import { type PersonalDataHit, personalDataInId, personalDataInText } from '../../core/privacy/personalData.js';
import { UsageError } from '../../errors.js';

/** Parses with a schema; a failure is a UsageError naming the flag. */
export function parsed<T>(flag: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new UsageError(`${flag}: ${r.error.issues[0]?.message ?? 'not a valid value'}`);
}

export const date = (flag: string, raw: string) => parsed(flag, CalendarDate, raw);
export const month = (flag: string, raw: string) => parsed(flag, Month, raw);
/** Flags that name a new member's id: checked for personal data too (docs/privacy.md, rule 1). */
const NEW_MEMBER_ID_FLAGS = new Set(['--id']);

export const id = (flag: string, raw: string) => {
  const value = parsed(flag, Id, raw);
  if (NEW_MEMBER_ID_FLAGS.has(flag)) personalIdGuard(flag, value);
  return value;
};

/** Refuses a member id that looks like a phone number, an e-mail address or a name with a birth year. */
export function personalIdGuard(flag: string, value: string): void {
  const why = personalIdProblem(value);
  if (why) throw new UsageError(`${flag} "${value}" ${why} Leave out --id and iops member add draws a random one, such as ldn-k7q2x.`);
}

/** Why a member id must not be used, or undefined (also for ids in an imported file). */
export function personalIdProblem(value: string): string | undefined {
  const hit = personalDataInId(value);
  if (!hit) return undefined;
  return (
    `looks like ${article(hit.kind)}: member ids are pseudonymous handles that no one outside the chapter can link to a person, ` +
    'and every clone of the repository keeps them for good (docs/privacy.md).'
  );
}

const article = (kind: PersonalDataHit['kind']) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Text from a user for the commit subject: one line, no control characters, not too long. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim().slice(0, 200);

/**
 * Free text (`--notes`): refused when it holds an e-mail address, a phone number or a card
 * number, unless `allow` (`--allow-personal-data "why"`) says why it must be there.
 */
export function freeText(flag: string, raw: string | undefined, allow: string | undefined): string | undefined {
  if (raw === undefined || allow !== undefined) return raw;
  const hits = personalDataInText(raw);
  if (!hits.length) return raw;
  const found = hits.map((h) => `${article(h.kind)} (${JSON.stringify(oneLine(h.match))})`).join(', ');
  throw new UsageError(
    `${flag} holds ${found}: contact details and payment data never belong in the repository, and git keeps every version for good (docs/privacy.md). ` +
      'Leave them out; if they must be there, say why with --allow-personal-data "why" (it is recorded in the commit message).',
  );
}

/** What a commit subject adds when --allow-personal-data was given: the reason, on record. */
export const personalDataAllowed = (allow: string | undefined): string => (allow === undefined ? '' : ` [personal data allowed: ${oneLine(allow) || 'no reason given'}]`);
// codes and fixed words in any case, written in the data's own (as import members reads them)
export const country = (flag: string, raw: string) => parsed(flag, Country, raw.toUpperCase());
export const currency = (flag: string, raw: string) => parsed(flag, Currency, raw.toUpperCase());
export const gender = (flag: string, raw: string) => parsed(flag, Gender, raw.toLowerCase());
export const ageBand = (flag: string, raw: string) => parsed(flag, AgeBand, raw.toLowerCase());
export const mode = (flag: string, raw: string) => parsed(flag, oneOf(MODES, 'a meeting mode'), raw);
export const topic = (flag: string, raw: string) => parsed(flag, oneOf(TOPICS, 'a topic'), raw);
export { AGE_BANDS, GENDERS };

/** `a,b, c` → ['a', 'b', 'c'] (empty parts dropped). */
export function list(raw: string | undefined): string[] {
  return raw === undefined ? [] : raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function ids(flag: string, raw: string | undefined): string[] {
  const out = list(raw).map((v) => id(flag, v));
  const dup = out.find((v, i) => out.indexOf(v) !== i);
  if (dup) throw new UsageError(`${flag}: ${dup} is named twice`);
  return out;
}

/** A whole number of at least 0. */
export function count(flag: string, raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`${flag}: expected a whole number such as 7, found ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `12.50` in GBP → 12.5; more decimals than the currency has, or no amount at all, is refused. */
export function amount(flag: string, raw: string, cur: string): number {
  if (!/^\d{1,10}(\.\d{1,6})?$/.test(raw) || Number(raw) <= 0) throw new UsageError(`${flag}: expected an amount more than 0 such as 20 or 12.50, found ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (toMinor(n, cur) === undefined) throw new UsageError(`${flag}: ${raw} has more decimals than ${cur} allows`);
  return n;
}

/** `20/GBP/month`, `20/GBP` (monthly), or `exempt`. */
export function pledge(flag: string, raw: string): Pledge {
  if (raw === 'exempt') return 'exempt';
  const m = /^([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(raw.trim());
  if (!m) throw new UsageError(`${flag}: expected a pledge such as 20/GBP/month (or 20/GBP, or exempt), found ${JSON.stringify(raw)}`);
  const cur = currency(flag, m[2]!);
  const every = parsed(flag, oneOf(['month', 'quarter', 'year'] as const, 'a period'), m[3] ?? 'month');
  return { amount: amount(flag, m[1]!, cur), currency: cur, every };
}

/** Pledge → `20/GBP/month` (for CSV and messages). */
export const pledgeText = (p: Pledge | undefined): string => (p === undefined ? '' : p === 'exempt' ? 'exempt' : `${p.amount}/${p.currency}/${p.every}`);

const missing = (what: string, raw: string, known: Iterable<string>, how: string) => {
  const hint = closest(raw, known);
  return new UsageError(`no ${what} "${raw}"${hint ? `; did you mean "${hint}"?` : ''} (${how})`);
};

export function chapterOf(org: Organisation, raw: string): ChapterRecord {
  const c = org.chapterById.get(id('CHAPTER', raw));
  if (!c) throw missing('chapter', raw, org.chapterById.keys(), 'add one with: iops chapter add ID --name NAME --country CC');
  return c;
}

export function memberOf(org: Organisation, raw: string, flag = 'ID'): MemberRecord {
  const m = org.memberById.get(id(flag, raw));
  if (!m) throw missing('member', raw, org.memberById.keys(), 'member ids are listed in chapters/<chapter>/members.yaml');
  return m;
}

export function branchOf(org: Organisation, raw: string): BranchRecord {
  const b = org.branchById.get(id('BRANCH', raw));
  if (!b) throw missing('branch', raw, org.branchById.keys(), 'add one with: iops branch add ID --name NAME --country CC');
  return b;
}

/** Key documents (for --studied): must be listed in iops.yaml. */
export function documents(org: Organisation, flag: string, raw: string | undefined): string[] {
  const docs = ids(flag, raw);
  for (const d of docs)
    if (!org.settings.key_documents.includes(d)) throw missing('key document', d, org.settings.key_documents, `${flag} takes the key_documents of iops.yaml: ${org.settings.key_documents.join(', ') || 'none yet'}`);
  return docs;
}
