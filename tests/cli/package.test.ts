// The package as a user gets it: `npm pack` ships what runs (bin, dist, schemas, the licence)
// and nothing else, installs into an empty folder without running a build, and the installed
// `iops` works from any folder. The dependencies come from npm's cache, which the `npm ci`
// that set up this checkout filled: a lockfile such as `iops init` writes (every dependency at
// its resolved URL and hash) lets `npm ci --offline` install them without the registry.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lockfile, pinnedLockfile } from '../../src/app/init/lockfile.js';
import { GIT_ENV } from '../helpers/repo.js';

const IOPS = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(IOPS, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

const scratch = mkdtempSync(join(tmpdir(), 'iops-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

interface Packed {
  filename: string;
  integrity: string;
  files: { path: string }[];
}

describe('the npm package', () => {
  let packed: Packed;
  let installed: string;
  beforeAll(() => {
    // dist/ is already built (npm test builds first); --ignore-scripts keeps this test from
    // rebuilding it under the feet of the test files running beside it
    const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], IOPS);
    expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
    packed = (JSON.parse(r.stdout) as Packed[])[0]!;

    installed = join(scratch, 'prefix');
    mkdirSync(installed);
    const tarball = packed.filename;
    writeFileSync(join(installed, tarball), readFileSync(join(scratch, tarball)));
    const root = { name: 'iops-install-test', dependencies: { [manifest.name]: `file:${tarball}` } };
    const ownLock = JSON.parse(readFileSync(join(IOPS, 'package-lock.json'), 'utf8')) as Lockfile;
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ ...root, private: true }, null, 2));
    writeFileSync(join(installed, 'package-lock.json'), JSON.stringify(pinnedLockfile(root, manifest, tarball, packed.integrity, ownLock), null, 2));
    let install = npm(['ci', '--offline'], installed);
    // a cache without these packages (a fresh machine): the registry has them
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) install = npm(['ci', '--prefer-offline'], installed);
    expect([install.status, install.stderr]).toEqual([0, expect.any(String)]);
  });

  const iops = (args: string[], cwd: string) =>
    spawnSync(join(installed, 'node_modules/.bin/iops'), args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '' } });

  it('ships bin, dist, schemas, the licence, the README and package.json, and nothing else', () => {
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'schemas']);
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('bin/iops.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(readFileSync(join(IOPS, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} iops contributors\n/);
  });

  it('builds when packed, never when installed (no prepare script, which needs TypeScript)', () => {
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.install ?? manifest.scripts.postinstall ?? manifest.scripts.preinstall).toBeUndefined();
  });

  it('runs from another folder: --version, init, readiness', () => {
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    for (const flag of ['--version', '-V']) {
      const v = iops([flag], elsewhere);
      expect([v.status, v.stdout, v.stderr]).toEqual([0, `${manifest.version}\n`, '']);
    }
    const init = iops(['init', 'org'], elsewhere);
    expect([init.status, init.stderr]).toEqual([0, expect.any(String)]);
    expect(init.stdout).toContain('Created a data repository in org');
    // a new organisation has no members yet: not ready, exit 1
    const readiness = iops(['readiness'], join(elsewhere, 'org'));
    expect([readiness.status, readiness.stderr]).toEqual([1, '']);
    expect(readiness.stdout).toContain('NOT READY: 0 of 5 goals met');
  });
});
