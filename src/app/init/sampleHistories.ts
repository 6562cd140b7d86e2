// The sample's members lists as they were on a past day, for the replayed history: a member
// who moved later is still in the chapter they were in then (without the move), and a pledge
// changed later is still the one before (without the change). See src/sample/histories.ts.
import { type Document, type YAMLMap, type YAMLSeq, isMap, isSeq } from 'yaml';

export interface MovedItem {
  /** The chapter whose members.yaml holds the member now. */
  chapter: string;
  item: YAMLMap;
}

const histories = (item: YAMLMap, key: string): YAMLMap[] => {
  const seq = item.get(key, true);
  return isSeq(seq) ? (seq.items.filter(isMap) as YAMLMap[]) : [];
};

/** Members with `moved_from` in the lists of the finished sample, from every members.yaml. */
export function movedItems(docs: ReadonlyMap<string, Document>): MovedItem[] {
  const out: MovedItem[] = [];
  for (const [path, doc] of docs) {
    const chapter = /^chapters\/([^/]+)\/members\.yaml$/.exec(path)?.[1];
    if (!chapter || !isSeq(doc.contents)) continue;
    for (const item of doc.contents.items) if (isMap(item) && item.has('moved_from')) out.push({ chapter, item });
  }
  return out;
}

/** The chapters a moved member was in before the one that lists them now. */
export function movedThrough(m: MovedItem): string[] {
  return histories(m.item, 'moved_from').map((h) => String(h.get('chapter')));
}

function chapterOn(m: MovedItem, asOf: string): string {
  for (const h of histories(m.item, 'moved_from')) if (asOf < String(h.get('until'))) return String(h.get('chapter'));
  return m.chapter;
}

/** Drops the entries of a history dated after the day; the earliest dropped pledge becomes `dues` again. */
function trimmed(item: YAMLMap, asOf: string): YAMLMap {
  const later = (h: YAMLMap) => asOf < String(h.get('until'));
  for (const key of ['moved_from', 'dues_before']) {
    const seq = item.get(key, true) as YAMLSeq | undefined;
    if (!seq) continue;
    const first = histories(item, key).find(later);
    if (key === 'dues_before' && first) {
      const dues = first.get('dues', true);
      if (String(first.get('dues')) === 'none') item.delete('dues');
      else item.set('dues', dues);
    }
    seq.items = seq.items.filter((h) => !isMap(h) || !later(h));
    if (!seq.items.length) item.delete(key);
  }
  return item;
}

/** The members list `doc` (a copy, already without members who joined later) as it was at the end of `asOf`. */
export function membersAt(doc: Document, chapter: string, asOf: string, moved: readonly MovedItem[]): Document {
  const seq = doc.contents;
  if (!isSeq(seq)) return doc;
  seq.items = seq.items.filter((item) => !isMap(item) || !item.has('moved_from') || chapterOn({ chapter, item }, asOf) === chapter);
  for (const m of moved) {
    if (m.chapter === chapter || String(m.item.get('joined')) > asOf || chapterOn(m, asOf) !== chapter) continue;
    const copy = m.item.clone() as YAMLMap;
    const at = seq.items.findIndex((item) => isMap(item) && String(item.get('joined')) > String(copy.get('joined')));
    seq.items.splice(at < 0 ? seq.items.length : at, 0, copy);
  }
  for (const item of seq.items) if (isMap(item)) trimmed(item, asOf);
  return doc;
}
