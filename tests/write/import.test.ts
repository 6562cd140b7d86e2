// iops import members: a spreadsheet's rows, all or nothing, in one commit; problems point at
// FILE.csv:LINE:COLUMN. iops export members writes what import reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { expectValid, iops, ok } from './inProcessSupport.js';
import { commitCount, lastCommit, repoState, smallOrg } from './support.js';

afterAll(cleanupRepos);

const members = (dir: string, chapter: string) => parse(readFileSync(join(dir, `chapters/${chapter}/members.yaml`), 'utf8')) as Record<string, unknown>[];

describe('iops import members', () => {
  it('imports every row in one commit: BOM, CRLF, quoted fields, generated ids', async () => {
    const repo = tempRepo(smallOrg());
    const csv = '\uFEFFid,joined,left,gender,Age band,studied,dues\r\nldn-c,2012-05-01,,woman,25-34,"values;vision",20/GBP/month\r\n,2012-06-01,2013-01-01,,,values,exempt\r\n"ldn-d",2012-07-01,,"man",,,\r\n';
    writeFileSync(join(repo.dir, 'new.csv'), csv);
    const before = commitCount(repo);
    const r = await ok(repo, ['import', 'members', 'new.csv', '--chapter', 'london']);
    expect(r.stdout.trim()).toBe('imported 3 members into chapters/london/members.yaml');
    expect(commitCount(repo)).toBe(before + 1);
    expect(lastCommit(repo)).toMatchObject({ subject: 'London: import 3 members from new.csv', trailers: ['Iops-Command: import members', 'Iops-Entity: chapter/london'], files: ['chapters/london/members.yaml'] });
    const added = members(repo.dir, 'london').slice(2);
    expect(added[0]).toEqual({ id: 'ldn-c', joined: '2012-05-01', gender: 'woman', age_band: '25-34', studied: ['values', 'vision'], dues: { amount: 20, currency: 'GBP', every: 'month' } });
    expect(added[1]).toMatchObject({ joined: '2012-06-01', left: '2013-01-01', studied: ['values'], dues: 'exempt' });
    expect(added[1]!.id).toMatch(/^ldn-[a-z0-9]{5}$/);
    expect(added[2]).toEqual({ id: 'ldn-d', joined: '2012-07-01', gender: 'man' });
    await expectValid(repo);
  });

  it('reports every problem with its line and column, and imports nothing', async () => {
    const repo = tempRepo(smallOrg());
    const csv = [
      'id,joined,gender,studied,dues',
      'ldn-c,2013-02-30,woman,,', // 2: bad date
      'ldn-a,2012-01-01,,,', // 3: already in the repository
      'ldn-e,2012-01-01,female,,', // 4: bad gender
      'ldn-e,2012-01-01,,,20/XYZ', // 5: repeated id, bad currency
      'ldn-f,2012-01-01,,manifesto,', // 6: unknown key document (found by the whole-repository check)
      'Jane Smith,2012-01-01,,,', // 7: a name is not an id
    ].join('\n');
    writeFileSync(join(repo.dir, 'bad.csv'), csv);
    const before = repoState(repo);
    const r = await iops(repo, ['import', 'members', 'bad.csv', '--chapter', 'london']);
    expect(r.code).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('bad.csv:2:7: joined: "2013-02-30" is not a calendar date (write YYYY-MM-DD)');
    expect(lines).toContain('bad.csv:3:1: id: member id "ldn-a" is already used (chapters/london/members.yaml)');
    expect(lines.some((l) => l.startsWith('bad.csv:4:18: gender: expected a gender'))).toBe(true);
    expect(lines).toContain('bad.csv:5:1: id: member id "ldn-e" is also on line 4 of this file');
    expect(lines.some((l) => /^bad\.csv:5:\d+: dues: "XYZ" is not an ISO 4217 currency code/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('bad.csv:7:1: id: "Jane Smith" is not a valid id'))).toBe(true);
    expect(repoState(repo)).toEqual(before);

    writeFileSync(join(repo.dir, 'bad.csv'), 'id,joined,studied\nldn-f,2012-01-01,manifesto\n');
    const before2 = repoState(repo);
    const cross = await iops(repo, ['import', 'members', 'bad.csv', '--chapter', 'london']);
    expect(cross.code).toBe(3);
    expect(cross.stderr).toMatch(/^bad\.csv:2:18: studied: no key document "manifesto"/m);
    expect(repoState(repo)).toEqual(before2);
  });

  it('refuses unknown columns with a hint, and unclosed quotes', async () => {
    const repo = tempRepo(smallOrg());
    writeFileSync(join(repo.dir, 'a.csv'), 'id,joind,name\nldn-c,2012-01-01,Jane\n');
    const r = await iops(repo, ['import', 'members', 'a.csv', '--chapter', 'london']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^a\.csv:1:4: unknown column "joind"; did you mean "joined"\?/m);
    expect(r.stderr).toMatch(/^a\.csv:1:10: unknown column "name"/m);
    writeFileSync(join(repo.dir, 'a.csv'), 'id,joined\n"ldn-c,2012-01-01\n');
    expect((await iops(repo, ['import', 'members', 'a.csv', '--chapter', 'london'])).stderr).toMatch(/^a\.csv:2:1: a quoted field is never closed/m);
  });
});

describe('iops import members: spreadsheets as they are saved (issue 17)', () => {
  const importing = async (repo: ReturnType<typeof tempRepo>, csv: string) => {
    writeFileSync(join(repo.dir, 'm.csv'), csv);
    return await iops(repo, ['import', 'members', 'm.csv', '--chapter', 'london']);
  };

  it('reads tab-separated files', async () => {
    const repo = tempRepo(smallOrg());
    const r = await importing(repo, 'id\tjoined\tstudied\nldn-c\t2012-05-01\tvalues;vision\n');
    expect(r.code, r.stderr).toBe(0);
    expect(members(repo.dir, 'london')[2]).toEqual({ id: 'ldn-c', joined: '2012-05-01', studied: ['values', 'vision'] });
  });

  it('guesses the separator from the whole header line, quotes included', async () => {
    const repo = tempRepo(smallOrg());
    const r = await importing(repo, '"id,x";joined\nldn-c;2012-05-01\n');
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toMatch(/^m\.csv:1:1: unknown column "id,x"/);
  });

  it('reads genders, age bands, currencies and periods in any case, and writes them in the canonical one', async () => {
    const repo = tempRepo(smallOrg());
    const r = await importing(repo, 'id,joined,gender,age_band,dues\nldn-c,2012-05-01,Man,Under-25,20/gbp/Month\nldn-d,2012-05-01,WOMAN,65-Plus,Exempt\n');
    expect(r.code, r.stderr).toBe(0);
    expect(members(repo.dir, 'london').slice(2)).toEqual([
      { id: 'ldn-c', joined: '2012-05-01', gender: 'man', age_band: 'under-25', dues: { amount: 20, currency: 'GBP', every: 'month' } },
      { id: 'ldn-d', joined: '2012-05-01', gender: 'woman', age_band: '65-plus', dues: 'exempt' },
    ]);
    await expectValid(repo);
  });

  it('says how to write a date a spreadsheet wrote its own way', async () => {
    const repo = tempRepo(smallOrg());
    const r = await importing(repo, 'id,joined,left\nldn-c,15/01/2012,\nldn-d,2012-01-15,41289\nldn-e,2012/01/15,\n');
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('m.csv'))).toEqual([
      'm.csv:2:7: joined: "15/01/2012" is not a date iops reads: write dates as YYYY-MM-DD, such as 2026-01-15; 15/01/2012 is ambiguous (day or month first?)',
      'm.csv:3:18: left: "41289" looks like a spreadsheet date serial (2013-01-15 in Excel\'s usual 1900 date system): format the column as text or YYYY-MM-DD, then save again',
      'm.csv:4:7: joined: "2012/01/15" is not a date iops reads: write dates as YYYY-MM-DD, such as 2026-01-15',
    ]);
  });

  it('lists problems in line order, and counts fields in words that agree', async () => {
    const repo = tempRepo(smallOrg());
    // line 2: a bad gender (a field problem); line 3: a stray quote (found while reading the file);
    // line 4: a line holding only "" is a row with one field, not a blank line
    const r = await importing(repo, 'id,joined,gender\nldn-c,2012-05-01,female\nldn-d,2012"-05-01,\n""\nldn-e,2012-05-01\n');
    expect(r.code).toBe(3);
    const located = r.stderr.split('\n').filter((l) => l.startsWith('m.csv'));
    expect(located.map((l) => Number(l.split(':')[1]))).toEqual([2, 3, 3, 4, 5]);
    expect(located).toContain('m.csv:4:1: this row has 1 field, the header has 3 columns');
    expect(located).toContain('m.csv:5:1: this row has 2 fields, the header has 3 columns');
  });
});

describe('iops export members', () => {
  it('writes the columns import reads, and a re-import names the duplicates', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['member', 'set', 'ldn-a', '--studied', 'values,vision', '--pledge', '12.5/GBP']);
    const csv = (await ok(repo, ['export', 'members', '--chapter', 'london'])).stdout;
    expect(csv).toBe(
      'id,chapter,joined,left,gender,age_band,studied,dues,moved_from,dues_before\nldn-a,london,2012-03-10,,woman,,"values;vision",12.5/GBP/month,,\nldn-b,london,2012-04-01,,man,,,,,\n',
    );
    expect((await ok(repo, ['export', 'members'])).stdout.split('\n')).toContain('bri-a,brighton,2012-05-01,,undisclosed,,,,,');
    writeFileSync(join(repo.dir, 'again.csv'), csv);
    const r = await iops(repo, ['import', 'members', 'again.csv', '--chapter', 'london']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^again\.csv:2:1: id: member id "ldn-a" is already used/m);
  });
});

describe('export members, then import members: histories survive the round trip', () => {
  it('writes moved_from and dues_before in CSV and JSON, and import reads them back as they were', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['member', 'set', 'ldn-a', '--pledge', '10/GBP']);
    await ok(repo, ['member', 'set', 'ldn-a', '--pledge', '20/GBP', '--from', '2012-09-01']);
    await ok(repo, ['member', 'set', 'ldn-a', '--pledge', 'exempt', '--from', '2013-01-01']);
    await ok(repo, ['member', 'move', 'ldn-a', 'brighton', '--on', '2012-10-15']);
    const before = members(repo.dir, 'brighton').find((m) => m.id === 'ldn-a')!;
    expect(before).toMatchObject({ moved_from: [{ chapter: 'london', until: '2012-10-15' }], dues_before: [{ until: '2012-09-01' }, { until: '2013-01-01' }] });

    const csv = (await ok(repo, ['export', 'members', '--chapter', 'brighton'])).stdout;
    expect(csv.split('\n')[2]).toBe('ldn-a,brighton,2012-03-10,,woman,,,exempt,london until 2012-10-15,"10/GBP/month until 2012-09-01; 20/GBP/month until 2013-01-01"');
    const json = JSON.parse((await ok(repo, ['export', 'members', '--chapter', 'brighton', '--format', 'json'])).stdout);
    expect(json[1]).toMatchObject({ id: 'ldn-a', moved_from: before.moved_from, dues_before: before.dues_before });
    expect(json[0]).toMatchObject({ id: 'bri-a', moved_from: null, dues_before: null });

    // the member taken out of the repository, then imported from the export: the same entry
    const kept = readFileSync(join(repo.dir, 'chapters/brighton/members.yaml'), 'utf8').split(/\n(?=- id: ldn-a\n)/)[0] + '\n';
    writeFileSync(join(repo.dir, 'chapters/brighton/members.yaml'), kept);
    repo.git('commit', '-qam', 'take ldn-a out');
    writeFileSync(join(repo.dir, 'brighton.csv'), csv.split('\n').filter((l) => !l.startsWith('bri-a')).join('\n'));
    await ok(repo, ['import', 'members', 'brighton.csv', '--chapter', 'brighton']);
    expect(members(repo.dir, 'brighton').find((m) => m.id === 'ldn-a')).toEqual(before);
    await expectValid(repo);
  });

  it('points at the cell of a history it cannot read', async () => {
    const repo = tempRepo(smallOrg());
    writeFileSync(join(repo.dir, 'h.csv'), 'id,joined,moved_from,dues_before\nldn-c,2012-01-01,london 2012-06-01,\nldn-d,2012-01-01,,20/XYZ until 2012-05-01\nldn-e,2012-01-01,nowhere until 2012-05-01,\n');
    const r = await iops(repo, ['import', 'members', 'h.csv', '--chapter', 'brighton']);
    expect(r.code).toBe(3);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('h.csv:'));
    expect(lines[0]).toMatch(/^h\.csv:2:18: moved_from: "london 2012-06-01" is not an entry iops reads: write each earlier chapter as "leeds until 2012-06-15"/);
    expect(lines[1]).toMatch(/^h\.csv:3:19: dues_before: .*XYZ/);
  });
});
