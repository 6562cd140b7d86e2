// dues transfer and dues expense: one record appended to treasury/<year>.yaml (the year of its
// date), under `transfers:` or `expenses:`, one record a line like the dues ledgers. The
// accounts are checked with the rest of the tree the change would commit (core/checks/treasury.ts).
import { formatMinor, toMinor } from '../../core/money.js';
import { paths, schemaComment } from '../../core/paths.js';
import { AccountRef } from '../../core/schema/treasury.js';
import { Id } from '../../core/schema/common.js';
import type { Plan } from '../transaction.js';
import { compact } from './files.js';
import { YamlFile } from './yamlEdit.js';
import { amount, currency, date, freeText, parsed, personalDataAllowed } from './values.js';

interface MoneyInput {
  date: string;
  amount: string;
  currency: string;
  notes?: string | undefined;
  allowPersonalData?: string | undefined;
}
export interface TransferInput extends MoneyInput {
  from: string;
  to: string;
}
export interface ExpenseInput extends MoneyInput {
  account: string;
  category: string;
}

const money = (n: number, cur: string) => `${formatMinor(toMinor(n, cur)!, cur)} ${cur}`;
const account = (flag: string, raw: string) => parsed(flag, AccountRef, raw.toLowerCase());

function append(s: Parameters<Plan>[0], day: string, key: 'transfers' | 'expenses', record: Record<string, unknown>): { path: string; text: string } {
  const path = paths.treasury(day.slice(0, 4));
  const existing = s.text(path);
  const file = new YamlFile(existing ?? `${schemaComment(path, 'treasury')}\ntransfers: []\nexpenses: []\n`);
  const data = file.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && Array.isArray(data[key]) && (data[key] as unknown[]).length === 0) file.apply({ op: 'set', path: [key], value: [record as never] });
  else if (data && typeof data === 'object' && data[key] !== undefined) file.apply({ op: 'append', path: [key], items: [record as never], style: 'flow' });
  else file.apply({ op: 'set', path: [key], value: [record as never] });
  return { path, text: file.toString() };
}

/** The chapters and branches whose accounts a record moves (`chapter/london`), as history's trailers name entities; the international account is no entity. */
const accountEntities = (...accounts: string[]): string[] => [...new Set(accounts.filter((a) => /^(chapter|branch)\//.test(a)))];

export const duesTransfer = (input: TransferInput): Plan => (s) => {
  const cur = currency('--currency', input.currency);
  const record = compact({
    date: date('--date', input.date),
    from: account('--from', input.from),
    to: account('--to', input.to),
    amount: amount('--amount', input.amount, cur),
    currency: cur,
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  return {
    command: 'dues transfer',
    subject: `Transfer ${money(record.amount, cur)} from ${record.from} to ${record.to} on ${record.date}${personalDataAllowed(input.allowPersonalData)}`,
    entities: accountEntities(record.from, record.to),
    writes: [append(s, record.date, 'transfers', record)],
  };
};

export const duesExpense = (input: ExpenseInput): Plan => (s) => {
  const cur = currency('--currency', input.currency);
  const record = compact({
    date: date('--date', input.date),
    account: account('--account', input.account),
    amount: amount('--amount', input.amount, cur),
    currency: cur,
    category: parsed('--category', Id, input.category.toLowerCase()),
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  return {
    command: 'dues expense',
    subject: `Expense: ${money(record.amount, cur)} for ${record.category}, paid by ${record.account} on ${record.date}${personalDataAllowed(input.allowPersonalData)}`,
    entities: accountEntities(record.account),
    writes: [append(s, record.date, 'expenses', record)],
  };
};
