// The yaml library, loaded when a file or an edit needs it: most runs read every file with the
// fast reader (fastYaml.ts) or from the parse cache, most writes append to a list or write a new
// file, which the fast reader checks, and loading yaml costs 25–40 ms a run. The node guards
// here load it the same way (yaml's own are plain functions of the library).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

let lib: typeof Yaml | undefined;
export const yaml = (): typeof Yaml => (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
export const isAlias = (n: unknown): n is Alias => yaml().isAlias(n);
export const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
export const isSeq = (n: unknown): n is YAMLSeq => yaml().isSeq(n);
export const isPair = (n: unknown): n is Pair => yaml().isPair(n);
export const isScalar = (n: unknown): n is Scalar => yaml().isScalar(n);
