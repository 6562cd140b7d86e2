// Member changes: add (a new pseudonymous id unless one is given), leave, move to another
// chapter, and set the fields people correct later. Messages name members by id only.
import type { MemberRecord } from '../../core/model.js';
import { paths } from '../../core/paths.js';
import { UsageError } from '../../errors.js';
import { type Plan, type Snapshot, naming } from '../transaction.js';
import { REMOVE, compact, existingFile, listFile } from './files.js';
import { memberPrefix, newMemberId } from './memberId.js';
import { ageBand, chapterOf, date, documents, gender, id, memberOf, pledge, pledgeText } from './values.js';
import type { Edit } from './yamlEdit.js';
import type { YamlMap, YamlValue } from './yamlText.js';

export interface MemberAddInput {
  chapter: string;
  joined: string;
  id?: string | undefined;
  gender?: string | undefined;
  ageBand?: string | undefined;
  studied?: string | undefined;
  pledge?: string | undefined;
}

export const MEMBER_STYLE = { nestedFlow: true } as const;

export const memberAdd = (input: MemberAddInput): Plan => naming({ chapters: [input.chapter] }, (s) => {
  const chapter = chapterOf(s.org, input.chapter);
  const record = compact({
    id: input.id !== undefined ? id('--id', input.id) : newMemberId(memberPrefix(chapter, s.members.all()), (m) => s.members.chapterOf(m) !== undefined),
    joined: date('--joined', input.joined),
    gender: input.gender !== undefined ? gender('--gender', input.gender) : undefined,
    age_band: input.ageBand !== undefined ? ageBand('--age-band', input.ageBand) : undefined,
    studied: input.studied !== undefined ? documents(s.org, '--studied', input.studied) : undefined,
    dues: input.pledge !== undefined ? (pledge('--pledge', input.pledge) as YamlValue) : undefined,
  });
  const taken = s.members.chapterOf(record.id);
  if (taken !== undefined) throw new UsageError(`member id "${record.id}" is already used (${paths.members(taken)}); member ids are unique across the organisation`);
  const path = paths.members(chapter.id);
  const file = listFile(s, path, 'members').apply({ op: 'append', path: [], items: [record], style: 'block', block: MEMBER_STYLE });
  return {
    command: 'member add',
    subject: `${chapter.name}: add member ${record.id} (joined ${record.joined})`,
    entities: [`member/${record.id}`, `chapter/${chapter.id}`],
    writes: [{ path, text: file.toString() }],
    output: record.id,
  };
});

export const memberLeave = (memberId: string, on: string): Plan => naming({ members: [memberId] }, (s) => {
  const m = memberOf(s.org, memberId);
  const left = date('--date', on);
  if (m.left !== undefined) throw new UsageError(`${m.id} already left on ${m.left}; to correct the date: iops member set ${m.id} --left ${left}`);
  return memberEdit(s, m, 'member leave', `${chapterName(s, m)}: ${m.id} left on ${left}`, [{ op: 'set', path: [m.index!, 'left'], value: left }]);
});

/**
 * The member belongs to another chapter from `on`: their entry moves to that chapter's
 * members list and keeps where they were before (`moved_from`), so every figure as of an
 * earlier date still counts them where they were then.
 */
export const memberMove = (memberId: string, to: string, on: string | undefined): Plan => naming({ members: [memberId], chapters: [to] }, (s) => {
  const m = memberOf(s.org, memberId);
  const from = chapterOf(s.org, m.chapter);
  const target = chapterOf(s.org, to);
  if (on === undefined) throw new UsageError(`give the date ${m.id} moved with --on YYYY-MM-DD (the first day in ${target.name}); figures before it still count them in ${from.name}`);
  const until = date('--on', on);
  if (target.id === from.id) throw new UsageError(`${m.id} is already a member of ${from.name}`);
  if (from.delegate === m.id) throw new UsageError(`${m.id} is ${from.name}'s delegate; choose another first: iops chapter set ${from.id} --delegate ID (or --no-delegate)`);
  const last = m.moved_from?.[m.moved_from.length - 1]?.until ?? m.joined;
  if (until <= last) throw new UsageError(`--on ${until} must be after ${last}, when ${m.id} ${m.moved_from ? `came to ${from.name}` : 'joined'}`);
  if (m.left !== undefined && until >= m.left) throw new UsageError(`${m.id} left on ${m.left}; a move must be dated before that`);
  const source = existingFile(s, m.file);
  const item = (source.data as YamlValue[])[m.index!] as YamlMap;
  const before = (item['moved_from'] as readonly YamlValue[] | undefined) ?? [];
  const moved: YamlMap = { ...item, moved_from: [...before, { chapter: from.id, until }] };
  source.apply({ op: 'remove', path: [m.index!] });
  const targetPath = paths.members(target.id);
  const dest = listFile(s, targetPath, 'members').apply({ op: 'append', path: [], items: [moved], style: 'block', block: MEMBER_STYLE });
  return {
    command: 'member move',
    subject: `${m.id} moves from ${from.name} to ${target.name} on ${until}`,
    entities: [`member/${m.id}`, `chapter/${from.id}`, `chapter/${target.id}`],
    writes: [
      { path: m.file, text: source.toString() },
      { path: targetPath, text: dest.toString() },
    ],
  };
});

export interface MemberSetInput {
  gender?: string | undefined;
  ageBand?: string | false | undefined;
  pledge?: string | false | undefined;
  studied?: string | undefined;
  joined?: string | undefined;
  left?: string | false | undefined;
  /** With --pledge (or --no-pledge): the pledge changes on this date, and the one before is kept in `dues_before`. */
  from?: string | undefined;
}

export const memberSet = (memberId: string, input: MemberSetInput): Plan => naming({ members: [memberId] }, (s) => {
  const m = memberOf(s.org, memberId);
  const edits: Edit[] = [];
  const fields: string[] = [];
  const at = (key: string) => [m.index!, key] as const;
  const change = (key: string, label: string, value: YamlValue | typeof REMOVE | undefined) => {
    if (value === undefined) return;
    fields.push(label);
    edits.push(value === REMOVE ? { op: 'remove', path: at(key) } : { op: 'set', path: at(key), value, block: { nestedFlow: true } });
  };
  change('gender', 'gender', input.gender !== undefined ? gender('--gender', input.gender) : undefined);
  change('age_band', 'age band', input.ageBand === false ? REMOVE : input.ageBand !== undefined ? ageBand('--age-band', input.ageBand) : undefined);
  const newPledge = input.pledge === false ? REMOVE : input.pledge !== undefined ? (pledge('--pledge', input.pledge) as YamlValue) : undefined;
  if (input.from !== undefined) {
    if (newPledge === undefined) throw new UsageError('--from dates a change of pledge: give --pledge (or --no-pledge) with it');
    const history = pledgeChange(m, newPledge, date('--from', input.from));
    fields.push(`pledge from ${input.from}`);
    edits.push({ op: 'set', path: at('dues_before'), value: history, block: { nestedFlow: true } });
    if (newPledge === REMOVE) edits.push({ op: 'remove', path: at('dues') });
    else edits.push({ op: 'set', path: at('dues'), value: newPledge, block: { nestedFlow: true } });
  } else change('dues', 'pledge', newPledge);
  change('studied', 'studied', input.studied !== undefined ? documents(s.org, '--studied', input.studied) : undefined);
  change('joined', 'joined', input.joined !== undefined ? date('--joined', input.joined) : undefined);
  change('left', 'left', input.left === false ? REMOVE : input.left !== undefined ? date('--left', input.left) : undefined);
  if (!edits.length) throw new UsageError('nothing to set: give at least one of --gender, --age-band, --pledge, --studied, --joined, --left (or --no-age-band, --no-pledge, --no-left)');
  return memberEdit(s, m, 'member set', `${chapterName(s, m)}: update member ${m.id} (${fields.join(', ')})`, edits);
});

/** `dues_before` with the pledge in force until `from` added: the pledge changes on that date. */
function pledgeChange(m: MemberRecord, next: YamlValue | typeof REMOVE, from: string): YamlValue[] {
  const last = m.dues_before?.[m.dues_before.length - 1]?.until ?? m.joined;
  if (from <= last) throw new UsageError(`--from ${from} must be after ${last}, when ${m.dues_before ? 'the pledge last changed' : `${m.id} joined`}`);
  if (m.left !== undefined && from >= m.left) throw new UsageError(`${m.id} left on ${m.left}; a change of pledge must be dated before that`);
  const now = m.dues === undefined ? 'none' : m.dues;
  const same = next === REMOVE ? now === 'none' : JSON.stringify(next) === JSON.stringify(now);
  if (same) throw new UsageError(`${m.id}'s pledge is already ${m.dues === undefined ? 'none' : pledgeText(m.dues)}; nothing changes on ${from}`);
  const before = (m.dues_before ?? []).map((h) => ({ until: h.until, dues: h.dues }) as YamlMap);
  return [...before, { until: from, dues: now as YamlValue }];
}

function memberEdit(s: Snapshot, m: MemberRecord, command: string, subject: string, edits: Edit[]) {
  const file = existingFile(s, m.file);
  for (const e of edits) {
    const has = (file.data as Record<string, unknown>[])[m.index!]?.[String(e.path[1])] !== undefined;
    if (e.op === 'remove' && !has) continue;
    file.apply(e);
  }
  return { command, subject, entities: [`member/${m.id}`, `chapter/${m.chapter}`], writes: [{ path: m.file, text: file.toString() }] };
}

const chapterName = (s: Snapshot, m: MemberRecord) => s.org.chapterById.get(m.chapter)?.name ?? m.chapter;
