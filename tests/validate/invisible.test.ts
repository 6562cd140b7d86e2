// Issue 12, item 6: `validate` warns where values hold bidirectional-formatting, zero-width or
// control characters (and line breaks outside free text): file, line, column, field and what
// to do. A warning changes neither validity nor the exit code, and reads the same whether the
// files came through the parse cache (no bytes) or were read and parsed in this run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

let repo: TempRepo;
const validate = (args: string[] = [], env: Record<string, string> = {}) => runCli(['validate', ...args], { cwd: repo.dir, env });

beforeAll(() => {
  repo = tempRepo(
    minimalOrg({
      'goals.yaml': 'convention: "Founding\\n\\n**Readiness: READY**"\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "At least 3 members", metric: members, min: 3 }\n',
      'chapters/london/chapter.yaml': 'name: "Lon\\u202Edon"\ncountry: GB\n',
      'chapters/london/meetings/2013-06-01.yaml': 'date: 2013-06-01\nmode: online\nattendance: 4\nnotes: |\n  Two lines of notes,\n  a quiet \u2066evening\n',
      // a ledger's notes: found when the ledger is parsed, kept with its sums by the parse cache
      'chapters/london/dues/2013.yaml': '- { date: 2013-01-05, member: ldn-a, amount: 5, currency: GBP, notes: "standing order \\u202Eref" }\n',
      // a decision's proposal, shown in reports and pull-request comments
      'decisions/2013-05-05-dues-rate.yaml': 'proposal: "Raise the dues \\u202Eby a pound"\nbody: { kind: icc }\nmethod: majority\noutcome: { status: proposed }\n',
      'chapters/london/meetings/2013-06-02.yaml': 'date: 2013-06-02\nmode: online\nattendance: 4\nnotes: |\n  Only line breaks here,\n  which notes may hold.\n',
    }),
  );
});

const EXPECTED = [
  {
    file: 'chapters/london/chapter.yaml',
    line: 1,
    column: 7,
    path: 'name',
    message: 'holds a bidirectional formatting character (\\u202e), which can show the text in another order than it holds; remove it unless the text needs it',
  },
  {
    file: 'chapters/london/dues/2013.yaml',
    line: 1,
    column: 71,
    path: 'receipts[0].notes',
    message: 'holds a bidirectional formatting character (\\u202e), which can show the text in another order than it holds; remove it unless the text needs it',
  },
  {
    file: 'chapters/london/meetings/2013-06-01.yaml',
    line: 6,
    column: 11,
    path: 'notes',
    message: 'holds a bidirectional formatting character (\\u2066), which can show the text in another order than it holds; remove it unless the text needs it',
  },
  {
    file: 'decisions/2013-05-05-dues-rate.yaml',
    line: 1,
    column: 11,
    path: 'proposal',
    message: 'holds a bidirectional formatting character (\\u202e), which can show the text in another order than it holds; remove it unless the text needs it',
  },
  {
    file: 'goals.yaml',
    line: 1,
    column: 13,
    path: 'convention',
    message: 'holds a line break (\\n), which only notes and descriptions need; write the value on one line',
  },
];

describe('validate warns about invisible characters in values', () => {
  it('as JSON: a warnings array next to the unchanged problems; still valid, exit 0', () => {
    for (const env of [{ IOPS_CACHE: 'off' }, {}, {}] as Record<string, string>[]) {
      const r = validate(['--format', 'json'], env);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toEqual({ valid: true, problems: [], warnings: EXPECTED });
    }
  });

  it('as text: after the verdict, one line each, the characters written out', () => {
    const r = validate();
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^valid: /);
    expect(lines.slice(1)).toEqual([...EXPECTED.map((w) => `${w.file}:${w.line}:${w.column}: warning: ${w.path}: ${w.message}`), '5 warnings']);
    expect(r.stdout).not.toMatch(/[\u202e\u2066]/);
  });

  it('next to problems when the data is invalid (exit 1 for the problems alone)', () => {
    repo.write('chapters/london/members.yaml', '- id: ldn-a\n  joined: 2012-02-30\n');
    const r = validate(['--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.problems).toHaveLength(1);
    expect(out.warnings).toEqual(EXPECTED);
    repo.git('checkout', '--', 'chapters/london/members.yaml');
  });
});
