// The proof rule for removing git's index.lock after a killed write (docs/writing.md): each
// condition on its own keeps the lock. The end-to-end cases (a killed process group, a live
// git, a live writer) are in crash.test.ts and failures.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, tempDir } from '../helpers/repo.js';
import { gitLocksIn, isAlive, whyNotProved } from '../../src/io/staleLock.js';

function setup(lockAgeMs = 0) {
  const top = tempDir('iops-lock-');
  const gitDir = join(top, '.git');
  spawnSync('git', ['init', '-q', top]);
  const lock = join(gitDir, 'index.lock');
  writeFileSync(lock, '');
  const when = new Date(Date.now() - lockAgeMs);
  utimesSync(lock, when, when);
  return { top, gitDir, lock };
}

/** A process id that was just used and is now gone. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const procStat = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return '';
  }
};

async function waitFor<T>(found: () => T | undefined): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const f = found();
    if (f !== undefined) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

afterAll(cleanupRepos);

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

describe('removing git lock files left by a killed iops write', () => {
  it('proved: same computer, writer gone, lock newer than the journal, no git working here', () => {
    const { top, gitDir, lock } = setup();
    expect(gitLocksIn(gitDir)).toEqual([lock]);
    expect(whyNotProved(lock, { pid: deadPid(), started: minuteAgo(), host: hostname() }, top, gitDir)).toBeUndefined();
  });

  it('not proved: written on another computer, or by a version that did not record it', () => {
    const { top, gitDir, lock } = setup();
    expect(whyNotProved(lock, { pid: deadPid(), started: minuteAgo(), host: 'elsewhere' }, top, gitDir)).toMatch(/another computer \(elsewhere\)/);
    expect(whyNotProved(lock, { pid: deadPid(), started: minuteAgo() }, top, gitDir)).toMatch(/a computer iops did not record/);
  });

  it('not proved: the writer still runs', () => {
    const { top, gitDir, lock } = setup();
    expect(isAlive(process.ppid)).toBe(true);
    expect(whyNotProved(lock, { pid: process.ppid, started: minuteAgo(), host: hostname() }, top, gitDir)).toMatch(/still running/);
  });

  it('proved, with a git that has ended in the repository but whose exit is not yet collected (a zombie)', async () => {
    const { top, gitDir, lock } = setup();
    // sh starts git in the repository and becomes sleep, which never collects git's exit
    const parent = spawn('sh', ['-c', 'git hash-object --stdin </dev/null >/dev/null & exec sleep 5'], { cwd: top, stdio: 'ignore' });
    try {
      const zombie = await waitFor(() => readdirSync('/proc').find((p) => /^\d+$/.test(p) && procStat(p).startsWith(`${p} (git) Z ${parent.pid} `)));
      expect(zombie).toBeDefined();
      expect(whyNotProved(lock, { pid: deadPid(), started: minuteAgo(), host: hostname() }, top, gitDir)).toBeUndefined();
    } finally {
      parent.kill();
    }
  });

  it('not proved: the lock is older than the interrupted write', () => {
    const { top, gitDir, lock } = setup(120_000);
    expect(whyNotProved(lock, { pid: deadPid(), started: minuteAgo(), host: hostname() }, top, gitDir)).toMatch(/older than the interrupted iops command/);
  });
});
