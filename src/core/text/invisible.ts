// Characters that make text look different from its bytes: C0 and C1 controls (a terminal
// obeys them), and the invisible formatting characters behind "Trojan Source" attacks:
// bidirectional embeddings, overrides, isolates and marks, zero-width characters, the
// line and paragraph separators and the byte-order mark. The terminal renderers show them
// as `\uXXXX` (render/escape.ts) and `validate` warns where the data holds them.

const CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

/** Every such character; global, for `replace`. */
export const INVISIBLE = new RegExp(`[${CLASS}]`, 'g');

/** The first of them; not global, so it keeps no state between calls. */
const ONE = new RegExp(`[${CLASS}]`);

export const hasInvisible = (s: string): boolean => ONE.test(s);

/** `\n`, `\t`, `\r`, else `\u202e`: lower-case hex, as paths in problems have always shown them. */
export function escapeCode(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every such character written out visibly. */
export const visible = (s: string): string => (hasInvisible(s) ? s.replace(INVISIBLE, escapeCode) : s);

/** The first such character in `s`: its offset and its visible name. */
export function firstInvisible(s: string): { offset: number; code: string } | undefined {
  const m = ONE.exec(s);
  return m ? { offset: m.index, code: escapeCode(m[0]) } : undefined;
}
