// iops dues, export and suggest end to end, in a real git repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iops as inProcess } from '../helpers/inProcess.js';
import { cleanupRepos, runCli, tempRepo, type TempRepo } from '../helpers/repo.js';
import { MONEY_ORG } from './fixture.js';

afterAll(cleanupRepos);

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(MONEY_ORG);
});
// in this process (tests/helpers/inProcess.ts); the built CLI where a test says so
const iops = (...args: string[]) => inProcess(repo.dir, ...args);

describe('iops dues', () => {
  it('by default sums January 1 of the as-of year (snapshot_date 2013-01-31) to the as-of date', async () => {
    const r = await iops('dues', '--format', 'json');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect([v.from, v.to, v.currency, v.total, v.receipts]).toEqual(['2013-01-01', '2013-01-31', 'USD', 20.4, 4]);
    expect(v.rows).toEqual([
      { key: 'berlin', total: 0.03, by_currency: { EUR: 0.02 }, receipts: 1 },
      { key: 'london', total: 20.18, by_currency: { EUR: 0.02, GBP: 12.75 }, receipts: 2 },
      { key: 'nyc', total: 0.2, by_currency: { USD: 0.2 }, receipts: 1 },
    ]);
    expect(v.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(v.dirty).toBe(false);
    expect(JSON.parse((await iops('dues', 'summary', '--format', 'json')).stdout)).toEqual(v);
  });

  it("is dues's default subcommand, so its --format never shadows a subcommand's (commander)", async () => {
    expect((await iops('dues', '--format', 'csv')).stdout.split('\n')[0]).toBe('chapter,total_usd,receipts,eur,gbp,usd');
    expect((await iops('dues', 'export', '--format', 'csv')).stdout.split('\n')[0]).toBe('date,chapter,branch,period,amount,currency,rate_to_usd,source');
    expect((await iops('dues', 'summary', '--format', 'ledger')).code).toBe(2);
    expect((await iops('dues', 'export', '--format', 'json')).code).toBe(2);
    expect((await iops('dues', '--help')).stdout).toMatch(/summary[\s\S]*export[\s\S]*suggest/);
  });

  it('prints the whole table', async () => {
    const r = await iops('dues', '--from', '2012-12-01');
    expect(runCli(['dues', '--from', '2012-12-01'], { cwd: repo.dir })).toEqual(r); // the built CLI says the same
    const head = r.stdout.split('\n').slice(0, 11).join('\n').replace(/data at \w+/, 'data at COMMIT');
    expect(head).toBe(
      [
        'Test Org: dues received 2012-12-01 to 2013-01-31',
        'data at COMMIT',
        '',
        '┌─────────┬──────────┬─────────────┬─────────────────────────────────┐',
        '│ CHAPTER │ RECEIPTS │ TOTAL (USD) │ AS RECEIVED                     │',
        '│ berlin  │        1 │        0.03 │ 0.02 EUR                        │',
        '│ london  │        3 │       40.32 │ 0.02 EUR · 25.50 GBP            │',
        '│ nyc     │        2 │        0.30 │ 0.30 USD                        │',
        '│ Total   │        6 │       40.64 │ 0.04 EUR · 25.50 GBP · 0.30 USD │',
        '└─────────┴──────────┴─────────────┴─────────────────────────────────┘',
        "Rates: 1 EUR = 1.25 USD, 1 GBP = 1.58 USD; each currency's total is converted to the reporting currency once, rounded half away from zero, so rows can differ from the total by a cent or so.",
      ].join('\n'),
    );
    // London's report hides its pledging count (8 members, 1 exempt): so does dues (issue 13)
    expect(r.stdout).toContain('│ 6 other chapters │ not shown │ not shown │    40.64 │ not shown │ not shown │');
    expect(r.stdout).not.toMatch(/ldn-|nyc-a|bri-|ber-a/);
  });

  it('CSV by month across the new year', async () => {
    expect((await iops('dues', '--by', 'month', '--from', '2012-12-01', '--format', 'csv')).stdout).toBe(
      'month,total_usd,receipts,eur,gbp,usd\n2012-12,20.25,2,,12.75,0.10\n2013-01,20.40,4,0.04,12.75,0.20\nTOTAL,40.64,6,0.04,25.50,0.30\n',
    );
  });

  it('Markdown for a pull-request comment or the website', async () => {
    const md = (await iops('dues', '--by', 'branch', '--format', 'markdown')).stdout;
    expect(md).toContain('| Branch | Receipts | Total (USD) | As received |');
    expect(md).toContain('| uk | 2 | 20.18 | 0.02 EUR · 12.75 GBP |');
    expect(md).toContain('| (no branch) | 2 | 0.23 | 0.02 EUR · 0.20 USD |');
  });

  it('refuses bad windows and unknown subcommands (exit 2), invalid data (exit 3)', async () => {
    expect((await iops('dues', '--from', '2013-02-30')).stderr).toBe('iops: --from "2013-02-30" is not a calendar date (write YYYY-MM-DD)\n');
    const late = await iops('dues', '--from', '2013-02-01');
    expect([late.code, late.stderr]).toEqual([2, 'iops: --from 2013-02-01 is after the as-of date 2013-01-31\n']);
    const typo = await iops('dues', 'exprot');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^iops: unknown dues command "exprot"; did you mean export\?/);
    expect((await iops('dues', '--by', 'gender')).code).toBe(2);
    const broken = tempRepo({ ...MONEY_ORG, 'chapters/nyc/dues/2013.yaml': '- { date: 2013-01-02, member: nyc-b, amount: 0.205, currency: USD }\n' });
    const r = runCli(['dues'], { cwd: broken.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('chapters/nyc/dues/2013.yaml:1:');
  });
});

describe('iops dues export', () => {
  it('writes one transaction per receipt, no member ids, prices from the rates', async () => {
    const r = await iops('dues', 'export', '--from', '2012-12-15', '--to', '2012-12-31');
    expect(runCli(['dues', 'export', '--from', '2012-12-15', '--to', '2012-12-31'], { cwd: repo.dir })).toEqual(r); // the built CLI says the same
    expect(r.stdout).toBe(
      [
        '; Test Org: dues receipts, transfers and expenses from 2012-12-15 to 2012-12-31 (both days included), written by iops dues export',
        '; 2 receipts, 0 transfers, 0 expenses; amounts in their own currency; prices from iops.yaml rates (reporting currency USD)',
        "; hledger bal -X USD values them; add -c '1000.0000 USD' for exact values (iops rounds each currency's total half away from zero)",
        '',
        'commodity 1000.00 GBP',
        'commodity 1000.00 USD',
        '',
        'account assets:london:bank',
        'account assets:nyc:bank',
        'account income:dues:london',
        'account income:dues:nyc',
        '',
        'P 2012-01-01 GBP 1.58 USD',
        '',
        '2012-12-15 * London dues for 2012-12  ; source: chapters/london/dues/2012.yaml #1',
        '    assets:london:bank  12.75 GBP',
        '    income:dues:london  -12.75 GBP',
        '',
        '2012-12-20 * New York dues  ; source: chapters/nyc/dues/2012.yaml #1',
        '    assets:nyc:bank  0.10 USD',
        '    income:dues:nyc  -0.10 USD',
        '',
      ].join('\n'),
    );
  });

  it('CSV: every receipt of the window (with --from before the first, all of them), with its rate', async () => {
    expect((await iops('dues', 'export', '--format', 'csv', '--from', '2011-01-01')).stdout).toBe(
      [
        'date,chapter,branch,period,amount,currency,rate_to_usd,source',
        '2012-12-15,london,uk,2012-12,12.75,GBP,1.58,chapters/london/dues/2012.yaml #1',
        '2012-12-20,nyc,,,0.10,USD,1,chapters/nyc/dues/2012.yaml #1',
        '2013-01-02,nyc,,,0.20,USD,1,chapters/nyc/dues/2013.yaml #1',
        '2013-01-05,london,uk,2013-01,12.75,GBP,1.58,chapters/london/dues/2013.yaml #1',
        '2013-01-06,london,uk,,0.02,EUR,1.25,chapters/london/dues/2013.yaml #2',
        '2013-01-10,berlin,,,0.02,EUR,1.25,chapters/berlin/dues/2013.yaml #1',
        '',
      ].join('\n'),
    );
  });
});

describe('iops dues suggest', () => {
  it('prints the day-wage suggestion with the exemption line', async () => {
    const r = await iops('dues', 'suggest', '--member', 'bri-a');
    expect(runCli(['dues', 'suggest', '--member', 'bri-a'], { cwd: repo.dir })).toEqual(r); // the built CLI says the same
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Dues for bri-a (chapter brighton, scheme day-wage)',
        "Brighton's dues are a day's minimum wage in GB a month (iops.yaml minimum_wages).",
        'Suggested: 52.40 GBP a month (about 82.79 USD).',
        '',
        'Anyone who cannot pay can be exempt from dues: tell your chapter (its delegate or treasurer). Exemptions are counted, never shown per person.',
        '',
      ].join('\n'),
    );
    expect((await iops('dues', 'suggest')).code).toBe(2); // --member is required
  });
});
