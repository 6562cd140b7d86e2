// Where the money is held: accounts, transfers and expenses, their checks, the balances iops
// dues shows (hand-computed), the write commands, and the JSON Schemas agreeing with zod.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ajvModule from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesCommand } from '../../src/commands/dues.js';
import { duesExpenseCommand, duesTransferCommand } from '../../src/commands/dues-treasury.js';
import { balancesAt } from '../../src/core/dues/balances.js';
import { formatProblem } from '../../src/core/problem.js';
import { validateData } from '../../src/core/schema/index.js';
import { DataError, UsageError } from '../../src/errors.js';
import { loadFromFiles } from '../../src/load/load.js';
import { orgFrom } from '../helpers/org.js';
import { cleanupRepos, tempRepo, type TempRepo } from '../helpers/repo.js';
import { TREASURY_ORG, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

const problemsOf = (files: Record<string, string>) =>
  loadFromFiles(Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }))).problems.map(formatProblem);
const byCurrency = (m: ReadonlyMap<string, number>) => Object.fromEntries(m);

describe('balances', () => {
  it('each account, from the beginning to the day: receipts in, transfers across, expenses out (hand-computed)', () => {
    const org = orgFrom(TREASURY_ORG);
    const at = (day: string) => Object.fromEntries(balancesAt(org, day).map((b) => [b.account, byCurrency(b.byCurrency)]));
    // london: 12.75 GBP (2012-12-15) − 5.25 to the branch; nyc: 0.10 − 0.05 fees; the branch: 5.25
    expect(at('2012-12-31')).toEqual({ international: {}, 'branch/uk': { GBP: 525 }, 'chapter/london': { GBP: 750 }, 'chapter/nyc': { USD: 5 } });
    // then 2013: london + 12.75 GBP + 0.02 EUR; nyc + 0.20; berlin 0.02 EUR; the branch − 2 to international − 1.25 printing
    expect(at('2013-01-31')).toEqual({
      international: { GBP: 200 },
      'branch/uk': { GBP: 200 },
      'chapter/berlin': { EUR: 2 },
      'chapter/london': { GBP: 2025, EUR: 2 },
      'chapter/nyc': { USD: 25 },
    });
    // international first, then branches, then chapters; valued in USD each currency once
    expect(balancesAt(org, '2013-01-31').map((b) => [b.account, b.level, b.total])).toEqual([
      ['international', 'international', 316],
      ['branch/uk', 'branch', 316],
      ['chapter/berlin', 'chapter', 3],
      ['chapter/london', 'chapter', 3203], // 20.25 GBP = 31.995 → 32.00, and 0.02 EUR = 0.025 → 0.03
      ['chapter/nyc', 'chapter', 25],
    ]);
  });

  it('iops dues shows them, in the table and in JSON', async () => {
    const repo = tempRepo(TREASURY_ORG);
    const v = JSON.parse((await duesCommand(ctxIn(repo.dir), { format: 'json' })).stdout);
    expect(v.balances.as_of).toBe('2013-01-31');
    expect(v.balances.accounts[0]).toEqual({ account: 'international', level: 'international', total: 3.16, by_currency: { GBP: 2 } });
    const table = (await duesCommand(ctxIn(repo.dir), {})).stdout;
    expect(table).toContain('Where the money is held at the end of 2013-01-31 (USD; every receipt, transfer and expense so far)');
    expect(table).toMatch(/│ chapter\/london +│ chapter +│ +32\.03 │ 0\.02 EUR · 20\.25 GBP +│/);
  });
});

describe('checks', () => {
  it('names unknown and undeclared accounts, wrong years, dates before an account was opened, a transfer to itself', () => {
    expect(
      problemsOf({
        ...TREASURY_ORG,
        'treasury/accounts.yaml': '- { account: branch/uk, opened: 2012-06-01 }\n- { account: branch/ux }\n- { account: branch/uk }\n',
        'treasury/2013.yaml':
          'transfers:\n  - { date: 2012-01-20, from: branch/uk, to: international, amount: 2, currency: GBP }\n  - { date: 2013-01-20, from: chapter/lodnon, to: chapter/lodnon, amount: 2, currency: CHF }\n',
      }).map((p) => p.replace(/:\d+:\d+:/, ':L:C:')).sort(),
    ).toEqual([
      'treasury/2013.yaml:L:C: transfers[0].date: 2012-01-20 is not in 2013; it belongs in treasury/2012.yaml',
      'treasury/2013.yaml:L:C: transfers[0].date: 2012-01-20 is before branch/uk was opened (2012-06-01); fix the date, or the account\'s opened date',
      'treasury/2013.yaml:L:C: transfers[0].to: international has no account in treasury/accounts.yaml; add one (- account: international) before moving money through it',
      'treasury/2013.yaml:L:C: transfers[1].currency: CHF has no rate: add it to rates in iops.yaml (1 CHF in USD)',
      'treasury/2013.yaml:L:C: transfers[1].from: no chapter "lodnon"; did you mean chapter/london?',
      'treasury/2013.yaml:L:C: transfers[1].to: no chapter "lodnon"; did you mean chapter/london?',
      'treasury/2013.yaml:L:C: transfers[1].to: a transfer goes from one account to another; from and to are the same',
      'treasury/accounts.yaml:L:C: accounts[1].account: no branch "ux"; did you mean branch/uk?',
      'treasury/accounts.yaml:L:C: accounts[2].account: branch/uk is listed twice; list each account once',
    ].sort());
    expect(problemsOf({ ...TREASURY_ORG, 'treasury/2013.yaml': 'transfers:\n  - { date: 2013-01-20, from: branch, to: international, amount: 2, currency: GBP }\n' })[0]).toMatch(
      /transfers\[0\]\.from: "branch" is not an account: write chapter\/<id>, branch\/<id> or international/,
    );
    expect(problemsOf({ ...TREASURY_ORG, 'treasury/notes.yaml': 'x: 1\n' })[0]).toMatch(/treasury\/ holds accounts\.yaml and one file a year/);
  });

  it('the JSON Schemas accept and refuse what zod does', () => {
    const ajv = new ajvModule.Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, multipleOfPrecision: 9 });
    const root = resolve(__dirname, '../..');
    const validators = { accounts: ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/accounts.schema.json'), 'utf8'))), treasury: ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/treasury.schema.json'), 'utf8'))) };
    const check = (kind: 'accounts' | 'treasury', value: unknown) => ({ zod: validateData(kind, 'f', value).problems.length === 0, json: validators[kind](value) as boolean });
    const transfer = { date: '2013-01-20', from: 'branch/uk', to: 'international', amount: 2, currency: 'GBP' };
    const expense = { date: '2013-01-21', account: 'chapter/london', amount: 1.25, currency: 'GBP', category: 'printing' };
    const cases: [kind: 'accounts' | 'treasury', value: unknown, valid: boolean][] = [
      ['accounts', [{ account: 'branch/uk', name: 'IOPS UK', opened: '2012-06-01' }, { account: 'international' }], true],
      ['accounts', [{ account: 'branch/UK' }], false],
      ['accounts', [{ account: 'branch/uk', bank: true }], false],
      ['treasury', { transfers: [transfer], expenses: [expense] }, true],
      ['treasury', { transfers: [] }, true],
      ['treasury', { transfers: [{ ...transfer, to: 'region/x' }] }, false],
      ['treasury', { expenses: [{ ...expense, category: 'Printing' }] }, false],
      ['treasury', { expenses: [{ ...expense, amount: -1 }] }, false],
      ['treasury', { expenses: [{ ...expense, date: '2013-02-30' }] }, false],
      ['treasury', { transfer: [] }, false],
    ];
    for (const [kind, value, valid] of cases) expect(check(kind, value), JSON.stringify(value)).toEqual({ zod: valid, json: valid });
  });
});

describe('dues transfer and dues expense', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo(TREASURY_ORG);
  });
  const file = (year: string) => readFileSync(join(repo.dir, `treasury/${year}.yaml`), 'utf8');

  it('append to the year of the date, one commit each, with a subject in the organisation\'s words', async () => {
    await duesTransferCommand(ctxIn(repo.dir), { from: 'chapter/london', to: 'branch/uk', date: '2013-01-25', amount: '3', currency: 'gbp' });
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('Transfer 3.00 GBP from chapter/london to branch/uk on 2013-01-25');
    await duesExpenseCommand(ctxIn(repo.dir), { account: 'branch/uk', date: '2013-01-26', amount: '0.5', currency: 'GBP', category: 'venue' });
    expect(file('2013')).toBe(
      'transfers:\n  - { date: 2013-01-20, from: branch/uk, to: international, amount: 2, currency: GBP }\n  - { date: 2013-01-25, from: chapter/london, to: branch/uk, amount: 3, currency: GBP }\n' +
        'expenses:\n  - { date: 2013-01-21, account: branch/uk, amount: 1.25, currency: GBP, category: printing }\n  - { date: 2013-01-26, account: branch/uk, amount: 0.5, currency: GBP, category: venue }\n',
    );
    // a new year's file starts with its schema comment
    await duesExpenseCommand(ctxIn(repo.dir), { account: 'international', date: '2014-01-02', amount: '1', currency: 'USD', category: 'fees' });
    expect(file('2014')).toBe('# yaml-language-server: $schema=../.iops/schemas/treasury.schema.json\ntransfers: []\nexpenses: [{ date: 2014-01-02, account: international, amount: 1, currency: USD, category: fees }]\n');
  });

  it('refuse an unknown or undeclared account, and change nothing', async () => {
    const head = repo.git('rev-parse', 'HEAD');
    await expect(duesTransferCommand(ctxIn(repo.dir), { from: 'chapter/london', to: 'branch/de', date: '2013-01-25', amount: '3', currency: 'GBP' })).rejects.toThrow(DataError);
    await expect(duesExpenseCommand(ctxIn(repo.dir), { account: 'london', date: '2013-01-25', amount: '3', currency: 'GBP', category: 'fees' })).rejects.toThrow(UsageError);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
  });
});

describe('validate on treasury files', () => {
  it('warns about personal data in notes and invisible characters, by file:line:col, without printing them', async () => {
    const { validateCommand } = await import('../../src/commands/validate.js');
    const repo = tempRepo({
      ...TREASURY_ORG,
      'treasury/2012.yaml':
        'transfers:\n  - { date: 2012-12-31, from: chapter/london, to: branch/uk, amount: 5.25, currency: GBP, notes: "call jo on 07700 900123" }\n' +
        'expenses:\n  - { date: 2012-12-31, account: chapter/nyc, amount: 0.05, currency: USD, category: fees, notes: "fees\u202e" }\n',
    });
    const v = JSON.parse((await validateCommand(ctxIn(repo.dir), { format: 'json' })).stdout) as { valid: boolean; warnings: { file: string; line: number; message: string }[] };
    expect(v.valid).toBe(true);
    expect(v.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(['treasury/2012.yaml:2', 'treasury/2012.yaml:4']);
    expect(JSON.stringify(v.warnings)).not.toContain('07700');
  });
});
