// Where the sample's money is held (docs/dues.md): the UK and US branches and the
// international level have accounts; chapters collecting dues forward a share to their branch
// each quarter, the branches pass some on to the international account, and a few expenses
// are paid (room hire, leaflets, bank fees, travel). Fixed amounts, so the story is easy to
// follow and every account stays in credit. Pure, like the rest of the sample.
import { paths, schemaComment } from '../core/paths.js';
import { maxDate, minDate } from './dates.js';
import { amount, file, flowMap, raw } from './yaml.js';

interface SampleFileLike {
  path: string;
  content: string;
  date: string;
}

const ACCOUNTS: [account: string, name: string, opened: string][] = [
  ['branch/uk', 'IOPS UK', '2012-04-01'],
  ['branch/us', 'IOPS US', '2012-01-02'],
  ['international', 'International fund', '2012-01-02'],
];

type Row = { date: string; from?: string; to?: string; account?: string; amount: number; currency: string; category?: string; notes?: string };

const TRANSFERS: Row[] = [
  { date: '2012-03-31', from: 'chapter/new-york', to: 'branch/us', amount: 400, currency: 'USD', notes: 'a fifth of the first quarter' },
  { date: '2012-06-30', from: 'chapter/new-york', to: 'branch/us', amount: 900, currency: 'USD', notes: 'a fifth of the second quarter' },
  { date: '2012-06-30', from: 'chapter/san-francisco', to: 'branch/us', amount: 150, currency: 'USD' },
  { date: '2012-06-30', from: 'chapter/london', to: 'branch/uk', amount: 420, currency: 'GBP', notes: 'a fifth of the second quarter' },
  { date: '2012-06-30', from: 'chapter/manchester', to: 'branch/uk', amount: 80, currency: 'GBP' },
  { date: '2012-07-31', from: 'branch/uk', to: 'international', amount: 100, currency: 'GBP', notes: 'towards the convention' },
  { date: '2012-07-31', from: 'branch/us', to: 'international', amount: 300, currency: 'USD', notes: 'towards the convention' },
];

const EXPENSES: Row[] = [
  { date: '2012-04-02', account: 'chapter/new-york', amount: 12.5, currency: 'USD', category: 'bank-fees' },
  { date: '2012-05-12', account: 'chapter/london', amount: 60, currency: 'GBP', category: 'room-hire' },
  { date: '2012-07-10', account: 'branch/uk', amount: 45.6, currency: 'GBP', category: 'printing', notes: 'leaflets for the national gathering' },
  { date: '2012-08-15', account: 'international', amount: 8, currency: 'USD', category: 'bank-fees' },
  { date: '2012-08-20', account: 'branch/us', amount: 120, currency: 'USD', category: 'travel' },
];

const rowMap = (r: Row, keys: (keyof Row)[]) => flowMap(keys.map((k) => [k, k === 'date' ? raw(r.date) : k === 'amount' ? amount(r.amount) : (r[k] as string | undefined)] as const));

/** treasury/accounts.yaml and treasury/2012.yaml. */
export function treasuryFiles(): SampleFileLike[] {
  const accountsPath = paths.accounts();
  const accounts = file([schemaComment(accountsPath, 'accounts'), ...ACCOUNTS.map(([account, name, opened]) => `- ${flowMap([['account', account], ['name', name], ['opened', raw(opened)]])}`)]);
  const yearPath = paths.treasury(2012);
  const year = file([
    schemaComment(yearPath, 'treasury'),
    'transfers:',
    ...TRANSFERS.map((t) => `  - ${rowMap(t, ['date', 'from', 'to', 'amount', 'currency', 'notes'])}`),
    'expenses:',
    ...EXPENSES.map((e) => `  - ${rowMap(e, ['date', 'account', 'amount', 'currency', 'category', 'notes'])}`),
  ]);
  const dates = [...TRANSFERS, ...EXPENSES].map((r) => r.date);
  return [
    { path: accountsPath, content: accounts, date: minDate(ACCOUNTS.map(([, , opened]) => opened)) },
    { path: yearPath, content: year, date: maxDate(dates) },
  ];
}
