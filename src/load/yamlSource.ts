// YAML text → plain data, with every problem located. Refuses what data files never need
// and what makes parsers dangerous: aliases (alias bombs), merge keys, prototype keys, tags,
// conflict markers, control characters. Pure: works on text, not on the file system.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { DataPath, Problem } from '../core/problem.js';
import { isAlias, isMap, isPair, isScalar, isSeq, yaml } from './yamlLib.js';

export { MAX_FILE_BYTES } from '../io/limits.js';

export interface ParsedYaml {
  file: string;
  /** The parsed value, or undefined when the file has problems that stop parsing. */
  value: unknown;
  problems: Problem[];
  /** Finds the line and column of a data path (for problems found later). */
  locate(at: DataPath, key?: boolean): { line: number; column: number };
  /** The text as typed of the scalar at a data path (`007` where the value is the number 7). */
  source?(at: DataPath): string | undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Git's conflict markers (`|||||||` in the diff3 style), on lines ending in LF or CRLF. */
const CONFLICT = /^(<{7}|\|{7}|={7}|>{7})(?: |\r?$)/;
// C0 controls except tab, LF and CR; DEL; C1 controls (U+009B is a terminal escape).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The same, in values after escapes such as "\e" or "\u009b" are decoded. */
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** At most this many anchor and alias problems per file: an alias bomb is one problem, not thousands. */
const MAX_ALIAS_PROBLEMS = 5;
const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Bytes → text: UTF-8 only, BOM dropped. Invalid bytes are a located problem. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const { line, column } = positionIn(before, before.length);
    return {
      problem: { file, line, column, path: '', message: `invalid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}); save the file as UTF-8` },
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n + 1));
    } catch {
      return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) [line, start] = [line + 1, i + 1];
  return { line, column: offset - start + 1 };
}

/** Problems of the raw text, before any parsing: conflict markers, then control characters. */
export function textProblems(file: string, text: string, conflict: RegExp = CONFLICT): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((l, i) => {
    if (conflict.test(l))
      problems.push({ file, line: i + 1, column: 1, path: '', message: 'unresolved merge conflict: keep the lines you want, and delete the <<<<<<<, =======, >>>>>>> (and |||||||) marker lines' });
  });
  if (problems.length) return problems;
  const lonelyCR = /\r(?!\n)/.exec(text);
  if (lonelyCR) {
    const { line, column } = positionIn(text, lonelyCR.index);
    problems.push({ file, line, column, path: '', message: 'a line ends in a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings' });
    return problems;
  }
  const control = CONTROL.exec(text);
  if (control) {
    const { line, column } = positionIn(text, control.index);
    problems.push({ file, line, column, path: '', message: `control character ${codePoint(control[0])} is not allowed; the file may be damaged or not text` });
  }
  return problems;
}

/** Lines before the scanned text starts (front matter begins on line 2 of a report). */
export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string, path = ''): void => {
    problems.push({ file, line: line + lineOffset, column, path, message });
  };
  const unparsed = (): ParsedYaml => ({ file, value: undefined, problems, locate: () => ({ line: 1 + lineOffset, column: 1 }) });
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  for (const p of textProblems(file, text, CONFLICT)) at(p.line, p.column, p.message);
  if (problems.length) return unparsed();

  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // uniqueKeys off: the parser's own check compares every key with every other (minutes for a 1 MiB map); the visit below uses a set
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: false, prettyErrors: false, merge: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  let unclosed: Map<number, Unclosed> | undefined;
  const reported = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const open = e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT' ? (unclosed ??= unclosedByEnd(doc, text)).get(e.pos[0]) : undefined;
    const { line, col } = pos(open?.offset ?? e.pos[0]);
    const message = open?.message ?? yamlMessage(e.code, e.message);
    if (reported.has(`${line}:${col}:${message}`)) continue;
    reported.add(`${line}:${col}:${message}`);
    at(line, col, message);
  }
  if (problems.length) return unparsed();

  let aliases = 0;
  const aliasProblem = (offset: number, message: string) => {
    aliases++;
    if (aliases > MAX_ALIAS_PROBLEMS) return;
    const { line, col } = pos(offset);
    at(line, col, message);
  };
  const tagProblem = (offset: number, message: string) => {
    let bang = text.lastIndexOf('!', offset);
    while (bang > 0 && text[bang - 1] === '!') bang--;
    const { line, col } = pos(Math.max(0, bang));
    at(line, col, message);
  };
  yaml().visit(doc, {
    Node(_, node) {
      const start = pos(node.range?.[0] ?? 0);
      if (isAlias(node)) aliasProblem(node.range?.[0] ?? 0, `aliases (*${node.source}) are not allowed in iops files; write the value out in full`);
      else if (node.anchor) aliasProblem(Math.max(0, text.lastIndexOf(`&${node.anchor}`, node.range?.[0] ?? 0)), `anchors (&${node.anchor}) are not allowed in iops files; remove it and write values out in full`);
      else if (node.tag && node.tag !== 'tag:yaml.org,2002:str') tagProblem(node.range?.[0] ?? 0, `tags (${node.tag.replace('tag:yaml.org,2002:', '!!')}) are not allowed; write a plain value`);
      else if (isScalar(node) && typeof node.value === 'string') {
        const control = CONTROL_IN_VALUE.exec(node.value);
        if (control) at(start.line, start.col, `control character ${codePoint(control[0])} (written as an escape) is not allowed in a value; remove it`);
      }
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const { key } of node.items) {
          if (!isScalar(key)) continue;
          const name = String(key.value);
          if (!seen.has(name)) seen.add(name);
          else {
            const p = pos(key.range?.[0] ?? 0);
            at(p.line, p.col, `duplicate key \`${name}\`: each key may appear only once here; keep one`);
          }
        }
      }
    },
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) {
        const p = pos((key as Node | null)?.range?.[0] ?? 0);
        at(p.line, p.col, 'keys must be plain words such as `name`');
        return;
      }
      const p = pos(key.range?.[0] ?? 0);
      const name = key.value === null ? '' : String(key.value);
      if (name === '') at(p.line, p.col, 'a key is missing before `:`; write `key: value`');
      else if (name === '<<') at(p.line, p.col, 'merge keys (<<) are not allowed in iops files; write the keys out in full');
      else if (FORBIDDEN_KEYS.has(name)) at(p.line, p.col, `the key \`${name}\` is not allowed; remove it`);
    },
  });
  if (aliases > MAX_ALIAS_PROBLEMS) at(1, 1, `${aliases} anchors and aliases in this file (the first ${MAX_ALIAS_PROBLEMS} are listed); write every value out in full`);
  if (problems.length) return unparsed();

  return {
    file,
    value: doc.contents === null ? undefined : doc.toJS({ maxAliasCount: 0 }),
    problems,
    locate: (path, key) => {
      const { line, col } = pos(offsetOf(doc, path, key));
      return { line: line + lineOffset, column: col };
    },
    source: (path) => {
      const node = nodeAt(doc, path);
      return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
    },
  };
}

/**
 * A quote or bracket left open runs to where the parser gives up, often the end of the file: point at
 * where it opens instead (the line to fix), not at another record further down.
 */
interface Unclosed {
  offset: number;
  message: string;
}

/** Quotes and brackets left open, by where the parser gave up on them (the innermost when several end there). */
function unclosedByEnd(doc: Document, text: string): Map<number, Unclosed> {
  const found = new Map<number, Unclosed>();
  yaml().visit(doc, {
    Node(_, node) {
      const [start, end] = node.range ?? [0, -1];
      if ((found.get(end)?.offset ?? -1) >= start) return;
      const source = text.slice(start, end).trimEnd();
      if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
        const q = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        if (source.length < 2 || !source.endsWith(q)) found.set(end, { offset: start, message: `this quoted value is not closed; add the closing ${q}, or indent the lines that continue it` });
      } else if ((isMap(node) || isSeq(node)) && node.flow) {
        const [o, c] = isSeq(node) ? ['[', ']'] : ['{', '}'];
        if (!source.endsWith(c)) found.set(end, { offset: start, message: `this ${o} is not closed; add the closing ${c}, or indent the lines that continue the ${isSeq(node) ? 'list' : 'map'}` });
      }
    },
  });
  return found;
}

/** What to do, by the parser's error code and message (its own words say only what is wrong). */
const YAML_ADVICE: [RegExp, string][] = [
  [/^BAD_SCALAR_START/, 'put the value in quotes'],
  [/^MULTILINE_IMPLICIT_KEY|^MISSING_CHAR .*map values/, 'write `key: value` (is the colon missing?), indented like the lines around it'],
  [/^MISSING_CHAR .*between flow/, 'separate the items with ", "'],
  [/^BLOCK_AS_IMPLICIT_KEY/, 'put a value that contains ": " in quotes, or indent the line like the lines around it'],
  [/^BAD_INDENT/, 'indent it like the lines around it'],
];

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document (a line `---`); an iops file holds one';
    case 'TAB_AS_INDENT':
      return 'tabs cannot indent YAML; use spaces';
    case 'RESOURCE_EXHAUSTION':
      return 'values nested too deeply to read; iops files need only a few levels of nesting';
    default: {
      const advice = YAML_ADVICE.find(([when]) => when.test(`${code} ${message}`))?.[1] ?? 'check the indentation and punctuation of this line';
      return `malformed YAML: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; ${advice}`;
    }
  }
}

/** Offset of the node at `path`; for a missing node, of its nearest existing parent. */
function offsetOf(doc: Document, path: DataPath, key?: boolean): number {
  return walk(doc, path, key).offset;
}

/** The node at `path`, or undefined when the path leads nowhere. */
function nodeAt(doc: Document, path: DataPath): unknown {
  const w = walk(doc, path);
  return w.complete ? w.node : undefined;
}

/** Each map's pairs by key, built on first use: locating 100,000 problems in one map stays linear. */
const pairsByKey = new WeakMap<object, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

function walk(doc: Document, path: DataPath, key?: boolean): { node: unknown; offset: number; complete: boolean } {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = pairOf(node, String(part));
      if (!pair) return { node, offset, complete: false };
      const last = i === path.length - 1;
      if (last && key) return { node: pair.key, offset: (pair.key as Node).range?.[0] ?? offset, complete: true };
      node = pair.value;
      offset = (node as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) return { node, offset, complete: false };
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else return { node, offset, complete: false };
  }
  return { node, offset, complete: true };
}
