// Issue 14: through the parse cache, `validate` learns which files hold invisible text or what
// looks like personal data from flags found once per file when it is parsed, and reads again
// only those files; its warnings are byte-identical to a run without the cache, warm (after
// another file was edited, so the load is a real one) and at a commit (whose flagged files are
// read again from the commit: before, personal data went unreported there and invisible text
// was located in the working tree's text). Which files the flags
// name, kind by kind, against the scan of the organisation: tests/validate/warningFlags.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const RECEIPT = (date: string) => `- { date: ${date}, member: ldn-a, amount: 12.75, currency: GBP, period: 2012-07 }\n`;
const meeting = (date: string, extra = '') => `date: ${date}\nmode: in-person\nattendance: 2\n${extra}`;

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(
    minimalOrg({
      // a members list with an id that reads as a name and a year of birth
      'chapters/london/members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n  gender: woman\n- id: jane-smith-1985\n  joined: 2012-04-01\n  gender: man\n',
      'chapters/london/meetings/2012-05-01.yaml': meeting('2012-05-01', 'notes: write to jane@example.org for the minutes\n'),
      'chapters/london/meetings/2012-05-08.yaml': meeting('2012-05-08', 'notes: "a quiet \\u200bevening"\n'),
      // values clean, a comment not: no file the scan passes over is read again, with or without the cache
      'chapters/london/meetings/2012-05-15.yaml': `# ask bob@example.org\n${meeting('2012-05-15', 'notes: a quiet evening\n')}`,
      'chapters/london/meetings/2012-05-22.yaml': meeting('2012-05-22'),
      'branches/uk.yaml': 'name: "IOPS\\u202eUK"\ncountry: GB\ngatherings:\n  - { date: 2012-06-02, kind: national, chapters: [london], notes: "ring 020 7946 0958" }\n',
      // the same receipt recorded twice: a warning located at the second
      'chapters/london/dues/2012.yaml': `${RECEIPT('2012-07-05')}${RECEIPT('2012-07-07')}`,
      'treasury/accounts.yaml': '- { account: branch/uk, name: IOPS UK }\n',
      'treasury/2012.yaml': 'transfers:\n  - { date: 2012-07-01, from: chapter/london, to: branch/uk, amount: 20, currency: GBP, notes: "card 4111 1111 1111 1111" }\n',
    }),
  );
});

const validate = (args: string[], env: Record<string, string> = {}) => {
  const r = runCli(['validate', ...args], { cwd: repo.dir, env });
  return { out: `${r.code}\n${r.stdout}`, stderr: r.stderr };
};

describe("validate's warnings through the parse cache", () => {
  it('reads again only the flagged files, and warns exactly as without the cache', () => {
    const off = validate([], { IOPS_CACHE: 'off' });
    expect(off.out).toMatch(/^0\n/);
    for (const file of ['members.yaml:4:7', 'meetings/2012-05-01.yaml:4:17', 'meetings/2012-05-08.yaml:4:8', 'branches/uk.yaml:1:7', 'branches/uk.yaml:4:74', 'treasury/2012.yaml:2:102']) expect(off.out).toContain(file);
    expect(off.out).not.toContain('2012-05-15');
    expect(validate([]).out).toBe(off.out); // fills the cache

    // another file edited: every other file comes from the cache, with its flags
    repo.write('chapters/london/meetings/2012-05-22.yaml', meeting('2012-05-22', 'notes: a long evening\n'));
    const plain = validate(['--format', 'json'], { IOPS_CACHE: 'off' });
    const warm = validate(['--format', 'json'], { IOPS_DEBUG_CACHE: '1' });
    expect(warm.out).toBe(plain.out);
    // the chapter the edit touched worked out again (load/byChapter.ts): here, the only one
    expect(warm.stderr).toContain('iops cache: validate: 1 of 1 chapters worked out again, 0 as kept (1 file changed since they were kept)');
    // two files with such characters (the meeting, the branch), four with such text (the
    // members list, the meeting, the branch, the treasury year): the scans of the organisation not run
    expect(warm.stderr).toContain("iops cache: invisible text: 2 files to read again, by the files' flags\n");
    expect(warm.stderr).toContain("iops cache: personal data: 4 files to read again, by the files' flags\n");
    expect(validate([]).out).toBe(validate([], { IOPS_CACHE: 'off' }).out);
  });

  it("warns the same at a commit, reading the commit's files again, not the working tree's", () => {
    repo.commit('a long evening');
    // the working tree's text of a flagged file has its lines elsewhere
    repo.write('chapters/london/meetings/2012-05-08.yaml', `# moved down\n${meeting('2012-05-08', 'notes: "a quiet \\u200bevening"\n')}`);
    repo.write('chapters/london/dues/2012.yaml', `# moved down\n${RECEIPT('2012-07-05')}${RECEIPT('2012-07-07')}`);
    const at = ['--at', 'HEAD'];
    const off = validate(at, { IOPS_CACHE: 'off' });
    expect(off.out).toContain('meetings/2012-05-08.yaml:4:8');
    expect(off.out).toContain('members.yaml:4:7');
    expect(off.out).toContain('dues/2012.yaml:2:3');
    expect(validate(at).out).toBe(off.out);
    expect(validate([]).out).toContain('meetings/2012-05-08.yaml:5:8');
  });
});
