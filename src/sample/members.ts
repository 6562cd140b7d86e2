// Members of one chapter: pseudonymous handles, join/leave dates, the optional
// gender, age band, studied documents and dues pledge. No names, emails or phones.

import { KEY_DOCUMENTS, currencyOf, type ChapterSpec } from './catalogue.js';
import { SNAPSHOT, fromDay, toDay } from './dates.js';
import { rngFor, type Rng } from './random.js';
import { amount, flowList, flowMap, q } from './yaml.js';

export type Gender = 'woman' | 'man' | 'non-binary' | 'undisclosed';

export interface Member {
  id: string;
  chapter: string;
  joined: string;
  left?: string;
  gender?: Gender; // undefined: key omitted (undisclosed by default)
  ageBand?: string;
  studied?: string[];
  dues?: Pledge;
  founder: boolean;
  /** Earlier chapters and pledges (sample/histories.ts). */
  movedFrom?: { chapter: string; until: string }[];
  duesBefore?: { until: string; dues: Pledge | undefined }[];
}

export type Pledge = { amount: number; currency: string } | 'exempt';

const pledgeYaml = (p: Pledge | undefined): string =>
  p === undefined ? 'none' : p === 'exempt' ? 'exempt' : flowMap([['amount', amount(p.amount)], ['currency', p.currency], ['every', 'month']]);

/** Join days are spread as start + span * u^JOIN_SHAPE: above 1, a chapter grows fastest early on. */
const JOIN_SHAPE = 1.3;

const HANDLE = 'abcdefghjkmnpqrstuvwxyz23456789';
const AGE_BANDS = [['under-25', 18], ['25-34', 35], ['35-44', 22], ['45-54', 13], ['55-64', 8], ['65-plus', 4]] as const;
const PLEDGES = [[1, 3], [2, 3], [3, 4], [5, 10], [7.5, 3], [10, 14], [12.5, 4], [15, 8], [20, 12], [25, 7],
  [30, 5], [40, 3], [50, 4], [75, 1], [100, 1]] as const;

function handle(rng: Rng, prefix: string, taken: Set<string>): string {
  for (;;) {
    let tail = '';
    for (let i = 0; i < 4; i++) tail += rng.pick([...HANDLE]);
    const id = `${prefix}-${tail}`;
    if (!taken.has(id) && /[a-z]/.test(tail) && /[0-9]/.test(tail)) {
      taken.add(id);
      return id;
    }
  }
}

/** Gender for the current members by quota (so the organisation lands near 37% women). */
function genderQuota(rng: Rng, n: number): Gender[] {
  const undisclosed = Math.round(n * rng.float(0.14, 0.28));
  const disclosed = n - undisclosed;
  const nonBinary = Math.round(disclosed * rng.float(0.0, 0.05));
  const women = Math.round(disclosed * rng.float(0.31, 0.43));
  const men = Math.max(0, disclosed - nonBinary - women);
  const list: Gender[] = [
    ...Array<Gender>(women).fill('woman'), ...Array<Gender>(men).fill('man'),
    ...Array<Gender>(nonBinary).fill('non-binary'), ...Array<Gender>(undisclosed).fill('undisclosed'),
  ];
  return rng.shuffle(list.slice(0, n));
}

function randomGender(rng: Rng): Gender {
  return rng.weighted([['woman', 28], ['man', 50], ['non-binary', 2], ['undisclosed', 20]] as const);
}

function details(rng: Rng, ch: ChapterSpec, m: Member): void {
  if (rng.chance(0.55)) m.ageBand = rng.weighted(AGE_BANDS);
  if (rng.chance(ch.profile === 'functioning' ? 0.5 : 0.28)) {
    const k = rng.weighted([[1, 30], [2, 25], [3, 15], [4, 30]] as const);
    m.studied = rng.sample([...KEY_DOCUMENTS], k);
  }
  const collecting = ch.dues !== undefined && ch.dues.scheme !== 'none';
  const pledge = collecting ? (ch.dues?.bank ? 0.5 : 0.3) : 0.08;
  const exempt = collecting ? 0.05 : 0.02;
  const r = rng.next();
  if (r < pledge) m.dues = { amount: rng.weighted(PLEDGES), currency: currencyOf(ch.country) };
  else if (r < pledge + exempt) m.dues = 'exempt';
}

export function generateMembers(ch: ChapterSpec): Member[] {
  const rng = rngFor(`${ch.id}:members`);
  const taken = new Set<string>();
  const start = toDay(ch.start);
  const end = toDay(SNAPSHOT);
  const founders = Math.min(ch.size, rng.int(3, 5));
  const genders = genderQuota(rng, ch.size);
  const members: Member[] = [];
  for (let i = 0; i < ch.size; i++) {
    const day = i < founders ? start : start + Math.floor((end - start + 1) * rng.next() ** JOIN_SHAPE);
    const m: Member = { id: handle(rng, ch.prefix, taken), chapter: ch.id, joined: fromDay(Math.min(day, end)), founder: i < founders };
    const g = genders[i] ?? 'undisclosed';
    if (g !== 'undisclosed' || rng.chance(0.5)) m.gender = g;
    details(rng, ch, m);
    members.push(m);
  }
  const leavers = ch.size >= 8 && end - start > 90 ? Math.round(ch.size * rng.float(0.04, 0.11)) : 0;
  for (let i = 0; i < leavers; i++) {
    const joined = start + 1 + Math.floor((end - 60 - start) * rng.next() ** JOIN_SHAPE);
    const left = rng.int(joined + 30, end);
    const m: Member = { id: handle(rng, ch.prefix, taken), chapter: ch.id, joined: fromDay(joined), left: fromDay(left), founder: false };
    const g = randomGender(rng);
    if (g !== 'undisclosed' || rng.chance(0.5)) m.gender = g;
    details(rng, ch, m);
    members.push(m);
  }
  return members.sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : a.id < b.id ? -1 : 1));
}

/** Current at `date`: joined on or before it and not left by then. */
export function isCurrent(m: Member, date: string): boolean {
  return m.joined <= date && (m.left === undefined || m.left > date);
}

export function renderMembers(schema: string, members: readonly Member[]): string {
  const lines = [schema];
  for (const m of members) {
    lines.push(`- id: ${q(m.id)}`, `  joined: ${m.joined}`);
    if (m.left) lines.push(`  left: ${m.left}`);
    if (m.gender) lines.push(`  gender: ${m.gender}`);
    if (m.ageBand) lines.push(`  age_band: ${q(m.ageBand)}`);
    if (m.studied) lines.push(`  studied: ${flowList(m.studied)}`);
    if (m.dues) lines.push(`  dues: ${pledgeYaml(m.dues)}`);
    if (m.duesBefore) lines.push('  dues_before:', ...m.duesBefore.map((h) => `    - { until: ${h.until}, dues: ${pledgeYaml(h.dues)} }`));
    if (m.movedFrom) lines.push('  moved_from:', ...m.movedFrom.map((h) => `    - { chapter: ${h.chapter}, until: ${h.until} }`));
  }
  return `${lines.join('\n')}\n`;
}
