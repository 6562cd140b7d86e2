// iops rates / iops rates set CODE RATE: the exchange rates in iops.yaml, changed by a write
// command (one commit of iops.yaml, its comments and layout kept), refusing what validate
// would refuse and rounding nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateValue } from '../../src/app/changes/rates.js';
import { GIT_ENV, cleanupRepos, minimalOrg, tempRepo, type TempRepo } from '../helpers/repo.js';
import { iops } from '../helpers/inProcess.js';

afterAll(cleanupRepos);

const SETTINGS = '# our settings\norganization: Test Org\ncurrency: USD # reporting\nrates: { GBP: 1.58 } # checked monthly\nkey_documents: [values]\nprivacy: { min_group: 5 }\n';

let repo: TempRepo;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
beforeAll(() => {
  repo = tempRepo(minimalOrg({ 'iops.yaml': SETTINGS }));
});

describe('iops rates', () => {
  it('lists the rates, as text and as JSON', async () => {
    expect(await iops(repo.dir, 'rates')).toEqual({ code: 0, stdout: 'reporting currency: USD\n1 GBP = 1.58 USD\n', stderr: '' });
    expect(JSON.parse((await iops(repo.dir, 'rates', '--format', 'json')).stdout)).toEqual({ currency: 'USD', rates: { GBP: 1.58 } });
  });

  it('set: one commit of iops.yaml changing only the rate, comments kept; then listed', async () => {
    const r = await iops(repo.dir, 'rates', 'set', 'eur', '1.25');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Rates: 1 EUR = 1.25 USD \(new\)\ncommitted [0-9a-f]{7}\n$/);
    expect(readFileSync(join(repo.dir, 'iops.yaml'), 'utf8')).toBe(SETTINGS.replace('{ GBP: 1.58 }', '{ GBP: 1.58, EUR: 1.25 }'));
    expect(git('show', '--name-only', '--format=%s', 'HEAD').trim()).toBe('Rates: 1 EUR = 1.25 USD (new)\n\niops.yaml');
    expect(git('log', '-1', '--format=%B')).toContain('Iops-Command: rates set');
    expect(git('status', '--porcelain')).toBe('');
    const changed = await iops(repo.dir, 'rates', 'set', 'GBP', '1.270');
    expect(changed.stdout).toMatch(/^Rates: 1 GBP = 1.27 USD \(was 1.58\)\n/);
    expect((await iops(repo.dir, 'rates')).stdout).toBe('reporting currency: USD\n1 EUR = 1.25 USD\n1 GBP = 1.27 USD\n');
    // history believes the trailer: the commit touches only what rates set writes
    expect((await iops(repo.dir, 'history', '--format', 'json')).stdout).toContain('"command": "rates set"');
  });

  it('--no-commit writes the file and commits nothing', async () => {
    const head = git('rev-parse', 'HEAD');
    expect((await iops(repo.dir, 'rates', 'set', 'JPY', '0.0067', '--no-commit')).code).toBe(0);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe(' M iops.yaml\n');
    git('checkout', '--', 'iops.yaml');
  });

  it('refuses, with exit 2 and nothing written, a code that is not ISO 4217, the reporting currency, and a rate that is not a positive exact decimal', async () => {
    const before = readFileSync(join(repo.dir, 'iops.yaml'), 'utf8');
    for (const [code, rate, message] of [
      ['XYZ', '1', 'CURRENCY: "XYZ" is not an ISO 4217 currency code'],
      ['USD', '1', 'USD is the reporting currency'],
      ['GBP', '-1', 'is not a plain decimal'],
      ['GBP', '1,5', 'is not a plain decimal'],
      ['GBP', '1e3', 'is not a plain decimal'],
      ['GBP', '0.000', 'a rate must be more than 0'],
      ['GBP', '0.12345678901', 'more than 10 decimals'],
      ['GBP', '9007199254740993', 'more digits than iops can keep exactly'],
    ]) {
      const r = await iops(repo.dir, 'rates', 'set', code!, rate!);
      expect([code, rate, r.code, r.stdout]).toEqual([code, rate, 2, '']);
      expect(r.stderr).toContain(message);
    }
    expect(readFileSync(join(repo.dir, 'iops.yaml'), 'utf8')).toBe(before);
  });

  it('reads the decimal as typed', () => {
    expect(rateValue('1.580')).toBe(1.58);
    expect(rateValue('0.0052')).toBe(0.0052);
    expect(rateValue('007')).toBe(7);
  });
});
