// A fast reader for the canonical subset of YAML that iops writes (docs/canonical-yaml.md):
// block maps and lists indented with spaces, one-line flow lists and maps, plain, single- and
// double-quoted one-line scalars, comments. It returns exactly what `parseYaml` (the `yaml`
// package, core schema) returns for such a file, or declines: anything outside the subset,
// anything odd, and every file `parseYaml` would report a problem in, goes to the full parser,
// so messages still point at the line. tests/scale/fastYaml.test.ts checks this difference.
// Pure: text in, value out.

/** The reader declined: use the full parser. */
export const DECLINED: unique symbol = Symbol('declined');

const decline = (): never => {
  throw DECLINED;
};

// What the full parser refuses or treats specially anywhere in a file: tabs, carriage returns, byte
// order marks past the start, control characters, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const ODD_TEXT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Lines a document marker, directive or conflict marker could start. */
const ODD_LINE_START = /^(?:---|\.\.\.|%|<<<<<<<|=======|>>>>>>>)/m;
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +|$)/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_KEY = 100;
/** Deeper nesting than iops files ever need goes to the full parser (which reports it), not onto the stack. */
const MAX_DEPTH = 32;

// YAML 1.2 core schema, as the `yaml` package resolves plain scalars (schema/core/*.js).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Octal, hexadecimal, exponent, infinity and NaN forms: rare in data files, so left to the full parser. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that cannot start a plain scalar (YAML indicators). */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

function resolvePlain(s: string): unknown {
  const first = s.charCodeAt(0);
  const c = first | 0x20; // a letter's lower case
  // fast path: ids, words and codes, which no core-schema tag but null and bool (n…, t…, f…) can match
  if ((c >= 0x61 /* a */ && c <= 0x7a /* z */ && c !== 0x6e /* n */ && c !== 0x74 /* t */ && c !== 0x66) /* f */ || first > 0x7f) return s;
  // dates and amounts: a digit starts neither null nor a bool
  const digit = first >= 0x30 && first <= 0x39;
  if (digit && isDateLike(s)) return s;
  if (!digit && NULL.test(s)) return null;
  if (!digit && BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  if (OTHER_NUMBER.test(s)) decline();
  return s;
}

/**
 * Whether a plain scalar that starts with a digit holds a '-' no number form allows (a number's
 * sign comes first, or after its exponent's e): a date or a month, which is then a string, without
 * three patterns tried on each of a ledger's dates.
 */
function isDateLike(s: string): boolean {
  const dash = s.indexOf('-', 1);
  if (dash < 0) return false;
  const before = s.charCodeAt(dash - 1) | 0x20;
  return before !== 0x65 /* e */;
}

/** Keys repeat on every line: remember which are plain text keys the full parser accepts. */
const keyChecked = new Map<string, boolean>();
function checkKey(key: string, map: Record<string, unknown>): void {
  let ok = keyChecked.get(key);
  if (ok === undefined) {
    ok = key.length <= MAX_KEY && !FORBIDDEN_KEYS.has(key) && typeof resolvePlainOrDecline(key) === 'string';
    if (keyChecked.size < 10_000) keyChecked.set(key, ok);
  }
  if (!ok || Object.prototype.hasOwnProperty.call(map, key)) decline();
}

function resolvePlainOrDecline(s: string): unknown {
  try {
    return resolvePlain(s);
  } catch {
    return DECLINED;
  }
}

interface Line {
  indent: number;
  text: string;
}

/** The value of a YAML text in the canonical subset, or DECLINED. */
export function fastParseYaml(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (ODD_TEXT.test(text) || ODD_LINE_START.test(text)) return DECLINED;
  try {
    return parseDocument(contentLines(text));
  } catch (e) {
    if (e === DECLINED) return DECLINED;
    throw e;
  }
}

/** Lines that carry content: blank lines and comment lines are not part of any value. */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) continue;
    out.push({ indent, text: indent ? raw.slice(indent) : raw });
  }
  return out;
}

function parseDocument(lines: Line[]): unknown {
  if (!lines.length) return undefined;
  if (lines[0]!.indent !== 0) decline();
  const [value, next] = isItem(lines[0]!.text) ? parseSeq(lines, 0, 0, 0) : KEY.test(lines[0]!.text) ? parseMap(lines, 0, 0, 0) : decline();
  if (next !== lines.length) decline();
  return value;
}

const isItem = (t: string) => t === '-' || t.startsWith('- ');

function parseMap(lines: Line[], i: number, indent: number, depth: number, first?: string): [Record<string, unknown>, number] {
  if (depth > MAX_DEPTH) decline();
  const map: Record<string, unknown> = {};
  for (let firstLine = first !== undefined; i < lines.length; firstLine = false) {
    const line = lines[i]!;
    if (!firstLine) {
      if (line.indent < indent) break;
      if (line.indent > indent) decline();
    }
    const t = firstLine ? first! : line.text;
    const m = KEY.exec(t);
    if (!m) {
      if (isItem(t)) break; // a list at this indent ends the map; the caller decides whether that is allowed
      decline();
    }
    const key = m![1]!;
    checkKey(key, map);
    const rest = t.slice(m![0].length);
    let value: unknown;
    if (rest === '' || rest[0] === '#') {
      const next = lines[i + 1];
      if (next && next.indent > indent) [value, i] = parseBlock(lines, i + 1, next.indent, depth + 1);
      else if (next && next.indent === indent && isItem(next.text)) [value, i] = parseSeq(lines, i + 1, indent, depth + 1);
      else [value, i] = [null, i + 1];
    } else {
      value = inlineValue(rest);
      i++;
    }
    map[key] = value;
  }
  return [map, i];
}

function parseBlock(lines: Line[], i: number, indent: number, depth: number): [unknown, number] {
  const t = lines[i]!.text;
  if (isItem(t)) return parseSeq(lines, i, indent, depth);
  if (KEY.test(t)) return parseMap(lines, i, indent, depth);
  return decline();
}

function parseSeq(lines: Line[], i: number, indent: number, depth: number): [unknown[], number] {
  if (depth > MAX_DEPTH) decline();
  const seq: unknown[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.indent < indent) break;
    if (line.indent > indent) decline();
    if (!line.text.startsWith('- ')) {
      if (line.text === '-') decline();
      break;
    }
    const rest = line.text.slice(2);
    if (rest[0] === ' ' || rest[0] === '#' || rest === '' || isItem(rest)) decline();
    if (KEY.test(rest)) {
      const [map, next] = parseMap(lines, i, indent + 2, depth + 1, rest);
      seq.push(map);
      i = next;
    } else {
      seq.push(inlineValue(rest));
      i++;
    }
  }
  return [seq, i];
}

/** The value after `key: ` or `- ` on one line, with an optional trailing comment. */
function inlineValue(s: string): unknown {
  const c = s[0]!;
  if (c === '[' || c === '{' || c === '"' || c === "'") {
    const cursor = { s, p: 0, depth: 0 };
    const value = flowValue(cursor, false);
    const tail = s.slice(cursor.p);
    if (tail !== '' && !/^ +(?:#.*)?$/.test(tail)) decline();
    return value;
  }
  const hash = s.indexOf(' #');
  let plain = hash < 0 ? s : s.slice(0, hash);
  let end = plain.length;
  while (end > 0 && plain.charCodeAt(end - 1) === 32) end--;
  plain = plain.slice(0, end);
  checkPlainStart(plain);
  if (plain.includes(': ') || plain.endsWith(':')) decline();
  return resolvePlain(plain);
}

function checkPlainStart(plain: string): void {
  if (plain === '') decline();
  const c = plain.charCodeAt(0);
  if (c < 0x80 && INDICATOR_CODES[c] && !(c === 0x2d /* - */ && /^-[0-9.]/.test(plain))) decline();
}

/** INDICATOR by character code: a plain scalar's first character is checked on every value. */
const INDICATOR_CODES = new Uint8Array(0x80);
for (const ch of INDICATOR) INDICATOR_CODES[ch.charCodeAt(0)] = 1;

interface Cursor {
  s: string;
  p: number;
  depth: number;
}

const skipSpaces = (c: Cursor) => {
  while (c.s.charCodeAt(c.p) === 32) c.p++;
};

function flowValue(c: Cursor, inFlow: boolean): unknown {
  const ch = c.s[c.p];
  if (ch === '[') return flowSeq(c);
  if (ch === '{') return flowMap(c);
  if (ch === '"') return doubleQuoted(c);
  if (ch === "'") return singleQuoted(c);
  if (!inFlow) return decline();
  // a plain scalar inside [ ] or { }: up to the next , ] or }
  const s = c.s;
  const start = c.p;
  let p = start;
  for (; p < s.length; p++) {
    const x = s.charCodeAt(p);
    if (x === 0x2c /* , */ || x === 0x5d /* ] */ || x === 0x7d /* } */) break;
    if (x === 0x5b /* [ */ || x === 0x7b /* { */ || x === 0x3a /* : */ || x === 0x23 /* # */ || x === 0x22 /* " */ || x === 0x27 /* ' */) decline();
  }
  c.p = p;
  let end = p;
  while (end > start && s.charCodeAt(end - 1) === 32) end--;
  const plain = c.s.slice(start, end);
  checkPlainStart(plain);
  return resolvePlain(plain);
}

/** After an item: `,` and more, or the closing bracket. */
function separator(c: Cursor, close: string): boolean {
  skipSpaces(c);
  const ch = c.s[c.p];
  if (ch === close) {
    c.p++;
    return false;
  }
  if (ch !== ',') decline();
  c.p++;
  skipSpaces(c);
  if (c.s[c.p] === close || c.s[c.p] === ',') decline(); // trailing or doubled comma
  return true;
}

function flowSeq(c: Cursor): unknown[] {
  if (++c.depth > MAX_DEPTH) decline();
  const seq: unknown[] = [];
  c.p++;
  skipSpaces(c);
  if (c.s[c.p] === ']') {
    c.p++;
    c.depth--;
    return seq;
  }
  do seq.push(flowValue(c, true));
  while (separator(c, ']'));
  c.depth--;
  return seq;
}

/** A key and its `: ` at the cursor, as /[A-Za-z0-9_][A-Za-z0-9_.-]*: / reads it (without a pattern: every receipt has five). */
function flowKey(c: Cursor): string {
  const start = c.p;
  let p = start;
  for (;;) {
    const ch = c.s.charCodeAt(p);
    const lower = ch | 0x20; // a letter's lower case
    const word = (lower >= 0x61 /* a */ && lower <= 0x7a) /* z */ || (ch >= 0x30 /* 0 */ && ch <= 0x39) /* 9 */ || ch === 0x5f; /* _ */
    if (!word && (p === start || (ch !== 0x2e /* . */ && ch !== 0x2d) /* - */)) break;
    p++;
  }
  if (p === start || c.s.charCodeAt(p) !== 0x3a /* : */ || c.s.charCodeAt(p + 1) !== 0x20) decline();
  c.p = p + 2;
  // the same few keys on every line: the string seen before, not a new one to hash each time
  const first = c.s.charCodeAt(start);
  for (const known of flowKeys) if (known.length === p - start && known.charCodeAt(0) === first && c.s.startsWith(known, start)) return known;
  const key = c.s.slice(start, p);
  if (flowKeys.length < 16) flowKeys.push(key);
  return key;
}

/** The first keys flow maps used (a receipt's), in the order met. */
const flowKeys: string[] = [];

function flowMap(c: Cursor): Record<string, unknown> {
  if (++c.depth > MAX_DEPTH) decline();
  const map: Record<string, unknown> = {};
  c.p++;
  skipSpaces(c);
  if (c.s[c.p] === '}') {
    c.p++;
    c.depth--;
    return map;
  }
  do {
    const key = flowKey(c);
    checkKey(key, map);
    skipSpaces(c);
    if (c.s[c.p] === ',' || c.s[c.p] === '}' || c.p >= c.s.length) decline();
    map[key] = flowValue(c, true);
  } while (separator(c, '}'));
  c.depth--;
  return map;
}

function doubleQuoted(c: Cursor): string {
  const start = c.p;
  let p = start + 1;
  for (;;) {
    const ch = c.s[p];
    if (ch === undefined) return decline();
    if (ch === '"') break;
    p += ch === '\\' ? 2 : 1;
  }
  const raw = c.s.slice(start, p + 1);
  c.p = p + 1;
  // only the escapes JSON and YAML read alike; the others (\x, \e, \0, \N, a line break…) go to the full parser
  if (raw.replace(JSON_ESCAPE, '').includes('\\')) decline();
  const value = JSON.parse(raw) as string;
  if (CONTROL_IN_VALUE.test(value) || /[\uD800-\uDFFF]/.test(value)) decline();
  return value;
}

function singleQuoted(c: Cursor): string {
  let p = c.p + 1;
  let value = '';
  for (;;) {
    const q = c.s.indexOf("'", p);
    if (q < 0) return decline();
    value += c.s.slice(p, q);
    if (c.s[q + 1] === "'") {
      value += "'";
      p = q + 2;
      continue;
    }
    c.p = q + 1;
    return value;
  }
}
