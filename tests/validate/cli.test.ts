// `iops validate` as a user runs it: exit codes, every problem listed in order, JSON output.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { expectNoCrash, orgRepo, validate, validateSpawned } from '../loader/support.js';

afterAll(cleanupRepos);

const ROOT = resolve(__dirname, '../..');

/** Problems in four files, written so that file order and line order differ from discovery order. */
const BROKEN = {
  'iops.yaml': 'organization: Test Org\ncurrency: usd\nkey_documents: [values, vision]\n',
  'chapters/london/chapter.yaml': 'name: London\ncountry: GB\nfounded: 2012-13-01\ndelgate: ldn-a\n',
  'chapters/london/members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n- id: LDN-B\n  joined: 2012-04-01\n  gender: female\n',
  'branches/uk.yaml': 'name: IOPS UK\ncountry: UK\n',
};
const EXPECTED = [
  'branches/uk.yaml:2:10: country: "UK" is not an ISO 3166-1 alpha-2 country code (such as GB, DE, US)',
  'chapters/london/chapter.yaml:3:10: founded: "2012-13-01" is not a calendar date (write YYYY-MM-DD)',
  'chapters/london/chapter.yaml:4:1: delgate: unknown key `delgate`; did you mean `delegate`?',
  "chapters/london/members.yaml:3:7: members[1].id: \"LDN-B\" is not a valid id: use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters",
  'chapters/london/members.yaml:5:11: members[1].gender: expected a gender: one of woman, man, non-binary, undisclosed; found text "female"',
  'iops.yaml:2:11: currency: "usd" is not an ISO 4217 currency code (such as USD, GBP, EUR)',
];

describe('iops validate', () => {
  it('exits 0 and summarises a valid repository', async () => {
    const r = await validate(orgRepo());
    expectNoCrash(r);
    expect(r.code).toBe(0);
    // only the kinds the repository has: no "0 branches, 0 meetings"
    expect(r.stdout).toBe('valid: 1 chapter, 2 member records (3 files)\n');
  });

  it('counts decisions and treasury records in the summary too', async () => {
    const r = await validate(
      orgRepo({
        'decisions/2012-05-20-goals.yaml': 'proposal: Adopt the goals\nbody: { kind: icc }\nmethod: majority\noutcome: { status: adopted, date: 2012-06-01, for: 9, against: 2, abstain: 0 }\n',
        'chapters/london/decisions/2012-06-02-dues.yaml': 'proposal: Dues\nbody: { kind: chapter-meeting, chapter: london }\nmethod: consensus\noutcome: { status: proposed }\n',
        'treasury/accounts.yaml': '- { account: international, opened: 2012-01-02 }\n',
        'treasury/2012.yaml': 'transfers:\n  - { date: 2012-06-30, from: chapter/london, to: international, amount: 40, currency: GBP }\nexpenses:\n  - { date: 2012-07-01, account: international, amount: 5, currency: USD, category: bank-fees }\n  - { date: 2012-08-01, account: chapter/london, amount: 9, currency: GBP, category: room-hire }\n',
      }),
    );
    expectNoCrash(r);
    expect(r.stdout).toBe('valid: 1 chapter, 2 member records, 2 decisions, 1 account, 1 transfer, 2 expenses (7 files)\n');
  });

  it('exits 1 and lists every problem of every file, sorted by file and line', async () => {
    const r = await validate(orgRepo(BROKEN));
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${EXPECTED.join('\n')}\n6 problems in 4 files\n`);
  });

  it('says the same through the built CLI (bin/iops.js) as in this process, for a broken and a valid repository', async () => {
    for (const repo of [orgRepo(BROKEN), orgRepo()]) {
      const spawned = validateSpawned(repo);
      const inProcess = await validate(repo);
      expect({ code: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr }).toEqual({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
    }
  });

  it('gives the same problems as JSON: {"valid", "problems": [{file, line, column, path, message}]}', async () => {
    const r = await validate(orgRepo(BROKEN), ['--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; problems: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['valid', 'problems', 'warnings']);
    expect(out.valid).toBe(false);
    for (const p of out.problems) expect(Object.keys(p)).toEqual(['file', 'line', 'column', 'path', 'message']);
    expect(out.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`)).toEqual(EXPECTED);
    expect(out.problems[4]).toEqual({
      file: 'chapters/london/members.yaml',
      line: 5,
      column: 11,
      path: 'members[1].gender',
      message: 'expected a gender: one of woman, man, non-binary, undisclosed; found text "female"',
    });
  });

  it('prints {"valid": true, "problems": []} for a valid repository', async () => {
    const r = await validate(orgRepo(), ['--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, problems: [], warnings: [] });
  });

  it('finds the data repository from a subfolder, from --data and from IOPS_DATA', async () => {
    const repo = tempRepo({ 'org/iops.yaml': 'organization: Test Org\ncurrency: USD\n', 'org/chapters/london/chapter.yaml': 'name: London\ncountry: GB\n' });
    expect((await iops(join(repo.dir, 'org/chapters/london'), 'validate')).code).toBe(0);
    expect((await iops(repo.dir, '--data', 'org', 'validate')).code).toBe(0);
    expect((await iops({ cwd: repo.dir, env: { IOPS_DATA: join(repo.dir, 'org') } }, 'validate')).code).toBe(0);
  });

  describe('exits 2 for usage and environment errors', () => {
    it('when there is no data repository', async () => {
      const repo = tempRepo({ 'README.md': 'not data\n' });
      const r = await iops(repo.dir, 'validate');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('iops: no data repository here: no iops.yaml in this folder or any folder above it. Pass --data DIR, set IOPS_DATA, or create one with: iops init DIR\n');
    });

    it('when --data points at a folder without iops.yaml', async () => {
      const repo = tempRepo({ 'README.md': 'not data\n' });
      mkdirSync(join(repo.dir, 'empty'));
      const r = await iops(repo.dir, '--data', 'empty', 'validate');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('iops: empty is not a data repository (no iops.yaml there); create one with: iops init empty\n');
    });

    it('when --data points at nothing', async () => {
      const r = await iops(orgRepo().dir, '--data', 'nowhere', 'validate');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('iops: nowhere is not a folder\n');
    });

    it('for an unknown flag or format', async () => {
      const repo = orgRepo();
      const flag = await iops(repo.dir, 'validate', '--strict');
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain("unknown option '--strict'");
      const format = await iops(repo.dir, 'validate', '--format', 'xml');
      expect(format.code).toBe(2);
      expect(format.stderr).toContain("argument 'xml' is invalid. Use one of: table, json");
      for (const r of [flag, format]) expectNoCrash(r);
    });
  });

  it('finds the sample organisation in data/ valid', async () => {
    const r = await iops(ROOT, '--data', 'data', 'validate');
    expectNoCrash(r);
    expect(r.stdout).toMatch(/^valid: \d+ chapters, \d+ branches, [\d,]+ member records, .*, \d+ decisions, \d+ accounts, \d+ transfers, \d+ expenses \([\d,]+ files\)\n$/);
    expect(r.code).toBe(0);
  });
});
