#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A run is short, and most of its heap is the records it keeps: let V8 collect before the heap
// grows far past them (cold, at the five-year scale: about 0.95 GB at the peak instead of
// 1.16 GB, in the same time). docs/performance.md
setFlagsFromString('--heap-growing-percent=50');
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv);
