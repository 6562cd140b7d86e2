// Where the money is held, as of a day: each account's balance per currency, from the
// beginning: a chapter's account holds its ledgers' receipts; transfers move money between
// accounts; expenses leave them. Exact minor units; the value in the reporting currency
// converts each currency's balance once (totals.ts), as hledger values each commodity.
import type { Organisation } from '../model.js';
import { NO_TREASURY } from '../model.js';
import { type CurrencyTotals, addAmount, inReportingCurrency } from './totals.js';

export type Level = 'chapter' | 'branch' | 'international';

export interface Balance {
  /** `chapter/<id>`, `branch/<id>` or `international`. */
  account: string;
  level: Level;
  byCurrency: CurrencyTotals;
  /** In the reporting currency's minor units. */
  total: number;
}

const levelOf = (account: string): Level => (account === 'international' ? 'international' : (account.split('/')[0] as Level));
const ORDER: Record<Level, number> = { international: 0, branch: 1, chapter: 2 };

/** Every account's balance at the end of `asOf`: the declared ones, and every chapter's that has money in it or moved. */
export function balancesAt(org: Organisation, asOf: string): Balance[] {
  const t = org.treasury ?? NO_TREASURY;
  const held = new Map<string, CurrencyTotals>();
  const of = (account: string) => held.get(account) ?? held.set(account, new Map()).get(account)!;
  for (const a of t.accounts) of(a.account);
  for (const c of org.chapters) {
    const account = `chapter/${c.id}`;
    for (const m of c.receiptMonths) {
      if (m.first > asOf) continue;
      if (m.last <= asOf) addAmount(of(account), m.currency, m.minor);
      else for (const r of org.receipts.of(c)) if (r.currency === m.currency && r.date.startsWith(m.month) && r.date <= asOf) addAmount(of(account), r.currency, r.minor);
    }
  }
  for (const x of t.transfers) {
    if (x.date > asOf) continue;
    addAmount(of(x.from), x.currency, -x.minor);
    addAmount(of(x.to), x.currency, x.minor);
  }
  for (const e of t.expenses) if (e.date <= asOf) addAmount(of(e.account), e.currency, -e.minor);
  return [...held.entries()]
    .map(([account, byCurrency]) => ({ account, level: levelOf(account), byCurrency: dropZeros(byCurrency), total: inReportingCurrency(byCurrency, org.settings) }))
    .sort((a, b) => ORDER[a.level] - ORDER[b.level] || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

function dropZeros(totals: CurrencyTotals): CurrencyTotals {
  return new Map([...totals].filter(([, minor]) => minor !== 0));
}
