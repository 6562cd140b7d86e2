#!/usr/bin/env node
// Rewrites data/ with the deterministic sample organisation (see src/sample/generate.ts).
// Run with `npm run sample` (builds first). The generated files are committed.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../dist/sample/generate.js';
import { jsonSchemaFiles } from '../dist/core/schema/jsonSchema.js';
import { SCHEMA_DIR } from '../dist/core/paths.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'data');

// the JSON Schemas the files' first lines point editors to
const schemas = [...jsonSchemaFiles()].map(([name, content]) => ({ path: `${SCHEMA_DIR}/${name}`, content }));
const files = [...generateSample(), ...schemas];
for (const f of files) {
  const parts = f.path.split('/');
  if (f.path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`refusing to write outside data/: ${f.path}`);
  }
}

await rm(dataDir, { recursive: true, force: true });
for (const f of files) {
  const target = join(dataDir, ...f.path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, f.content, 'utf8');
}
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content, 'utf8'), 0);
console.log(`data/: wrote ${files.length} files (${(bytes / 1024).toFixed(0)} KiB)`);
