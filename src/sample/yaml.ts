// Just enough YAML writing for the sample: plain scalars where YAML 1.1 and 1.2 agree,
// double quotes otherwise; flow style only for short inner lists and maps.

const SPECIAL = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;
const PLAIN_BLOCK = /^\p{L}[\p{L}\p{N} ,.;'()/&-]*$/u;
const PLAIN_FLOW = /^\p{L}[\p{L}\p{N} .;'()/&-]*$/u;
const TOKEN = /^[a-z0-9][a-z0-9-]*$/;

/** A string scalar, quoted when a YAML reader could take it for something else. */
export function q(s: string, flow = false): string {
  if (SPECIAL.test(s) || s.endsWith(' ') || s.includes('  ')) return JSON.stringify(s);
  if ((flow ? PLAIN_FLOW : PLAIN_BLOCK).test(s)) return s;
  // ids and tokens such as `ldn-k7q2` or `25-34`: never numbers, dates or times
  if (TOKEN.test(s) && !/^\d+$/.test(s) && !/^\d{4}-\d{2}/.test(s)) return s;
  return JSON.stringify(s);
}

export type FlowValue = string | number | boolean | Raw | readonly FlowValue[];

/** Text written as is: dates, months and numbers that must stay unquoted. */
export class Raw {
  constructor(readonly text: string) {}
}

export function raw(text: string): Raw {
  return new Raw(text);
}

export function flowValue(v: FlowValue): string {
  if (v instanceof Raw) return v.text;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return q(v, true);
  return flowList(v);
}

export function flowList(items: readonly FlowValue[]): string {
  return `[${items.map(flowValue).join(', ')}]`;
}

export function flowMap(entries: readonly (readonly [string, FlowValue | undefined])[]): string {
  const parts = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${flowValue(v as FlowValue)}`);
  return `{ ${parts.join(', ')} }`;
}

/** `key: [a, b]` when it fits on a line, else a block list under the key. */
export function listLines(key: string, items: readonly string[], indent = '', width = 100): string[] {
  const flow = `${indent}${key}: ${flowList(items)}`;
  if (flow.length <= width) return [flow];
  return [`${indent}${key}:`, ...items.map((i) => `${indent}  - ${q(i)}`)];
}

/** Money as a plain number with at most two decimals: 20, 12.5, 7.25. */
export function amount(n: number): Raw {
  return raw(String(Math.round(n * 100) / 100));
}

export function file(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
