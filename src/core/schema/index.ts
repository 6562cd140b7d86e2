// Every file kind's schema, and zod issues turned into problems that read well.
import { z } from 'zod';
import type { FileKind } from '../paths.js';
import { type DataPath, type UnlocatedProblem, closest } from '../problem.js';
import { BranchSchema } from './branch.js';
import { ChapterSchema } from './chapter.js';
import { describe, quote } from './common.js';
import { DecisionSchema } from './decision.js';
import { LedgerSchema, plainLedger } from './dues.js';
import { GoalsFileSchema } from './goals.js';
import { MeetingSchema } from './meeting.js';
import { MembersSchema } from './members.js';
import { ReportSchema } from './report.js';
import { SettingsSchema } from './settings.js';
import { AccountsSchema, TreasuryYearSchema } from './treasury.js';

export const SCHEMAS: Record<FileKind, { schema: z.ZodType; root: string; title: string }> = {
  iops: { schema: SettingsSchema, root: '', title: 'iops.yaml: organisation settings' },
  goals: { schema: GoalsFileSchema, root: '', title: 'goals.yaml: the goal set for the convention check' },
  branch: { schema: BranchSchema, root: '', title: 'branches/<id>.yaml: a national branch and its gatherings' },
  chapter: { schema: ChapterSchema, root: '', title: 'chapters/<id>/chapter.yaml: one local chapter' },
  members: { schema: MembersSchema, root: 'members', title: 'chapters/<id>/members.yaml: the chapter\'s members' },
  meeting: { schema: MeetingSchema, root: '', title: 'chapters/<id>/meetings/<date>.yaml: one meeting' },
  report: { schema: ReportSchema, root: '', title: 'chapters/<id>/reports/<date>.md: front matter of a published report' },
  dues: { schema: LedgerSchema, root: 'receipts', title: 'chapters/<id>/dues/<year>.yaml: the year\'s dues receipts' },
  decision: { schema: DecisionSchema, root: '', title: 'decisions/<date>-<slug>.yaml (or chapters/<id>/decisions/…): a proposal and its outcome' },
  accounts: { schema: AccountsSchema, root: 'accounts', title: 'treasury/accounts.yaml: the accounts of branches and of the international level' },
  treasury: { schema: TreasuryYearSchema, root: '', title: 'treasury/<year>.yaml: the year\'s transfers between accounts and expenses' },
};

const EXPECTED: Record<string, string> = { object: 'a map (key: value lines)', array: 'a list (lines starting with "- ")', string: 'text', number: 'a number', boolean: 'true or false' };

z.config({
  customError: (iss) => {
    if (iss.code === 'invalid_type') return `expected ${EXPECTED[iss.expected] ?? iss.expected}, found ${describe(iss.input)}`;
    return undefined;
  },
});

/** The text as typed of a scalar in the file, when the parser knows it. */
export type SourceText = (at: DataPath) => string | undefined;

/** Validates parsed data; problems carry the data path, to be located in the file later. */
export function validateData(kind: FileKind, file: string, value: unknown, source?: SourceText): { data?: unknown; problems: UnlocatedProblem[] } {
  const { schema } = SCHEMAS[kind];
  if (value === undefined) return { problems: [{ file, at: [], message: `the file is empty; it should hold ${EXPECTED[rootType(schema)]}` }] };
  const plain = kind === 'dues' ? plainLedger(value) : undefined;
  if (plain) return { data: plain, problems: [] };
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((iss) => toProblems(schema, file, value, iss).map((p) => asTyped(p, value, source))) };
}

/** `found number 7` → `found 007 (read as the number 7)`: show what was typed, not what YAML made of it. */
function asTyped(p: UnlocatedProblem, value: unknown, source: SourceText | undefined): UnlocatedProblem {
  const v = valueAt(value, p.at);
  if (typeof v !== 'number' && typeof v !== 'boolean') return p;
  const typed = source?.(p.at);
  if (typed === undefined || typed === String(v) || !p.message.includes(describe(v))) return p;
  return { ...p, message: p.message.replace(describe(v), `${quote(typed).slice(1, -1)} (read as the ${typeof v} ${String(v)})`) };
}

function rootType(schema: z.ZodType): string {
  return (schema as any)._zod.def.type === 'array' ? 'array' : 'object';
}

function valueAt(value: unknown, path: DataPath): unknown {
  let v = value;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as any)[p] : undefined;
  return v;
}

function toProblems(schema: z.ZodType, file: string, value: unknown, iss: z.core.$ZodIssue): UnlocatedProblem[] {
  const at = iss.path as DataPath;
  if (iss.code === 'unrecognized_keys') {
    const known = knownKeys(schema, at, value);
    return iss.keys.map((key) => {
      const hint = closest(key, known);
      return {
        file,
        at: [...at, key],
        key: true,
        message: `unknown key \`${key}\`${hint ? `; did you mean \`${hint}\`?` : known.length ? `; expected one of: ${known.join(', ')}` : ''}`,
      };
    });
  }
  if (iss.code === 'invalid_key') {
    // a map keyed by codes (rates): the key's own problem, pointing at the key
    const inner = (iss as any).issues?.[0]?.message ?? 'this key is not allowed here';
    return [{ file, at, key: true, message: `${inner}; fix or remove this key` }];
  }
  if (iss.code === 'invalid_union' && (iss as any).discriminator) {
    const options: string[] = (iss as any).options.map(String);
    const given = valueAt(value, at);
    if (given === undefined) return [{ file, at: at.slice(0, -1), message: `missing \`${(iss as any).discriminator}\`; add \`${(iss as any).discriminator}: …\`` }];
    const hint = typeof given === 'string' ? closest(given, options) : undefined;
    return [{ file, at, message: `unknown ${String((iss as any).discriminator)} ${quote(given)}${hint ? `; did you mean ${hint}?` : ''} (known: ${options.join(', ')})` }];
  }
  if (iss.code !== 'custom' && at.length > 0 && valueAt(value, at) === undefined && valueAt(value, at.slice(0, -1)) !== undefined) {
    return [{ file, at: at.slice(0, -1), message: `missing \`${String(at[at.length - 1])}\`; add \`${String(at[at.length - 1])}: …\`` }];
  }
  return [{ file, at, message: iss.message }];
}

/**
 * The keys an object schema at `path` accepts. A union contributes its options' keys; given the
 * value, a discriminated union only the option its discriminator selects (a goal's metric).
 */
export function knownKeys(schema: z.ZodType, path: DataPath, value?: unknown): string[] {
  const unwrap = (n: any, v: unknown): any[] => {
    const def = n?._zod?.def;
    if (!def) return [];
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) return unwrap(def.innerType, v);
    if (def.type === 'pipe') return unwrap(def.in, v);
    if (def.type === 'union') {
      const chosen = v !== null && typeof v === 'object' && def.discriminator ? (v as any)[def.discriminator] : undefined;
      const options = def.options.filter((o: any) => chosen === undefined || o._zod.propValues?.[def.discriminator]?.has(chosen));
      return (options.length ? options : def.options).flatMap((o: any) => unwrap(o, v));
    }
    return [n];
  };
  let nodes: any[] = unwrap(schema, value);
  path.forEach((part, i) => {
    const v = valueAt(value, path.slice(0, i + 1));
    nodes = nodes
      .flatMap((n) => {
        const def = n._zod.def;
        if (def.type === 'array' && typeof part === 'number') return [def.element];
        if (def.type === 'object' && typeof part === 'string') return def.shape[part] ? [def.shape[part]] : [];
        if (def.type === 'record') return [def.valueType];
        return [];
      })
      .flatMap((n) => unwrap(n, v));
  });
  const keys = new Set<string>();
  for (const n of nodes) if (n._zod.def.type === 'object') for (const k of Object.keys(n._zod.def.shape)) keys.add(k);
  return [...keys];
}
