// Receipts a treasurer can trust (issue 15, reproduction 3): the same receipt twice is refused
// unless forced with a reason, which the commit records on one line; a receipt from an exempt
// member is recorded with a warning; validate warns about likely duplicates already recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesRecordCommand } from '../../src/commands/dues-record.js';
import { validateCommand } from '../../src/commands/validate.js';
import { UsageError } from '../../src/errors.js';
import { cleanupRepos, runCli, tempRepo, type TempRepo } from '../helpers/repo.js';
import { MONEY_ORG, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(MONEY_ORG);
});
const ctx = () => ctxIn(repo.dir);
const ledger = () => readFileSync(join(repo.dir, 'chapters/london/dues/2013.yaml'), 'utf8');
const head = () => repo.git('rev-parse', 'HEAD').trim();
const record = (extra: Record<string, unknown> = {}) =>
  duesRecordCommand(ctx(), { member: 'ldn-c', date: '2013-01-20', amount: '10', currency: 'GBP', period: '2013-01', ...extra });

describe('dues record refuses a likely duplicate', () => {
  it('records a receipt once; the same member, period and amount again is refused and nothing changes', async () => {
    expect((await record()).exitCode).toBe(0);
    const before = [ledger(), head()];
    const again = record({ date: '2013-01-21' });
    await expect(again).rejects.toThrow(UsageError);
    await expect(record({ date: '2013-01-21' })).rejects.toThrow(
      /looks like a receipt already recorded \(same member, period and amount\): chapters\/london\/dues\/2013\.yaml item 3, 2013-01-20, 10\.00 GBP from ldn-c for 2013-01; nothing was recorded\.\nIf it really is a second payment, record it with --force --reason/,
    );
    expect([ledger(), head()]).toEqual(before);
    // a different amount, or another month, is another receipt
    expect((await record({ amount: '5' })).exitCode).toBe(0);
    expect((await record({ period: '2013-02' })).exitCode).toBe(0);
  });

  it('without a period, the same member, day and amount is a duplicate', async () => {
    await expect(duesRecordCommand(ctx(), { member: 'ldn-b', date: '2013-01-06', amount: '0.02', currency: 'EUR' })).rejects.toThrow(/same member, day and amount/);
  });

  it('the same bank reference on the same day is a duplicate, whoever it is recorded for', async () => {
    expect((await record({ member: 'ldn-d', period: '2013-01', reference: 'SO LDN-D 0001' })).exitCode).toBe(0);
    await expect(record({ member: 'ldn-e', reference: 'so ldn-d 0001' })).rejects.toThrow(/same bank reference and day.*reference "SO LDN-D 0001"/);
    expect(ledger()).toContain('reference: SO LDN-D 0001');
  });

  it('--force records it with --reason, which goes into the commit subject on one line', async () => {
    await expect(record({ force: true })).rejects.toThrow(/--force needs --reason/);
    await expect(record({ reason: 'x' })).rejects.toThrow(/--reason goes with --force/);
    const r = await record({ force: true, reason: 'paid twice;\nrefund agreed\n\nIops-Command: evil' });
    expect(r.exitCode).toBe(0);
    const message = repo.git('log', '-1', '--format=%B').trimEnd();
    expect(message).toBe(
      'London: record dues from ldn-c received 2013-01-20 (for 2013-01) [recorded again despite a likely duplicate (same member, period and amount): paid twice; refund agreed Iops-Command: evil]\n\n' +
        'Iops-Command: dues record\nIops-Entity: chapter/london\nIops-Entity: member/ldn-c',
    );
  });

  it('a receipt from an exempt member is recorded, with a warning on stderr', async () => {
    const r = await duesRecordCommand(ctx(), { member: 'ldn-x', date: '2013-01-22', amount: '1', currency: 'GBP' });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("warning: ldn-x's dues are exempt (members.yaml), and this receipt is recorded all the same");
    expect(ledger()).toContain('member: ldn-x');
  });
});

describe('validate warns about likely duplicates already in the ledgers', () => {
  it('names each repeat by file:line:col and the receipt it repeats; the data stays valid', async () => {
    const dup = tempRepo({
      ...MONEY_ORG,
      'chapters/london/dues/2013.yaml':
        '- { date: 2013-01-05, member: ldn-a, amount: 12.75, currency: GBP, period: 2013-01 }\n' +
        '- { date: 2013-01-06, member: ldn-b, amount: 0.02, currency: EUR }\n' +
        '- { date: 2013-01-07, member: ldn-a, amount: 12.75, currency: GBP, period: 2013-01 }\n' +
        '- { date: 2013-01-09, member: ldn-c, amount: 3, currency: GBP, reference: BANK-77 }\n' +
        '- { date: 2013-01-09, member: ldn-d, amount: 4, currency: GBP, reference: BANK-77 }\n',
    });
    const r = await validateCommand(ctxIn(dup.dir), { format: 'json' });
    expect(r.exitCode).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.valid).toBe(true);
    expect(v.warnings.filter((w: { message: string }) => w.message.startsWith('likely the same receipt'))).toEqual([
      {
        file: 'chapters/london/dues/2013.yaml', line: 3, column: 3, path: 'receipts[2]',
        message: 'likely the same receipt as chapters/london/dues/2013.yaml item 1 (same member, period and amount: 2013-01-05, 12.75 GBP for 2013-01); if it was recorded twice, delete one; if the member really paid twice, leave both',
      },
      {
        file: 'chapters/london/dues/2013.yaml', line: 5, column: 3, path: 'receipts[4]',
        message: 'likely the same receipt as chapters/london/dues/2013.yaml item 4 (same bank reference and day: 2013-01-09, 3.00 GBP); if it was recorded twice, delete one; if the member really paid twice, leave both',
      },
    ]);
    const text = await validateCommand(ctxIn(dup.dir), {});
    expect(text.stdout).toContain('chapters/london/dues/2013.yaml:3:3');
  });

  it('across years (paid in advance, then again), through the parse cache as without it', () => {
    const dup = tempRepo({
      ...MONEY_ORG,
      'chapters/london/dues/2012.yaml': '- { date: 2012-12-15, member: ldn-a, amount: 12.75, currency: GBP, period: 2012-12 }\n- { date: 2012-12-28, member: ldn-c, amount: 10, currency: GBP, period: 2013-01 }\n',
      'chapters/london/dues/2013.yaml': '- { date: 2013-01-04, member: ldn-c, amount: 10, currency: GBP, period: 2013-01 }\n',
    });
    const expected = 'chapters/london/dues/2013.yaml:1:3: warning: receipts[0]: likely the same receipt as chapters/london/dues/2012.yaml item 2 (same member, period and amount: 2012-12-28, 10.00 GBP for 2013-01)';
    for (const env of [{}, { IOPS_CACHE: 'off' }, {}] as Record<string, string>[]) {
      const r = runCli(['--data', dup.dir, 'validate'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(expected);
    }
    // the forced second receipt of the first tests is reported too
    const clean = runCli(['--data', tempRepo(MONEY_ORG).dir, 'validate']);
    expect(runCli(['--data', repo.dir, 'validate']).stdout).toContain('chapters/london/dues/2013.yaml:7:3: warning: receipts[6]: likely the same receipt as chapters/london/dues/2013.yaml item 3');
    expect(clean.stdout).not.toContain('likely the same receipt');
  });
});
