// A small organisation for the chapter report, as of 2013-06-30:
// - London (ldn): 12 current members (woman 6, man 5, non-binary 1) and one who left; four
//   meetings in the 92-day window (one of them Brighton's, joint); last report 2013-02-14, so
//   not functioning ("publish a report: last one 2013-02-14, due 2013-06-16"); dues in GBP,
//   EUR and USD with monthly, quarterly and yearly pledges.
// - Brighton (brt): 3 members, no delegate, no report; it held the joint meeting.
// - Glasgow (gla): founded after the as-of date.
import { goalsYaml } from '../helpers/org.js';

export const AS_OF = '2013-06-30';

export const SETTINGS = `organization: Test Org
currency: USD
rates: { GBP: 1.58, EUR: 1.25 }
key_documents: [values, vision]
privacy: { min_group: 5 }
snapshot_date: ${AS_OF}
`;

export const GOALS = goalsYaml(`  - { id: members, title: "At least 5,000 members", metric: members, min: 5000 }
  - { id: functioning, title: "At least 100 functioning chapters", metric: functioning_chapters, min: 100 }
  - { id: women, title: "At least 40% women", metric: gender_share, gender: woman, min: 0.4 }
  - { id: dues, title: "At least 10 chapters collecting dues", metric: chapters_collecting_dues, min: 10 }
  - { id: delegates, title: "At least 10 chapters with a delegate", metric: chapters_with_delegate, min: 10 }
  - { id: outreach, title: "At least 50 outreach meetings a quarter", metric: meetings, window_days: 92, topic: outreach, min: 50 }
  - { id: income, title: "USD 1,000 a month in dues", metric: dues_income, window_months: 3, min: 1000 }
  - { id: gatherings, title: "At least 5 national gatherings", metric: branches_with_national_gathering, min: 5 }
`);

const member = (id: string, joined: string, extra = '') => `- { id: ${id}, joined: ${joined}${extra ? `, ${extra}` : ''} }`;

export const LONDON_MEMBERS = [
  member('ldn-w1', '2012-01-10', 'gender: woman, age_band: 25-34, studied: [values, vision], dues: { amount: 20, currency: GBP, every: month }'),
  member('ldn-w2', '2012-02-01', 'gender: woman, age_band: 25-34, studied: [values], dues: { amount: 60, currency: GBP, every: quarter }'),
  member('ldn-w3', '2012-02-01', 'gender: woman, age_band: 25-34, dues: { amount: 10, currency: EUR }'),
  member('ldn-w4', '2012-03-01', 'gender: woman, age_band: 25-34, dues: { amount: 5, currency: USD }'),
  member('ldn-w5', '2012-03-01', 'gender: woman, age_band: 25-34'),
  member('ldn-w6', '2013-06-22', 'gender: woman, age_band: 25-34'),
  member('ldn-m1', '2012-01-10', 'gender: man, age_band: 35-44, studied: [vision], dues: { amount: 120, currency: USD, every: year }'),
  member('ldn-m2', '2012-01-10', 'gender: man, age_band: 35-44, dues: exempt'),
  member('ldn-m3', '2012-04-01', 'gender: man, age_band: 35-44, dues: { amount: 10, currency: USD }'),
  member('ldn-m4', '2012-04-01', 'gender: man, age_band: 35-44'),
  member('ldn-m5', '2013-03-15', 'gender: man, age_band: 35-44'),
  member('ldn-n1', '2012-05-01', 'gender: non-binary, studied: [values, vision]'),
  member('ldn-x1', '2012-02-01', 'left: 2013-06-25, gender: woman'),
].join('\n');

export const FILES: Record<string, string> = {
  'iops.yaml': SETTINGS,
  'goals.yaml': GOALS,
  'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [ldn, brt] }\n',
  'chapters/ldn/chapter.yaml': `name: London
country: GB
branch: uk
founded: 2012-01-01
delegate: ldn-w1
dues: { scheme: sliding-scale, bank_account: true, agreed: 2012-09-15 }
community:
  gender: { woman: 0.51, man: 0.49 }
`,
  'chapters/ldn/members.yaml': `${LONDON_MEMBERS}\n`,
  'chapters/ldn/meetings/2013-02-01.yaml': 'date: 2013-02-01\nmode: in-person\nattendance: 5\ntopics: [education]\nstudied: [values]\n',
  'chapters/ldn/meetings/2013-04-02.yaml': 'date: 2013-04-02\nmode: in-person\nattendance: 8\ntopics: [outreach]\nprojects:\n  - { name: Reading group, status: planned }\n',
  'chapters/ldn/meetings/2013-05-01.yaml': 'date: 2013-05-01\nmode: online\nattendance: 6\ntopics: [organisational]\n',
  'chapters/ldn/meetings/2013-06-20.yaml': `date: 2013-06-20
mode: hybrid
attendees: [ldn-w1, ldn-w2, ldn-w3, ldn-m1, ldn-m2, ldn-n1]
topics: [campaign]
projects:
  - { name: Housing leaflet, status: succeeded }
  - { name: Film night, status: failed }
`,
  'chapters/ldn/reports/2013-02-14.md': '---\ndate: 2013-02-14\ntitle: London update\n---\nBody.\n',
  'chapters/ldn/dues/2013.yaml': `- { date: 2013-03-01, member: ldn-m3, amount: 10, currency: USD }
- { date: 2013-04-05, member: ldn-w1, amount: 20, currency: GBP }
- { date: 2013-04-10, member: ldn-w2, amount: 60, currency: GBP }
- { date: 2013-05-05, member: ldn-w1, amount: 20, currency: GBP }
- { date: 2013-06-05, member: ldn-w1, amount: 20, currency: GBP }
- { date: 2013-06-10, member: ldn-m3, amount: 10, currency: USD }
`,
  'chapters/brt/chapter.yaml': 'name: Brighton\ncountry: GB\nbranch: uk\nfounded: 2012-06-01\n',
  'chapters/brt/members.yaml': [member('brt-1', '2012-06-01', 'gender: woman'), member('brt-2', '2012-06-01', 'gender: man'), member('brt-3', '2012-07-01', 'gender: woman')].join('\n') + '\n',
  'chapters/brt/meetings/2013-06-10.yaml': 'date: 2013-06-10\nmode: in-person\nattendance: 15\njoint_with: [ldn]\nprojects:\n  - { name: "Housing  leaflet", status: attempted }\n',
  'chapters/gla/chapter.yaml': 'name: Glasgow\ncountry: GB\nfounded: 2013-07-15\n',
};
