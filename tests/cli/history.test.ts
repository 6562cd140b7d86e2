// `iops history TARGET` with a target that names nothing: a usage error (exit 2) with a hint,
// not an empty history that looks like "nothing happened"; and the table fits the terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';
import type { HistoryView } from '../../src/app/history.js';
import { historyJson, historyTable, twoLines } from '../../src/render/history.js';

afterAll(cleanupRepos);

describe('iops history with an unknown target', () => {
  it('says the target is unknown and exits 2, with the nearest chapter when there is one', async () => {
    const repo = tempRepo(minimalOrg());
    const r = runCli(['history', 'nosuch'], { cwd: repo.dir }); // spawned: the built CLI's exit 2
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^iops: unknown target "nosuch": no chapter, branch, member, decision or file/);
    expect(r.stderr).toContain('Try iops history');
    expect((await iops(repo.dir, 'history', 'londn')).stderr).toContain('Did you mean london?');
    for (const target of ['member/nosuch', 'chapter/nosuch', 'branch/nosuch']) expect((await iops(repo.dir, 'history', target)).code).toBe(2);
    const json = await iops(repo.dir, 'history', 'nosuch', '--format', 'json');
    expect([json.code, JSON.parse(json.stdout).error.exit_code]).toEqual([2, 2]);
  });

  it('still answers for what exists: a member, a member no longer in the files, one not committed yet', async () => {
    const repo = tempRepo(minimalOrg());
    expect(await iops(repo.dir, 'history', 'ldn-a')).toMatchObject({ code: 0, stdout: expect.stringContaining('History of member ldn-a: 1 commit') });
    // removed from the files by hand: its past is still there
    repo.write('chapters/london/members.yaml', '- id: ldn-b\n  joined: 2012-04-01\n  gender: man\n');
    repo.commit('remove ldn-a');
    expect(await iops(repo.dir, 'history', 'ldn-a')).toMatchObject({ code: 0, stdout: expect.stringContaining('2 commits') });
    const added = runCli(['member', 'add', 'london', '--joined', '2012-08-30', '--no-commit', '--quiet'], { cwd: repo.dir });
    expect(added.code).toBe(0);
    expect(await iops(repo.dir, 'history', added.stdout.trim())).toMatchObject({ code: 0, stdout: expect.stringContaining('No commits yet') });
  });
});

describe("a decision's history", () => {
  it('answers for a decision id, with the commits of decision propose and record verified as those commands', async () => {
    const repo = tempRepo(minimalOrg({ 'chapters/london/meetings/2012-09-15.yaml': 'date: 2012-09-15\nmode: in-person\nattendance: 8\n' }));
    const run = (...args: string[]) => {
      const r = runCli(args, { cwd: repo.dir });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    run('decision', 'propose', 'count-online-meetings', '--body', 'icc', '--date', '2012-05-05', '--method', 'majority', '--adopts', 'goals', '--text', 'Count online meetings');
    run('decision', 'record', '2012-05-05-count-online-meetings', '--outcome', 'adopted', '--date', '2012-05-12', '--for', '11', '--against', '4', '--abstain', '2');
    run('decision', 'propose', 'dues', '--body', 'chapter:london', '--date', '2012-09-15', '--method', 'consensus', '--meeting', 'london/2012-09-15', '--adopts', 'dues:london', '--text', 'Voluntary dues');
    run('decision', 'record', 'london/2012-09-15-dues', '--outcome', 'withdrawn', '--date', '2012-09-15');
    // history in this process (the writes above stay spawned: a write takes its git identity from the process environment)
    const history = async (...args: string[]) => {
      const r = await iops(repo.dir, 'history', ...args);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const commits = async (target: string) => (JSON.parse(await history(target, '--format', 'json')) as { target: unknown; commits: { command: string | null; unverified_claim: unknown; subject: string }[] });
    for (const [target, id] of [['2012-05-05-count-online-meetings', '2012-05-05-count-online-meetings'], ['london/2012-09-15-dues', 'london/2012-09-15-dues'], ['decision/london/2012-09-15-dues', 'london/2012-09-15-dues']] as const) {
      const h = await commits(target);
      expect(h.target).toEqual({ kind: 'decision', id });
      expect(h.commits.map((c) => [c.command, c.unverified_claim])).toEqual([['decision record', null], ['decision propose', null]]);
    }
    expect(await history('london/2012-09-15-dues')).toMatch(/^History of decision london\/2012-09-15-dues: 2 commits, newest first\n/);
    // a hand-made commit claiming decision record for a file that decision does not own is only a claim
    repo.write('decisions/2012-05-05-count-online-meetings.yaml', readFileSync(join(repo.dir, 'decisions/2012-05-05-count-online-meetings.yaml'), 'utf8').replace('Count online', 'Count all online'));
    repo.write('chapters/london/chapter.yaml', 'name: London\ncountry: GB\nfounded: 2012-01-01\n');
    repo.commit('edit\n\nIops-Command: decision record\nIops-Entity: decision/2012-05-05-count-online-meetings');
    expect((await commits('2012-05-05-count-online-meetings')).commits[0]).toMatchObject({ command: null, unverified_claim: { command: 'decision record', because: 'it changes chapters/london/chapter.yaml, which decision record never writes' } });
    const wrong = runCli(['history', 'london/2012-09-15-duse'], { cwd: repo.dir });
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('Did you mean london/2012-09-15-dues?')]);
  });
});

describe('the history table', () => {
  const entry = (subject: string, name = 'A volunteer with a rather long name', command: string | null = 'meeting log') => ({
    commit: 'a'.repeat(40),
    date: '2013-06-30T12:34:56+00:00',
    author: { name, email: 'x@example.org' },
    subject,
    command,
    unverified: null,
    entities: [],
    files: [],
  });
  const view = (...entries: ReturnType<typeof entry>[]) => ({ target: { kind: 'all' }, entries, truncated: undefined }) as unknown as HistoryView;
  const long = 'London: meeting on 2013-06-29 (in-person, 12 attending; education, outreach, campaign; studied values, vision, structure) joint with brighton and glasgow';
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

  it('fits an 80-column terminal: who and command cut, the change on two lines at most, then cut with …', () => {
    const text = historyTable(view(entry(long), entry('Rates: 1 GBP = 1.58 USD (new)', 'Ana', 'rates set'), entry('fix a typo', 'Bo', null)), false, 80);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('│ 2013-06-30 │ A volunteer w… │ meeting log │');
    expect(text).toContain('│ London: meeting on     │ aaaaaaa │\n│            │                │             │ 2013-06-29 (in-person… │         │\n│ 2013-06-30 │ Ana');
    expect(text).toContain('│ Rates: 1 GBP = 1.58    │ aaaaaaa │\n│            │                │             │ USD (new)              │         │');
    // one line per short change
    expect(text.split('\n').filter((l) => l.includes('fix a typo'))).toHaveLength(1);
  });

  it('uses a wider terminal (the time of day from 100 columns), and never loses text in JSON', () => {
    const text = historyTable(view(entry(long)), false, 250);
    expect(text).toContain('│ 2013-06-30 12:34 │');
    expect(text).toContain(long);
    expect(widest(historyTable(view(entry(long)), false, 120))).toBeLessThanOrEqual(120);
    expect(JSON.stringify(historyJson(view(entry(long))))).toContain(long);
  });

  it('cuts a single word longer than the column, rather than overflowing', () => {
    expect(twoLines('x'.repeat(50), 20)).toBe(`${'x'.repeat(19)}…`);
    expect(twoLines('one two three four five six', 9)).toBe('one two\nthree fo…');
  });
});
