// The JSON Schemas editors use (schemas/*.json, checked by a real validator, ajv) and
// `iops validate`'s zod schemas give the same verdict on single-field edits of valid sample
// files. Where JSON Schema cannot say what zod checks, the edit is listed as an exception
// with the reason, and the test asserts the disagreement, so that a fix shows up here too.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ajvModule from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FileKind } from '../../src/core/paths.js';
import { validateData } from '../../src/core/schema/index.js';

const root = resolve(__dirname, '../..');
const Ajv2020 = ajvModule.Ajv2020;
// JSON numbers are decimals: 12.55 is a multiple of 0.01. ajv divides binary floats
// (12.55 / 0.01 = 1255.0000000000002), so it needs the tolerance its docs offer for this;
// editors' validators (vscode-json-languageservice) compare decimals exactly.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, multipleOfPrecision: 9 });
const validators = new Map<FileKind, ReturnType<typeof ajv.compile>>();
const jsonValid = (kind: FileKind, value: unknown): boolean => {
  if (!validators.has(kind)) validators.set(kind, ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'))));
  return validators.get(kind)!(value) as boolean;
};
const zodValid = (kind: FileKind, value: unknown): boolean => validateData(kind, 'f', value).problems.length === 0;

/** A sample file's data: YAML, or a report's front matter. */
function sample(file: string): unknown {
  const text = readFileSync(join(root, 'data', file), 'utf8');
  return parse(file.endsWith('.md') ? text.split(/^---$/m)[1]! : text);
}

const FILES: Record<string, [FileKind, string]> = {
  member: ['members', 'chapters/london/members.yaml'],
  receipt: ['dues', 'chapters/london/dues/2012.yaml'],
  chapter: ['chapter', 'chapters/london/chapter.yaml'],
  branch: ['branch', 'branches/au.yaml'],
  meeting: ['meeting', 'chapters/london/meetings/2012-06-06.yaml'],
  attendees: ['meeting', 'chapters/dublin/meetings/2011-12-12.yaml'],
  report: ['report', 'chapters/london/reports/2012-02-27.md'],
  settings: ['iops', 'iops.yaml'],
  goals: ['goals', 'goals.yaml'],
  decision: ['decision', 'decisions/2012-05-05-count-online-meetings.yaml'],
  chapterDecision: ['decision', 'chapters/london/decisions/2012-03-10-dues.yaml'],
  accounts: ['accounts', 'treasury/accounts.yaml'],
  treasury: ['treasury', 'treasury/2012.yaml'],
};

type Path = (string | number)[];
interface Mutation {
  what: string;
  file: keyof typeof FILES;
  path: Path;
  /** The new value; undefined removes the key. */
  value: unknown;
  /** Does validate accept the edited file? */
  valid: boolean;
  /** Set when JSON Schema cannot express zod's rule: why it accepts what validate rejects. */
  exception?: string;
}

const bad = (what: string, file: keyof typeof FILES, path: Path, value: unknown): Mutation => ({ what, file, path, value, valid: false });
const good = (what: string, file: keyof typeof FILES, path: Path, value: unknown): Mutation => ({ what, file, path, value, valid: true });

const MUTATIONS: Mutation[] = [
  bad('a transfer to an account that is not one', 'treasury', ['transfers', 0, 'to'], 'region/north'),
  bad('an expense category in capitals', 'treasury', ['expenses', 0, 'category'], 'Printing'),
  good('an expense without notes', 'treasury', ['expenses', 2, 'notes'], undefined),
  bad('an account with an unknown key', 'accounts', [0, 'bank'], true),
  good('an account without an opening date', 'accounts', [0, 'opened'], undefined),
  // dates
  bad('impossible day', 'member', [0, 'joined'], '2013-02-30'),
  bad('Feb 29 in a non-leap year', 'member', [0, 'joined'], '2013-02-29'),
  bad('Feb 29 in a century that is not a leap year', 'goals', ['deadline'], '2100-02-29'),
  bad('April 31', 'member', [0, 'left'], '2012-04-31'),
  bad('month 13 in a date', 'receipt', [0, 'date'], '2012-13-01'),
  bad('impossible day in a report', 'report', ['date'], '2012-02-30'),
  bad('date without leading zeros', 'branch', ['gatherings', 0, 'date'], '2012-3-31'),
  good('Feb 29 in a leap year', 'member', [0, 'joined'], '2012-02-29'),
  good('Feb 29 in a year divisible by 400', 'goals', ['deadline'], '2000-02-29'),
  // months
  bad('month 13', 'receipt', [0, 'period'], '2012-13'),
  bad('month 00', 'receipt', [0, 'period'], '2012-00'),
  // ids
  bad('a name as a member id', 'member', [0, 'id'], 'Jane Smith'),
  bad('uppercase member in a receipt', 'receipt', [0, 'member'], 'LDN-X'),
  bad('id starting with -', 'attendees', ['attendees', 0], '-dub'),
  // currencies
  bad('unknown currency', 'receipt', [0, 'currency'], 'XYZ'),
  bad('lowercase currency', 'receipt', [0, 'currency'], 'gbp'),
  bad('unknown currency as a rate key', 'settings', ['rates', 'XYZ'], 1.2),
  bad('unknown currency in a pledge', 'member', [0, 'dues', 'currency'], 'ABC'),
  good('another real currency', 'receipt', [0, 'currency'], 'EUR'),
  // countries
  bad('unknown country', 'chapter', ['country'], 'XX'),
  bad('UK is not the ISO code of the United Kingdom', 'branch', ['country'], 'UK'),
  bad('unknown country as a minimum wage key', 'settings', ['minimum_wages', 'ZZ'], { amount: 5, currency: 'USD' }),
  // decimals
  bad('three decimals in GBP', 'receipt', [0, 'amount'], 12.555),
  bad('three decimals in a pledge', 'member', [0, 'dues', 'amount'], 3.001),
  bad('decimals in a currency without any (7.5 JPY)', 'receipt', [2, 'currency'], 'JPY'),
  good('two decimals in GBP', 'receipt', [0, 'amount'], 12.55),
  good('a currency with three decimals (7.5 KWD)', 'receipt', [2, 'currency'], 'KWD'),
  good('1.005 in a three-decimal currency', 'settings', ['minimum_wages', 'KW'], { amount: 1.005, currency: 'KWD' }),
  bad('four decimals in a three-decimal currency', 'settings', ['minimum_wages', 'KW'], { amount: 1.0005, currency: 'KWD' }),
  // enums
  bad('capitalised gender', 'member', [0, 'gender'], 'Man'),
  bad('unknown age band', 'member', [0, 'age_band'], '25-35'),
  bad('unknown meeting mode', 'meeting', ['mode'], 'offline'),
  bad('unknown topic', 'meeting', ['topics', 0], 'teaching'),
  bad('unknown gathering kind', 'branch', ['gatherings', 0, 'kind'], 'local'),
  bad('unknown dues scheme', 'chapter', ['dues', 'scheme'], 'sliding'),
  bad('unknown pledge period', 'member', [0, 'dues', 'every'], 'week'),
  bad('unknown metric', 'goals', ['goals', 0, 'metric'], 'member'),
  // unknown keys
  bad('misspelt key', 'chapter', ['delgate'], 'ldn-ps3e'),
  bad('a name column in a member', 'member', [0, 'name'], 'Jane'),
  bad('misspelt definition', 'goals', ['definitions', 'functioning_chapter', 'min_meeting'], 3),
  bad('unknown key in front matter', 'report', ['author'], 'x'),
  // amounts and counts
  bad('negative amount', 'receipt', [0, 'amount'], -5),
  bad('zero amount', 'receipt', [0, 'amount'], 0),
  bad('zero pledge', 'member', [0, 'dues', 'amount'], 0),
  bad('amount over the maximum', 'receipt', [0, 'amount'], 2_000_000_000),
  bad('negative attendance', 'meeting', ['attendance'], -1),
  bad('fractional attendance', 'meeting', ['attendance'], 2.5),
  bad('privacy group of 0', 'settings', ['privacy', 'min_group'], 0),
  bad('negative rate', 'settings', ['rates', 'GBP'], -1),
  // types and ranges
  bad('yes for a boolean', 'chapter', ['dues', 'bank_account'], 'yes'),
  bad('a target as text', 'goals', ['goals', 0, 'min'], '5000'),
  bad('a share over 1', 'chapter', ['community', 'gender', 'woman'], 1.5),
  bad('a share target written as a percentage', 'goals', ['goals', 2, 'min'], 40),
  bad('a web address without https://', 'report', ['url'], 'example.org/x'),
  bad('a required key removed', 'member', [0, 'joined'], undefined),
  // histories (members.yaml moved_from, dues_before)
  good('a move', 'member', [0, 'moved_from'], [{ chapter: 'leeds', until: '2012-06-01' }]),
  good('an earlier pledge', 'member', [0, 'dues_before'], [{ until: '2012-06-01', dues: { amount: 5, currency: 'GBP', every: 'month' } }]),
  good('earlier: exempt, then no pledge', 'member', [0, 'dues_before'], [{ until: '2012-06-01', dues: 'exempt' }, { until: '2012-07-01', dues: 'none' }]),
  bad('an empty moved_from', 'member', [0, 'moved_from'], []),
  bad('a move without its date', 'member', [0, 'moved_from'], [{ chapter: 'leeds' }]),
  bad('a move to a path-like chapter', 'member', [0, 'moved_from'], [{ chapter: '../leeds', until: '2012-06-01' }]),
  bad('a move on an impossible day', 'member', [0, 'moved_from'], [{ chapter: 'leeds', until: '2012-02-30' }]),
  bad('a misspelt key in a move', 'member', [0, 'moved_from'], [{ chapter: 'leeds', untill: '2012-06-01' }]),
  bad('a move as a string', 'member', [0, 'moved_from'], 'leeds'),
  bad('an earlier pledge of zero', 'member', [0, 'dues_before'], [{ until: '2012-06-01', dues: { amount: 0, currency: 'GBP' } }]),
  bad('an earlier pledge in no currency', 'member', [0, 'dues_before'], [{ until: '2012-06-01', dues: { amount: 5, currency: 'XYZ' } }]),
  bad('an earlier pledge without until', 'member', [0, 'dues_before'], [{ dues: 'exempt' }]),
  bad('an earlier pledge of nothing', 'member', [0, 'dues_before'], [{ until: '2012-06-01', dues: 'nothing' }]),
  bad('`none` as the present pledge', 'member', [0, 'dues'], 'none'),
  // rules between keys of one object that JSON Schema can say with if/then or anyOf
  bad('scheme fixed without amount', 'chapter', ['dues', 'scheme'], 'fixed'),
  bad('an amount with a scheme that is not fixed', 'chapter', ['dues', 'amount'], 10),
  bad('a goal with neither min nor max', 'goals', ['goals', 0, 'min'], undefined),
  bad('a metric whose definition is removed', 'goals', ['definitions', 'functioning_chapter'], undefined),
  bad('every definition removed while goals need them', 'goals', ['definitions'], undefined),
  // rules JSON Schema cannot express: validate rejects, the schemas accept
  {
    ...bad('attendance that does not match the attendees listed', 'attendees', ['attendance'], 99),
    exception: 'compares a number with the length of a list; JSON Schema has no keyword relating two values',
  },
  { ...bad('a goal whose min is above its max', 'goals', ['goals', 0, 'max'], 10), exception: 'compares two values (min > max); JSON Schema has no such keyword' },
  { ...bad('two goals with the same id', 'goals', ['goals', 1, 'id'], 'members'), exception: 'uniqueness of one key across list items; uniqueItems compares whole items' },
  {
    ...bad('min_months above window_months', 'goals', ['definitions', 'collecting_dues', 'min_months'], 4),
    exception: 'compares two values; JSON Schema has no such keyword',
  },
  {
    ...bad('a rate too small to write as a plain decimal', 'settings', ['rates', 'GBP'], 1e-20),
    exception: 'the rate must print as a plain decimal (String(n) without an exponent); a number\'s printed form is not visible to JSON Schema',
  },
  // decisions (docs/governance.md)
  bad('unknown decision method', 'decision', ['method'], 'unanimity'),
  bad('unknown body', 'decision', ['body', 'kind'], 'congress'),
  bad('branch assembly without its branch', 'decision', ['body'], { kind: 'branch-assembly' }),
  good('a branch assembly', 'decision', ['body'], { kind: 'branch-assembly', branch: 'uk' }),
  bad('negative count', 'decision', ['outcome', 'against'], -1),
  bad('fractional count', 'decision', ['outcome', 'for'], 2.5),
  bad('quorum 0', 'decision', ['quorum'], 0),
  bad('unknown outcome status', 'decision', ['outcome', 'status'], 'passed'),
  bad('unknown key in the outcome', 'decision', ['outcome', 'voters'], ['ldn-a']),
  bad('meeting link not <chapter>/<date>', 'decision', ['meeting'], '../london/2012-09-15'),
  good('meeting link', 'chapterDecision', ['meeting'], 'london/2012-03-10'),
  bad('adopts dues without the chapter', 'chapterDecision', ['adopts'], { kind: 'dues' }),
  good('adopts a founding', 'decision', ['adopts'], { kind: 'branch-founding', branch: 'uk' }),
  bad('adopted_by not a decision id', 'goals', ['adopted_by'], '../decisions/x'),
  good('adopted_by a chapter decision id', 'goals', ['adopted_by'], 'london/2012-03-10-dues'),
  bad('dues decision not a decision id', 'chapter', ['dues', 'decision'], 'dues'),
];

function mutate(data: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(data) as any;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] ??= {};
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

describe('JSON Schemas and validate agree on single-field edits of the sample', () => {
  it('accept every sample file used', () => {
    for (const [kind, file] of Object.values(FILES)) {
      expect(zodValid(kind, sample(file)), file).toBe(true);
      expect(jsonValid(kind, sample(file)), file).toBe(true);
    }
  });

  it.each(MUTATIONS.filter((m) => !m.exception).map((m) => [m.what, m] as const))('%s', (_, m) => {
    const [kind, file] = FILES[m.file]!;
    const data = mutate(sample(file), m.path, m.value);
    expect({ zod: zodValid(kind, data), jsonSchema: jsonValid(kind, data) }).toEqual({ zod: m.valid, jsonSchema: m.valid });
  });

  it.each(MUTATIONS.filter((m) => m.exception).map((m) => [m.what, m] as const))('exception: %s', (_, m) => {
    const [kind, file] = FILES[m.file]!;
    const data = mutate(sample(file), m.path, m.value);
    expect({ zod: zodValid(kind, data), jsonSchema: jsonValid(kind, data) }, m.exception).toEqual({ zod: false, jsonSchema: true });
  });
});
