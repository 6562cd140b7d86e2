// A small organisation for the dashboard tests whose names try to break out of HTML: a chapter
// called <script>alert(1)</script>, a goal title with an <img onerror>, a branch name that
// closes the stylesheet. Few members early on, so the privacy threshold hides some months.
import { goalsYaml, meeting, report } from '../helpers/org.js';

export const HOSTILE_CHAPTER = '<script>alert(1)</script>';
export const HOSTILE_GOAL = 'Women <img src=x onerror=alert(2)> & "more"';
export const HOSTILE_BRANCH = 'IOPS UK </style><script>alert(3)</script>';
export const HOSTILE_ORG = 'Test & "Org" <Ltd>';

const members = (prefix: string, n: number, joined: string, gender: string, extra = '') =>
  Array.from({ length: n }, (_, i) => `- { id: ${prefix}-${String(i + 1).padStart(2, '0')}, joined: ${joined}, gender: ${gender}${extra} }\n`).join('');

/** Member ids in the fixture: none may appear on the page. */
export const FIXTURE_MEMBER_IDS = [
  ...Array.from({ length: 3 }, (_, i) => `xw-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 6 }, (_, i) => `xm-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 6 }, (_, i) => `lw-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 4 }, (_, i) => `lm-${String(i + 1).padStart(2, '0')}`),
];

export function hostileOrg(): Record<string, string> {
  return {
    'iops.yaml': `organization: ${JSON.stringify(HOSTILE_ORG)}\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-06-30\n`,
    'goals.yaml': goalsYaml(
      `  - { id: members, title: "At least 25 members", metric: members, min: 25 }\n` +
        `  - { id: functioning, title: "At least 1 functioning chapter", metric: functioning_chapters, min: 1 }\n` +
        `  - { id: women, title: ${JSON.stringify(HOSTILE_GOAL)}, metric: gender_share, gender: woman, min: 0.4 }\n` +
        `  - { id: gatherings, title: "A national gathering", metric: branches_with_national_gathering, min: 1 }\n`,
    ),
    'branches/uk.yaml': `name: ${JSON.stringify(HOSTILE_BRANCH)}\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [xss, ldn] }\n`,
    'chapters/xss/chapter.yaml': `name: ${JSON.stringify(HOSTILE_CHAPTER)}\ncountry: GB\nbranch: uk\nfounded: 2012-06-01\ndelegate: xw-01\ndues: { scheme: sliding-scale, bank_account: true }\n`,
    // 3 women from 2012-07, 6 men from 2013-01: before 2013, a share of 3 women alone is not shown
    'chapters/xss/members.yaml': members('xw', 3, '2012-07-15', 'woman') + members('xm', 6, '2013-01-10', 'man'),
    'chapters/xss/meetings/2013-04-10.yaml': meeting('2013-04-10', 'topics: [education]\n'),
    'chapters/xss/meetings/2013-05-10.yaml': meeting('2013-05-10'),
    'chapters/xss/meetings/2013-06-10.yaml': meeting('2013-06-10'),
    'chapters/xss/reports/2013-06-12.md': report('2013-06-12'),
    'chapters/ldn/chapter.yaml': 'name: London & "Friends"\ncountry: GB\nbranch: uk\n',
    'chapters/ldn/members.yaml': members('lw', 6, '2013-02-01', 'woman') + members('lm', 4, '2013-02-01', 'man'),
    'chapters/ldn/meetings/2013-06-01.yaml': meeting('2013-06-01'),
  };
}
