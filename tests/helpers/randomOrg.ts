// Random valid organisations for property tests: every record dated on or after 2010-01-01.
import fc from 'fast-check';
import { addDays } from '../../src/core/dates.js';
import { SETTINGS, goalsYaml } from './org.js';

const day = fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2010-01-01', n));

const ALL_GOALS = [
  '{ id: members, title: M, metric: members, min: 5 }',
  '{ id: chapters, title: C, metric: chapters, min: 2 }',
  '{ id: functioning, title: F, metric: functioning_chapters, min: 1 }',
  '{ id: women, title: W, metric: gender_share, gender: woman, min: 0.4 }',
  '{ id: delegates, title: D, metric: chapters_with_delegate, min: 1 }',
  '{ id: reporting, title: R, metric: chapters_reporting, window_days: 365, min: 1 }',
  '{ id: gatherings, title: G, metric: branches_with_national_gathering, min: 1 }',
  '{ id: dues, title: Du, metric: chapters_collecting_dues, min: 1 }',
  '{ id: meetings, title: Me, metric: meetings, window_days: 92, min: 1 }',
  '{ id: studied, title: S, metric: members_studied, min: 1 }',
  '{ id: income, title: I, metric: dues_income, window_months: 3, min: 1 }',
].map((g) => `  - ${g}\n`).join('');

const chapterArb = (id: string) =>
  fc.record({
    founded: day,
    members: fc.array(fc.record({ joinedAfter: fc.integer({ min: 0, max: 400 }), gender: fc.constantFrom('woman', 'man', 'non-binary', 'undisclosed'), studied: fc.boolean(), leaves: fc.option(fc.integer({ min: 1, max: 300 })) }), { maxLength: 8 }),
    meetings: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 8 }),
    online: fc.boolean(),
    reports: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 3 }),
    receipts: fc.array(fc.record({ after: fc.integer({ min: 0, max: 500 }), cents: fc.integer({ min: 1, max: 10_000 }), currency: fc.constantFrom('USD', 'GBP', 'EUR') }), { maxLength: 6 }),
    bank: fc.boolean(),
  }).map((c) => ({ id, ...c }));

export const randomOrg = fc.tuple(chapterArb('alpha'), chapterArb('beta'), fc.boolean()).map(([a, b, gathering]) => {
  const files: Record<string, string> = { 'iops.yaml': SETTINGS, 'goals.yaml': goalsYaml(ALL_GOALS) };
  const first: string[] = [];
  for (const c of [a, b]) {
    const base = `chapters/${c.id}`;
    files[`${base}/chapter.yaml`] = `name: ${c.id}\ncountry: GB\nbranch: uk\nfounded: ${c.founded}\ndues: { scheme: sliding-scale, bank_account: ${c.bank} }\n${c.members.length ? `delegate: ${c.id}-0\n` : ''}`;
    const members = c.members.map((m, i) => {
      const joined = addDays(c.founded, m.joinedAfter);
      const left = m.leaves === null ? '' : `, left: ${addDays(joined, m.leaves)}`;
      return { id: `${c.id}-${i}`, joined, line: `- { id: ${c.id}-${i}, joined: ${joined}${left}, gender: ${m.gender}${m.studied ? ', studied: [values, vision]' : ''} }` };
    });
    if (members.length) files[`${base}/members.yaml`] = members.map((m) => m.line).join('\n') + '\n';
    c.meetings.forEach((n, i) => {
      const date = addDays(c.founded, n);
      files[`${base}/meetings/${date}.yaml`] = `date: ${date}\nmode: ${c.online && i % 2 ? 'online' : 'in-person'}\nattendance: 4\ntopics: [${i % 3 === 0 ? 'education' : 'outreach'}]\n`;
    });
    for (const n of c.reports) {
      const date = addDays(c.founded, n);
      files[`${base}/reports/${date}.md`] = `---\ndate: ${date}\ntitle: Report\n---\nText.\n`;
    }
    const byYear = new Map<string, string[]>();
    for (const r of c.receipts) {
      const payer = members[0];
      if (!payer) continue;
      const date = addDays(payer.joined, r.after);
      const amount = (r.cents / 100).toFixed(2).replace(/\.?0+$/, '');
      const lines = byYear.get(date.slice(0, 4)) ?? [];
      lines.push(`- { date: ${date}, member: ${payer.id}, amount: ${amount}, currency: ${r.currency} }`);
      byYear.set(date.slice(0, 4), lines);
    }
    for (const [year, lines] of byYear) files[`${base}/dues/${year}.yaml`] = lines.join('\n') + '\n';
    first.push(c.founded);
  }
  const held = gathering ? `\n  - { date: ${addDays(first.sort()[1]!, 30)}, kind: national, chapters: [alpha, beta] }` : ' []';
  files['branches/uk.yaml'] = `name: UK\ncountry: GB\ngatherings:${held}\n`;
  return files;
});
