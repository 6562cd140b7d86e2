#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A checkout installs without building (the package builds when packed, `prepack`): say what
// to do rather than fail with a stack trace.
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  process.stderr.write('iops: this copy of iops is not built yet: run npm run build in its folder (an installed package is always built)\n');
  process.exit(2);
}

// A run is short, and most of its heap is the records it keeps: let V8 collect before the heap
// grows far past them (cold, at the five-year scale: about 0.95 GB at the peak instead of
// 1.16 GB, in the same time). docs/performance.md
setFlagsFromString('--heap-growing-percent=50');
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv);
