// The iops that the data repository's CI runs, pinned inside the data repository itself.
// iops is not published on the npm registry, so CI cannot install it by name; instead
// `iops init` packs the iops that is running into `.iops/ci/iops-<version>.tgz`, and writes a
// package.json that depends on that file and a package-lock.json that records the tarball's
// sha512 integrity and every dependency of iops at the exact version and integrity iops itself
// was built and tested with (copied from iops's own lockfile). `npm ci` in `.iops/ci` then
// installs exactly these bytes or fails. docs/pull-requests.md says how to upgrade.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedLockfile, type Lockfile } from './lockfile.js';
import { type TarballEntry, integrityOf, packTarball } from './tarball.js';

/** Where the pin lives, relative to the data folder. */
export const PIN_DIR = '.iops/ci';

export interface PackageManifest {
  name: string;
  version: string;
  files?: string[];
  bin?: Record<string, string>;
  type?: string;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/** The folder of the running iops: the nearest ancestor of this module with iops's package.json. */
export function iopsPackageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'iops') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the iops package above ${from}`);
  }
}

/** The files at `path` (a file or a folder, as iops's `files` lists them; not a glob), relative to root. */
function filesUnder(root: string, path: string): string[] {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs).flatMap((name) => filesUnder(root, `${path}/${name}`));
}

/**
 * What runs, and nothing that runs at install: the manifest keeps no `scripts` (npm would run
 * an `install` script from a tarball) and no devDependencies.
 */
function shippedManifest(m: PackageManifest): PackageManifest {
  const { name, version, type, license, bin, engines, dependencies } = m;
  return { name, version, type, license, bin, engines, dependencies };
}

/** The files of `.iops/ci/` (relative to it) that pin the iops installed at `root`. */
export function pinFiles(root: string = iopsPackageRoot()): Map<string, string | Uint8Array> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;
  const shipped = shippedManifest(manifest);
  const entries: TarballEntry[] = [{ path: 'package.json', content: Buffer.from(JSON.stringify(shipped, null, 2) + '\n') }];
  for (const top of manifest.files ?? []) {
    for (const path of filesUnder(root, top)) entries.push({ path, content: readFileSync(join(root, path)) });
  }
  const tarball = packTarball(entries);
  const tarballName = `iops-${manifest.version}.tgz`;
  const lockPath = join(root, 'package-lock.json');
  const iopsLock = existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, 'utf8')) as Lockfile) : undefined;
  const dataPackage = {
    name: 'iops-ci',
    private: true,
    description: 'The iops that this repository\'s CI runs: see "Checks on pull requests" in the README',
    dependencies: { iops: `file:${tarballName}` },
  };
  const files = new Map<string, string | Uint8Array>([
    [tarballName, tarball],
    ['package.json', JSON.stringify(dataPackage, null, 2) + '\n'],
    // `npm install` here, to upgrade, leaves node_modules behind
    ['.gitignore', 'node_modules/\n'],
  ]);
  if (iopsLock) files.set('package-lock.json', JSON.stringify(pinnedLockfile(dataPackage, shipped, tarballName, integrityOf(tarball), iopsLock), null, 2) + '\n');
  return files;
}
