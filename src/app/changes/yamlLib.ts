// The yaml library, loaded when an edit needs it: most writes append to a list or write a new
// file, which the fast reader checks (load/fastYaml.ts), and loading yaml costs 25–40 ms, a
// tenth of a small organisation's write. load/yamlSource.ts loads it the same way for reads.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;
export const yaml = (): typeof Yaml => (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
