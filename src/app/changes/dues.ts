// dues record: one receipt appended to the ledger of the member's chapter for the year it
// was received (chapters/<c>/dues/<YYYY>.yaml), one receipt per line like the rest.
import { paths } from '../../core/paths.js';
import type { Plan } from '../transaction.js';
import { compact, listFile } from './files.js';
import { amount, currency, date, freeText, memberOf, month, personalDataAllowed } from './values.js';

export interface DuesInput {
  member: string;
  date: string;
  amount: string;
  currency: string;
  period?: string | undefined;
  notes?: string | undefined;
  /** --allow-personal-data: why the notes may hold contact details (recorded in the commit). */
  allowPersonalData?: string | undefined;
}

export const duesRecord = (input: DuesInput): Plan => (s) => {
  const member = memberOf(s.org, input.member, '--member');
  const chapter = s.org.chapterById.get(member.chapter)!;
  const cur = currency('--currency', input.currency);
  const receipt = compact({
    date: date('--date', input.date),
    member: member.id,
    amount: amount('--amount', input.amount, cur),
    currency: cur,
    period: input.period !== undefined ? month('--period', input.period) : undefined,
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  const path = paths.dues(chapter.id, receipt.date.slice(0, 4));
  const file = listFile(s, path, 'dues').apply({ op: 'append', path: [], items: [receipt], style: 'flow' });
  return {
    command: 'dues record',
    subject: `${chapter.name}: record dues from ${member.id} received ${receipt.date}${receipt.period ? ` (for ${receipt.period})` : ''}${personalDataAllowed(input.allowPersonalData)}`,
    entities: [`chapter/${chapter.id}`, `member/${member.id}`],
    writes: [{ path, text: file.toString() }],
  };
};
