// iops init and iops schema, end to end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaFiles } from '../../src/core/schema/jsonSchema.js';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

describe('iops init', () => {
  it('creates a valid data repository with one commit (git init when needed)', () => {
    const plain = mkdtempSync(join(tmpdir(), 'iops-init-'));
    const r = runCli(['init', join(plain, 'org')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = join(plain, 'org');
    expect(runCli(['validate', '--data', dir]).code).toBe(0);
    expect(execFileSync('git', ['-C', dir, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).trim()).toBe('1');
    expect(execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
    // a new organisation's deadline is a year ahead, not the sample's 2013-08-31
    const deadline = /\ndeadline: (\d{4}-\d{2}-\d{2})/.exec(readFileSync(join(dir, 'goals.yaml'), 'utf8'))![1]!;
    expect(deadline > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(r.stdout).toContain(`to be met by ${deadline}`);
    expect(execFileSync('git', ['-C', dir, 'symbolic-ref', '--short', 'HEAD'], { encoding: 'utf8' }).trim()).toBe('main');
    expect(readFileSync(join(dir, 'iops.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.iops\/schemas\/iops\.schema\.json\n/);
    for (const f of ['README.md', '.gitattributes', '.github/workflows/iops.yml', '.github/workflows/iops-comment.yml', '.github/CODEOWNERS', '.iops/schemas/members.schema.json', '.iops/ci/package.json', '.iops/ci/package-lock.json']) expect(existsSync(join(dir, f))).toBe(true);
    const readiness = JSON.parse(runCli(['--data', dir, 'readiness', '--format', 'json', '--as-of', '2013-01-01']).stdout);
    expect(readiness.goals.map((g: { id: string }) => g.id)).toEqual(['members', 'functioning-chapters', 'women', 'national-gatherings', 'dues']);
    rmSync(plain, { recursive: true, force: true });
  });

  it('branch main even where git would make master, and the settings from --name, --convention, --deadline, --currency', () => {
    const plain = mkdtempSync(join(tmpdir(), 'iops-init-'));
    const dir = join(plain, 'org');
    const args = ['init', dir, '--name', 'IOPS: "Scotland" & Co', '--convention', 'yes', '--deadline', '2028-02-29', '--currency', 'GBP'];
    const r = runCli(args, { env: { GIT_CONFIG_PARAMETERS: "'init.defaultBranch'='master'" } });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(execFileSync('git', ['-C', dir, 'symbolic-ref', '--short', 'HEAD'], { encoding: 'utf8' }).trim()).toBe('main');
    expect(runCli(['validate', '--data', dir]).code).toBe(0);
    const readiness = JSON.parse(runCli(['--data', dir, 'readiness', '--format', 'json', '--as-of', '2027-01-01']).stdout);
    expect(readiness.deadline).toBe('2028-02-29');
    // the names read back exactly as given: YAML-safe however they are spelled
    expect(parse(readFileSync(join(dir, 'iops.yaml'), 'utf8'))).toMatchObject({ organization: 'IOPS: "Scotland" & Co', currency: 'GBP' });
    expect(parse(readFileSync(join(dir, 'goals.yaml'), 'utf8'))).toMatchObject({ convention: 'yes', deadline: '2028-02-29' });
    rmSync(plain, { recursive: true, force: true });
  });

  it('refuses a deadline that is not a calendar date, a currency that is not ISO 4217, a name on two lines: nothing written', () => {
    const plain = mkdtempSync(join(tmpdir(), 'iops-init-'));
    const cases: [string[], string][] = [
      [['--deadline', '2027-02-30'], '--deadline "2027-02-30" is not a calendar date'],
      [['--deadline', 'next summer'], 'is not a calendar date (write YYYY-MM-DD'],
      [['--currency', 'XYZ'], '--currency "XYZ" is not an ISO 4217 currency code'],
      [['--currency', 'gbp'], 'did you mean --currency GBP?'],
      [['--name', 'two\nlines'], '--name must be one line of text'],
      [['--name', '  '], '--name is empty'],
      [['--sample', '--deadline', '2027-01-01'], 'leave out --deadline'],
    ];
    for (const [flags, message] of cases) {
      const r = runCli(['init', join(plain, 'org'), ...flags]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(plain, 'org'))).toBe(false);
    }
    rmSync(plain, { recursive: true, force: true });
  });

  it('--quiet prints nothing when it worked', () => {
    const plain = mkdtempSync(join(tmpdir(), 'iops-init-'));
    const r = runCli(['init', join(plain, 'org'), '--quiet']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(existsSync(join(plain, 'org', 'iops.yaml'))).toBe(true);
    rmSync(plain, { recursive: true, force: true });
  });

  it('refuses a folder that already holds a data repository, changing nothing', () => {
    const repo = tempRepo({ 'iops.yaml': 'organization: X\ncurrency: USD\n' });
    const r = runCli(['init', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already holds a data repository');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('inside a larger repository, commits only its own paths and leaves other changes alone', () => {
    const repo = tempRepo({ 'src/app.txt': 'v1\n' });
    repo.write('src/app.txt', 'v2 staged\n');
    repo.git('add', 'src/app.txt');
    repo.write('other.txt', 'untracked\n');
    const r = runCli(['init', 'orgdata'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(repo.git('status', '--porcelain')).toBe('M  src/app.txt\n?? other.txt\n');
    const files = repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(files.every((f) => f.startsWith('orgdata/') || f.startsWith('.github/'))).toBe(true);
    expect(readFileSync(join(repo.dir, '.github/workflows/iops.yml'), 'utf8')).toContain('\nenv:\n  IOPS_DATA: "orgdata"\n');
    expect(files).toContain('orgdata/.iops/ci/package-lock.json');
    expect(files).toContain('.github/workflows/iops-comment.yml');
    expect(runCli(['validate'], { cwd: join(repo.dir, 'orgdata', 'chapters') }).code).toBe(0);
  });

  it('--sample replays the sample organisation as a dated history ending in data/', () => {
    const repo = tempRepo();
    const r = runCli(['init', 'org', '--sample'], { cwd: repo.dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const dir = join(repo.dir, 'org');
    const log = repo.git('log', '--format=%ad|%s', '--date=short').trim().split('\n');
    expect(log.length).toBeGreaterThan(10);
    expect(log.at(-1)).toMatch(/^2011-\d\d-\d\d\|Create the data repository/);
    expect(log).toContain('2012-05-15|Goals: count online meetings toward a functioning chapter');
    const sample = resolve(__dirname, '../../data');
    for (const f of ['iops.yaml', 'goals.yaml', 'chapters/london/members.yaml']) {
      if (existsSync(join(sample, f))) expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(sample, f), 'utf8'));
    }
    // every commit of the history is a valid repository (readiness computes: exit 0 or 1, not 3)
    for (const ref of ['HEAD', 'HEAD~3', 'HEAD~8']) expect(runCli(['--data', dir, 'readiness', '--at', ref, '--format', 'json']).code).toBeLessThan(2);
    // each month's commit holds the receipts and members dated up to its day, no more and no fewer
    const dated = (text: string, item: RegExp) => [...text.matchAll(item)].map((m) => m[1]!);
    const finalFiles = repo.git('ls-files', '--', 'org/chapters').trim().split('\n').map((p) => p.slice('org/'.length));
    const ledgers = finalFiles.filter((p) => /\/dues\/\d{4}\.yaml$/.test(p)).map((p) => [p, dated(readFileSync(join(dir, p), 'utf8'), /^- \{ date: (\S+),/gm)] as const);
    const lists = finalFiles.filter((p) => p.endsWith('/members.yaml')).map((p) => [p, readFileSync(join(dir, p), 'utf8')] as const);
    const moves = lists.map(([, text]) => text).join('\n').match(/moved_from[^]*?(?=\n- |$)/g)?.join('\n') ?? '';
    const stayed = lists.filter(([p, text]) => !text.includes('moved_from') && !moves.includes(`chapter: ${p.split('/')[1]}`)).map(([p, text]) => [p, dated(text, /^ {2}joined: (\S+)$/gm)] as const);
    expect(stayed.length).toBeGreaterThan(20);
    const counted = (commit: string, pattern: string, paths: string) =>
      new Map(spawnSync('git', ['grep', '-c', '-e', pattern, commit, '--', paths], { cwd: repo.dir, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map((l) => l.split(':').slice(1) as [string, string]).map(([p, n]) => [p.slice('org/'.length), Number(n)]));
    const months = repo.git('log', '--format=%H %ad %s', '--date=short').trim().split('\n').filter((l) => !l.includes(' Goals: '));
    for (const [commit, day] of months.map((l) => l.split(' '))) {
      const expected = (files: (readonly [string, string[]])[]) => new Map(files.map(([p, dates]) => [p, dates.filter((d) => d <= day!).length] as const).filter(([, n]) => n !== 0));
      expect(counted(commit!, '^- { date:', 'org/chapters/*/dues/*.yaml'), `receipts at ${day}`).toEqual(expected(ledgers));
      const members = counted(commit!, '^- id:', 'org/chapters/*/members.yaml');
      expect(new Map(stayed.map(([p]) => [p, members.get(p)] as const).filter(([, n]) => n !== undefined)), `members at ${day}`).toEqual(expected(stayed));
    }
    const revision = repo.git('log', '--format=%H', '--grep', 'count online meetings').trim();
    const diff = JSON.parse(runCli(['--data', dir, 'diff', `${revision}~1`, revision, '--format', 'json']).stdout);
    expect(diff.definition_changes).toEqual([{ path: 'definitions.functioning_chapter.count_online', before: false, after: true }]);
  });
});

describe('schemas', () => {
  it('the committed JSON Schemas in schemas/ and data/.iops/schemas/ match the zod schemas', () => {
    const root = resolve(__dirname, '../..');
    for (const dir of ['schemas', 'data/.iops/schemas']) {
      const committed = readdirSync(join(root, dir)).sort();
      expect(committed).toEqual([...jsonSchemaFiles().keys()].sort());
      for (const [name, text] of jsonSchemaFiles()) expect(readFileSync(join(root, dir, name), 'utf8'), `${dir}/${name} drifted: run npm run schemas`).toBe(text);
    }
  });

  it('iops schema --out writes one file per kind', () => {
    const repo = tempRepo();
    const r = runCli(['schema', '--out', 'out'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(repo.dir, 'out')).sort()).toEqual([...jsonSchemaFiles().keys()].sort());
    expect(JSON.parse(readFileSync(join(repo.dir, 'out', 'chapter.schema.json'), 'utf8')).properties.country.pattern).toBe('^[A-Z]{2}$');
  });
});
