// iops init where there is no work tree: inside a bare repository (a server's org.git) or
// inside a .git folder. Refused before anything is written: no nested .git, no data files
// among git's own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

function bareRepository(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'iops-bare-')), 'org.git');
  execFileSync('git', ['init', '-q', '--bare', dir]);
  return dir;
}

function expectRefused(r: { code: number; stderr: string }, kind: string) {
  expect(r.stderr).toMatch(new RegExp(`is inside a ${kind.replace('.', '\\.')}, which holds git's own records[\\s\\S]*nothing was written[\\s\\S]*git clone`));
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code, r.stderr).toBe(2);
}

describe('iops init without a work tree', () => {
  it('in a bare repository (the folder itself, or a new folder inside it): refused, nothing written', () => {
    const bare = bareRepository();
    const before = readdirSync(bare).sort();
    expectRefused(runCli(['init', '.'], { cwd: bare }), 'bare repository');
    expectRefused(runCli(['init', join(bare, 'data')]), 'bare repository');
    expect(readdirSync(bare).sort()).toEqual(before);
    expect(existsSync(join(bare, '.git'))).toBe(false);
    expect(existsSync(join(bare, 'iops.yaml'))).toBe(false);
  });

  it("inside a work tree's .git folder: refused, nothing written", () => {
    const repo = tempRepo({ 'README': 'hello\n' });
    const before = readdirSync(join(repo.dir, '.git')).sort();
    expectRefused(runCli(['init', '.'], { cwd: join(repo.dir, '.git') }), '.git folder');
    expectRefused(runCli(['init', join(repo.dir, '.git', 'org')]), '.git folder');
    expect(readdirSync(join(repo.dir, '.git')).sort()).toEqual(before);
  });
});
