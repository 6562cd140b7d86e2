// YAML text for values iops writes: scalars plain only when YAML 1.1 and 1.2 readers both
// read them back as the same text (so `NO`, `on`, `12:30`, `007` and `1e3` are quoted),
// dates plain (`2013-05-04`), short lists and maps in flow style, the rest as blocks.
import { isCalendarDate } from '../../core/dates.js';
import { yaml } from '../../load/yamlLib.js';

export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue | undefined;
}

export const isMapValue = (v: unknown): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** YAML 1.1 reads these (in any case) as booleans or null. */
const WORDS_1_1 = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.'()/&+-]| (?=[^ ]))*$/u;

const readsBackAs = (s: string): boolean => {
  try {
    return yaml().parse(s, { version: '1.1' }) === s && yaml().parse(s, { schema: 'core' }) === s;
  } catch {
    return false;
  }
};

export function plainIsSafe(s: string): boolean {
  if (!PLAIN.test(s) || WORDS_1_1.test(s)) return false;
  return /^\p{L}/u.test(s) || readsBackAs(s);
}

export function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (isCalendarDate(v) || plainIsSafe(v)) return v;
  return JSON.stringify(v);
}

const present = (m: YamlMap) => Object.entries(m).filter((e): e is [string, YamlValue] => e[1] !== undefined);

/** `{ date: 2013-01-05, amount: 20 }`, `[a, b]`, or a scalar. */
export function flow(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (isMapValue(v)) {
    const parts = present(v).map(([k, x]) => `${k}: ${flow(x)}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return scalar(v as string | number | boolean);
}

export interface BlockStyle {
  /** Nested maps of scalars in flow style (`dues: { amount: 20, currency: GBP }`). */
  nestedFlow?: boolean;
}

/** A map's `key: value` lines at `indent` spaces. */
export function mapLines(m: YamlMap, indent: number, style: BlockStyle = {}): string[] {
  return present(m).flatMap(([k, v]) => pairLines(k, v, indent, style));
}

export function pairLines(key: string, v: YamlValue, indent: number, style: BlockStyle = {}): string[] {
  const pad = ' '.repeat(indent);
  if (isMapValue(v) && !(style.nestedFlow && present(v).every(([, x]) => !isMapValue(x) && !Array.isArray(x))))
    return present(v).length ? [`${pad}${key}:`, ...mapLines(v, indent + 2, style)] : [`${pad}${key}: {}`];
  if (Array.isArray(v) && v.some(isMapValue)) return [`${pad}${key}:`, ...v.flatMap((item: YamlValue) => itemLines(item, indent + 2, 'flow'))];
  return [`${pad}${key}: ${flow(v)}`];
}

/** One list item at `indent`: `- { … }` in flow style, or `- key: …` followed by the map's lines. */
export function itemLines(v: YamlValue, indent: number, style: 'flow' | 'block', block: BlockStyle = {}): string[] {
  const pad = ' '.repeat(indent);
  if (style === 'flow' || !isMapValue(v) || !present(v).length) return [`${pad}- ${flow(v)}`];
  const lines = mapLines(v, indent + 2, block);
  lines[0] = `${pad}- ${lines[0]!.slice(indent + 2)}`;
  return lines;
}
