// How the CLI says an error, colour, and --quiet: one prefix (`iops:`) whoever found the
// problem, the exit codes of SPEC.md, with --format json one JSON object on stdout.
import { describe, afterAll, expect, it } from 'vitest';
import { type Io, main } from '../../src/cli.js';
import { colorWanted } from '../../src/commands/context.js';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const GOALS = 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "At least 5 members", metric: members, min: 5 }\n';

describe('usage errors found by commander', () => {
  it('say iops: like every other error, with where to find help, and exit 2', async () => {
    const repo = tempRepo(minimalOrg());
    for (const [args, message] of [
      [['readiness', '--bogus'], "iops: unknown option '--bogus'\n"],
      [['readness'], "iops: unknown command 'readness'\n(Did you mean readiness?)\n"],
      [['meeting', 'log', 'london', '--date', '2012-08-30'], "iops: required option '--mode <mode>' not specified\n"],
      [['readiness', '--format', 'yaml'], "iops: option '--format <format>' argument 'yaml' is invalid. Use one of: table, json, markdown (also accepted: text for table, md for markdown).\n"],
    ] as const) {
      const r = await iops(repo.dir, ...args);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr.startsWith(message)).toBe(true);
      expect(r.stderr).not.toMatch(/^error:/m);
      expect(r.stderr).toMatch(/\(see iops [a-z ]*--help\)\n$/);
    }
    // spawned: the built CLI says a commander error the same way
    expect(runCli(['meeting', 'log', 'london', '--date', '2012-08-30'], { cwd: repo.dir }).stderr).toContain('(see iops meeting log --help)');
  });
});

describe('--format json errors', () => {
  const parse = (stdout: string) => JSON.parse(stdout) as { error: { message: string; exit_code: number; problems: { file: string; line: number; column: number; path: string; message: string }[] } };

  it('a usage error: one JSON object on stdout, exit 2, nothing on stderr', async () => {
    const repo = tempRepo(minimalOrg({ 'goals.yaml': GOALS }));
    for (const args of [['readiness', '--format', 'json', '--bogus'], ['readiness', '--format=json', '--as-of', '2013-02-30']]) {
      const r = await iops(repo.dir, ...args);
      expect([r.code, r.stderr]).toEqual([2, '']);
      const { error } = parse(r.stdout);
      expect(error.exit_code).toBe(2);
      expect(error.problems).toEqual([]);
      expect(error.message).toMatch(/--bogus|2013-02-30/);
    }
  });

  // spawned: the built CLI's exit code and output for an error found before any data is read
  it('an environment error (no data repository): exit 2', () => {
    const r = runCli(['report', 'london', '--format', 'json'], { cwd: tempRepo().dir });
    expect([r.code, r.stderr]).toEqual([2, '']);
    expect(parse(r.stdout).error).toMatchObject({ exit_code: 2, message: expect.stringContaining('no data repository here') });
  });

  it('invalid data: exit 3, every problem with file, line, column, path and message', async () => {
    const repo = tempRepo(minimalOrg({ 'goals.yaml': GOALS, 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndelgate: ldn-a\n' }));
    const r = await iops(repo.dir, 'readiness', '--format', 'json');
    expect([r.code, r.stderr]).toEqual([3, '']);
    const { error } = parse(r.stdout);
    expect(error.exit_code).toBe(3);
    expect(error.message).toContain('run iops validate');
    expect(error.problems).toEqual([{ file: 'chapters/london/chapter.yaml', line: 3, column: 1, path: 'delgate', message: 'unknown key `delgate`; did you mean `delegate`?' }]);
    // without --format json the same error is text on stderr (spawned: the built CLI's exit 3)
    const text = runCli(['readiness'], { cwd: repo.dir });
    expect([text.code, text.stdout]).toEqual([3, '']);
    expect(text.stderr).toContain('chapters/london/chapter.yaml:3:1: delgate: unknown key');
  });

  it('validate --format json still answers with its own result (exit 1), not an error', async () => {
    const repo = tempRepo(minimalOrg({ 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndelgate: ldn-a\n' }));
    const r = await iops(repo.dir, 'validate', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false });
  });
});

describe('colour', () => {
  it('is decided in one place: --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb, then the terminal', () => {
    expect(colorWanted(true, true, {})).toBe(true);
    expect(colorWanted(true, false, {})).toBe(false);
    expect(colorWanted(false, true, { FORCE_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(true, false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(true, false, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(true, true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(true, true, { TERM: 'dumb' })).toBe(false);
    expect(colorWanted(true, false, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
  });

  it('FORCE_COLOR colours through a pipe; TERM=dumb and NO_COLOR do not, even on a terminal', async () => {
    const repo = tempRepo(minimalOrg());
    const ESC = '\u001b[';
    const forced = runCli(['validate'], { cwd: repo.dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect([forced.code, forced.stdout.includes(ESC)]).toEqual([0, true]);
    for (const env of [{ TERM: 'dumb' }, { NO_COLOR: '1' }, {}]) {
      const out: string[] = [];
      const io: Io = { stdout: (s) => out.push(s), stderr: (s) => out.push(s), isTTY: true, env, cwd: repo.dir };
      expect(await main(['node', 'iops', 'validate'], io)).toBe(0);
      expect([env, out.join('').includes(ESC)]).toEqual([env, Object.keys(env).length === 0]);
    }
  });
});

describe('--quiet on write commands', () => {
  it('prints no confirmation; a new member id is still printed, and so is an error', () => {
    const repo = tempRepo(minimalOrg());
    const add = runCli(['chapter', 'add', 'leeds', '--name', 'Leeds', '--country', 'GB', '--quiet'], { cwd: repo.dir });
    expect([add.code, add.stdout, add.stderr]).toEqual([0, '', '']);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('Leeds: add chapter (GB)');
    const member = runCli(['member', 'add', 'leeds', '--joined', '2012-08-30', '--quiet'], { cwd: repo.dir });
    expect([member.code, member.stderr]).toEqual([0, '']);
    expect(member.stdout).toMatch(/^[a-z0-9-]+\n$/);
    const bad = runCli(['chapter', 'add', 'york', '--name', 'York', '--country', 'XX', '--quiet'], { cwd: repo.dir });
    expect([bad.code, bad.stdout]).not.toEqual([0, '']);
    expect(bad.stderr).toContain('XX');
    const loud = runCli(['chapter', 'add', 'york', '--name', 'York', '--country', 'GB'], { cwd: repo.dir });
    expect(loud.stdout).toMatch(/^York: add chapter \(GB\)\ncommitted [0-9a-f]{7}\n$/);
  });
});
