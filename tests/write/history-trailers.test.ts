// Issue 12, item 2: anyone can type an `Iops-Command` trailer into a hand-made commit. History
// shows the command only when the commit is consistent with it, and otherwise the claim,
// marked unverified, in every format; subjects and authors are escaped in the table.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenance } from '../../src/core/provenance.js';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { ok, smallOrg } from './support.js';

afterAll(cleanupRepos);

interface Commit {
  subject: string;
  command: string | null;
  by_hand: boolean;
  unverified_claim: { command: string; because: string } | null;
}

let repo: TempRepo;
const history = (): Commit[] => JSON.parse(ok(repo, ['history', '--format', 'json']).stdout).commits;

beforeAll(() => {
  repo = tempRepo(smallOrg());
  ok(repo, ['meeting', 'log', 'london', '--date', '2012-09-10', '--mode', 'online', '--attendance', '4']);
  // a threshold lowered by hand, dressed up as a meeting log
  repo.write('goals.yaml', smallOrg()['goals.yaml']!.replace('min: 5000', 'min: 50'));
  repo.commit('London: log meeting of 2012-09-11\n\nIops-Command: meeting log\nIops-Entity: chapter/london');
  // the right file, but a trailer block iops never writes
  repo.write('chapters/london/meetings/2012-09-12.yaml', 'date: 2012-09-12\nmode: online\nattendance: 4\n');
  repo.commit('London: log meeting of 2012-09-12\n\nIops-Command: meeting log\nIops-Entity: chapter/london\nReviewed-by: the coordinators');
  // init claimed long after the repository was made
  repo.write('chapters/brighton/chapter.yaml', 'name: Brighton\u202e\ncountry: GB\n');
  repo.commit('Set up \u202eBrighton\n\nIops-Command: init');
});

describe('history and the Iops-Command trailer', () => {
  it('shows a command only when the commit bears it out', () => {
    const commits = history();
    expect(commits.map((c) => [c.command, c.unverified_claim?.command ?? null])).toEqual([
      [null, 'init'],
      [null, 'meeting log'],
      [null, 'meeting log'],
      ['meeting log', null],
      [null, null],
    ]);
    expect(commits.map((c) => c.unverified_claim?.because ?? null)).toEqual([
      'init only makes the first commits of a data repository',
      'its trailers are not the block iops writes',
      'it changes goals.yaml, which meeting log never writes',
      null,
      null,
    ]);
    expect(commits.every((c) => c.by_hand === (c.command === null))).toBe(true);
  });

  it('the table and the Markdown mark the claim, and write out the subject\'s bidi override', () => {
    const table = ok(repo, ['history'], { COLUMNS: '200' }).stdout;
    expect(table).toMatch(/│ \(unverified\) +│ London: log meeting of 2012-09-11 +│ [0-9a-f]{7} │\n│ +│ +│ meeting log +│/);
    expect(table).toContain('(unverified): made by hand; the commit claims an iops command it does not bear out');
    expect(table).toContain('Set up \\u202eBrighton');
    expect(table).not.toContain('\u202e');
    const markdown = ok(repo, ['history', '--format', 'markdown']).stdout;
    expect(markdown).toContain('| by hand, claims "meeting log" (unverified) |');
    expect(markdown).not.toMatch(/\| meeting log \| London: log meeting of 2012-09-11 \|/);
  });

  it('the commits of `iops init` are believed: they open the history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iops-init-'));
    expect(runCli(['init', join(dir, 'org')]).code).toBe(0);
    const r = runCli(['--data', join(dir, 'org'), 'history', '--format', 'json']);
    expect(JSON.parse(r.stdout).commits.map((c: Commit) => c.command)).toEqual(['init']);
  });
});

describe('provenance', () => {
  const msg = (trailers: string) => `Subject\n\n${trailers}`;
  it('believes each command only for the files it writes, in the chapter or branch it names', () => {
    expect(provenance(msg('Iops-Command: dues record\nIops-Entity: chapter/london\nIops-Entity: member/ldn-a'), ['chapters/london/dues/2013.yaml'], false)).toEqual({ kind: 'command', command: 'dues record' });
    expect(provenance(msg('Iops-Command: dues record\nIops-Entity: chapter/london'), ['chapters/paris/dues/2013.yaml'], false)).toMatchObject({ kind: 'unverified', because: 'it changes chapters/paris/dues/2013.yaml without naming chapter/paris' });
    expect(provenance(msg('Iops-Command: gathering log\nIops-Entity: branch/uk\nIops-Entity: chapter/london'), ['branches/uk.yaml'], false)).toMatchObject({ kind: 'command' });
    expect(provenance(msg('Iops-Command: member add\nIops-Entity: chapter/london'), ['chapters/london/members.yaml', 'iops.yaml'], false)).toMatchObject({ kind: 'unverified' });
    // treasury commands write the year's treasury file and name the chapters and branches whose accounts they move
    expect(provenance(msg('Iops-Command: dues transfer\nIops-Entity: chapter/london\nIops-Entity: branch/uk'), ['treasury/2012.yaml'], false)).toEqual({ kind: 'command', command: 'dues transfer' });
    expect(provenance(msg('Iops-Command: dues expense'), ['treasury/2012.yaml'], false)).toEqual({ kind: 'command', command: 'dues expense' });
    expect(provenance(msg('Iops-Command: dues expense\nIops-Entity: branch/uk'), ['treasury/accounts.yaml'], false)).toMatchObject({ kind: 'unverified', because: 'it changes treasury/accounts.yaml, which dues expense never writes' });
    expect(provenance(msg('Iops-Command: rm -rf\nIops-Entity: chapter/london'), ['chapters/london/members.yaml'], false)).toMatchObject({ kind: 'unverified', because: 'no iops command has that name' });
    expect(provenance('Iops-Command: member add', ['chapters/london/members.yaml'], false)).toMatchObject({ kind: 'unverified' });
    expect(provenance(msg('Iops-Command: init --sample'), ['goals.yaml'], true)).toEqual({ kind: 'command', command: 'init --sample' });
    expect(provenance('Just a commit', ['goals.yaml'], false)).toEqual({ kind: 'by-hand' });
  });
});
