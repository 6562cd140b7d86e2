// Temporary data repositories in real git repositories, with a test identity.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The built CLI: bin/iops.js, or IOPS_TEST_CLI (a private build, when others rebuild dist/ meanwhile). */
export const CLI = process.env.IOPS_TEST_CLI || resolve(__dirname, '../../bin/iops.js');

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Delegate',
  GIT_AUTHOR_EMAIL: 'delegate@example.org',
  GIT_COMMITTER_NAME: 'Test Delegate',
  GIT_COMMITTER_EMAIL: 'delegate@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface TempRepo {
  dir: string;
  write(path: string, content: string | Uint8Array): void;
  git(...args: string[]): string;
  commit(message: string, date?: string): string;
  cleanup(): void;
}

const created: string[] = [];

/** A fresh git repository; `files` are written and committed when given. */
export function tempRepo(files: Record<string, string> = {}, opts: { commit?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'iops-test-'));
  created.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  // the identity, and no signing, in the repository's config (as `git config` writes them, without three more git processes)
  appendFileSync(join(dir, '.git', 'config'), `[user]\n\tname = ${GIT_ENV.GIT_AUTHOR_NAME}\n\temail = ${GIT_ENV.GIT_AUTHOR_EMAIL}\n[commit]\n\tgpgsign = false\n`);
  const repo: TempRepo = {
    dir,
    write(path, content) {
      const abs = join(dir, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    },
    git,
    commit(message, date) {
      git('add', '-A');
      const env = date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {};
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: dir, env: { ...process.env, ...GIT_ENV, ...env } });
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  if (Object.keys(files).length && opts.commit !== false) repo.commit('fixture');
  return repo;
}

/**
 * The sample organisation's files (the committed data/, which `iops init --sample` ends in:
 * tests/init/init.test.ts) copied into a fresh repository in one commit: for tests that read
 * the sample as it is now, at a fraction of the cost of replaying its history with init --sample
 * (use that where a test needs the history, such as --at HEAD~3).
 */
export function sampleRepo(): TempRepo {
  const repo = tempRepo();
  cpSync(resolve(__dirname, '../../data'), repo.dir, { recursive: true });
  repo.commit('the sample organisation');
  return repo;
}

/** A temporary folder outside any repository, removed by cleanupRepos. */
export function tempDir(prefix = 'iops-dir-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupRepos(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, without colour. */
export function runCli(args: string[], opts: { cwd?: string | undefined; env?: Record<string, string> | undefined; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? tmpdir(),
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '', ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A minimal valid organisation's files: settings, goals, one chapter with members. */
export function minimalOrg(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'iops.yaml': 'organization: Test Org\ncurrency: USD\nrates: { GBP: 1.58, EUR: 1.25 }\nkey_documents: [values, vision]\nprivacy: { min_group: 5 }\n',
    'chapters/london/chapter.yaml': 'name: London\ncountry: GB\n',
    'chapters/london/members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n  gender: woman\n- id: ldn-b\n  joined: 2012-04-01\n  gender: man\n',
    ...overrides,
  };
}
