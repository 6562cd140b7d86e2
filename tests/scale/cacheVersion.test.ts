// The cache's version follows the yaml and zod that iops really runs with, wherever npm put
// them: a new yaml or zod may read a file differently, so it must start a fresh cache. The
// built cache module is copied into installed layouts (a project's node_modules, where npm
// hoists yaml and zod beside iops; a global prefix, where they sit under iops) with stand-in
// yaml and zod packages, and asked for its version before and after one package's version
// changes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/repo.js';

/** The built module, beside the CLI under test (IOPS_TEST_CLI or bin/iops.js). */
const BUILT_CACHE = resolve(dirname(CLI), '../dist/load/parseCache.js');
const ROOT = resolve(__dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Layout = 'hoisted' | 'global';

/** iops installed in a fresh folder with stand-ins for yaml and zod; returns where each package.json is. */
function install(layout: Layout, opts: { exportsManifest?: boolean } = {}) {
  const top = mkdtempSync(join(tmpdir(), 'iops-cacheversion-'));
  made.push(top);
  const iops = layout === 'hoisted' ? join(top, 'node_modules', 'iops') : join(top, 'lib', 'node_modules', 'iops');
  const depsIn = layout === 'hoisted' ? join(top, 'node_modules') : join(iops, 'node_modules');
  mkdirSync(join(iops, 'dist', 'io'), { recursive: true });
  copyFileSync(BUILT_CACHE, join(iops, 'dist', 'io', 'cache.js'));
  copyFileSync(join(dirname(BUILT_CACHE), 'cacheIndex.js'), join(iops, 'dist', 'io', 'cacheIndex.js')); // what it imports
  writeFileSync(join(iops, 'package.json'), JSON.stringify({ name: 'iops', version: '0.1.0', type: 'module' }));
  const manifests: Record<'yaml' | 'zod', string> = { yaml: '', zod: '' };
  for (const dep of ['yaml', 'zod'] as const) {
    const real = JSON.parse(readFileSync(join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as Record<string, unknown>;
    // the stand-in: the real manifest, its entry point a stub; optionally without `./package.json` in its exports
    const manifest = { ...real, main: './lib/index.cjs', exports: { '.': { require: './lib/index.cjs', default: './lib/index.cjs' }, ...(opts.exportsManifest === false ? {} : { './package.json': './package.json' }) } };
    const dir = join(depsIn, dep);
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'lib', 'index.cjs'), 'module.exports = {};\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    manifests[dep] = join(dir, 'package.json');
  }
  const version = () =>
    execFileSync(process.execPath, ['--input-type=module', '-e', `import { cacheVersion } from ${JSON.stringify(join(iops, 'dist', 'io', 'cache.js'))}; process.stdout.write(cacheVersion());`], { encoding: 'utf8' });
  return { manifests, version };
}

function bump(manifest: string, version: string): void {
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version }, null, 2));
}

describe('the cache version', () => {
  it.each<[Layout, { exportsManifest?: boolean }]>([
    ['hoisted', {}],
    ['global', {}],
    ['hoisted', { exportsManifest: false }],
  ])('changes with the version of yaml and of zod (iops installed %s, %o)', (layout, opts) => {
    const { manifests, version } = install(layout, opts);
    const first = version();
    expect(first).toMatch(/^v\d+-[0-9a-f]{16}$/);
    expect(version()).toBe(first);

    bump(manifests.yaml, '2.99.0');
    const newYaml = version();
    expect(newYaml).not.toBe(first);

    bump(manifests.zod, '4.99.0');
    const newZod = version();
    expect(newZod).not.toBe(newYaml);
    expect(newZod).not.toBe(first);
  });

  it('is the same in every layout for the same packages, and differs from one without them', () => {
    const hoisted = install('hoisted').version();
    expect(install('global').version()).toBe(hoisted);
    const missing = install('hoisted');
    rmSync(dirname(missing.manifests.yaml), { recursive: true });
    expect(missing.version()).not.toBe(hoisted);
  });
});
