// The package-lock.json of the data repository's `.iops/ci/`: the pinned iops tarball and, for
// each package iops needs at run time, the entry of iops's own lockfile (version, resolved,
// integrity), so CI installs the dependency tree iops was tested with and npm verifies every
// tarball against its hash. Pure: the lockfiles in, the lockfile out.

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

interface Manifest {
  name: string;
  version?: string;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/** Where node finds `name` from the package at `from` (`""` is the root): the nearest node_modules up. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; ) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (at === '') return undefined;
    const cut = at.lastIndexOf('/node_modules/');
    at = cut === -1 ? '' : at.slice(0, cut);
  }
}

/** The entries of `lock` that the root's `dependencies` need, transitively: the run-time tree. */
export function runtimeEntries(lock: Lockfile, rootDependencies: Record<string, string>): Map<string, LockEntry> {
  if (lock.lockfileVersion < 2) throw new Error(`iops's package-lock.json is version ${lock.lockfileVersion}; version 2 or later lists the installed tree`);
  const needed = new Map<string, LockEntry>();
  const visit = (from: string, deps: Record<string, string> | undefined, optional: boolean) => {
    for (const name of Object.keys(deps ?? {})) {
      const at = resolveIn(lock.packages, from, name);
      if (at === undefined) {
        if (optional) continue; // an optional dependency for another platform
        throw new Error(`iops's package-lock.json has no ${name} for ${from || 'iops'}`);
      }
      if (needed.has(at)) continue;
      const entry = lock.packages[at]!;
      if (entry.link) throw new Error(`iops's package-lock.json links ${name} to a folder, which a data repository cannot install`);
      needed.set(at, entry);
      visit(at, entry.dependencies, false);
      visit(at, entry.optionalDependencies, true);
      visit(at, entry.peerDependencies, false);
    }
  };
  visit('', rootDependencies, false);
  return needed;
}

/** The lockfile for a package that depends on the iops tarball `tarball` and nothing else. */
export function pinnedLockfile(root: Manifest, iops: Manifest, tarball: string, integrity: string, iopsLock: Lockfile): Lockfile {
  const tree: Record<string, LockEntry> = {
    'node_modules/iops': {
      version: iops.version,
      resolved: `file:${tarball}`,
      integrity,
      license: iops.license,
      dependencies: iops.dependencies,
      bin: iops.bin,
      engines: iops.engines,
    },
  };
  // iops's lock marks what its tests alone need; here everything is needed at run time, and a
  // package its tests need too (devOptional) is optional only because it is
  for (const [at, { dev, devOptional, ...entry }] of runtimeEntries(iopsLock, iops.dependencies ?? {})) tree[at] = devOptional ? { ...entry, optional: true } : entry;
  // in npm's order, so that `npm install` in .iops/ci rewrites nothing
  const packages: Record<string, LockEntry> = { '': { name: root.name, dependencies: root.dependencies } };
  for (const at of Object.keys(tree).sort()) packages[at] = tree[at]!;
  return { name: root.name, lockfileVersion: 3, requires: true, packages };
}
