// YAML text → plain data, with every problem located. Refuses what data files never need
// and what makes parsers dangerous: aliases (alias bombs), merge keys, prototype keys, tags,
// conflict markers, control characters. Pure: works on text, not on the file system.
import { type Document, LineCounter, type Node, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { DataPath, Problem } from '../core/problem.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface ParsedYaml {
  file: string;
  /** The parsed value, or undefined when the file has problems that stop parsing. */
  value: unknown;
  problems: Problem[];
  /** Finds the line and column of a data path (for problems found later). */
  locate(at: DataPath, key?: boolean): { line: number; column: number };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CONFLICT = /^(<{7}|={7}|>{7})(?: |$)/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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

/** Lines before the scanned text starts (front matter begins on line 2 of a report). */
export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string, path = ''): void => {
    problems.push({ file, line: line + lineOffset, column, path, message });
  };
  const unparsed = (): ParsedYaml => ({ file, value: undefined, problems, locate: () => ({ line: 1 + lineOffset, column: 1 }) });
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (CONFLICT.test(l)) at(i + 1, 1, 'unresolved merge conflict: keep the lines you want, and delete the <<<<<<<, ======= and >>>>>>> marker lines');
  });
  if (problems.length) return unparsed();
  const control = CONTROL.exec(text);
  if (control) {
    const { line, column } = positionIn(text, control.index);
    at(line, column, `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed; the file may be damaged or not text`);
    return unparsed();
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = pos(e.pos[0]);
    at(line, col, yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[1])));
  }
  if (problems.length) return unparsed();

  visit(doc, {
    Node(_, node) {
      const start = pos(node.range?.[0] ?? 0);
      if (isAlias(node)) at(start.line, start.col, `aliases (*${node.source}) are not allowed in iops files; write the value out in full`);
      else if (node.anchor) at(start.line, start.col, `anchors (&${node.anchor}) are not allowed in iops files; remove it and write values out in full`);
      else if (node.tag && node.tag !== 'tag:yaml.org,2002:str') at(start.line, start.col, `tags (${node.tag.replace('tag:yaml.org,2002:', '!!')}) are not allowed; write a plain value`);
    },
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) {
        const p = pos((key as Node | null)?.range?.[0] ?? 0);
        at(p.line, p.col, 'keys must be plain words such as `name`');
        return;
      }
      const p = pos(key.range?.[0] ?? 0);
      const name = String(key.value);
      if (name === '<<') at(p.line, p.col, 'merge keys (<<) are not allowed in iops files; write the keys out in full');
      else if (FORBIDDEN_KEYS.has(name)) at(p.line, p.col, `the key \`${name}\` is not allowed`);
    },
  });
  if (problems.length) return unparsed();

  return {
    file,
    value: doc.contents === null ? undefined : doc.toJS({ maxAliasCount: 0 }),
    problems,
    locate: (path, key) => {
      const { line, col } = pos(offsetOf(doc, path, key));
      return { line: line + lineOffset, column: col };
    },
  };
}

function yamlMessage(code: string, message: string, source: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key${source ? ` \`${source}\`` : ''}: each key may appear only once here; keep one`;
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document (a line `---`); an iops file holds one';
    case 'TAB_AS_INDENT':
      return 'tabs cannot indent YAML; use spaces';
    default:
      return `malformed YAML: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
}

/** Offset of the node at `path`; for a missing node, of its nearest existing parent. */
function offsetOf(doc: Document, path: DataPath, key?: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const last = i === path.length - 1;
      if (last && key) return (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      offset = (node as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}
