// iops history: the audit trail of the whole repository, a file, goals, a chapter, a branch
// and a member, with iops commits decoded and hand-made ones shown as such.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { iops, ok } from './inProcessSupport.js';
import { smallOrg } from './support.js';

afterAll(cleanupRepos);

interface Json {
  target: Record<string, string>;
  commits: { commit: string; subject: string; command: string | null; by_hand: boolean; entities: string[]; files: string[]; author: { name: string; email: string } }[];
}

let repo: TempRepo;
let member: string;
const history = async (...args: string[]): Promise<Json> => JSON.parse((await ok(repo, ['history', ...args, '--format', 'json'])).stdout) as Json;
const subjects = async (...args: string[]) => (await history(...args)).commits.map((c) => c.subject);

beforeAll(async () => {
  repo = tempRepo(smallOrg());
  repo.write('goals.yaml', smallOrg()['goals.yaml']!.replace('min: 5000', 'min: 4000'));
  repo.commit('Lower the members goal to 4,000');
  member = (await ok(repo, ['member', 'add', 'london', '--joined', '2012-09-01'])).stdout.trim();
  await ok(repo, ['dues', 'record', '--member', member, '--date', '2012-09-05', '--amount', '5', '--currency', 'GBP']);
  await ok(repo, ['meeting', 'log', 'brighton', '--date', '2012-09-10', '--mode', 'online', '--attendance', '4', '--joint-with', 'london']);
  await ok(repo, ['gathering', 'log', 'uk', '--date', '2012-09-20', '--kind', 'national', '--chapters', 'london,brighton']);
  repo.write('chapters/london/members.yaml', repo.git('show', 'HEAD:chapters/london/members.yaml').replace(`- id: ${member}\n`, `- id: ${member}   # welcomed at the picnic\n`));
  repo.commit('Note where we met the new member');
});

describe('iops history', () => {
  it('lists every commit of the data repository, newest first, decoding the trailers', async () => {
    const all = await history();
    expect(all.target).toEqual({ kind: 'all' });
    expect(all.commits.map((c) => c.command)).toEqual([null, 'gathering log', 'meeting log', 'dues record', 'member add', null, null]);
    expect(all.commits[4]).toMatchObject({ by_hand: false, entities: [`member/${member}`, 'chapter/london'], files: ['chapters/london/members.yaml'], author: { name: 'Test Delegate', email: 'delegate@example.org' } });
    expect(all.commits[6]).toMatchObject({ subject: 'fixture', by_hand: true, entities: [] });
  });

  it('one file, and the goals', async () => {
    expect(await subjects('goals')).toEqual(['Lower the members goal to 4,000', 'fixture']);
    expect(await subjects('branches/uk.yaml')).toEqual(['IOPS UK: log national gathering of 2012-09-20 (2 chapters)', 'fixture']);
  });

  it('a chapter: commits touching its folder or naming it', async () => {
    expect(await subjects('london')).toEqual([
      'Note where we met the new member',
      'IOPS UK: log national gathering of 2012-09-20 (2 chapters)',
      'Brighton: log meeting of 2012-09-10 (4 attending, online, jointly with London)',
      `London: record dues from ${member} received 2012-09-05`,
      `London: add member ${member} (joined 2012-09-01)`,
      'fixture',
    ]);
    expect(await subjects('branch/uk')).toEqual(['IOPS UK: log national gathering of 2012-09-20 (2 chapters)', 'fixture']);
  });

  it('a member: commits naming it, and hand edits of lines mentioning it', async () => {
    expect(await subjects(member)).toEqual(['Note where we met the new member', `London: record dues from ${member} received 2012-09-05`, `London: add member ${member} (joined 2012-09-01)`]);
    expect(await subjects('ldn-b')).toEqual(['fixture']);
  });

  it('a table for people, with hand-made commits marked', async () => {
    const r = await ok(repo, ['history', 'goals'], { COLUMNS: '200' });
    expect(r.stdout).toMatch(/^History of the goals \(goals\.yaml\): 2 commits, newest first\n/);
    expect(r.stdout).toMatch(/Test Delegate\s+│ by hand\s+│ Lower the members goal to 4,000/);
  });

  it('an unknown target is a usage error', async () => {
    const r = await iops(repo, ['history', 'No Such Thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a file of the data repository, a chapter, a branch, a member or a decision id/);
  });
});
