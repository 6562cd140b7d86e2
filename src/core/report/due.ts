// What is due: what the chapter needs to do, and by when, to keep counting toward the
// organisation's goals. Each rule reads goals.yaml's definitions, so a changed definition
// changes the dates. Ordered by date; what is failing already is dated when it fell due (or
// the as-of day when it never was met). The rules are documented in docs/report.md.
import { addDays, lastDayOfMonth, monthOf, withinDays } from '../dates.js';
import { plural } from '../metrics/asof.js';
import { collectingVerdict } from '../metrics/dues.js';
import type { FunctioningDefinition } from '../metrics/functioning.js';
import type { ChapterRecord, Organisation } from '../model.js';
import type { DueItem, Standing } from './types.js';

type Item = Omit<DueItem, 'overdue'>;

const KIND_ORDER: DueItem['kind'][] = ['meeting', 'education', 'report', 'dues', 'delegate'];

/** Meetings: the day the count in the window would fall below min_meetings without a new one. */
function meetingDue(chapter: ChapterRecord, asOf: string, def: FunctioningDefinition): Item | undefined {
  if (def.min_meetings === 0) return undefined;
  const W = def.meetings_window_days;
  const what = def.count_online ? 'meeting' : 'in-person or hybrid meeting';
  const counted = chapter.meetings.filter((m) => m.date <= asOf && (def.count_online || m.mode !== 'online') && withinDays(m.date, asOf, W));
  if (counted.length < def.min_meetings) {
    const need = def.min_meetings - counted.length;
    return { date: asOf, kind: 'meeting', text: `hold ${plural(need, `more ${what}`)}: ${counted.length} of the ${def.min_meetings} needed in the last ${W} days` };
  }
  const leaving = counted[counted.length - def.min_meetings]!;
  const date = addDays(leaving.date, W);
  return { date, kind: 'meeting', text: `hold a ${what} by ${date} to stay functioning: the meeting of ${leaving.date} leaves the ${W}-day window then` };
}

function educationDue(chapter: ChapterRecord, asOf: string, def: FunctioningDefinition): Item | undefined {
  const E = def.education_window_days;
  if (E === undefined) return undefined;
  const sessions = chapter.meetings.filter((m) => m.date <= asOf && m.topics.includes('education') && (def.count_online || m.mode !== 'online'));
  const last = sessions[sessions.length - 1]?.date;
  if (!last) return { date: asOf, kind: 'education', text: 'hold an education session on the key documents: none yet' };
  const date = addDays(last, E);
  if (date <= asOf) return { date, kind: 'education', text: `no education session since ${last}: hold one` };
  return { date, kind: 'education', text: `hold an education session by ${date}: the last one was ${last}` };
}

function reportDue(chapter: ChapterRecord, asOf: string, def: FunctioningDefinition): Item {
  const last = chapter.reports.filter((r) => r.date <= asOf).pop()?.date;
  if (!last) return { date: asOf, kind: 'report', text: 'publish a report: none yet' };
  const date = addDays(last, def.report_every_days);
  return { date, kind: 'report', text: `publish a report: last one ${last}, due ${date}` };
}

function duesDue(org: Organisation, chapter: ChapterRecord, asOf: string): Item[] {
  const out: Item[] = [];
  const month = monthOf(asOf);
  const collects = chapter.dues !== undefined && chapter.dues.scheme !== 'none';
  if (collects && !chapter.receiptMonths.some((m) => m.month === month && m.first <= asOf)) {
    out.push({ date: lastDayOfMonth(month), kind: 'dues', text: `no dues receipts this month (${month})` });
  }
  const def = org.goals?.definitions.collecting_dues;
  const counted = org.goals?.goals.some((g) => g.metric === 'chapters_collecting_dues');
  if (!def || !counted) return out;
  if (!collects) out.push({ date: asOf, kind: 'dues', text: 'agree on dues and open a bank account, to count as collecting dues' });
  else if (!chapter.dues!.bank_account) out.push({ date: asOf, kind: 'dues', text: 'open a bank account for dues, to count as collecting dues' });
  else {
    const v = collectingVerdict(chapter, asOf, def);
    if (v.months.length < def.min_months)
      out.push({ date: asOf, kind: 'dues', text: `collect dues in ${def.min_months} of the last ${def.window_months} months: receipts in ${v.months.length} so far` });
  }
  return out;
}

export function dueList(org: Organisation, chapter: ChapterRecord, asOf: string, delegate: Standing): DueItem[] {
  const def = org.goals?.definitions.functioning_chapter;
  const items: (Item | undefined)[] = [];
  if (def) items.push(meetingDue(chapter, asOf, def), educationDue(chapter, asOf, def), reportDue(chapter, asOf, def));
  items.push(...duesDue(org, chapter, asOf));
  if (!delegate.value) items.push({ date: asOf, kind: 'delegate', text: `${delegate.reasons[0]}: choose a delegate` });
  return items
    .filter((i): i is Item => i !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)))
    .map((i) => ({ date: i.date, overdue: i.date <= asOf, kind: i.kind, text: i.text }));
}
