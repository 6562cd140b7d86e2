// Hostile bytes, names and files, through the built CLI on real files in real git repositories.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, runCli } from '../helpers/repo.js';
import { expectNoCrash, expectProblem, orgRepo, validate } from './support.js';

afterAll(cleanupRepos);

const CHAPTER = 'chapters/london/chapter.yaml';
const MEMBERS = 'chapters/london/members.yaml';
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('bytes that are not clean UTF-8 text', () => {
  it('reports invalid UTF-8 at the first bad byte', async () => {
    const repo = orgRepo();
    repo.write(CHAPTER, bytes('name: Lond', [0xff, 0xfe], 'on\ncountry: GB\n'));
    expectProblem(await validate(repo), `${CHAPTER}:1:11`, 'invalid UTF-8 (byte 0xff at offset 10); save the file as UTF-8');
  });

  it('reports a truncated multi-byte character on a later line', async () => {
    const repo = orgRepo();
    repo.write(CHAPTER, bytes('name: London\ncountry: G', [0xc3], '\n'));
    expectProblem(await validate(repo), `${CHAPTER}:2:11`, 'invalid UTF-8 (byte 0xc3');
  });

  it('reports a NUL byte', async () => {
    const repo = orgRepo();
    repo.write(CHAPTER, bytes('name: Lon', [0x00], 'don\ncountry: GB\n'));
    expectProblem(await validate(repo), `${CHAPTER}:1:10`, 'control character U+0000 is not allowed');
  });

  it.each([
    ['BEL', '\u0007', 'U+0007'],
    ['ESC', '\u001b', 'U+001B'],
    ['C1 CSI', '\u009b', 'U+009B'],
  ])('reports a raw %s control character', async (_, ch, code) => {
    const r = await validate(orgRepo({ [CHAPTER]: `name: London\ncountry: GB${ch}[31m\n` }));
    const line = expectProblem(r, `${CHAPTER}:2:12`, `control character ${code} is not allowed`);
    expect(line).not.toContain(ch);
  });

  it('reports a control character written as an escape in a quoted value, without printing it', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: "Lon\\e[2Jdon"\ncountry: GB\n' }));
    expectProblem(r, `${CHAPTER}:1:7`, 'control character U+001B (written as an escape) is not allowed in a value');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('never prints a control character of a bad value', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: "G\\x9bB"\n' }));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('ids in file and folder names', () => {
  it.each([
    ['chapters/-x/chapter.yaml', 'chapter folder name "-x" is not a valid id'],
    ['chapters/Lon don/chapter.yaml', 'chapter folder name "Lon don" is not a valid id'],
    ['chapters/a..b/chapter.yaml', 'chapter folder name "a..b" is not a valid id'],
    ['branches/-uk.yaml', 'branch file name "-uk" is not a valid id'],
    ['chapters/london/meetings/2012-05-01-Big Meeting.yaml', 'the file name slug "Big Meeting" is not a valid id'],
    ['chapters/london/meetings/2012-02-30.yaml', "the file name's date 2012-02-30 is not a calendar date"],
  ])('rejects %s', async (path, message) => {
    const r = await validate(orgRepo({ [path]: 'name: X\ncountry: GB\n' }));
    expectProblem(r, `${path}:1:1`, message);
  });
});

describe('control characters in file names', () => {
  it('escapes them in the location rather than sending them to the terminal', async () => {
    const r = await validate(orgRepo({ 'chapters/a\u001b[2Jb/chapter.yaml': 'name: X\ncountry: GB\n' }));
    expectProblem(r, 'chapters/a\\u001b[2Jb/chapter.yaml:1:1', 'chapter folder name "a\\u001b[2Jb" is not a valid id');
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('files iops refuses to read', () => {
  it('refuses a file over 1 MiB with a clear message', async () => {
    const member = (i: number) => `- id: m-${i}\n  joined: 2012-03-10\n  gender: undisclosed\n`;
    const big = Array.from({ length: 20_000 }, (_, i) => member(i)).join('');
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const r = await validate(orgRepo({ [MEMBERS]: big }));
    expectProblem(r, `${MEMBERS}:1:1`, `the file is ${big.length.toLocaleString('en-US')} bytes, more than the 1 MiB (1,048,576 bytes) iops reads; split it`);
    expect(r.problems).toHaveLength(1);
  });

  it('refuses a file over 1 MiB in a commit read with --at, with or without the cache', () => {
    const member = (i: number) => `- id: m-${i}\n  joined: 2012-03-10\n  gender: undisclosed\n`;
    const big = Array.from({ length: 20_000 }, (_, i) => member(i)).join('');
    const repo = orgRepo({ [MEMBERS]: big });
    repo.write(MEMBERS, member(1));
    repo.commit('split the members');
    const run = (env: Record<string, string>) => runCli(['readiness', '--at', 'HEAD~1', '--format', 'json'], { cwd: repo.dir, env });
    const plain = run({ IOPS_CACHE: 'off' });
    expect(plain.code).toBe(3);
    // with --format json the error is JSON on stdout
    expect(JSON.parse(plain.stdout).error.problems[0]).toMatchObject({ file: MEMBERS, line: 1, column: 1, message: expect.stringContaining(`the file is ${big.length.toLocaleString('en-US')} bytes, more than the 1 MiB`) });
    for (let i = 0; i < 2; i++) expect(run({})).toEqual(plain);
  });

  it('refuses a symbolic link to a file outside the data repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'iops-outside-'));
    writeFileSync(join(outside, 'members.yaml'), '- id: ldn-a\n  joined: 2012-03-10\n');
    const repo = orgRepo({ [MEMBERS]: null });
    symlinkSync(join(outside, 'members.yaml'), join(repo.dir, MEMBERS));
    repo.commit('link');
    expectProblem(await validate(repo), `${MEMBERS}:1:1`, 'a symbolic link leading outside the data repository is refused');
  });

  it('refuses a symbolic link to a folder outside the data repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'iops-outside-'));
    writeFileSync(join(outside, 'chapter.yaml'), 'name: Paris\ncountry: FR\n');
    const repo = orgRepo();
    symlinkSync(outside, join(repo.dir, 'chapters/paris'));
    const r = await validate(repo);
    expectProblem(r, 'chapters/paris:1:1', 'a symbolic link leading outside the data repository is refused');
  });

  it('refuses chapters/ itself as a symbolic link rather than finding no chapters', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'iops-outside-'));
    const repo = orgRepo({ [CHAPTER]: null, [MEMBERS]: null });
    symlinkSync(outside, join(repo.dir, 'chapters'));
    expectProblem(await validate(repo), 'chapters:1:1', 'a symbolic link leading outside the data repository is refused');
  });

  it('reports a symbolic link that leads nowhere', async () => {
    const repo = orgRepo({ [MEMBERS]: null });
    symlinkSync(join(repo.dir, 'gone.yaml'), join(repo.dir, MEMBERS));
    expectProblem(await validate(repo), `${MEMBERS}:1:1`, 'a symbolic link that leads nowhere');
  });

  it('reports a named pipe instead of waiting on it for ever, whether linked to or in place', async () => {
    const repo = orgRepo({ [MEMBERS]: null });
    execFileSync('mkfifo', [join(repo.dir, 'pipe'), join(repo.dir, 'chapters/london/chapter.yaml.fifo')]);
    symlinkSync('../../pipe', join(repo.dir, MEMBERS));
    const r = await validate(repo);
    expectProblem(r, `${MEMBERS}:1:1`, 'not a regular file (a pipe, socket or device); iops reads only files');
    expect(r.problems).toHaveLength(2);
    expectProblem(r, 'chapters/london/chapter.yaml.fifo:1:1', 'not a regular file');
  });

  it('accepts a symbolic link that stays inside the data repository', async () => {
    const repo = orgRepo({ 'shared/london-members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n', [MEMBERS]: null });
    symlinkSync('../../shared/london-members.yaml', join(repo.dir, MEMBERS));
    const r = await validate(repo);
    expectNoCrash(r);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('1 member record (');
  });
});

describe('error text does not echo member data', () => {
  const members = [
    '- id: ldn-alpha',
    '  joined: 2012-03-10',
    '  gender: woman',
    '  age_band: 35-44',
    '- id: ldn-bravo',
    '  joined: 2012-04-01',
    '  gender: mann',
    '- id: ldn-charlie',
    '  joined: 2012-05-01',
    '  age_band: 55-64',
    '',
  ].join('\n');

  it('names only the offending key and value, in text and in JSON', async () => {
    const repo = orgRepo({ [MEMBERS]: members });
    const r = await validate(repo);
    expectProblem(r, `${MEMBERS}:7:11`, 'members[1].gender: expected a gender: one of woman, man, non-binary, undisclosed; found text "mann"');
    const json = await validate(repo, ['--format', 'json']);
    for (const out of [r.stdout, json.stdout]) {
      for (const other of ['ldn-alpha', 'ldn-charlie', '35-44', '55-64', '2012-03-10', '2012-05-01', 'ldn-bravo']) expect(out).not.toContain(other);
    }
  });

  it('cuts a long bad value short', async () => {
    const secret = `x${'s'.repeat(300)}`;
    const r = await validate(orgRepo({ [MEMBERS]: `- id: ldn-a\n  joined: ${secret}\n` }));
    const line = expectProblem(r, `${MEMBERS}:2:11`, 'is not a calendar date');
    expect(line).toContain('…');
    expect(line).not.toContain(secret);
  });
});
