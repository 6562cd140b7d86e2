// The sample organisation replayed as a history: one commit per month, dated at the month's
// end, holding what happened that month (chapters founded, members joining and leaving,
// meetings, reports, receipts, gatherings), plus one goal revision made by pull request.
// Every commit is a valid data repository, so `--at`, `history` and `diff` have a past.
import { type Document, type YAMLMap, type YAMLSeq, isMap, isSeq, parseDocument } from 'yaml';
import { addMonths, lastDayOfMonth, monthOf } from '../../core/dates.js';
import { type SampleFile, generateSample } from '../../sample/generate.js';
import { chapterAt, firstGoalSet } from '../../sample/governance.js';
import { commitFiles } from './index.js';
import { type MovedItem, membersAt, movedItems, movedThrough } from './sampleHistories.js';
import { progressStep } from '../../io/progress.js';

/** Goals as first agreed; a pull request in this month made online meetings count. */
const GOALS_REVISED = '2012-05';

function itemsWhere(doc: Document, asOf: string, dated: (item: YAMLMap) => string | undefined): Document {
  // a list, or the lists of a map: a branch's gatherings, a treasury year's transfers and expenses
  const lists = (d: Document) => (isSeq(d.contents) ? [d.contents] : ['gatherings', 'transfers', 'expenses'].map((k) => d.get(k, true)).filter((s) => isSeq(s))) as YAMLSeq[];
  // the items of that day alone are copied: the lists are cut for the copy, then put back
  const whole = lists(doc).map((seq) => [seq, seq.items] as const);
  for (const [seq, items] of whole) seq.items = items.filter((item) => isMap(item) && (dated(item) ?? '') <= asOf);
  const copy = doc.clone();
  for (const [seq, items] of whole) seq.items = items;
  const seqs = lists(copy);
  for (const item of seqs.flatMap((s) => s.items)) {
    const left = (item as YAMLMap).get('left');
    if (typeof left === 'string' && left > asOf) (item as YAMLMap).delete('left');
  }
  return copy;
}

/** The file's content as it was at the end of the day `asOf`, or undefined if it did not exist yet. */
function contentAt(f: SampleFile, doc: Document | undefined, start: string, asOf: string, moved: readonly MovedItem[]): string | undefined {
  if (start > asOf) return undefined;
  if (!doc || f.date <= asOf) return f.content;
  const field = /members\.yaml$/.test(f.path) ? 'joined' : 'date';
  const dated = itemsWhere(doc, asOf, (item) => String(item.get(field) ?? ''));
  const chapter = /^chapters\/([^/]+)\/members\.yaml$/.exec(f.path)?.[1];
  const snapshot = chapter ? membersAt(dated, chapter, asOf, moved) : dated;
  const header = f.content.slice(0, f.content.indexOf('\n') + 1);
  const body = snapshot.toString({ lineWidth: 0, flowCollectionPadding: true });
  return header + body.replace(/^# yaml-language-server.*\n/, '');
}

function describeMonth(month: string, added: string[], before: Map<string, string>, after: Map<string, string>): string {
  const n = (re: RegExp) => added.filter((p) => re.test(p)).length;
  const listed = (re: RegExp, m: Map<string, string>, key: RegExp) =>
    [...m].filter(([p]) => re.test(p)).reduce((sum, [, text]) => sum + (text.match(key)?.length ?? 0), 0);
  const joined = listed(/members\.yaml$/, after, /^- id:/gm) - listed(/members\.yaml$/, before, /^- id:/gm);
  const left = listed(/members\.yaml$/, after, /^ {2}left:/gm) - listed(/members\.yaml$/, before, /^ {2}left:/gm);
  const receipts = listed(/\/dues\//, after, /^- /gm) - listed(/\/dues\//, before, /^- /gm);
  const moved = listed(/members\.yaml$/, after, /^ {4}- \{ chapter:/gm) - listed(/members\.yaml$/, before, /^ {4}- \{ chapter:/gm);
  const pledges = listed(/members\.yaml$/, after, /^ {4}- \{ until:/gm) - listed(/members\.yaml$/, before, /^ {4}- \{ until:/gm);
  const parts = [
    [n(/chapter\.yaml$/), 'chapter founded', 'chapters founded'],
    [joined, 'member joined', 'members joined'],
    [left, 'member left', 'members left'],
    [moved, 'member moved', 'members moved'],
    [pledges, 'pledge changed', 'pledges changed'],
    [n(/\/meetings\//), 'meeting', 'meetings'],
    [n(/\/reports\//), 'report', 'reports'],
    [receipts, 'dues receipt', 'dues receipts'],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
  return `Records of ${month}: ${parts.join(', ') || 'updates'}`;
}

export async function replaySample(root: string, extra: ReadonlyMap<string, string | Uint8Array>): Promise<number> {
  const files = generateSample();
  const snapshot = files.reduce((max, f) => (f.date > max ? f.date : max), '');
  const docs = new Map<string, Document>();
  const starts = new Map<string, string>();
  const chapterStart = new Map<string, string>();
  for (const f of files) {
    if (/(members\.yaml|\/dues\/\d{4}\.yaml|^branches\/.*|^treasury\/\d{4}\.yaml)$/.test(f.path)) docs.set(f.path, parseDocument(f.content));
    const chapter = /^chapters\/([^/]+)\//.exec(f.path)?.[1];
    const first = /members\.yaml$/.test(f.path) ? (f.content.match(/joined: (\S+)/g) ?? []).map((s) => s.slice(8)).sort()[0] ?? f.date : /\/dues\//.test(f.path) ? f.content.match(/date: (\d{4}-\d{2}-\d{2})/)?.[1] ?? f.date : /^treasury\/\d{4}\.yaml$/.test(f.path) ? [...f.content.matchAll(/date: (\d{4}-\d{2}-\d{2})/g)].map((x) => x[1]!).sort()[0] ?? f.date : f.date;
    starts.set(f.path, first);
    if (chapter && (!chapterStart.has(chapter) || first < chapterStart.get(chapter)!)) chapterStart.set(chapter, first);
  }
  const earliest = [...starts.values()].sort()[0]!;
  const moved = movedItems(docs);
  for (const f of files) {
    const chapter = /^chapters\/([^/]+)\/chapter\.yaml$/.exec(f.path)?.[1];
    if (chapter) starts.set(f.path, chapterStart.get(chapter)!);
    if (/^(iops|goals)\.yaml$|^branches\//.test(f.path)) starts.set(f.path, earliest);
  }

  // A dated file's content on a day depends only on which of the dates it names fall on or
  // before that day (for a members list, also those of the members who moved from the chapter,
  // membersAt): while that count stays the same from month to month, so does the content, and it
  // is not worked out again.
  const datesIn = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  const movedFrom = (path: string) => {
    const chapter = /^chapters\/([^/]+)\/members\.yaml$/.exec(path)?.[1];
    return chapter ? moved.filter((m) => movedThrough(m).includes(chapter)).map((m) => m.item.toString()) : [];
  };
  const dates = new Map(files.filter((f) => docs.has(f.path)).map((f) => [f.path, [f.content, ...movedFrom(f.path)].flatMap(datesIn)]));
  const lastAt = new Map<string, { passed: number; content: string | undefined }>();
  const contentOn = (f: SampleFile, asOf: string) => {
    const own = dates.get(f.path);
    if (!own) return contentAt(f, undefined, starts.get(f.path)!, asOf, moved);
    const passed = own.filter((d) => d <= asOf).length + (starts.get(f.path)! <= asOf ? 1 : 0) + (f.date <= asOf ? 1 : 0);
    const last = lastAt.get(f.path);
    if (last?.passed === passed) return last.content;
    const content = contentAt(f, docs.get(f.path), starts.get(f.path)!, asOf, moved);
    lastAt.set(f.path, { passed, content });
    return content;
  };

  let state = new Map<string, string>();
  let commits = 0;
  const months = monthsBetween(monthOf(earliest), monthOf(snapshot));
  for (let month = monthOf(earliest); month <= monthOf(snapshot); month = addMonths(month, 1)) {
    progressStep(`writing the sample's history, month`, months.indexOf(month) + 1, months.length);
    const asOf = month === monthOf(snapshot) ? snapshot : lastDayOfMonth(month);
    const next = new Map<string, string>();
    for (const f of files) {
      const content = contentOn(f, asOf);
      if (content !== undefined) next.set(f.path, f.path === 'goals.yaml' && month < GOALS_REVISED ? firstGoals(content) : /chapter\.yaml$/.test(f.path) ? chapterAt(content, asOf) : content);
    }
    const changed = new Map<string, string | Uint8Array>([...next].filter(([p, c]) => state.get(p) !== c));
    if (month === GOALS_REVISED) {
      // with the ICC's decision adopting it (decisions/, sample/governance.ts)
      const decided = [...changed].filter(([p]) => p.startsWith('decisions/'));
      await commitFiles(root, new Map([['goals.yaml', next.get('goals.yaml')!], ...decided]), 'Goals: count online meetings toward a functioning chapter\n\nMany chapters meet online between in-person meetings; agreed by pull request #1 and adopted by the ICC (decision 2012-05-05-count-online-meetings).\n\nIops-Command: init --sample', `${month}-15`);
      commits++;
      changed.delete('goals.yaml');
      for (const [p, c] of decided) {
        changed.delete(p);
        state.set(p, c as string);
      }
      state.set('goals.yaml', next.get('goals.yaml')!);
    }
    if (commits === 0) for (const [p, c] of extra) changed.set(p, c);
    if (!changed.size) continue;
    const added = [...changed.keys()].filter((p) => !state.has(p));
    const message = commits === 0 ? 'Create the data repository for the sample organisation' : describeMonth(month, added, state, next);
    await commitFiles(root, changed, `${message}\n\nIops-Command: init --sample`, asOf);
    commits++;
    state = new Map([...state, ...next]);
  }
  return commits;
}

function firstGoals(content: string): string {
  return firstGoalSet(content.replace(/count_online: true( *)/, 'count_online: false$1'));
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}
