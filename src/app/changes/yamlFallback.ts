// The careful fallback for YAML edits that cannot be spliced line by line (flow lists at the
// top, empty collections, unusual layouts): setIn/addIn/deleteIn on the Document, which keeps
// comments and order but may tidy spacing. New strings are quoted as yamlText would quote them.
import type { Document, Node } from 'yaml';
import type { Edit } from './yamlEdit.js';
import { type YamlValue, isMapValue, scalar } from './yamlText.js';
import { yaml } from '../../load/yamlLib.js';

export function documentEdit(text: string, edit: Edit): string {
  const { YAMLSeq, isSeq, parseDocument } = yaml();
  const doc = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true });
  const nestedFlow = 'block' in edit && edit.block?.nestedFlow === true;
  const make = (v: YamlValue, flowStyle: boolean) => toNode(doc, v, flowStyle, nestedFlow);
  const path = edit.path;
  if (edit.op === 'append') {
    const items = edit.items.map((i) => make(i, edit.style === 'flow'));
    const seq = path.length ? doc.getIn(path, true) : doc.contents;
    if (isSeq(seq)) for (const i of items) seq.add(i);
    else {
      const fresh = new YAMLSeq<Node>();
      for (const i of items) fresh.add(i);
      if (path.length) doc.setIn(path, fresh);
      else doc.contents = fresh as unknown as typeof doc.contents;
    }
  } else if (edit.op === 'set') {
    const node = make(edit.value, !isMapValue(edit.value) && !Array.isArray(edit.value));
    if (path.length) doc.setIn(path, node);
    else doc.contents = node as typeof doc.contents;
  } else if (path.length) {
    doc.deleteIn(path);
  } else {
    doc.contents = null;
  }
  return doc.toString({ lineWidth: 0 });
}

function toNode(doc: Document, value: YamlValue, flowStyle: boolean, nestedFlow: boolean): Node {
  const { Scalar, isCollection, isMap, isScalar, isSeq, visit } = yaml();
  const node = doc.createNode(value) as Node;
  visit(node, {
    Scalar(_, s) {
      if (typeof s.value === 'string' && scalar(s.value).startsWith('"')) s.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const style = (n: unknown, top: boolean) => {
    if (!isCollection(n)) return;
    const flat = n.items.every((i) => (isMap(n) ? isScalar((i as { value: unknown }).value) : isScalar(i)));
    n.flow = top ? flowStyle || (isSeq(n) && flat) : isSeq(n) ? flat : flat && nestedFlow;
    for (const i of n.items) style(isMap(n) ? (i as { value: unknown }).value : i, false);
  };
  style(node, true);
  return node;
}
