// decision propose / decision record / decisions, end to end on one repository: the file each
// writes, the commit, refusals that change nothing, and the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { expectValid, iops, ok } from '../write/inProcessSupport.js';
import { lastCommit, repoState, smallOrg } from '../write/support.js';

afterAll(cleanupRepos);

const FILE = 'chapters/london/decisions/2012-09-15-dues.yaml';
let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(smallOrg({ 'chapters/london/meetings/2012-09-15.yaml': 'date: 2012-09-15\nmode: in-person\nattendance: 9\n' }));
});

describe('decision commands', () => {
  it('propose writes the chapter decision with who decides, the method and what it adopts, as one commit', async () => {
    await ok(repo, ['decision', 'propose', 'dues', '--body', 'chapter:london', '--date', '2012-09-15', '--method', 'consensus', '--quorum', '5', '--adopts', 'dues:london', '--meeting', 'london/2012-09-15', '--text', 'Sliding-scale dues']);
    expect(readFileSync(join(repo.dir, FILE), 'utf8')).toBe(
      '# yaml-language-server: $schema=../../../.iops/schemas/decision.schema.json\nproposal: Sliding-scale dues\nbody: { kind: chapter-meeting, chapter: london }\nmeeting: london/2012-09-15\nmethod: consensus\nquorum: 5\nadopts: { kind: dues, chapter: london }\noutcome: { status: proposed }\n',
    );
    expect(lastCommit(repo)).toMatchObject({ subject: 'London: propose london/2012-09-15-dues (consensus, quorum 5)', trailers: ['Iops-Command: decision propose', 'Iops-Entity: decision/london/2012-09-15-dues', 'Iops-Entity: chapter/london'], files: [FILE] });
  });

  it.each([
    [['decision', 'record', 'london/2012-09-15-dues', '--outcome', 'adopted', '--date', '2012-09-15', '--for', '9', '--against', '0', '--abstain', '0', '--blocks', '1'], 'adopted by consensus: no blocks, and someone for, but the counts given are for 9, against 0, blocks 1'],
    [['decision', 'record', 'london/2012-09-15-dues', '--outcome', 'adopted', '--date', '2012-09-15', '--for', '2', '--against', '0', '--abstain', '1'], '3 took part (for, against, abstain and blocks), fewer than the quorum of 5'],
    [['decision', 'record', 'london/2012-09-15-duse', '--outcome', 'adopted', '--date', '2012-09-15'], 'no decision "london/2012-09-15-duse"; did you mean london/2012-09-15-dues?'],
    [['decision', 'propose', 'x', '--body', 'branch:de', '--date', '2012-09-15', '--method', 'majority', '--text', 'T'], 'no branch'],
    [['decision', 'propose', 'x', '--body', 'icc', '--date', '2012-09-15', '--method', 'majority', '--text', 'T', '--meeting', 'london/2012-09-16'], '--meeting: no meeting chapters/london/meetings/2012-09-16.yaml'],
    [['decision', 'record', 'london/2012-09-15-dues', '--outcome', 'withdrawn', '--date', '2012-09-15', '--for', '3', '--against', '1'], 'a withdrawn proposal is not counted; leave out --for, --against, or record the outcome it had'],
    [['decision', 'propose', 'goals', '--body', 'branch:uk', '--date', '2012-09-15', '--method', 'majority', '--adopts', 'goals', '--text', 'T'], "--body: the goal set is the whole organisation's: only the ICC adopts it, not a branch assembly (IOPS UK assembly); make the ICC the body (--body icc), or leave out --adopts"],
    [['decision', 'propose', 'uk', '--body', 'chapter:london', '--date', '2012-09-15', '--method', 'majority', '--adopts', 'branch:uk', '--text', 'T'], '--body: a branch is founded by its own assembly or by the ICC, not by a chapter meeting (London); write --body branch:uk or --body icc'],
    [['decision', 'propose', 'dues', '--body', 'chapter:london', '--date', '2012-09-15', '--method', 'consensus', '--text', 'T'], 'decision london/2012-09-15-dues already exists'],
  ])('refuses %j and changes nothing', async (args, message) => {
    const before = repoState(repo);
    const r = await iops(repo, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(repoState(repo)).toEqual(before);
  });

  it('record writes the outcome as counts, and the chapter may then name it as its dues decision', async () => {
    await ok(repo, ['decision', 'record', 'london/2012-09-15-dues', '--outcome', 'adopted', '--date', '2012-09-15', '--for', '8', '--against', '0', '--abstain', '1', '--blocks', '0']);
    expect(readFileSync(join(repo.dir, FILE), 'utf8')).toContain('outcome: { status: adopted, date: 2012-09-15, for: 8, against: 0, abstain: 1, blocks: 0 }\n');
    expect(lastCommit(repo).subject).toBe('London: london/2012-09-15-dues adopted on 2012-09-15 (for 8, against 0, abstain 1, blocks 0)');
    const again = await iops(repo, ['decision', 'record', 'london/2012-09-15-dues', '--outcome', 'rejected', '--date', '2012-09-20', '--for', '0', '--against', '1', '--abstain', '0']);
    expect(again.stderr).toContain('already adopted');
    await ok(repo, ['chapter', 'set', 'london', '--dues-scheme', 'sliding-scale', '--dues-decision', 'london/2012-09-15-dues']);
    expect(readFileSync(join(repo.dir, 'chapters/london/chapter.yaml'), 'utf8')).toContain('dues:\n  scheme: sliding-scale\n  decision: london/2012-09-15-dues\n');
    await expectValid(repo);
  });

  it('decisions lists them oldest first, in every format', async () => {
    await ok(repo, ['decision', 'propose', 'goals', '--body', 'icc', '--date', '2012-05-20', '--method', 'two-thirds', '--adopts', 'goals', '--text', 'Adopt the goals | **now**']);
    const table = (await ok(repo, ['decisions'])).stdout;
    // 80 columns through a pipe: the decision and who decided, then the method and the outcome, wrapped
    expect(Math.max(...table.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const column = (n: number) => table.split('\n').map((l) => l.split('│')[n]?.trim()).filter(Boolean);
    expect(column(1)).toEqual(['Decision', '2012-05-20-goals', 'ICC', 'london/2012-09-15-dues', 'London']);
    expect(column(2).join(' ')).toContain('adopted 2012-09-15 for 8, against 0, abstain 1, blocks 0');
    const json = JSON.parse((await ok(repo, ['decisions', '--format', 'json'])).stdout);
    expect(json.decisions[1]).toMatchObject({ id: 'london/2012-09-15-dues', body: { kind: 'chapter-meeting', chapter: 'london' }, status: 'adopted', decided: '2012-09-15', counts: { for: 8, against: 0, abstain: 1, blocks: 0 }, adopts: { kind: 'dues', chapter: 'london' } });
    const md = (await ok(repo, ['decisions', '--format', 'markdown'])).stdout;
    expect(md).toContain('| 2012-05-20-goals | ICC | two-thirds | proposed | the goal set | Adopt the goals \\| \\*\\*now\\*\\* |');
  });
});
