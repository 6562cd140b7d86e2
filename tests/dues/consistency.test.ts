// Consistent money (issue 15, reproductions 4 and 5): the pledge table's columns add up to
// their totals and arrears = pledged − received exactly, on the sample organisation, where
// per-row rounding used to give a pledged column of 84,816.32 against a total of 84,816.30;
// and `iops dues export` covers the same default window as `iops dues`.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesCommand, duesExportCommand } from '../../src/commands/dues.js';
import { apportion } from '../../src/core/dues/totals.js';
import { cleanupRepos, tempRepo, type TempRepo } from '../helpers/repo.js';
import { MONEY_ORG, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

const SAMPLE = resolve(__dirname, '../../data');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const cents = (n: number) => Math.round(n * 100);

interface ArrearsJson {
  chapters: { pledged: number | null; received: number; arrears: number | null }[];
  total: { pledged: number; received: number; arrears: number; chapters_not_shown: number };
  rounding: string;
}

describe('the pledge table adds up', () => {
  it('apportions rows so they add up to the exact total, each within a cent of its exact value', () => {
    // three thirds of a cent each: exact 0.333…, total 1 cent; the first row gets it
    expect(apportion([{ num: 1n, den: 3n }, { num: 1n, den: 3n }, { num: 1n, den: 3n }])).toEqual({ rows: [1, 0, 0], total: 1 });
    // 20.145 + 20.145 + 0.2: rounded each, 20.15 + 20.15 + 0.20 = 40.50; exact 40.49
    expect(apportion([{ num: 20145n, den: 10n }, { num: 20145n, den: 10n }, { num: 20n, den: 1n }])).toEqual({ rows: [2015, 2014, 20], total: 4049 });
    expect(apportion([{ num: -5n, den: 2n }, { num: 1n, den: 1n }])).toEqual({ rows: [-3, 1], total: -2 });
    expect(apportion([])).toEqual({ rows: [], total: 0 });
  });

  it('on the sample: pledged, received and arrears columns add up; arrears total = pledged − received', async () => {
    const v = JSON.parse((await duesCommand(ctxIn(SAMPLE), { format: 'json' })).stdout) as { arrears: ArrearsJson };
    const shown = v.arrears.chapters.filter((c) => c.pledged !== null);
    expect(shown.length).toBeGreaterThan(3);
    expect(sum(shown.map((c) => cents(c.pledged!)))).toBe(cents(v.arrears.total.pledged));
    expect(sum(shown.map((c) => cents(c.received)))).toBe(cents(v.arrears.total.received));
    expect(sum(shown.map((c) => cents(c.arrears!)))).toBe(cents(v.arrears.total.arrears));
    for (const c of shown) expect(cents(c.arrears!)).toBe(cents(c.pledged!) - cents(c.received));
    expect(cents(v.arrears.total.arrears)).toBe(cents(v.arrears.total.pledged) - cents(v.arrears.total.received));
    expect(v.arrears.rounding).toMatch(/adds up to its total/);
    const table = (await duesCommand(ctxIn(SAMPLE), {})).stdout;
    expect(table).toContain('rows are rounded to the cent so that each column adds up to its total');
  });
});

describe('dues and dues export share one window', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo(MONEY_ORG);
  });

  it('by default both cover the as-of year so far (2013-01-01 to 2013-01-31 here), both days included', async () => {
    const dues = JSON.parse((await duesCommand(ctxIn(repo.dir), { format: 'json' })).stdout) as { from: string; to: string; receipts: number };
    const csv = (await duesExportCommand(ctxIn(repo.dir), { format: 'csv' })).stdout.trim().split('\n').slice(1);
    expect([dues.from, dues.to, dues.receipts]).toEqual(['2013-01-01', '2013-01-31', 4]);
    expect(csv.map((l) => l.split(',')[0])).toEqual(['2013-01-02', '2013-01-05', '2013-01-06', '2013-01-10']);
    const journal = (await duesExportCommand(ctxIn(repo.dir), {})).stdout;
    expect(journal.split('\n')[0]).toBe('; Test Org: dues receipts, transfers and expenses from 2013-01-01 to 2013-01-31 (both days included), written by iops dues export');
  });

  it('the same --from/--to on both: first and last day included', async () => {
    const window = { from: '2012-12-15', to: '2013-01-05' };
    const dues = JSON.parse((await duesCommand(ctxIn(repo.dir), { format: 'json', ...window })).stdout) as { receipts: number };
    const csv = (await duesExportCommand(ctxIn(repo.dir), { format: 'csv', ...window })).stdout.trim().split('\n').slice(1);
    expect(csv.map((l) => l.split(',')[0])).toEqual(['2012-12-15', '2012-12-20', '2013-01-02', '2013-01-05']);
    expect(dues.receipts).toBe(csv.length);
    // only --to: from January 1 of its year, in both
    const to = (await duesExportCommand(ctxIn(repo.dir), { format: 'csv', to: '2012-12-31' })).stdout.trim().split('\n').slice(1);
    expect(to.map((l) => l.split(',')[0])).toEqual(['2012-12-15', '2012-12-20']);
  });
});
