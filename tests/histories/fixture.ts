// A small organisation with histories, every figure of which is worked out by hand in the
// tests: Leeds and Manchester; lds-m came to Manchester from Leeds on 2012-06-15; lds-1 raised
// their pledge from 10 to 20 USD a month on 2012-04-01; lds-2 pledged 5 until 2012-03-01, then
// was exempt; lds-3 was exempt until 2012-03-01, then pledged 5. min_group 1: nothing hidden.
export const SETTINGS = 'organization: Test Org\ncurrency: USD\nrates: { GBP: 1.58 }\nprivacy: { min_group: 1 }\n';

const usd = (amount: number) => `{ amount: ${amount}, currency: USD, every: month }`;

export const HISTORY_ORG: Record<string, string> = {
  'iops.yaml': SETTINGS,
  'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\ndues: { scheme: sliding-scale, bank_account: true }\n',
  'chapters/leeds/members.yaml': [
    `- id: lds-1\n  joined: 2012-01-01\n  dues: ${usd(20)}\n  dues_before:\n    - { until: 2012-04-01, dues: ${usd(10)} }`,
    `- id: lds-2\n  joined: 2012-01-01\n  dues: exempt\n  dues_before:\n    - { until: 2012-03-01, dues: ${usd(5)} }`,
    `- id: lds-3\n  joined: 2012-01-01\n  dues: ${usd(5)}\n  dues_before:\n    - { until: 2012-03-01, dues: exempt }`,
    '- { id: lds-4, joined: 2012-01-01 }',
    '- { id: lds-5, joined: 2012-01-01 }',
    '',
  ].join('\n'),
  // lds-1 paid in full every month: 10 for January to March, 20 from April
  'chapters/leeds/dues/2012.yaml': ['01', '02', '03', '04', '05', '06', '07']
    .map((m) => `- { date: 2012-${m}-05, member: lds-1, amount: ${m < '04' ? 10 : 20}, currency: USD, period: 2012-${m} }`)
    .join('\n'),
  'chapters/manchester/chapter.yaml': 'name: Manchester\ncountry: GB\n',
  'chapters/manchester/members.yaml':
    '- { id: mcr-1, joined: 2012-01-01 }\n- { id: mcr-2, joined: 2012-01-01 }\n' +
    `- id: lds-m\n  joined: 2012-02-10\n  dues: { amount: 7, currency: USD, every: month }\n  moved_from:\n    - { chapter: leeds, until: 2012-06-15 }\n`,
  // paid for May (in Leeds) after the move, so recorded in Manchester's ledger
  'chapters/manchester/dues/2012.yaml': '- { date: 2012-06-20, member: lds-m, amount: 7, currency: USD, period: 2012-05 }\n',
};
