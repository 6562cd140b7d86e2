// Member ids iops draws: one prefix within a chapter (the one most of its members have; for a
// new chapter, letters of its id that no other chapter's members use), and `id:` the first key
// of every member iops writes, by member add and by import members.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberPrefix } from '../../src/app/changes/memberId.js';
import { cleanupRepos, minimalOrg, tempRepo, type TempRepo } from '../helpers/repo.js';
import { iops } from '../helpers/inProcess.js';

afterAll(cleanupRepos);

const chapter = (id: string, ...ids: string[]) => ({ id, members: ids.map((m) => ({ id: m })) }) as unknown as Parameters<typeof memberPrefix>[0];

describe('memberPrefix', () => {
  it("is the prefix most of the chapter's members have, even when it is not the chapter id's letters", () => {
    expect(memberPrefix(chapter('london', 'ldn-a', 'ldn-b', 'lon-c'))).toBe('ldn');
    // no majority: still the commonest, never a third prefix
    expect(memberPrefix(chapter('london', 'ldn-a', 'ldn-b', 'lon-c', 'x1-d', 'x2-e'))).toBe('ldn');
    // a tie: the first found, whatever the order of the others
    expect(memberPrefix(chapter('london', 'ldn-a', 'lon-b'))).toBe('ldn');
  });

  it("for a chapter without members: its id's letters, longer while another chapter's members use them", () => {
    expect(memberPrefix(chapter('london'))).toBe('lon');
    expect(memberPrefix(chapter('london'), [{ id: 'lon-a', chapter: 'longbeach' }])).toBe('lond');
    expect(memberPrefix(chapter('ab'), [{ id: 'ab-a', chapter: 'abc' }])).toBe('ab2');
    // its own members' ids (none with a prefix) do not count as another chapter's
    expect(memberPrefix(chapter('london', 'x'), [{ id: 'lon-a', chapter: 'longbeach' }, { id: 'x', chapter: 'london' }])).toBe('lond');
  });
});

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(
    minimalOrg({
      // London's members use ldn-, one lon- among them (typed by hand)
      'chapters/london/members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n- id: lon-b\n  joined: 2012-04-01\n- id: ldn-c\n  joined: 2012-04-01\n',
    }),
  );
});

describe('ids written by iops', () => {
  it('member add: the chapter prefix, id first', async () => {
    const r = await iops(repo.dir, 'member', 'add', 'london', '--joined', '2013-01-05', '--gender', 'woman');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ldn-[a-z2-9]{5}\n$/);
    expect(readFileSync(join(repo.dir, 'chapters/london/members.yaml'), 'utf8')).toMatch(new RegExp(`- id: ${r.stdout.trim()}\\n  joined: 2013-01-05\\n  gender: woman\\n$`));
  });

  it('import members: every drawn id with the same prefix, and id the first key of every row, given or drawn', async () => {
    writeFileSync(join(repo.dir, 'new.csv'), 'gender,joined,id\nwoman,2013-02-01,\nman,2013-02-02,ldn-given\nwoman,2013-02-03,\n');
    const r = await iops(repo.dir, 'import', 'members', 'new.csv', '--chapter', 'london');
    expect([r.code, r.stderr]).toEqual([0, expect.stringContaining('import 3 members')]);
    const text = readFileSync(join(repo.dir, 'chapters/london/members.yaml'), 'utf8');
    const added = text.split('\n- ').slice(-3).map((item) => item.replace(/^- /, ''));
    expect(added.map((item) => item.split('\n')[0])).toEqual([expect.stringMatching(/^id: ldn-[a-z2-9]{5}$/), 'id: ldn-given', expect.stringMatching(/^id: ldn-[a-z2-9]{5}$/)]);
    expect(added[0]).toMatch(/^id: ldn-\w+\n {2}joined: 2013-02-01\n {2}gender: woman$/);
  });
});
