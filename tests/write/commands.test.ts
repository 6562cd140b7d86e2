// Every write command end to end: the file it writes, the commit's subject and trailers, and
// a repository that still validates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { expectValid, iops, ok } from './inProcessSupport.js';
import { commitCount, lastCommit, smallOrg } from './support.js';

afterAll(cleanupRepos);

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('write commands', () => {
  it('chapter add writes chapter.yaml with its schema comment and commits it', async () => {
    const repo = tempRepo(smallOrg());
    const r = await iops(repo, ['chapter', 'add', 'glasgow', '--name', 'Glasgow', '--country', 'GB', '--branch', 'uk', '--founded', '2012-09-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(repo.dir, 'chapters/glasgow/chapter.yaml')).toBe(
      '# yaml-language-server: $schema=../../.iops/schemas/chapter.schema.json\nname: Glasgow\ncountry: GB\nbranch: uk\nfounded: 2012-09-01\n',
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: 'Glasgow: add chapter (GB, branch uk, founded 2012-09-01)',
      trailers: ['Iops-Command: chapter add', 'Iops-Entity: chapter/glasgow', 'Iops-Entity: branch/uk'],
      files: ['chapters/glasgow/chapter.yaml'],
      author: 'Test Delegate <delegate@example.org>',
    });
    await expectValid(repo);
  });

  it('chapter set keeps comments and layout, and sets the delegate and dues', async () => {
    const repo = tempRepo(smallOrg());
    const r = await iops(repo, ['chapter', 'set', 'london', '--delegate', 'ldn-a', '--dues-scheme', 'sliding-scale', '--bank-account', '--dues-agreed', '2012-09-15']);
    expect(r.code).toBe(0);
    expect(read(repo.dir, 'chapters/london/chapter.yaml')).toBe(
      '# London, since 2012\nname: London   # as people say it\ncountry: GB\nbranch: uk\ndelegate: ldn-a\ndues:\n  scheme: sliding-scale\n  bank_account: true\n  agreed: 2012-09-15\n',
    );
    expect(lastCommit(repo).subject).toBe('London: update chapter (delegate, dues scheme, bank account, dues agreed)');
    await ok(repo, ['chapter', 'set', 'london', '--no-delegate', '--no-bank-account']);
    expect(read(repo.dir, 'chapters/london/chapter.yaml')).toContain('branch: uk\ndues:\n  scheme: sliding-scale\n  bank_account: false\n');
    await expectValid(repo);
  });

  it('branch add', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['branch', 'add', 'de', '--name', 'IOPS Deutschland', '--country', 'DE']);
    expect(read(repo.dir, 'branches/de.yaml')).toBe('# yaml-language-server: $schema=../.iops/schemas/branch.schema.json\nname: IOPS Deutschland\ncountry: DE\n');
    expect(lastCommit(repo)).toMatchObject({ subject: 'IOPS Deutschland: add branch (DE)', trailers: ['Iops-Command: branch add', 'Iops-Entity: branch/de'] });
    await expectValid(repo);
  });

  it('member add prints a new random id with the chapter prefix, and appends the member', async () => {
    const repo = tempRepo(smallOrg());
    const r = await iops(repo, ['member', 'add', 'london', '--joined', '2012-09-01', '--gender', 'woman', '--age-band', '25-34', '--studied', 'values', '--pledge', '20/GBP/month']);
    expect(r.code).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^ldn-[a-z0-9]{5}$/);
    expect(read(repo.dir, 'chapters/london/members.yaml')).toBe(
      `${smallOrg()['chapters/london/members.yaml']}- id: ${id}\n  joined: 2012-09-01\n  gender: woman\n  age_band: 25-34\n  studied: [values]\n  dues: { amount: 20, currency: GBP, every: month }\n`,
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: `London: add member ${id} (joined 2012-09-01)`,
      trailers: ['Iops-Command: member add', `Iops-Entity: member/${id}`, 'Iops-Entity: chapter/london'],
    });
    const second = (await iops(repo, ['member', 'add', 'london', '--joined', '2012-09-02'])).stdout.trim();
    expect(second).not.toBe(id);
    expect((await iops(repo, ['member', 'add', 'london', '--joined', '2012-09-02', '--id', 'ldn-a'])).stderr).toMatch(/already used/);
    await expectValid(repo);
  });

  it('member add creates members.yaml for a chapter without one', async () => {
    const repo = tempRepo(smallOrg({ 'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\n' }));
    const r = await iops(repo, ['member', 'add', 'leeds', '--joined', '2012-09-01', '--id', 'lds-one']);
    expect(r.stdout.trim()).toBe('lds-one');
    expect(read(repo.dir, 'chapters/leeds/members.yaml')).toBe('# yaml-language-server: $schema=../../.iops/schemas/members.schema.json\n- id: lds-one\n  joined: 2012-09-01\n');
    await expectValid(repo);
  });

  it('member leave, set and move', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['member', 'leave', 'ldn-b', '--date', '2013-01-31']);
    expect(read(repo.dir, 'chapters/london/members.yaml')).toContain('- id: ldn-b\n  joined: 2012-04-01\n  gender: man\n  left: 2013-01-31\n');
    expect(lastCommit(repo)).toMatchObject({ subject: 'London: ldn-b left on 2013-01-31', trailers: ['Iops-Command: member leave', 'Iops-Entity: member/ldn-b', 'Iops-Entity: chapter/london'] });
    expect((await iops(repo, ['member', 'leave', 'ldn-b', '--date', '2013-02-01'])).stderr).toMatch(/already left on 2013-01-31/);

    await ok(repo, ['member', 'set', 'ldn-a', '--age-band', '35-44', '--pledge', 'exempt', '--studied', 'values,vision']);
    expect(read(repo.dir, 'chapters/london/members.yaml')).toContain('- id: ldn-a\n  joined: 2012-03-10\n  gender: woman\n  age_band: 35-44\n  dues: exempt\n  studied: [values, vision]\n');
    expect(lastCommit(repo).subject).toBe('London: update member ldn-a (age band, pledge, studied)');

    expect((await iops(repo, ['member', 'move', 'ldn-a', 'brighton'])).stderr).toMatch(/give the date ldn-a moved with --on YYYY-MM-DD/);
    expect((await iops(repo, ['member', 'move', 'ldn-a', 'brighton', '--on', '2012-03-10'])).stderr).toMatch(/--on 2012-03-10 must be after 2012-03-10, when ldn-a joined/);
    await ok(repo, ['member', 'move', 'ldn-a', 'brighton', '--on', '2012-10-01']);
    expect(read(repo.dir, 'chapters/london/members.yaml')).not.toContain('ldn-a');
    expect(read(repo.dir, 'chapters/brighton/members.yaml')).toBe(
      '- id: bri-a\n  joined: 2012-05-01\n- id: ldn-a\n  joined: 2012-03-10\n  gender: woman\n  age_band: 35-44\n  dues: exempt\n  studied: [values, vision]\n  moved_from:\n    - { chapter: london, until: 2012-10-01 }\n',
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: 'ldn-a moves from London to Brighton on 2012-10-01',
      trailers: ['Iops-Command: member move', 'Iops-Entity: member/ldn-a', 'Iops-Entity: chapter/london', 'Iops-Entity: chapter/brighton'],
      files: ['chapters/brighton/members.yaml', 'chapters/london/members.yaml'],
    });
    await expectValid(repo);
  });

  it('meeting log writes one meeting file', async () => {
    const repo = tempRepo(smallOrg());
    const r = await iops(repo, ['meeting', 'log', 'london', '--date', '2013-05-04', '--mode', 'online', '--attendance', '7', '--topics', 'education,outreach', '--studied', 'values', '--joint-with', 'brighton', '--notes', 'NO: on 12:30']);
    expect(r.code).toBe(0);
    expect(read(repo.dir, 'chapters/london/meetings/2013-05-04.yaml')).toBe(
      '# yaml-language-server: $schema=../../../.iops/schemas/meeting.schema.json\ndate: 2013-05-04\nmode: online\nattendance: 7\ntopics: [education, outreach]\nstudied: [values]\njoint_with: [brighton]\nnotes: "NO: on 12:30"\n',
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: 'London: log meeting of 2013-05-04 (7 attending, online, jointly with Brighton)',
      trailers: ['Iops-Command: meeting log', 'Iops-Entity: chapter/london', 'Iops-Entity: chapter/brighton'],
    });
    const again = await iops(repo, ['meeting', 'log', 'london', '--date', '2013-05-04', '--mode', 'in-person', '--attendees', 'ldn-a,ldn-b']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--slug/);
    await ok(repo, ['meeting', 'log', 'london', '--date', '2013-05-04', '--mode', 'in-person', '--attendees', 'ldn-a,ldn-b', '--slug', 'evening']);
    expect(read(repo.dir, 'chapters/london/meetings/2013-05-04-evening.yaml')).toContain('attendees: [ldn-a, ldn-b]\n');
    expect(lastCommit(repo).subject).toBe('London: log meeting of 2013-05-04 (2 attending, in-person)');
    await expectValid(repo);
  });

  it("dues record appends to the member's chapter ledger of that year, creating it", async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '12.50', '--currency', 'GBP', '--period', '2013-01']);
    await ok(repo, ['dues', 'record', '--member', 'ldn-b', '--date', '2013-01-06', '--amount', '20', '--currency', 'USD']);
    expect(read(repo.dir, 'chapters/london/dues/2013.yaml')).toBe(
      '# yaml-language-server: $schema=../../../.iops/schemas/dues.schema.json\n- { date: 2013-01-05, member: ldn-a, amount: 12.5, currency: GBP, period: 2013-01 }\n- { date: 2013-01-06, member: ldn-b, amount: 20, currency: USD }\n',
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: 'London: record dues from ldn-b received 2013-01-06',
      trailers: ['Iops-Command: dues record', 'Iops-Entity: chapter/london', 'Iops-Entity: member/ldn-b'],
    });
    await expectValid(repo);
  });

  it('gathering log appends to the branch file in its style', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['gathering', 'log', 'uk', '--date', '2013-04-20', '--kind', 'national', '--chapters', 'london,brighton']);
    expect(read(repo.dir, 'branches/uk.yaml')).toBe(
      'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2012-06-01, kind: regional, chapters: [london, brighton] }\n  - { date: 2013-04-20, kind: national, chapters: [london, brighton] }\n',
    );
    expect(lastCommit(repo)).toMatchObject({
      subject: 'IOPS UK: log national gathering of 2013-04-20 (2 chapters)',
      trailers: ['Iops-Command: gathering log', 'Iops-Entity: branch/uk', 'Iops-Entity: chapter/london', 'Iops-Entity: chapter/brighton'],
    });
    await expectValid(repo);
  });

  it('--dry-run prints the diff and changes nothing; --no-commit writes without staging', async () => {
    const repo = tempRepo(smallOrg());
    const before = commitCount(repo);
    const dry = await iops(repo, ['member', 'leave', 'ldn-b', '--date', '2013-01-31', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('--- a/chapters/london/members.yaml\n+++ b/chapters/london/members.yaml\n@@ -4,3 +4,4 @@\n - id: ldn-b\n   joined: 2012-04-01\n   gender: man\n+  left: 2013-01-31\n');
    expect(repo.git('status', '--porcelain')).toBe('');
    const none = await iops(repo, ['member', 'leave', 'ldn-b', '--date', '2013-01-31', '--no-commit']);
    expect(none.code).toBe(0);
    expect(commitCount(repo)).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe(' M chapters/london/members.yaml\n');
    await expectValid(repo);
  });
});

describe('flag values in any case', () => {
  it('country and currency codes, gender and age band are written in the data’s own case', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['chapter', 'add', 'leeds', '--name', 'Leeds', '--country', 'gb']);
    expect(readFileSync(join(repo.dir, 'chapters/leeds/chapter.yaml'), 'utf8')).toContain('country: GB\n');
    const id = (await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01', '--gender', 'Woman', '--age-band', 'Under-25'])).stdout.trim();
    expect(readFileSync(join(repo.dir, 'chapters/london/members.yaml'), 'utf8')).toMatch(new RegExp(`id: ${id}\\n  joined: 2013-01-01\\n  gender: woman\\n  age_band: under-25\\n`));
    await expectValid(repo);
  });
});
