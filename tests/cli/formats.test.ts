// One --format vocabulary and -o/--output FILE (src/commands/formats.ts, docs/formats.md):
// the same names in every command, old spellings as aliases, a wrong name listing the
// supported ones (exit 2), and a document written atomically into a file, never on an error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/commands/index.js';
import { FORMATS, formatMatrix, formatsByCommand, parseFormat } from '../../src/commands/formats.js';
import { cleanupRepos, minimalOrg, tempRepo, type TempRepo } from '../helpers/repo.js';
import { iops } from '../helpers/inProcess.js';

afterAll(cleanupRepos);

const GOALS = 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "At least 5 members", metric: members, min: 5 }\n';

const tree = (): Command => {
  const program = new Command('iops');
  registerCommands(program, async () => undefined);
  return program;
};

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(minimalOrg({ 'goals.yaml': GOALS, 'iops.yaml': 'organization: Test Org\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-06-30\n' }));
});

describe('--format names', () => {
  it('are the same names everywhere: every command offers only names from one list', () => {
    const rows = formatsByCommand(tree());
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const [, formats] of rows) for (const f of formats) expect(FORMATS).toContain(f);
    // no command still calls the terminal format `text`
    expect(rows.filter(([, formats]) => formats.includes('text'))).toEqual([]);
  });

  it('docs/formats.md shows the matrix of the commands as they are', () => {
    const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
    const between = /<!-- format-matrix[^>]*-->\n([\s\S]*?)\n<!-- \/format-matrix -->/.exec(doc)?.[1];
    expect(between, `docs/formats.md's matrix is out of date; put this there:\n${formatMatrix(tree())}`).toBe(formatMatrix(tree()));
  });

  it('accept old spellings and any case; a wrong name lists the supported ones', () => {
    expect(parseFormat('TEXT', ['table', 'json'])).toBe('table');
    expect(parseFormat('md', ['table', 'markdown'])).toBe('markdown');
    expect(parseFormat('Json', ['csv', 'json'])).toBe('json');
    expect(() => parseFormat('text', ['csv', 'json'])).toThrow('Use one of: csv, json.');
    expect(() => parseFormat('yaml', ['table', 'json'])).toThrow('Use one of: table, json (also accepted: text for table).');
  });

  it('on the command line: text is the table, JSON is json, a wrong one exits 2 naming the choices', async () => {
    const table = await iops(repo.dir, 'readiness', '--format', 'table');
    expect(table.code).toBe(1); // not ready: 2 members of 5
    expect(await iops(repo.dir, 'readiness', '--format', 'text')).toEqual(table);
    const validate = await iops(repo.dir, 'validate', '--format', 'JSON');
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true });
    const wrong = await iops(repo.dir, 'validate', '--format', 'markdown');
    expect([wrong.code, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toBe("iops: option '--format <format>' argument 'markdown' is invalid. Use one of: table, json (also accepted: text for table).\n(see iops validate --help)\n");
    expect((await iops(repo.dir, 'validate', '--format', 'text')).stdout).toMatch(/^valid: 1 chapter/);
  });
});

describe('-o/--output FILE', () => {
  it('writes the document into the file and nothing on stdout; the verdict still sets the exit code', async () => {
    const printed = await iops(repo.dir, 'readiness', '--format', 'markdown');
    const file = join(repo.dir, 'out', 'readiness.md');
    mkdirSync(join(repo.dir, 'out'));
    const r = await iops(repo.dir, 'readiness', '--format', 'markdown', '-o', 'out/readiness.md');
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', '']);
    expect(printed.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    // an existing file is replaced whole
    writeFileSync(file, 'old text, longer than the new one '.repeat(500));
    await iops(repo.dir, 'readiness', '--format', 'json', '--output', file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ ready: false });
  });

  it('refuses a folder, and a folder that does not exist, with exit 2', async () => {
    const folder = await iops(repo.dir, 'validate', '-o', '.');
    expect([folder.code, folder.stdout]).toEqual([2, '']);
    expect(folder.stderr).toMatch(/^iops: -o \.: that is a folder; name a file in it/);
    const missing = await iops(repo.dir, 'dues', 'export', '-o', 'no/such/dues.journal');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder no/such does not exist');
    expect(existsSync(join(repo.dir, 'no'))).toBe(false);
  });

  it('is not for report --publish, which commits the report into the repository', async () => {
    const r = await iops(repo.dir, 'report', 'london', '--publish', '-o', 'r.md');
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('use one or the other');
    expect(existsSync(join(repo.dir, 'r.md'))).toBe(false);
  });

  it('writes nothing when the command fails: invalid data exits 3 and leaves the old file as it was', async () => {
    const bad = tempRepo(minimalOrg({ 'goals.yaml': GOALS, 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndelgate: x\n' }));
    writeFileSync(join(bad.dir, 'report.md'), 'the previous report\n');
    const r = await iops(bad.dir, 'report', 'london', '--format', 'json', '-o', 'report.md');
    expect(r.code).toBe(3);
    // the error is still said, on stdout as JSON with --format json, not into the file
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { exit_code: 3 } });
    expect(readFileSync(join(bad.dir, 'report.md'), 'utf8')).toBe('the previous report\n');
    const fresh = await iops(bad.dir, 'readiness', '-o', 'fresh.txt');
    expect(fresh.code).toBe(3);
    expect(existsSync(join(bad.dir, 'fresh.txt'))).toBe(false);
  });
});
