// dashboard --out where the page cannot or must not go: a path through a file, /proc, a named
// pipe or a device, a dangling link, a read-only or full disk, a folder we may not write to.
// Each is refused or explained with exit 2 before anything is opened, and nothing is left
// half written. A hang fails the test (the spawn's timeout ends it) instead of the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, GIT_ENV, type TempRepo, cleanupRepos, tempDir, tempRepo } from '../helpers/repo.js';
import { smallOrg } from '../write/support.js';

const mounts: string[] = [];
afterAll(() => {
  cleanupRepos();
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  for (const m of mounts) rmSync(m, { recursive: true, force: true });
});

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(smallOrg());
});

const outside = () => tempDir('iops-out-');

function dashboard(out: string, extra: string[] = [], prefix: string[] = []) {
  const command = [...prefix, process.execPath, CLI, '--data', repo.dir, 'dashboard', '--out', out, ...extra];
  const r = spawnSync(command[0]!, command.slice(1), {
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '', HOME: tmpdir(), GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function refused(out: string, message: RegExp, extra: string[] = [], prefix: string[] = []) {
  const r = dashboard(out, extra, prefix);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/This is a bug|unexpected error|\n\s+at /);
  expect(r.code, r.stderr).toBe(2);
  return r;
}

function mountTmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'iops-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

const dotTemps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('dashboard --out that is not an ordinary folder', () => {
  it('a path through a file, or a dangling link: a clear error, not ENOTDIR or ENOENT', () => {
    const base = outside();
    writeFileSync(join(base, 'a-file'), 'x');
    refused(join(base, 'a-file', 'site'), /--out .*a-file\/site cannot be created: .*a-file is a file, not a folder; check the path/);
    symlinkSync(join(base, 'nowhere'), join(base, 'link'));
    refused(join(base, 'link', 'site'), /cannot be created: .*link is a symbolic link to a place that does not exist/);
  });

  it('/proc (a view of the running system): refused before anything is created, never hanging', () => {
    refused('/proc/self/x', /--out \/proc\/self\/x is on \/proc, which the system keeps for itself/);
  });

  it.skipIf(!existsSync('/dev/null'))('a device as the folder: refused', () => {
    refused('/dev/null', /--out \/dev\/null is a device, not a folder/);
  });

  it('a named pipe where index.html would go: refused without opening it, nothing written', () => {
    const out = outside();
    execFileSync('mkfifo', [join(out, 'index.html')]);
    refused(out, /index\.html is a named pipe \(FIFO\), not an ordinary file, so iops will not replace it; nothing was written/);
    expect(readdirSync(out)).toEqual(['index.html']);
  });

  it('leftovers of a killed earlier build (either temp-file name) are removed at the next build', () => {
    const out = outside();
    const old = ['.index.html.0123456789ab.tmp', '.index.html.iops-0123456789ab.tmp'];
    const then = new Date(Date.now() - 3_600_000);
    for (const n of old) {
      writeFileSync(join(out, n), 'half a page');
      utimesSync(join(out, n), then, then);
    }
    writeFileSync(join(out, '.notes.tmp'), 'not ours');
    expect(dashboard(out).code).toBe(0);
    expect(dotTemps(out)).toEqual(['.notes.tmp']);
  });
});

describe('dashboard --out on a disk that refuses the write', () => {
  it('a folder this user may not write to (run as an unprivileged user when root): explained', () => {
    const parent = outside();
    chmodSync(parent, 0o555);
    chmodSync(repo.dir, 0o755);
    const root = process.getuid?.() === 0;
    const prefix = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    refused(join(parent, 'site'), /could not create the folder .*site: permission denied\. Check who may write there/, [], prefix);
  });

  it('a full disk (a tiny tmpfs: needs permission to mount): the old page and JSON stay whole, no temporary file', (ctx) => {
    const disk = mountTmpfs('256k');
    if (!disk) ctx.skip();
    const out = join(disk!, 'site');
    expect(dashboard(out, ['--format', 'json']).code).toBe(0);
    const page = readFileSync(join(out, 'index.html'));
    const json = readFileSync(join(out, 'dashboard.json'));
    const fd = openSync(join(disk!, 'filler'), 'w');
    try {
      for (;;) appendFileSync(fd, Buffer.alloc(4096));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    // with --format json the error is one JSON object on stdout (README: errors in --format json)
    const r = dashboard(out, ['--format', 'json', '--as-of', '2013-01-31']);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ exit_code: 2, message: expect.stringMatching(/could not write .*: the disk is full \(no space left on device\)/) });
    expect(r.stderr).not.toMatch(/This is a bug|unexpected error|\n\s+at /);
    expect(readFileSync(join(out, 'index.html')).equals(page)).toBe(true);
    expect(readFileSync(join(out, 'dashboard.json')).equals(json)).toBe(true);
    expect(dotTemps(out)).toEqual([]);
  });

  it('a read-only file system (needs permission to mount): explained', (ctx) => {
    const disk = mountTmpfs('64k');
    if (!disk) ctx.skip();
    mkdirSync(join(disk!, 'site'));
    execFileSync('mount', ['-o', 'remount,ro', disk!]);
    refused(join(disk!, 'site'), /could not write .*index\.html: the file system is read-only/);
    refused(join(disk!, 'other'), /could not create the folder .*other: the file system is read-only/);
  });
});
