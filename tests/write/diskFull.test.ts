// A full disk, a file size limit, a read-only file system and standard output that cannot
// be written: each is explained (exit 2, what happened and what to do, never "This is a
// bug"), the repository is left exactly as it was, and no temporary file stays behind.
//
// How the disk fills for real: a tiny tmpfs is mounted (root with permission to mount, as in
// CI); those tests say so in their names and are skipped only when mounting is not allowed.
// Without a mount, a file size limit (ulimit -f, EFBIG) fails the write the same way, and
// /dev/full refuses standard output with ENOSPC: those always run.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, GIT_ENV, type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { iops, ok, repoState, smallOrg } from './support.js';

const mounts: string[] = [];
afterAll(() => {
  cleanupRepos();
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  for (const m of mounts) rmSync(m, { recursive: true, force: true });
});

/** A fresh tmpfs of `size` (e.g. '4m'), or undefined when this machine does not let us mount one. */
function mountTmpfs(size: string, readOnly = false): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'iops-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

let canMount = false;
beforeAll(() => {
  const probe = mountTmpfs('64k');
  canMount = probe !== undefined;
});

/** A data repository made inside `parent` (the tmpfs). */
function repoIn(parent: string): TempRepo {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = parent;
  try {
    return tempRepo(smallOrg());
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** Fills the file system holding `dir` to the last byte, then frees `leave` bytes (whole pages). */
function fill(dir: string, leave = 0): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  for (const chunk of [1 << 20, 1 << 16, 4096, 1]) {
    try {
      for (;;) appendFileSync(fd, Buffer.alloc(chunk));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
  }
  closeSync(fd);
  if (leave) truncateSync(filler, Math.max(0, statSync(filler).size - leave));
  return filler;
}

/** Every temporary file of an atomic write under `dir`, .git included. */
function tempFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.tmp$/.test(e.name)) out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out;
}

const notes = (n: number) => 'x'.repeat(n);
const logMeeting = (n: number) => ['meeting', 'log', 'brighton', '--date', '2013-05-04', '--mode', 'online', '--attendance', '3', '--notes', notes(n)];

function expectExplained(r: { code: number; stderr: string }, reason: RegExp) {
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).not.toMatch(/This is a bug|unexpected error|\n\s+at /);
  expect(r.code, r.stderr).toBe(2);
}

describe('a full disk (a tiny tmpfs: needs permission to mount)', () => {
  it('full before anything is written: explained, nothing changed, no temporary file', (ctx) => {
    if (!canMount) ctx.skip();
    const disk = mountTmpfs('4m')!;
    const repo = repoIn(disk);
    const before = repoState(repo);
    const filler = fill(disk);
    const r = iops(repo, logMeeting(100));
    expectExplained(r, /could not write .*: the disk is full \(no space left on device\)\. Free some space/);
    rmSync(filler); // git status itself needs room
    expect(repoState(repo)).toEqual(before);
    expect(tempFiles(repo.dir)).toEqual([]);
  });

  it('full half way through the data file (after the journal): undone, no temporary file, and it works once there is room', (ctx) => {
    if (!canMount) ctx.skip();
    const disk = mountTmpfs('4m')!;
    const repo = repoIn(disk);
    const before = repoState(repo);
    const filler = fill(disk, 16 * 1024); // room for the journal, not for 64 KB of notes
    const r = iops(repo, logMeeting(64 * 1024));
    expectExplained(r, /could not write .*chapters\/brighton\/meetings\/2013-05-04\.yaml: the disk is full/);
    expect(repoState(repo)).toEqual(before);
    expect(tempFiles(repo.dir)).toEqual([]);
    expect(existsSync(join(repo.dir, '.git/iops-journal.json'))).toBe(false);
    rmSync(filler);
    const again = iops(repo, logMeeting(64 * 1024));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('a read-only file system: explained, nothing changed', (ctx) => {
    if (!canMount) ctx.skip();
    const disk = mountTmpfs('4m')!;
    const repo = repoIn(disk);
    const before = repoState(repo);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    try {
      const r = iops(repo, logMeeting(10));
      expectExplained(r, /could not create the iops lock .*: the file system is read-only\. .*Nothing was changed/);
      expect(repoState(repo)).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk]);
    }
  });
});

describe('without mounting anything', () => {
  it('a file size limit (ulimit -f, EFBIG) hit while writing the data file: explained, undone, no temporary file', () => {
    const repo = tempRepo(smallOrg());
    const before = repoState(repo);
    // at most 32 KB per file (iops handles SIGXFSZ, so the write fails with EFBIG instead of killing it)
    const script = `ulimit -f 32; exec "$0" "$@"`;
    const r = spawnSync('bash', ['-c', script, process.execPath, CLI, ...logMeeting(64 * 1024)], {
      cwd: repo.dir,
      env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '' },
      encoding: 'utf8',
    });
    expectExplained({ code: r.status ?? -1, stderr: r.stderr }, /could not write .*2013-05-04\.yaml: the file would be larger than this system allows/);
    expect(repoState(repo)).toEqual(before);
    expect(tempFiles(repo.dir)).toEqual([]);
  });

  it('temporary files left by earlier crashes are removed by the next write: beside the journal, in the folders it writes and those an interrupted journal names', () => {
    const repo = tempRepo(smallOrg());
    const leftovers = ['chapters/london/.members.yaml.iops-0123456789ab.tmp', 'chapters/london/dues/.2013.yaml.iops-abcdefabcdef.tmp', '.git/.iops-journal.json.iops-00000000beef.tmp', '.iops.yaml.iops-00000000cafe.tmp'];
    // a write killed after its journal, before its files: the journal names the ledger
    const journal = { version: 1, command: 'dues record', pid: 999999999, started: '2013-01-01T00:00:00.000Z', host: 'elsewhere', root: repo.dir, files: [{ path: 'chapters/london/dues/2013.yaml', before: null, after: '0'.repeat(64) }], createdDirs: [] };
    writeFileSync(join(repo.dir, '.git/iops-journal.json'), JSON.stringify(journal));
    for (const p of leftovers) {
      mkdirSync(join(repo.dir, p, '..'), { recursive: true });
      writeFileSync(join(repo.dir, p), 'half a file');
    }
    const mine = join(repo.dir, 'chapters/london/.my-notes.tmp'); // not iops's: stays
    writeFileSync(mine, 'keep');
    // an old leftover where nothing writes now stays until a write touches its folder
    const elsewhere = join(repo.dir, 'chapters/brighton/.members.yaml.iops-0000000000aa.tmp');
    writeFileSync(elsewhere, 'old');
    const r = iops(repo, ['member', 'leave', 'ldn-b', '--date', '2013-01-01']);
    expect(r.code, r.stderr).toBe(0);
    for (const p of leftovers) expect(existsSync(join(repo.dir, p)), p).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(elsewhere)).toBe(true);
    ok(repo, ['member', 'add', 'brighton', '--joined', '2013-01-01']);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full'))('standard output on a full device (/dev/full): explained, exit 2, no stack trace', () => {
    const repo = tempRepo(smallOrg());
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'validate'], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expectExplained({ code: r.status ?? -1, stderr: r.stderr }, /could not write the output \(standard output\): the disk is full/);
    } finally {
      closeSync(full);
    }
  });
});
