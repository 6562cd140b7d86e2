// Flag values → data, with the same rules (and messages) as the schemas, reported as usage
// errors that name the flag. Ids that name something (a chapter, a member) must exist.
import type { z } from 'zod';
import type { BranchRecord, ChapterRecord, MemberRecord, Organisation } from '../../core/model.js';
import { toMinor } from '../../core/money.js';
import { closest } from '../../core/problem.js';
import { AGE_BANDS, AgeBand, CalendarDate, Country, Currency, GENDERS, Gender, Id, MODES, Month, TOPICS, oneOf } from '../../core/schema/common.js';
import type { Pledge } from '../../core/schema/members.js';
import { UsageError } from '../../errors.js';

/** Parses with a schema; a failure is a UsageError naming the flag. */
export function parsed<T>(flag: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new UsageError(`${flag}: ${r.error.issues[0]?.message ?? 'not a valid value'}`);
}

export const date = (flag: string, raw: string) => parsed(flag, CalendarDate, raw);
export const month = (flag: string, raw: string) => parsed(flag, Month, raw);
export const id = (flag: string, raw: string) => parsed(flag, Id, raw);
export const country = (flag: string, raw: string) => parsed(flag, Country, raw);
export const currency = (flag: string, raw: string) => parsed(flag, Currency, raw.toUpperCase());
export const gender = (flag: string, raw: string) => parsed(flag, Gender, raw);
export const ageBand = (flag: string, raw: string) => parsed(flag, AgeBand, raw);
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
