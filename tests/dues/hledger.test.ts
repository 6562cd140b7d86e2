// The ledger export, checked by hledger itself: per chapter and in total, the balances in
// each currency equal `iops dues`, and valued in USD with the journal's price directives they
// agree with `iops dues` to the cent. hledger shows valued amounts rounded half to even at
// the commodity's display precision; iops rounds each currency's total half away from zero
// (docs/dues.md), so the check asks hledger for the exact value (-c with 10 decimals) and
// applies iops's rule to it. Skipped only when hledger is missing and CI is not set.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, runCli, tempDir, tempRepo } from '../helpers/repo.js';
import { MONEY_ORG, TREASURY_ORG } from './fixture.js';

afterAll(cleanupRepos);

const version = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
const installed = !version.error && version.status === 0;
const inCI = !!process.env.CI;
if (!installed && !inCI) console.warn('hledger is not installed: skipping the hledger agreement test (apt-get install hledger to run it; in CI it always runs)');

function hledger(journal: string, ...args: string[]): string {
  const r = spawnSync('hledger', ['-f', journal, ...args], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`hledger ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** `--layout=bare` CSV: account, commodity, amount. */
function balances(csv: string): { account: string; commodity: string; amount: string }[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [account, commodity, amount] = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
      return { account: account!, commodity: commodity!, amount: amount! };
    });
}

/** A decimal string in cents, rounded half away from zero. */
function cents(decimal: string): bigint {
  const neg = decimal.startsWith('-');
  const [whole, frac = ''] = decimal.replace(/^[-+]/, '').split('.');
  const n = BigInt(whole! + frac);
  const scale = 10n ** BigInt(Math.max(frac.length - 2, 0));
  const q = frac.length <= 2 ? n * 10n ** BigInt(2 - frac.length) : (2n * n + scale) / (2n * scale);
  return neg ? -q : q;
}

const toCents = (n: number) => BigInt(Math.round(n * 100));
/** income:dues:<chapter> → the chapter (its receipts in the window); the total line → total. */
const chapterOf = (account: string) => /^income:dues:(.+)$/.exec(account)?.[1] ?? (account === 'total' ? 'total' : undefined);
/** The journal's bank accounts → iops's accounts (holderAccount in src/core/ledger.ts). */
const holderOf = (account: string) =>
  account === 'assets:international:bank' ? 'international' : /^assets:branches:(.+):bank$/.exec(account)?.[1] ? `branch/${/^assets:branches:(.+):bank$/.exec(account)![1]}` : /^assets:(.+):bank$/.exec(account) ? `chapter/${/^assets:(.+):bank$/.exec(account)![1]}` : account;
const negate = (d: string) => (d.startsWith('-') ? d.slice(1) : `-${d}`);

interface DuesJson {
  currency: string;
  total: number;
  by_currency: Record<string, number>;
  rows: { key: string; total: number; by_currency: Record<string, number> }[];
  balances: { as_of: string; accounts: { account: string; total: number; by_currency: Record<string, number> }[] };
}

/** Each account's value in the reporting currency with iops's rule: each currency's balance valued exactly, then rounded once. */
function valuedBy(journal: string, query: string, currencies: string[], reporting: string, key: (account: string) => string | undefined, sign = 1n): Map<string, bigint> {
  const valued = new Map<string, bigint>();
  for (const currency of currencies) {
    const csv = hledger(journal, 'balance', query, `cur:^${currency}$`, '-X', reporting, '-c', `1000.0000000000 ${reporting}`, '-O', 'csv', '--layout=bare');
    for (const b of balances(csv)) {
      const k = key(b.account);
      if (k !== undefined) valued.set(k, (valued.get(k) ?? 0n) + sign * cents(b.amount));
    }
  }
  return valued;
}

function agree(dataArgs: string[], window: string[]): { chapters: number; total: bigint; accounts: number } {
  const dues = runCli([...dataArgs, 'dues', '--format', 'json', '--by', 'chapter', ...window]);
  expect(dues.stderr).toBe('');
  const view = JSON.parse(dues.stdout) as DuesJson;
  const exported = runCli([...dataArgs, 'dues', 'export', '--format', 'ledger', ...window]);
  expect(exported.code).toBe(0);
  const journal = join(tempDir('iops-ledger-'), 'dues.journal');
  writeFileSync(journal, exported.stdout);

  hledger(journal, 'check', '--strict'); // every account and commodity declared, the journal balances

  // 1. income in the currencies received: exactly the receipts of the window, chapter by chapter and in total
  const raw = balances(hledger(journal, 'balance', '^income:dues:', '-O', 'csv', '--layout=bare')).filter((b) => cents(b.amount) !== 0n);
  const expected = [...view.rows.map((r) => [r.key, r.by_currency] as const), ['total', view.by_currency] as const].flatMap(([key, by]) =>
    Object.entries(by).map(([c, n]) => `${key} ${c} ${toCents(n)}`),
  );
  expect(raw.map((b) => `${chapterOf(b.account)} ${b.commodity} ${cents(negate(b.amount))}`).sort()).toEqual(expected.sort());

  // 2. valued in the reporting currency with the journal's P directives, currency by currency, exactly
  const valued = valuedBy(journal, '^income:dues:', Object.keys(view.by_currency), view.currency, chapterOf, -1n);
  for (const row of view.rows) expect(`${row.key} ${valued.get(row.key)}`).toBe(`${row.key} ${toCents(row.total)}`);
  if (view.rows.length) expect(valued.get('total')).toBe(toCents(view.total));

  // 3. where the money is held: every account's balance at the window's end (opening balances,
  //    receipts, transfers, expenses), in each currency and valued, equals iops dues's
  const held = balances(hledger(journal, 'balance', '^assets:', '-O', 'csv', '--layout=bare')).filter((b) => b.account !== 'total' && cents(b.amount) !== 0n);
  const ours = view.balances.accounts.flatMap((a) => Object.entries(a.by_currency).map(([c, n]) => `${a.account} ${c} ${toCents(n)}`));
  expect(held.map((b) => `${holderOf(b.account)} ${b.commodity} ${cents(b.amount)}`).sort()).toEqual(ours.sort());
  const currencies = [...new Set(view.balances.accounts.flatMap((a) => Object.keys(a.by_currency)))];
  const heldValued = valuedBy(journal, '^assets:', currencies, view.currency, (a) => (a === 'total' ? undefined : holderOf(a)));
  for (const a of view.balances.accounts) expect(`${a.account} ${heldValued.get(a.account) ?? 0n}`).toBe(`${a.account} ${toCents(a.total)}`);
  return { chapters: view.rows.length, total: valued.get('total') ?? 0n, accounts: view.balances.accounts.length };
}

describe.skipIf(!installed && !inCI)('hledger agrees with iops dues', () => {
  it('hledger is installed (required when CI is set)', () => {
    expect(installed, 'hledger is required in CI: apt-get install -y hledger').toBe(true);
    expect(version.stdout).toMatch(/^hledger \d+\.\d+/);
  });

  it('on awkward amounts across a new year: 12.75 GBP at 1.58, 0.1 + 0.2 USD, 0.02 EUR at 1.25, two currencies in one chapter', () => {
    const repo = tempRepo(MONEY_ORG);
    expect(agree(['--data', repo.dir], ['--from', '2012-12-01', '--to', '2013-01-31'])).toMatchObject({ chapters: 3, total: 4064n });
    expect(agree(['--data', repo.dir], ['--from', '2012-12-01', '--to', '2012-12-31'])).toMatchObject({ chapters: 2, total: 2025n });
    // a window after the first receipts: they are the opening balances
    expect(agree(['--data', repo.dir], ['--from', '2013-01-03', '--to', '2013-01-31'])).toMatchObject({ chapters: 2 });
  });

  it('where the money is held: transfers between a chapter, its branch and the international account, expenses, opening balances', () => {
    const repo = tempRepo(TREASURY_ORG);
    expect(agree(['--data', repo.dir], [])).toMatchObject({ chapters: 3, accounts: 5 });
    expect(agree(['--data', repo.dir], ['--from', '2011-01-01', '--to', '2012-12-31'])).toMatchObject({ chapters: 2, accounts: 4 });
    expect(agree(['--data', repo.dir], ['--from', '2013-01-21', '--to', '2013-01-21'])).toMatchObject({ chapters: 0, accounts: 5 });
  });

  it('on currencies without decimals and with three (JPY, KWD): the journal declares them so hledger accepts it', () => {
    const repo = tempRepo({
      'iops.yaml': 'organization: Test Org\ncurrency: USD\nrates: { JPY: 0.0125, KWD: 3.25 }\nsnapshot_date: 2013-01-31\n',
      'chapters/tokyo/chapter.yaml': 'name: Tokyo\ncountry: JP\n',
      'chapters/tokyo/members.yaml': '- { id: tyo-a, joined: 2012-01-01 }\n',
      'chapters/tokyo/dues/2013.yaml': '- { date: 2013-01-05, member: tyo-a, amount: 1500, currency: JPY }\n- { date: 2013-01-06, member: tyo-a, amount: 1.5, currency: KWD }\n',
    });
    // 1500 JPY × 0.0125 = 18.75 USD; 1.500 KWD × 3.25 = 4.875 USD → 4.88
    expect(agree(['--data', repo.dir], ['--from', '2013-01-01', '--to', '2013-01-31'])).toMatchObject({ chapters: 1, total: 2363n });
  });

  it('on the sample organisation by default: the export covers the window iops dues sums (issue 15, reproduction 5)', () => {
    const sample = ['--data', resolve(__dirname, '../../data')];
    const result = agree(sample, []);
    const dues = JSON.parse(runCli([...sample, 'dues', '--format', 'json']).stdout) as { total: number };
    expect(result.total).toBe(toCents(dues.total));
  });

  it('on the sample organisation, every receipt from 2011 on', () => {
    const result = agree(['--data', resolve(__dirname, '../../data')], ['--from', '2011-01-01']);
    expect(result.chapters).toBe(8);
  });
});
