// Kills a write command's whole process group (iops, its git, git's hook) while git is
// committing: a pre-commit hook says it has started, then sleeps, so the kill always lands
// while git holds .git/index.lock. Used by the crash and failure tests.
//
// git holds the index lock through its hooks only when it commits named paths while something
// else is staged (a plain commit, which iops makes when nothing else is staged, lets it go
// first): so the user has staged a change of their own (notes.txt), which must stay staged.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, GIT_ENV, type TempRepo } from '../helpers/repo.js';

/** What `git status --porcelain` says after a killed write is recovered: the user's own staged change, still staged. */
export const USER_STAGED = 'A  notes.txt\n';

export async function killGroupDuringCommit(repo: TempRepo, args: string[], env: Record<string, string> = {}): Promise<void> {
  repo.write('notes.txt', 'agenda for the next meeting\n');
  repo.git('add', 'notes.txt');
  const marker = join(repo.dir, '.git', 'test-hook-started');
  const hook = join(repo.dir, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\nexec sleep 600\n`);
  chmodSync(hook, 0o755);
  // detached: the child leads a new process group, which the kill takes down whole
  const child = spawn(process.execPath, [CLI, ...args], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '', ...env }, stdio: 'ignore', detached: true });
  const closed = new Promise((resolve) => child.on('close', resolve));
  try {
    while (!existsSync(marker) && child.exitCode === null) await sleep(20);
    if (!existsSync(marker)) throw new Error('the write ended before git ran its pre-commit hook');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has ended already
    }
    await closed;
    rmSync(hook, { force: true });
    rmSync(marker, { force: true });
  }
}
