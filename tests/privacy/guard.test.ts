// Issue 13, reproduction 5: personal data is refused by write commands, allowed only with a
// reason that the commit records, and reported by validate where it already is. iops runs in
// the test's process (tests/helpers/inProcess.ts), as a new process of the built CLI would.
import { afterAll, describe, expect, it } from 'vitest';
import { iopsAsProcess } from '../helpers/inProcess.js';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const run = (args: string[], opts: { cwd: string }) => iopsAsProcess(opts.cwd, args);

const files = {
  'iops.yaml': 'organization: Test Org\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\n',
  'chapters/london/chapter.yaml': 'name: London\ncountry: GB\n',
  'chapters/london/members.yaml': '- id: ldn-k7q2x\n  joined: 2012-01-01\n',
};

describe('write commands refuse personal data', () => {
  it('member ids that look like a phone number or a name with a birth year, with a suggestion', async () => {
    const repo = tempRepo(files);
    for (const bad of ['447700900123', 'jane-smith-1985']) {
      const r = await run(['member', 'add', 'london', '--joined', '2012-02-01', '--id', bad], { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/pseudonymous/);
      expect(r.stderr).toMatch(/Leave out --id and iops member add draws a random one/);
    }
    expect(repo.git('log', '--format=%s')).not.toMatch(/447700900123|jane-smith-1985/);
    expect((await run(['member', 'add', 'london', '--joined', '2012-02-01', '--id', 'ldn-jason'], { cwd: repo.dir })).code).toBe(0);
  });

  it('import members refuses such ids too, naming the line, and imports nothing', async () => {
    const repo = tempRepo({ ...files, 'people.csv': 'id,joined\nldn-m2x9p,2012-01-01\n447700900123,2012-01-02\n' });
    const r = await run(['import', 'members', 'people.csv', '--chapter', 'london'], { cwd: repo.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/people\.csv:3:1: id: member id "447700900123" looks like a phone number/);
    expect(repo.git('log', '--format=%s')).not.toMatch(/import/);
  });

  it('e-mail addresses, phone and card numbers in --notes, unless --allow-personal-data says why (in the commit)', async () => {
    const repo = tempRepo(files);
    const log = (...extra: string[]) => run(['meeting', 'log', 'london', '--date', '2012-02-01', '--mode', 'online', '--attendance', '3', ...extra], { cwd: repo.dir });
    for (const notes of ['write to jane@example.org', 'call 07700 900123', 'card 4111 1111 1111 1111']) {
      const r = await log('--notes', notes);
      expect(r.code, notes).toBe(2);
      expect(r.stderr).toMatch(/--allow-personal-data/);
    }
    expect((await run(['dues', 'record', '--member', 'ldn-k7q2x', '--date', '2012-02-01', '--amount', '5', '--currency', 'USD', '--notes', 'from jane@example.org'], { cwd: repo.dir })).code).toBe(2);
    const ok = await log('--notes', 'venue: 020 7946 0000', '--allow-personal-data', 'the venue\'s booking line\nnot a member');
    expect(ok.code).toBe(0);
    expect(repo.git('log', '-1', '--format=%s')).toBe("London: log meeting of 2012-02-01 (3 attending, online) [personal data allowed: the venue's booking line not a member]\n");
  });
});

describe('validate warns about personal data already in the repository', () => {
  it('with file:line:col, without printing it, and the data stays valid', async () => {
    const repo = tempRepo({
      ...files,
      'chapters/london/members.yaml': '- id: ldn-k7q2x\n  joined: 2012-01-01\n- { id: jane-smith-1985, joined: 2012-01-01 }\n',
      'chapters/london/meetings/2012-02-01.yaml': 'date: 2012-02-01\nmode: online\nattendance: 3\nnotes: ask jane@example.org\n',
      'chapters/london/reports/2012-03-01.md': '---\ndate: 2012-03-01\ntitle: March\n---\nCall us on +44 20 7946 0000.\n',
    });
    const r = await run(['validate'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chapters\/london\/meetings\/2012-02-01\.yaml:4:12: warning: holds an e-mail address/);
    expect(r.stdout).toMatch(/chapters\/london\/members\.yaml:3:9: warning: member id looks like a name with a year of birth/);
    expect(r.stdout).toMatch(/chapters\/london\/reports\/2012-03-01\.md:5:12: warning: holds a phone number/);
    expect(r.stdout).not.toMatch(/jane@example\.org|7946/);
    const json = JSON.parse((await run(['validate', '--format', 'json'], { cwd: repo.dir })).stdout);
    expect(json.valid).toBe(true);
    expect(json.warnings).toHaveLength(3);
  });
});
