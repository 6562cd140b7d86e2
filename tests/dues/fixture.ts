// A small organisation with awkward money: 12.75 GBP at 1.58 (half a cent), 0.1 + 0.2 USD,
// 0.02 EUR at 1.25 (half a cent again), receipts either side of a new year, pledges due
// monthly and quarterly, members who joined or left inside the window, one exempt member.
import type { CommandContext } from '../../src/commands/context.js';

export const SETTINGS =
  'organization: Test Org\ncurrency: USD\nrates: { GBP: 1.58, EUR: 1.25 }\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-01-31\n' +
  'minimum_wages:\n  GB: { amount: 52.40, currency: GBP }\n  US: { amount: 58, currency: USD }\n';

const pledge = (amount: number | string, currency: string, every = 'month') => `{ amount: ${amount}, currency: ${currency}, every: ${every} }`;

export const MONEY_ORG: Record<string, string> = {
  'iops.yaml': SETTINGS,
  'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\n',
  'chapters/london/chapter.yaml': 'name: London\ncountry: GB\nbranch: uk\ndues: { scheme: sliding-scale, bank_account: true }\n',
  'chapters/london/members.yaml': [
    ...['a', 'b', 'c', 'd', 'e'].map((x) => `- { id: ldn-${x}, joined: 2012-01-01, dues: ${pledge(10, 'GBP')} }`),
    `- { id: ldn-f, joined: 2013-01-15, dues: ${pledge(10, 'GBP')} }`, // due for January only
    `- { id: ldn-g, joined: 2012-01-01, left: 2012-12-01, dues: ${pledge(10, 'GBP')} }`, // gone before the window
    `- { id: ldn-h, joined: 2012-01-01, dues: ${pledge(30, 'GBP', 'quarter')} }`, // Q4 2012 and Q1 2013
    '- { id: ldn-x, joined: 2012-01-01, dues: exempt }',
  ].join('\n'),
  'chapters/london/dues/2012.yaml': '- { date: 2012-12-15, member: ldn-a, amount: 12.75, currency: GBP, period: 2012-12 }\n',
  'chapters/london/dues/2013.yaml':
    '- { date: 2013-01-05, member: ldn-a, amount: 12.75, currency: GBP, period: 2013-01 }\n' +
    '- { date: 2013-01-06, member: ldn-b, amount: 0.02, currency: EUR }\n',
  'chapters/brighton/chapter.yaml': 'name: Brighton\ncountry: GB\nbranch: uk\ndues: { scheme: day-wage }\n',
  'chapters/brighton/members.yaml': `- { id: bri-a, joined: 2012-06-01, dues: ${pledge(20, 'GBP')} }\n- { id: bri-b, joined: 2012-06-01, dues: exempt }\n`,
  'chapters/nyc/chapter.yaml': 'name: New York\ncountry: US\ndues: { scheme: fixed, amount: 10, currency: USD, bank_account: true }\n',
  'chapters/nyc/members.yaml': `- { id: nyc-a, joined: 2012-01-01, dues: ${pledge(5, 'USD')} }\n- { id: nyc-b, joined: 2012-01-01, dues: ${pledge(5, 'USD')} }\n`,
  'chapters/nyc/dues/2012.yaml': '- { date: 2012-12-20, member: nyc-a, amount: 0.1, currency: USD }\n',
  'chapters/nyc/dues/2013.yaml': '- { date: 2013-01-02, member: nyc-b, amount: 0.2, currency: USD }\n',
  'chapters/berlin/chapter.yaml': 'name: Berlin\ncountry: DE\ndues: { scheme: voluntary }\n',
  'chapters/berlin/members.yaml': `- { id: ber-a, joined: 2012-01-01, dues: ${pledge(100, 'EUR', 'year')} }\n`,
  'chapters/berlin/dues/2013.yaml':
    '- { date: 2013-01-10, member: ber-a, amount: 0.02, currency: EUR }\n' + '- { date: 2013-02-01, member: ber-a, amount: 10, currency: EUR }\n',
  'chapters/dublin/chapter.yaml': 'name: Dublin\ncountry: IE\ndues: { scheme: none }\n',
  'chapters/dublin/members.yaml': '- { id: dub-a, joined: 2012-01-01 }\n',
  'chapters/cork/chapter.yaml': 'name: Cork\ncountry: IE\n',
  'chapters/cork/members.yaml': '- { id: cork-a, joined: 2012-01-01 }\n',
};

export const ctxIn = (dir: string, color = false): CommandContext => ({ cwd: dir, env: {}, color, today: '2013-03-01' });

/** MONEY_ORG with a branch and an international account, transfers and expenses (docs/dues.md, "Where the money is held"). */
export const TREASURY_ORG: Record<string, string> = {
  ...MONEY_ORG,
  'treasury/accounts.yaml': '- { account: branch/uk, name: IOPS UK, opened: 2012-06-01 }\n- { account: international, name: International fund }\n',
  'treasury/2012.yaml':
    'transfers:\n  - { date: 2012-12-31, from: chapter/london, to: branch/uk, amount: 5.25, currency: GBP, notes: half of December }\n' +
    'expenses:\n  - { date: 2012-12-31, account: chapter/nyc, amount: 0.05, currency: USD, category: fees }\n',
  'treasury/2013.yaml':
    'transfers:\n  - { date: 2013-01-20, from: branch/uk, to: international, amount: 2, currency: GBP }\n' +
    'expenses:\n  - { date: 2013-01-21, account: branch/uk, amount: 1.25, currency: GBP, category: printing }\n',
};
