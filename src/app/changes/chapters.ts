// Chapter and branch changes: add one, and set the fields a chapter decides later (its
// delegate, dues scheme, bank account, the day it agreed on dues).
import type { Organisation } from '../../core/model.js';
import { paths } from '../../core/paths.js';
import { DUES_SCHEMES, oneOf } from '../../core/schema/common.js';
import { UsageError } from '../../errors.js';
import type { Plan } from '../transaction.js';
import { decisionOf } from './decision.js';
import { REMOVE, compact, existingFile, newMapFile } from './files.js';
import { amount, branchOf, chapterOf, country, currency, date, id, memberOf, parsed } from './values.js';
import type { Edit } from './yamlEdit.js';
import type { YamlValue } from './yamlText.js';

export interface ChapterAddInput {
  name: string;
  country: string;
  branch?: string | undefined;
  founded?: string | undefined;
}

const text = (flag: string, raw: string) => {
  if (!raw.trim()) throw new UsageError(`${flag} cannot be empty`);
  return raw.trim();
};

export const chapterAdd = (chapterId: string, input: ChapterAddInput): Plan => (s) => {
  const cid = id('ID', chapterId);
  if (s.org.chapterById.has(cid)) throw new UsageError(`chapter "${cid}" already exists (${paths.chapter(cid)})`);
  const branch = input.branch !== undefined ? branchOf(s.org, input.branch) : undefined;
  const value = compact({
    name: text('--name', input.name),
    country: country('--country', input.country),
    branch: branch?.id,
    founded: input.founded !== undefined ? date('--founded', input.founded) : undefined,
  });
  const path = paths.chapter(cid);
  return {
    command: 'chapter add',
    subject: `${value.name}: add chapter (${[value.country, branch ? `branch ${branch.id}` : undefined, value.founded ? `founded ${value.founded}` : undefined].filter(Boolean).join(', ')})`,
    entities: [`chapter/${cid}`, ...(branch ? [`branch/${branch.id}`] : [])],
    writes: [{ path, text: newMapFile(path, 'chapter', value) }],
  };
};

export const branchAdd = (branchId: string, input: { name: string; country: string }): Plan => (s) => {
  const bid = id('ID', branchId);
  if (s.org.branchById.has(bid)) throw new UsageError(`branch "${bid}" already exists (${paths.branch(bid)})`);
  const value = { name: text('--name', input.name), country: country('--country', input.country) };
  const path = paths.branch(bid);
  return { command: 'branch add', subject: `${value.name}: add branch (${value.country})`, entities: [`branch/${bid}`], writes: [{ path, text: newMapFile(path, 'branch', value) }] };
};

export interface ChapterSetInput {
  name?: string | undefined;
  country?: string | undefined;
  branch?: string | false | undefined;
  founded?: string | undefined;
  delegate?: string | false | undefined;
  duesScheme?: string | undefined;
  bankAccount?: boolean | undefined;
  duesAgreed?: string | undefined;
  /** The decision that adopted the dues scheme (docs/governance.md). */
  duesDecision?: string | undefined;
  /** Scheme fixed: the monthly amount and its currency. */
  duesAmount?: string | undefined;
  duesCurrency?: string | undefined;
}

export const chapterSet = (chapterId: string, input: ChapterSetInput): Plan => (s) => {
  const chapter = chapterOf(s.org, chapterId);
  const edits: Edit[] = [];
  const fields: string[] = [];
  const change = (path: string[], label: string, value: YamlValue | typeof REMOVE | undefined) => {
    if (value === undefined) return;
    fields.push(label);
    edits.push(value === REMOVE ? { op: 'remove', path } : { op: 'set', path, value });
  };
  change(['name'], 'name', input.name !== undefined ? text('--name', input.name) : undefined);
  change(['country'], 'country', input.country !== undefined ? country('--country', input.country) : undefined);
  change(['branch'], 'branch', input.branch === false ? REMOVE : input.branch !== undefined ? branchOf(s.org, input.branch).id : undefined);
  change(['founded'], 'founded', input.founded !== undefined ? date('--founded', input.founded) : undefined);
  if (typeof input.delegate === 'string') {
    const m = memberOf(s.org, input.delegate, '--delegate');
    if (m.chapter !== chapter.id) throw new UsageError(`--delegate: ${m.id} is a member of ${m.chapter}, not of ${chapter.id}; the delegate must be a member of this chapter`);
  }
  change(['delegate'], 'delegate', input.delegate === false ? REMOVE : input.delegate);
  const duesGiven = [input.duesScheme, input.bankAccount, input.duesAgreed, input.duesDecision, input.duesAmount, input.duesCurrency].some((v) => v !== undefined);
  if (duesGiven && !chapter.dues && input.duesScheme === undefined) throw new UsageError(`${chapter.name} has no dues scheme yet; give one with --dues-scheme (${DUES_SCHEMES.join(', ')})`);
  change(['dues', 'scheme'], 'dues scheme', input.duesScheme !== undefined ? parsed('--dues-scheme', oneOf(DUES_SCHEMES, 'a dues scheme'), input.duesScheme) : undefined);
  change(['dues', 'bank_account'], 'bank account', input.bankAccount);
  change(['dues', 'agreed'], 'dues agreed', input.duesAgreed !== undefined ? date('--dues-agreed', input.duesAgreed) : undefined);
  change(['dues', 'decision'], 'dues decision', input.duesDecision !== undefined ? duesDecision(s.org, chapter.id, input.duesDecision) : undefined);
  const cur = input.duesCurrency !== undefined ? currency('--dues-currency', input.duesCurrency) : undefined;
  change(['dues', 'amount'], 'dues amount', input.duesAmount !== undefined ? amount('--dues-amount', input.duesAmount, cur ?? chapter.dues?.currency ?? s.org.settings.currency) : undefined);
  change(['dues', 'currency'], 'dues currency', cur);
  if (input.duesScheme !== undefined && input.duesScheme !== 'fixed' && input.duesAmount === undefined)
    for (const key of ['amount', 'currency'] as const) if (chapter.dues?.[key] !== undefined) edits.push({ op: 'remove', path: ['dues', key] });
  if (!edits.length) throw new UsageError('nothing to set: give at least one of --name, --country, --branch, --founded, --delegate, --dues-scheme, --bank-account, --dues-agreed, --dues-decision, --dues-amount, --dues-currency');
  const file = existingFile(s, chapter.file);
  for (const e of edits) {
    if (e.op === 'remove' && (file.data as Record<string, unknown>)[String(e.path[0])] === undefined) continue;
    file.apply(e);
  }
  return {
    command: 'chapter set',
    subject: `${input.name !== undefined ? text('--name', input.name) : chapter.name}: update chapter (${fields.join(', ')})`,
    entities: [`chapter/${chapter.id}`],
    writes: [{ path: chapter.file, text: file.toString() }],
  };
};

/** --dues-decision: an adopted decision that adopts this chapter's dues (as validate requires). */
function duesDecision(org: Organisation, chapter: string, raw: string): string {
  const d = decisionOf(org, raw);
  if (d.adopts?.kind !== 'dues' || d.adopts.chapter !== chapter) throw new UsageError(`--dues-decision: ${d.id} does not adopt ${chapter}'s dues (propose one with --adopts dues:${chapter})`);
  if (d.outcome.status !== 'adopted') throw new UsageError(`--dues-decision: ${d.id} is ${d.outcome.status}, not adopted; record its outcome first (iops decision record ${d.id} --outcome adopted …)`);
  return d.id;
}
