// Edits a YAML file the way a careful person would: the `yaml` Document finds where a value
// sits, and only those lines are rewritten, so comments, order, spacing and flow/block style
// elsewhere stay byte for byte. Every edit is checked: the new text must read back as the
// old data with exactly the intended change; if splicing cannot promise that (an unusual
// layout), the edit goes through the Document API instead (same data, tidier layout).
import type { Document, Node, Pair } from 'yaml';
import { DECLINED, fastParseYaml } from '../../load/fastYaml.js';
import { documentEdit } from './yamlFallback.js';
import { type BlockStyle, type YamlValue, flow, isMapValue, itemLines, pairLines } from './yamlText.js';
import { isMap, isScalar, isSeq, yaml } from '../../load/yamlLib.js';

export type Path = readonly (string | number)[];
export type Edit =
  | { op: 'append'; path: Path; items: readonly YamlValue[]; style: 'flow' | 'block'; block?: BlockStyle }
  | { op: 'set'; path: Path; value: YamlValue; block?: BlockStyle }
  | { op: 'remove'; path: Path };

const readDoc = (text: string) => yaml().parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true });

export function readData(text: string): unknown {
  const doc = readDoc(text);
  return doc.errors.length ? Symbol('unreadable') : doc.toJS();
}

export class YamlFile {
  private text: string;
  private readonly bom: boolean;
  private readonly crlf: boolean;

  constructor(text: string) {
    this.bom = text.startsWith('\uFEFF');
    this.crlf = /\r\n/.test(text);
    this.text = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  }

  get data(): unknown {
    return readData(this.text);
  }

  apply(edit: Edit): this {
    const fast = edit.op === 'append' && edit.path.length === 0 ? appendToList(this.text, edit.items, edit.style, edit.block) : undefined;
    if (fast !== undefined) {
      this.text = fast;
      return this;
    }
    const expected = JSON.stringify(applyToData(structuredClone(this.data), edit));
    const spliced = splice(this.text, readDoc(this.text), edit);
    if (spliced !== undefined && JSON.stringify(readData(spliced)) === expected) {
      this.text = spliced;
      return this;
    }
    const edited = documentEdit(this.text, edit);
    if (JSON.stringify(readData(edited)) !== expected) throw new Error(`could not edit the YAML at ${edit.path.join('.')}`);
    this.text = edited;
    return this;
  }

  toString(): string {
    const text = this.crlf ? this.text.replace(/\n/g, '\r\n') : this.text;
    return this.bom ? `\uFEFF${text}` : text;
  }
}

/**
 * Items appended to a list at the top of a file (a dues ledger's receipts, one flow item a line;
 * a chapter's members, each a block), after its last item, checked by the fast reader
 * (load/fastYaml.ts, the loader's own) rather than by building the yaml Document three times:
 * the new text must read back as the old list plus the items. Undefined when the text is not
 * such a list or the fast reader declines it: the general edit decides.
 */
function appendToList(text: string, items: readonly YamlValue[], style: 'flow' | 'block', block?: BlockStyle): string | undefined {
  // a block item among flow items would be written in their style by the general edit; so would a last line without its line break
  if (!text.endsWith('\n') || (style === 'block' && /^- \{/m.test(text))) return undefined;
  const before = fastParseYaml(text);
  const lines = text.split('\n');
  // a file of comments alone (a new year's ledger: its schema line) takes the items after them
  const fresh = before === undefined && lines.every((line) => /^\s*(#.*)?$/.test(line));
  if (!fresh && (before === DECLINED || !Array.isArray(before) || before.length === 0)) return undefined;
  let last = lines.length - 2;
  if (!fresh) {
    while (last >= 0 && /^\s*(#.*)?$/.test(lines[last]!)) last--;
    // the last item's last line: a flow item, or a line of a block item (indented, or its first)
    if (last < 0 || !(style === 'flow' ? /^- \{.*\}$/ : /^(?:- |  )\S/).test(lines[last]!)) return undefined;
  }
  lines.splice(last + 1, 0, ...items.flatMap((i) => itemLines(i, 0, style, block)));
  const after = lines.join('\n');
  return JSON.stringify(fastParseYaml(after)) === JSON.stringify([...(Array.isArray(before) ? before : []), ...items]) ? after : undefined;
}

/** The intended data after the edit: what the text must read back as. */
export function applyToData(data: unknown, edit: Edit): unknown {
  if (edit.path.length === 0) return edit.op === 'append' ? [...((data as unknown[] | null) ?? []), ...edit.items] : edit.op === 'set' ? edit.value : null;
  const root = (data ?? (typeof edit.path[0] === 'number' ? [] : {})) as Record<string | number, unknown>;
  let node = root;
  for (const part of edit.path.slice(0, -1)) node = (node[part] ??= {}) as Record<string | number, unknown>;
  const last = edit.path[edit.path.length - 1]!;
  if (edit.op === 'append') node[last] = [...((node[last] as unknown[] | undefined) ?? []), ...edit.items];
  else if (edit.op === 'set') node[last] = edit.value;
  else if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
  return root;
}

function splice(text: string, doc: Document, edit: Edit): string | undefined {
  if (doc.errors.length) return undefined;
  const lineStart = (off: number) => text.lastIndexOf('\n', off - 1) + 1;
  const lineEnd = (off: number) => (off > 0 && text[off - 1] === '\n' ? off : text.indexOf('\n', off) < 0 ? text.length : text.indexOf('\n', off) + 1);
  const insert = (at: number, lines: string[]) => {
    const before = text.slice(0, at);
    return `${before}${before && !before.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n${text.slice(at)}`;
  };
  const replace = (from: number, to: number, s: string) => `${text.slice(0, from)}${s}${text.slice(to)}`;
  const parentPath = edit.path.slice(0, -1);
  const container = (path: Path) => (path.length ? doc.getIn(path, true) : doc.contents) as Node | null | undefined;

  if (edit.op === 'append') {
    const seq = container(edit.path);
    if (seq === null && edit.path.length === 0) return insert(text.length, edit.items.flatMap((i) => itemLines(i, 0, edit.style, edit.block)));
    if (seq === undefined && edit.path.length) return splice(text, doc, { op: 'set', path: edit.path, value: edit.items, ...(edit.block ? { block: edit.block } : {}) });
    if (!isSeq(seq) || seq.flow || !seq.items.length) return undefined;
    const last = seq.items[seq.items.length - 1] as Node;
    const dash = /^( *)- +$/.exec(text.slice(lineStart(last.range![0]), last.range![0]));
    if (!dash) return undefined;
    const style = isScalar(last) || (isMap(last) && last.flow) || (isSeq(last) && last.flow) ? 'flow' : 'block';
    return insert(lineEnd(last.range![2]), edit.items.flatMap((i) => itemLines(i, dash[1]!.length, style, edit.block)));
  }

  const parent = container(parentPath);
  const key = edit.path[edit.path.length - 1]!;
  if (edit.op === 'remove') {
    if (isSeq(parent) && !parent.flow && typeof key === 'number') {
      const item = parent.items[key] as Node | undefined;
      if (!item?.range || !/^ *- +$/.test(text.slice(lineStart(item.range[0]), item.range[0]))) return undefined;
      return replace(lineStart(item.range[0]), lineEnd(item.range[2]), '');
    }
    const pair = isMap(parent) && !parent.flow ? findPair(parent.items, key) : undefined;
    if (!pair || !/^ *$/.test(text.slice(lineStart(keyNode(pair).range![0]), keyNode(pair).range![0]))) return undefined;
    return replace(lineStart(keyNode(pair).range![0]), lineEnd(valueEnd(pair)), '');
  }

  if (parent === undefined && parentPath.length) return splice(text, doc, { op: 'set', path: parentPath, value: { [key]: edit.value }, ...(edit.block ? { block: edit.block } : {}) });
  if (!isMap(parent) || !parent.items.length) return undefined;
  const pair = findPair(parent.items, key);
  const value = pair?.value as Node | null | undefined;
  const flat = !isMapValue(edit.value) && !(Array.isArray(edit.value) && edit.value.some(isMapValue));
  const flowCollection = (isSeq(value) || isMap(value)) && value.flow;
  if (pair && value?.range && (isScalar(value) || flowCollection) && (flat || flowCollection || parent.flow))
    return replace(value.range[0], value.range[1], flow(edit.value));
  if (parent.flow) {
    if (pair) return undefined;
    const lastPair = parent.items[parent.items.length - 1]!;
    return replace(valueEnd(lastPair, 1), valueEnd(lastPair, 1), `, ${String(key)}: ${flow(edit.value)}`);
  }
  const first = keyNode(parent.items[0]!).range![0];
  const indent = first - lineStart(first);
  const lines = pairLines(String(key), edit.value, indent, edit.block);
  if (!pair) return insert(lineEnd(valueEnd(parent.items[parent.items.length - 1]!)), lines);
  const start = keyNode(pair).range![0];
  const prefix = text.slice(lineStart(start), start);
  if (!/^ *(- +)?$/.test(prefix)) return undefined;
  lines[0] = prefix + lines[0]!.slice(indent);
  return replace(lineStart(start), lineEnd(valueEnd(pair)), `${lines.join('\n')}\n`);
}

const keyNode = (pair: Pair): Node => pair.key as Node;
const findPair = (items: Pair[], key: string | number) => items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
/** Where a pair's value ends: `which` 2 includes its trailing comment and newline, 1 does not. */
const valueEnd = (pair: Pair, which: 1 | 2 = 2): number => ((pair.value as Node | null)?.range ?? keyNode(pair).range!)[which];

