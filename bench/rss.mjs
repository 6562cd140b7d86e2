#!/usr/bin/env node
// Peak memory without /usr/bin/time: runs a node script in this process and writes the peak
// resident set size (KB, like `time -f %M`) to a file when it exits.
//   node bench/rss.mjs OUTFILE NODE SCRIPT [ARGS…]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [out, , script, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...rest];
process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(script).href);
