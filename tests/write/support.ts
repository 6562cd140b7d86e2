// Shared by the write tests: the state of a repository (to prove a failure changed nothing),
// the last commit's subject and trailers, and a small organisation with a branch.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { type CliResult, type TempRepo, minimalOrg, runCli } from '../helpers/repo.js';


export const runIops = (args: string[], opts: { cwd: string; env?: Record<string, string> }): CliResult => runCli(args, opts);

/** Every file's bytes (outside .git), git status, HEAD, and the index: all a failure must leave alone. */
export function repoState(repo: TempRepo, dir = repo.dir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) {
        out[`${relative(dir, abs)}/`] = 'dir';
        walk(abs);
      } else out[relative(dir, abs)] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    }
  };
  walk(dir);
  out['<status>'] = repo.git('status', '--porcelain', '--untracked-files=all');
  out['<head>'] = repo.git('rev-parse', 'HEAD').trim();
  out['<index>'] = repo.git('ls-files', '-s');
  return out;
}

export function lastCommit(repo: TempRepo): { subject: string; trailers: string[]; files: string[]; author: string } {
  const subject = repo.git('log', '-1', '--format=%s').trim();
  const body = repo.git('log', '-1', '--format=%(trailers:only,unfold)').trim();
  const files = repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').filter(Boolean);
  const author = repo.git('log', '-1', '--format=%an <%ae>').trim();
  return { subject, trailers: body.split('\n').filter(Boolean), files, author };
}

export const commitCount = (repo: TempRepo): number => Number(repo.git('rev-list', '--count', 'HEAD').trim());

/** minimalOrg plus a branch, a second chapter and a dues arrangement: enough for every command. */
export function smallOrg(overrides: Record<string, string> = {}): Record<string, string> {
  return minimalOrg({
    'chapters/london/chapter.yaml': '# London, since 2012\nname: London   # as people say it\ncountry: GB\nbranch: uk\n',
    'chapters/brighton/chapter.yaml': 'name: Brighton\ncountry: GB\n',
    'chapters/brighton/members.yaml': '- id: bri-a\n  joined: 2012-05-01\n',
    'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2012-06-01, kind: regional, chapters: [london, brighton] }\n',
    'goals.yaml': 'convention: Founding convention\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "At least 5,000 members", metric: members, min: 5000 }\n',
    ...overrides,
  });
}

/** Runs iops with the data folder as cwd. */
export function iops(repo: TempRepo, args: string[], env: Record<string, string> = {}, sub = '') {
  return runIops(args, { cwd: join(repo.dir, sub), env });
}

export function expectValid(repo: TempRepo, sub = ''): void {
  const r = iops(repo, ['validate'], {}, sub);
  expect(r.stdout + r.stderr).toMatch(/^valid/);
  expect(r.code).toBe(0);
}

/** Runs iops and expects success, showing its stderr if not. */
export function ok(repo: TempRepo, args: string[], env: Record<string, string> = {}, sub = '') {
  const r = iops(repo, args, env, sub);
  expect(r.code, `iops ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}
