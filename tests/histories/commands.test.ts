// member move --on and member set --pledge --from, end to end on the built CLI: the files they
// write, and the figures before and after (reproductions 1 and 2 of issue 15), the same in the
// time zones furthest ahead of and behind UTC.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iopsAsProcess } from '../helpers/inProcess.js';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { SETTINGS } from './fixture.js';

afterAll(cleanupRepos);

const usd = (amount: number) => `{ amount: ${amount}, currency: USD, every: month }`;
const FILES = {
  'iops.yaml': SETTINGS,
  'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\ndues: { scheme: sliding-scale, bank_account: true }\n',
  'chapters/leeds/members.yaml':
    `- id: lds-1\n  joined: 2012-01-01\n  dues: ${usd(10)}\n` +
    ['2', '3', '4', '5'].map((n) => `- id: lds-${n}\n  joined: 2012-01-01\n`).join('') +
    `- id: lds-m\n  joined: 2012-02-10\n  dues: ${usd(7)}\n`,
  'chapters/leeds/dues/2012.yaml': ['01', '02', '03'].map((m) => `- { date: 2012-${m}-05, member: lds-1, amount: 10, currency: USD, period: 2012-${m} }\n`).join(''),
  'chapters/manchester/chapter.yaml': 'name: Manchester\ncountry: GB\n',
  'chapters/manchester/members.yaml': '- id: mcr-1\n  joined: 2012-01-01\n- id: mcr-2\n  joined: 2012-01-01\n',
};

let repo: TempRepo;
/**
 * iops on the repository, in this process; with `env`, a run of the built CLI (TZ, which the
 * time zone test sets, is the process's from its start).
 */
const iops = async (args: string[], env?: Record<string, string>) => (env ? runCli(['--data', repo.dir, ...args], { env }) : iopsAsProcess(tmpdir(), ['--data', repo.dir, ...args]));
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const current = async (chapter: string, asOf: string, env?: Record<string, string>) => JSON.parse((await iops(['report', chapter, '--as-of', asOf, '--format', 'json'], env)).stdout).members.current;
const leedsArrears = async (env?: Record<string, string>) => {
  const r = await iops(['dues', 'summary', '--from', '2012-01-01', '--to', '2012-03-31', '--format', 'json'], env);
  const row = JSON.parse(r.stdout).arrears.chapters.find((c: { chapter: string }) => c.chapter === 'leeds');
  return { pledged: row.pledged, received: row.received, arrears: row.arrears };
};

beforeAll(() => {
  repo = tempRepo(FILES);
});

describe('member move --on', () => {
  it('needs the date, after joining and before leaving, to another chapter', async () => {
    const none = await iops(['member', 'move', 'lds-m', 'manchester']);
    expect([none.code, none.stderr.trim()]).toEqual([2, 'iops: give the date lds-m moved with --on YYYY-MM-DD (the first day in Manchester); figures before it still count them in Leeds']);
    expect((await iops(['member', 'move', 'lds-m', 'manchester', '--on', '2012-02-10'])).stderr).toMatch(/--on 2012-02-10 must be after 2012-02-10, when lds-m joined/);
    expect((await iops(['member', 'move', 'lds-m', 'leeds', '--on', '2012-06-15'])).stderr).toMatch(/lds-m is already a member of Leeds/);
    expect((await iops(['member', 'move', 'lds-m', 'manchester', '--on', '2012-02-30'])).code).toBe(2);
  });

  it('keeps the member in Leeds for every figure before the date (reproduction 1)', async () => {
    expect(await current('leeds', '2012-05-31')).toBe(6);
    const r = await iops(['member', 'move', 'lds-m', 'manchester', '--on', '2012-06-15']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^lds-m moves from Leeds to Manchester on 2012-06-15\ncommitted [0-9a-f]{7}\n$/);
    expect(read('chapters/leeds/members.yaml')).not.toContain('lds-m');
    expect(read('chapters/manchester/members.yaml')).toBe(
      `${FILES['chapters/manchester/members.yaml']}- id: lds-m\n  joined: 2012-02-10\n  dues: ${usd(7)}\n  moved_from:\n    - { chapter: leeds, until: 2012-06-15 }\n`,
    );
    expect([await current('leeds', '2012-05-31'), await current('leeds', '2012-06-15'), await current('manchester', '2012-06-14'), await current('manchester', '2012-06-15')]).toEqual([6, 5, 2, 3]);
    // a second move back: the history grows by one entry at the end
    expect((await iops(['member', 'move', 'lds-m', 'leeds', '--on', '2012-06-15'])).stderr).toMatch(/--on 2012-06-15 must be after 2012-06-15, when lds-m came to Manchester/);
    expect((await iops(['member', 'move', 'lds-m', 'leeds', '--on', '2012-09-01'])).code).toBe(0);
    expect(read('chapters/leeds/members.yaml')).toMatch(/- id: lds-m\n {2}joined: 2012-02-10\n {2}dues: .*\n {2}moved_from:\n {4}- \{ chapter: leeds, until: 2012-06-15 \}\n {4}- \{ chapter: manchester, until: 2012-09-01 \}\n$/);
    expect([await current('leeds', '2012-08-31'), await current('leeds', '2012-09-01'), await current('manchester', '2012-08-31')]).toEqual([5, 6, 3]);
    expect((await iops(['validate'])).code).toBe(0);
  });
});

describe('member set --pledge --from', () => {
  it('raising a pledge keeps the months before at the old amount: no arrears for months paid in full (reproduction 2)', async () => {
    // January to March: lds-1 10 × 3 paid in full; lds-m 7 for February and March, unpaid
    expect(await leedsArrears()).toEqual({ pledged: 44, received: 30, arrears: 14 });
    const r = await iops(['member', 'set', 'lds-1', '--pledge', '20/USD/month', '--from', '2012-04-01']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Leeds: update member lds-1 \(pledge from 2012-04-01\)\n/);
    expect(read('chapters/leeds/members.yaml')).toContain(`- id: lds-1\n  joined: 2012-01-01\n  dues: ${usd(20)}\n  dues_before:\n    - { until: 2012-04-01, dues: ${usd(10)} }\n`);
    expect(await leedsArrears()).toEqual({ pledged: 44, received: 30, arrears: 14 });
    // to exempt from July, then no pledge from September: each kept in order
    expect((await iops(['member', 'set', 'lds-1', '--pledge', 'exempt', '--from', '2012-07-01'])).code).toBe(0);
    expect((await iops(['member', 'set', 'lds-1', '--no-pledge', '--from', '2012-09-01'])).code).toBe(0);
    expect(read('chapters/leeds/members.yaml')).toContain(
      `- id: lds-1\n  joined: 2012-01-01\n  dues_before:\n    - { until: 2012-04-01, dues: ${usd(10)} }\n    - { until: 2012-07-01, dues: ${usd(20)} }\n    - { until: 2012-09-01, dues: exempt }\n`,
    );
    expect((await iops(['validate'])).code).toBe(0);
  });

  it('refuses what would not be a change', async () => {
    expect((await iops(['member', 'set', 'lds-2', '--from', '2012-04-01'])).stderr).toMatch(/--from dates a change of pledge: give --pledge \(or --no-pledge\) with it/);
    expect((await iops(['member', 'set', 'lds-2', '--no-pledge', '--from', '2012-04-01'])).stderr).toMatch(/lds-2's pledge is already none; nothing changes on 2012-04-01/);
    expect((await iops(['member', 'set', 'lds-2', '--pledge', '5/USD/month', '--from', '2011-12-01'])).stderr).toMatch(/--from 2011-12-01 must be after 2012-01-01, when lds-2 joined/);
    expect((await iops(['member', 'set', 'lds-1', '--pledge', '5/USD/month', '--from', '2012-08-01'])).stderr).toMatch(/--from 2012-08-01 must be after 2012-09-01, when the pledge last changed/);
  });

  it('gives the same figures in every time zone', async () => {
    for (const env of [{ TZ: 'Pacific/Kiritimati' }, { TZ: 'America/Adak' }]) {
      expect(await leedsArrears(env)).toEqual({ pledged: 44, received: 30, arrears: 14 });
      expect([await current('leeds', '2012-05-31', env), await current('leeds', '2012-06-15', env), await current('leeds', '2012-09-01', env)]).toEqual([6, 5, 6]);
    }
  });
});

describe('iops migrate', () => {
  it('has nothing to migrate: the histories are optional keys, and files without them mean what they meant', async () => {
    const r = await iops(['migrate']);
    expect([r.code, r.stdout.trim(), r.stderr]).toEqual([0, 'nothing to migrate: the data is in the current format (every format change so far only added optional keys; see docs/data-format.md)', '']);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(runCli(['migrate'], { cwd: repo.dir + '/chapters/..' }).code).toBe(0);
    expect(runCli(['--data', join(repo.dir, 'chapters'), 'migrate']).code).toBe(2);
  });
});
