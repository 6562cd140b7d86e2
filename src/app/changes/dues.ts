// dues record: one receipt appended to the ledger of the member's chapter for the year it
// was received (chapters/<c>/dues/<YYYY>.yaml), one receipt per line like the rest. A receipt
// that looks like one already in that chapter's ledgers, or one of the member's recorded in
// another chapter's (a member who moved), (core/dues/duplicates.ts) is refused
// unless --force says why (the reason goes into the commit); a receipt from a member whose
// pledge is `exempt` is recorded with a warning.
import { classify } from '../../core/layout.js';
import { stays } from '../../core/histories.js';
import { duplicateOf } from '../../core/dues/duplicates.js';
import { formatMinor, toMinor } from '../../core/money.js';
import { paths } from '../../core/paths.js';
import { type ReceiptRecord, byDate } from '../../core/model.js';
import { receiptRecords } from '../../load/load.js';
import { BankReference } from '../../core/schema/dues.js';
import { DataError, UsageError } from '../../errors.js';
import { type Plan, type Snapshot, naming } from '../transaction.js';
import { compact, listFile } from './files.js';
import { amount, currency, date, freeText, memberOf, month, parsed, personalDataAllowed } from './values.js';

export interface DuesInput {
  member: string;
  date: string;
  amount: string;
  currency: string;
  period?: string | undefined;
  /** The bank's reference of the payment, as the statement shows it. */
  reference?: string | undefined;
  notes?: string | undefined;
  /** --allow-personal-data: why the notes may hold contact details (recorded in the commit). */
  allowPersonalData?: string | undefined;
  /** --force: record it although it looks like a receipt already recorded; needs --reason. */
  force?: boolean | undefined;
  reason?: string | undefined;
}

const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

export const duesRecord = (input: DuesInput): Plan => naming({ members: [input.member] }, async (s) => {
  const reason = forceReason(input);
  const member = memberOf(s.org, input.member, '--member');
  const chapter = s.org.chapterById.get(member.chapter)!;
  const cur = currency('--currency', input.currency);
  const receipt = compact({
    date: date('--date', input.date),
    member: member.id,
    amount: amount('--amount', input.amount, cur),
    currency: cur,
    period: input.period !== undefined ? month('--period', input.period) : undefined,
    reference: input.reference !== undefined ? parsed('--reference', BankReference, input.reference) : undefined,
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  const duplicate = duplicateOf(await receiptsToCheck(s, chapter.id, [member.id]), { ...receipt, minor: toMinor(receipt.amount, receipt.currency)! });
  if (duplicate && reason === undefined) {
    const d = duplicate.of;
    throw new UsageError(
      `this looks like a receipt already recorded (${duplicate.reason}): ${d.file} item ${(d.index ?? 0) + 1}, ${d.date}, ${formatMinor(d.minor, d.currency)} ${d.currency} from ${d.member}` +
        `${d.period ? ` for ${d.period}` : ''}${d.reference !== undefined ? `, reference ${JSON.stringify(d.reference)}` : ''}; nothing was recorded.\n` +
        `If it really is a second payment, record it with --force --reason "why" (the reason goes into the commit message).`,
    );
  }
  const path = paths.dues(chapter.id, receipt.date.slice(0, 4));
  const file = listFile(s, path, 'dues').apply({ op: 'append', path: [], items: [receipt], style: 'flow' });
  const forced = duplicate && reason !== undefined ? ` [recorded again despite a likely duplicate (${duplicate.reason}): ${oneLine(reason)}]` : '';
  return {
    command: 'dues record',
    subject: `${chapter.name}: record dues from ${member.id} received ${receipt.date}${receipt.period ? ` (for ${receipt.period})` : ''}${forced}${personalDataAllowed(input.allowPersonalData)}`,
    entities: [`chapter/${chapter.id}`, `member/${member.id}`],
    writes: [{ path, text: file.toString() }],
    ...(member.dues === 'exempt'
      ? { notes: [`warning: ${member.id}'s dues are exempt (members.yaml), and this receipt is recorded all the same; if they now pay, set their pledge: iops member set ${member.id} --pledge AMOUNT/CURRENCY/month`] }
      : {}),
  };
});

/** --force needs --reason, and --reason means nothing without --force. */
function forceReason(input: DuesInput): string | undefined {
  if (input.force && (input.reason === undefined || !oneLine(input.reason))) throw new UsageError('--force needs --reason "why this receipt is recorded although it looks like one already recorded" (the reason goes into the commit message)');
  if (!input.force && input.reason !== undefined) throw new UsageError('--reason goes with --force (record a receipt that looks like a duplicate); leave it out, or add --force');
  return input.force ? input.reason : undefined;
}

/**
 * The receipts a new receipt of `members` into `chapter`'s ledgers could repeat (at HEAD, any
 * year): every receipt in that chapter's ledgers, and those members' receipts in the ledgers of
 * every chapter they belonged to (a member who moved paid into their old chapter's ledgers).
 * Not the ledgers of chapters they never belonged to: reading every ledger's text (a git call
 * each) made a receipt cost seconds at five years (docs/dues.md).
 */
export async function receiptsToCheck(s: Snapshot, chapter: string, members: readonly string[]): Promise<ReceiptRecord[]> {
  const wantedMembers = new Set(members);
  const theirChapters = new Set([chapter]);
  for (const id of wantedMembers) {
    const m = s.org.memberById.get(id);
    if (m) for (const stay of stays(m)) theirChapters.add(stay.chapter);
  }
  // the ledgers alone, each valid on its own: the planning files are loaded already, and loading
  // them again with the ledgers cost a receipt 1 s and 120 MB at five years
  const ledgers = await s.ledgers(theirChapters);
  if (ledgers) {
    const receipts = (c: string) => ledgers.filter((f) => f.role.chapter === c).flatMap((f) => receiptRecords(f.path, c, f.data)).sort(byDate);
    const others = [...new Set(ledgers.map((f) => f.role.chapter!))].filter((c) => c !== chapter);
    return [...receipts(chapter), ...others.flatMap((c) => receipts(c).filter((r) => r.member !== undefined && wantedMembers.has(r.member)))];
  }
  // chapter.yaml names the decision adopting its dues: decisions are part of the planning files
  const part = await s.load({
    wanted: (path) => {
      const c = classify(path);
      if (!('role' in c)) return true;
      if (c.role.kind === 'dues') return theirChapters.has(c.role.chapter!);
      return ['iops', 'goals', 'branch', 'chapter', 'members', 'accounts', 'decision'].includes(c.role.kind);
    },
  });
  // never check against nothing: a part that cannot stand alone gives way to every file
  const whole = part.org ? part : await s.load();
  const org = whole.org;
  if (!org) throw new DataError(whole.problems, `the last commit's dues ledgers have problems, so a duplicate cannot be ruled out; nothing was recorded (see iops validate)`);
  const own = org.chapterById.get(chapter)?.receipts ?? [];
  if (!wantedMembers.size) return [...own];
  const elsewhere = org.chapters.filter((c) => c.id !== chapter).flatMap((c) => c.receipts.filter((r) => r.member !== undefined && wantedMembers.has(r.member)));
  return [...own, ...elsewhere];
}
