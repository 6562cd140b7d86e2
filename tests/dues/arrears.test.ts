// iops dues arrears --chapter C: the treasurer's private per-member list and lapsed members,
// against hand-computed values; private in every format, and never remembered on disk.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesArrearsCommand } from '../../src/commands/dues.js';
import { UsageError } from '../../src/errors.js';
import { cleanupRepos, runCli, tempRepo, type TempRepo } from '../helpers/repo.js';
import { MONEY_ORG, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(MONEY_ORG);
});

interface ArrearsJson {
  private: boolean;
  notice: string;
  from: string;
  to: string;
  members: { member: string; pledged: number; received: number; arrears: number; last_receipt: string | null }[];
  lapsed: { months: number; since: string; members: { member: string; last_receipt: string | null }[] };
}
const arrears = async (opts: Record<string, string> = {}) => JSON.parse((await duesArrearsCommand(ctxIn(repo.dir), { chapter: 'london', format: 'json', ...opts })).stdout) as ArrearsJson;

describe('iops dues arrears', () => {
  it("each member's pledged against received in the window, most owed first (hand-computed)", async () => {
    const v = await arrears();
    expect([v.private, v.from, v.to]).toEqual([true, '2013-01-01', '2013-01-31']);
    // 10 GBP a month = 15.80 USD for January; ldn-h 30 GBP a quarter = 47.40 for Q1; ldn-f joined
    // on the 15th and owes January; ldn-g left in 2012; ldn-x is exempt and paid nothing
    expect(v.members.map((m) => [m.member, m.pledged, m.received, m.arrears, m.last_receipt])).toEqual([
      ['ldn-h', 47.4, 0, 47.4, null],
      ['ldn-c', 15.8, 0, 15.8, null],
      ['ldn-d', 15.8, 0, 15.8, null],
      ['ldn-e', 15.8, 0, 15.8, null],
      ['ldn-f', 15.8, 0, 15.8, null],
      ['ldn-b', 15.8, 0.03, 15.77, '2013-01-06'], // 0.02 EUR × 1.25 = 0.025 → 0.03
      ['ldn-a', 15.8, 20.15, -4.35, '2013-01-05'], // 12.75 GBP × 1.58 = 20.145 → 20.15: paid ahead
    ]);
  });

  it('lapsed: a pledge and no receipt in the last N months (the month of --to included); a member who joined inside them is not lapsed', async () => {
    const one = await arrears({ months: '1' });
    expect([one.lapsed.months, one.lapsed.since]).toEqual([1, '2013-01-01']);
    expect(one.lapsed.members).toEqual(['ldn-c', 'ldn-d', 'ldn-e', 'ldn-h'].map((member) => ({ member, pledge: expect.anything(), last_receipt: null })));
    // with --to 2013-03-31 and 2 months (since 2013-02-01), the January payers have lapsed too
    const march = await arrears({ to: '2013-03-31', months: '2' });
    expect(march.lapsed.members.map((m) => [m.member, m.last_receipt])).toEqual([
      ['ldn-c', null], ['ldn-d', null], ['ldn-e', null], ['ldn-f', null], ['ldn-h', null], ['ldn-a', '2013-01-05'], ['ldn-b', '2013-01-06'],
    ]);
    await expect(arrears({ months: '0' })).rejects.toThrow(UsageError);
    await expect(duesArrearsCommand(ctxIn(repo.dir), { chapter: 'londn' })).rejects.toThrow(/no chapter "londn"; did you mean london\?/);
  });

  it('says it is private first, in every format', async () => {
    const table = (await duesArrearsCommand(ctxIn(repo.dir), { chapter: 'london' })).stdout;
    const markdown = (await duesArrearsCommand(ctxIn(repo.dir), { chapter: 'london', format: 'markdown' })).stdout;
    expect(table.split('\n')[0]).toMatch(/^PRIVATE: names members and what they owe/);
    expect(markdown.split('\n')[0]).toMatch(/^> \*\*PRIVATE: names members and what they owe/);
    expect((await arrears()).notice).toMatch(/^PRIVATE: .*Do not publish it/);
  });

  it('is never remembered on disk (unlike iops dues), where anyone who can read the clone could read it', () => {
    const results = () => {
      const files: string[] = [];
      const walk = (d: string, inResults = false): void =>
        readdirSync(d, { withFileTypes: true }).forEach((e) =>
          e.isDirectory() ? walk(join(d, e.name), inResults || e.name === 'results') : inResults ? void files.push(readFileSync(join(d, e.name), 'latin1')) : undefined,
        );
      try {
        walk(join(repo.dir, '.git', 'iops-cache'));
      } catch {
        // no cache yet
      }
      return files.join('\n');
    };
    const r = runCli(['--data', repo.dir, 'dues', 'arrears', '--chapter', 'london', '--format', 'json'], { env: { IOPS_DEBUG_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('remembered');
    expect(results()).not.toContain('ldn-h');
    expect(runCli(['--data', repo.dir, 'dues'], { env: { IOPS_DEBUG_CACHE: '1' } }).stderr).toMatch(/remembered/);
  });
});
