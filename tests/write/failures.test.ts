// When a write cannot be made, nothing changes: files, index, HEAD and status stay exactly
// as they were, and the message says what to do.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GIT_ENV, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { USER_STAGED, killGroupDuringCommit } from './killDuringCommit.js';
import { expectValid, iops, ok, repoState, smallOrg } from './support.js';

afterAll(cleanupRepos);

function refused(args: string[], code: number, message: RegExp, setup?: (repo: ReturnType<typeof tempRepo>) => void, env: Record<string, string> = {}) {
  const repo = tempRepo(smallOrg());
  setup?.(repo);
  const before = repoState(repo);
  const r = iops(repo, args, env);
  expect(r.stderr).toMatch(message);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(repoState(repo)).toEqual(before);
  return { repo, r };
}

describe('refusals leave the repository exactly as it was', () => {
  it('a value that makes the data invalid: exit 3, pointing at the problem', () => {
    refused(['member', 'leave', 'ldn-a', '--date', '2012-01-01'], 3, /members\.yaml:\d+:\d+: members\[0\]\.left: left 2012-01-01 is not after joined 2012-03-10/);
    refused(['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '500', '--currency', 'JPY'], 3, /JPY has no rate/);
  });

  it('a malformed value: exit 2 naming the flag', () => {
    refused(['member', 'add', 'london', '--joined', '2013-02-30'], 2, /--joined: "2013-02-30" is not a calendar date/);
    refused(['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '1.234', '--currency', 'GBP'], 2, /--amount: 1\.234 has more decimals than GBP allows/);
    refused(['meeting', 'log', 'lodnon', '--date', '2013-01-05', '--mode', 'online', '--attendance', '3'], 2, /no chapter "lodnon"; did you mean "london"\?/);
    refused(['chapter', 'set', 'london', '--name', 'London'], 2, /nothing to change/);
  });

  it('values starting with - are data, never options', () => {
    const { repo } = { repo: tempRepo(smallOrg()) };
    ok(repo, ['meeting', 'log', 'london', '--date', '2013-05-04', '--mode', 'online', '--attendance', '3', '--notes', '-rf']);
    expect(readFileSync(join(repo.dir, 'chapters/london/meetings/2013-05-04.yaml'), 'utf8')).toContain('notes: "-rf"\n');
    refused(['member', 'add', 'london', '--joined', '2013-01-01', '--id', '--help'], 2, /--id: "--help" is not a valid id/);
    refused(['member', 'leave', '--date', '2013-01-01', '--', '--help'], 2, /"--help" is not a valid id/);
    refused(['chapter', 'add', '--name', 'X', '--country', 'GB', '--', '-x'], 2, /ID: "-x" is not a valid id/);
  });

  it('a pre-commit hook that says no: files, index and HEAD unchanged, new folders gone', () => {
    const { repo } = refused(['meeting', 'log', 'brighton', '--date', '2013-05-04', '--mode', 'online', '--attendance', '3'], 2, /refused the commit[\s\S]*no commits today/, (r) => {
      const hook = join(r.dir, '.git/hooks/pre-commit');
      writeFileSync(hook, '#!/bin/sh\necho "no commits today" >&2\nexit 1\n');
      chmodSync(hook, 0o755);
    });
    expect(existsSync(join(repo.dir, 'chapters/brighton/meetings'))).toBe(false);
  });

  it('a touched file with uncommitted edits, staged or not, is refused and kept', () => {
    const edit = (r: ReturnType<typeof tempRepo>) => r.write('chapters/london/members.yaml', `${smallOrg()['chapters/london/members.yaml']}# my note\n`);
    const { repo } = refused(['member', 'add', 'london', '--joined', '2013-01-01'], 2, /chapters\/london\/members\.yaml has uncommitted changes[\s\S]*git stash push -- chapters\/london\/members\.yaml/, edit);
    expect(readFileSync(join(repo.dir, 'chapters/london/members.yaml'), 'utf8')).toMatch(/# my note\n$/);
    refused(['member', 'add', 'london', '--joined', '2013-01-01'], 2, /uncommitted changes/, (r) => {
      edit(r);
      r.git('add', 'chapters/london/members.yaml');
    });
    refused(['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP'], 2, /dues\/2013\.yaml has uncommitted changes/, (r) =>
      r.write('chapters/london/dues/2013.yaml', '- { date: 2013-01-01, member: ldn-b, amount: 1, currency: GBP }\n'),
    );
  });

  it('git state: no identity, detached HEAD, a leftover index.lock, a held iops lock', () => {
    const home = mkdtempSync(join(tmpdir(), 'iops-home-'));
    const noIdentity = { HOME: home, XDG_CONFIG_HOME: home, GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '', GIT_COMMITTER_NAME: '', GIT_COMMITTER_EMAIL: '' };
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /git config --global user\.name "Your Name" && git config --global user\.email/, (r) => {
      r.git('config', '--unset', 'user.name');
      r.git('config', '--unset', 'user.email');
    }, noIdentity);
    // a name without an e-mail address; and an address set, then set to nothing nearer the repository
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /who you are \(no user\.email\)/, (r) => r.git('config', '--unset', 'user.email'), noIdentity);
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /who you are \(no user\.name\)/, (r) => {
      writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Someone\n');
      r.git('config', 'user.name', '');
    }, noIdentity);
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /HEAD is detached[\s\S]*git switch/, (r) => r.git('checkout', '-q', '--detach'));
    const { repo } = refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /index\.lock exists[\s\S]*remove the lock with: rm '.*\.git\/index\.lock'/, (r) => writeFileSync(join(r.dir, '.git/index.lock'), ''));
    expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(true);
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /another iops command is changing this repository[\s\S]*rmdir '.*\.git\/iops\.lock'/, (r) => mkdirSync(join(r.dir, '.git/iops.lock')), { IOPS_LOCK_WAIT: '0.3' });
  });

  it('a rebase in progress is named (not "HEAD is detached"), with how to finish or cancel it', () => {
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /a rebase is in progress[\s\S]*git rebase --continue[\s\S]*git rebase --abort/, (r) => {
      r.write('notes.txt', 'base\n');
      r.commit('notes');
      r.git('checkout', '-q', '-b', 'other');
      r.write('notes.txt', 'theirs\n');
      r.commit('their notes');
      r.git('checkout', '-q', 'main');
      r.write('notes.txt', 'ours\n');
      r.commit('our notes');
      r.git('checkout', '-q', 'other');
      expect(() => r.git('rebase', 'main')).toThrow(); // stops at the conflict, HEAD detached
      expect(r.git('status')).toMatch(/rebase in progress/);
    });
  });

  it('a cherry-pick stopped at a conflict is named, with how to finish or cancel it', () => {
    refused(['member', 'leave', 'ldn-a', '--date', '2013-01-01'], 2, /a cherry-pick is in progress[\s\S]*git cherry-pick --abort/, (r) => {
      r.write('notes.txt', 'base\n');
      r.commit('notes');
      r.git('checkout', '-q', '-b', 'other');
      r.write('notes.txt', 'theirs\n');
      const theirs = r.commit('their notes');
      r.git('checkout', '-q', 'main');
      r.write('notes.txt', 'ours\n');
      r.commit('our notes');
      expect(() => r.git('cherry-pick', theirs)).toThrow();
    });
  });

  it('an already invalid repository is refused with its problems', () => {
    refused(['member', 'add', 'brighton', '--joined', '2013-01-01'], 3, /chapters\/london\/members\.yaml:2:11: .*"2012-13-10" is not a calendar date/, (r) => {
      r.write('chapters/london/members.yaml', '- id: ldn-a\n  joined: 2012-13-10\n');
      r.commit('broken by hand');
    });
  });
});

describe('a data folder inside a larger repository', () => {
  it('commits only its own paths; unrelated staged and unstaged changes stay as they were', () => {
    const files = Object.fromEntries(Object.entries(smallOrg()).map(([p, t]) => [`org/${p}`, t]));
    const repo = tempRepo({ ...files, 'src/app.js': 'one\n', 'README': 'readme\n' });
    repo.write('src/app.js', 'two\n');
    repo.git('add', 'src/app.js');
    repo.write('README', 'changed, not staged\n');
    repo.write('notes.txt', 'untracked\n');
    const status = repo.git('status', '--porcelain');
    ok(repo, ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP'], {}, 'org/chapters');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('org/chapters/london/dues/2013.yaml');
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(repo.git('diff', '--cached', '--name-only').trim()).toBe('src/app.js');
    expect(readFileSync(join(repo.dir, 'README'), 'utf8')).toBe('changed, not staged\n');
  });
});

describe('git killed while committing (its index.lock left behind)', () => {
  const record = (amount: number) => ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', String(amount), '--currency', 'GBP'];
  const ENV = { IOPS_LOCK_WAIT: '1' };
  const killed = async () => {
    const repo = tempRepo(smallOrg());
    await killGroupDuringCommit(repo, record(5), ENV);
    const then = new Date(Date.now() - 60_000);
    utimesSync(join(repo.dir, '.git/iops.lock'), then, then); // tried again later: iops's own lock is stale
    expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(true);
    return repo;
  };

  it('a git command still working in the repository: the lock is explained (the git named, the rm command), not removed', async () => {
    const repo = await killed();
    const git = spawn('git', ['hash-object', '--stdin'], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, stdio: ['pipe', 'ignore', 'ignore'] });
    const ended = new Promise((resolve) => git.on('close', resolve));
    try {
      const r = iops(repo, record(6), ENV);
      expect(r.stderr).toMatch(new RegExp(`a git command may still be working in this repository: pid ${git.pid} \\(git hash-object --stdin\\)`));
      expect(r.stderr).toMatch(/remove the lock with: rm '.*\.git\/index\.lock'/);
      expect(r.code, r.stderr).toBe(2);
      expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(true);
    } finally {
      git.stdin.end();
      await ended;
    }
    const again = iops(repo, record(6), ENV);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/index\.lock[^)]*\) was removed/);
    expect(repo.git('status', '--porcelain')).toBe(USER_STAGED);
    expectValid(repo);
  }, 120_000);

  it("the interrupted writer's process still running: explained, not removed", async () => {
    const repo = await killed();
    const journal = join(repo.dir, '.git/iops-journal.json');
    writeFileSync(journal, JSON.stringify({ ...JSON.parse(readFileSync(journal, 'utf8')), pid: process.pid }));
    const before = repoState(repo);
    const r = iops(repo, record(6), ENV);
    expect(r.stderr).toMatch(new RegExp(`process \\(pid ${process.pid}\\) is still running[\\s\\S]*rm '.*\\.git/index\\.lock'`));
    expect(r.code, r.stderr).toBe(2);
    expect(repoState(repo)).toEqual(before);
    expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(true);
  }, 120_000);
});
