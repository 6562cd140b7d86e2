// The chapter report's dues figures are the dues table's: for every chapter of the sample,
// `iops report C`'s pledged, received and arrears equal the row `iops dues --from --to` shows
// for the report's window (the same pledge rule, the same rows rounded together), a chapter
// that paid ahead included (negative arrears, not 0).
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesCommand } from '../../src/commands/dues.js';
import { reportCommand } from '../../src/commands/report.js';
import { cleanupRepos, tempRepo, type TempRepo } from '../helpers/repo.js';
import { ctxIn } from '../dues/fixture.js';

afterAll(cleanupRepos);

const SAMPLE = resolve(__dirname, '../../data');

interface Row {
  chapter: string;
  pledged: number | null;
  received: number;
  arrears: number | null;
}

let repo: TempRepo;

beforeAll(() => {
  repo = tempRepo({});
  cpSync(SAMPLE, repo.dir, { recursive: true });
  // Portland pledged 163.00 over June to August and received nothing; a member pays a year ahead
  repo.write('chapters/portland/dues/2012.yaml', '- { date: 2012-08-20, member: pdx-gw7k, amount: 500, currency: USD, period: 2012-08 }\n');
  repo.commit('the sample, and a year paid ahead in Portland');
}, 60_000);

const reportDues = async (chapter: string) => JSON.parse((await reportCommand(ctxIn(repo.dir), chapter, { format: 'json' })).stdout).dues;

describe("the chapter report's arrears are the dues table's row for the same window", () => {
  it('for every chapter the dues table shows, to the cent, and none for those it does not', async () => {
    // the sample's as-of day is 2012-08-31; the report's window is June to August (window_months: 3)
    const table = JSON.parse((await duesCommand(ctxIn(repo.dir), { from: '2012-06-01', to: '2012-08-31', format: 'json' })).stdout);
    const rows = new Map<string, Row>(table.arrears.chapters.map((r: Row) => [r.chapter, r]));
    expect(rows.get('portland')).toMatchObject({ pledged: 163, received: 500, arrears: -337 });
    const shown = [...rows.values()].filter((r) => r.pledged !== null && !r.chapter.startsWith('('));
    expect(shown.length).toBeGreaterThan(5);
    for (const row of shown) {
      const d = await reportDues(row.chapter);
      expect([row.chapter, d.arrears]).toEqual([
        row.chapter,
        {
          from: '2012-06-01',
          to: '2012-08-31',
          pledged: { amount: row.pledged, currency: 'USD' },
          received: { amount: row.received, currency: 'USD' },
          arrears: { amount: row.arrears, currency: 'USD' },
          received_share: expect.any(Number),
        },
      ]);
    }
    // a chapter the table folds into its other chapters has no pledged sum of its own in the
    // report either; one the table leaves out (nothing fell due, nothing came in) shows zeros
    expect(table.arrears.chapters.at(-1).chapter).toBe('(other chapters)');
    const arrearsOf = async (c: string) => {
      expect(rows.has(c)).toBe(false);
      const a = (await reportDues(c)).arrears;
      return a && [a.pledged.amount, a.received.amount, a.arrears.amount];
    };
    for (const c of ['athens', 'galway']) expect(await arrearsOf(c)).toBeNull();
    for (const c of ['austin', 'perth']) expect(await arrearsOf(c)).toEqual([0, 0, 0]);
  }, 120_000);

  it('a chapter that paid ahead shows it, in every format', async () => {
    const d = await reportDues('portland');
    expect(d.arrears).toMatchObject({ pledged: { amount: 163 }, received: { amount: 500 }, arrears: { amount: -337 } });
    const text = (await reportCommand(ctxIn(repo.dir), 'portland', {})).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Arrears USD 337.00 paid ahead: pledged USD 163.00, received USD 500.00 (307%), as iops dues --from 2012-06-01 --to 2012-08-31');
    const md = (await reportCommand(ctxIn(repo.dir), 'portland', { format: 'markdown' })).stdout;
    expect(md).toContain('- 2012-06-01 to 2012-08-31: pledged USD 163.00, received USD 500.00 (307%); USD 337.00 paid ahead (as `iops dues --from 2012-06-01 --to 2012-08-31`)');
  });
});
