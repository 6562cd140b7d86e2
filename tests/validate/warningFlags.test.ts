// Issue 14: which files `validate` reads again for its warnings (invisible text, personal data)
// comes, through the parse cache, from flags each file's record carries, found when the file is
// parsed (load/parseWorker.ts FileFlags), not from a scan of the organisation. The flags must
// name exactly the files the scan names: for random values in every kind of file the scans look
// at (names, notes, proposals, member ids, chapter and branch ids that are all digits), the
// files flagged after parsing each file on its own are the files the organisation's scan finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/layout.js';
import { filesWithPersonalData } from '../../src/core/privacy/personalData.js';
import { filesWithInvisibleText } from '../../src/core/text/invisibleValues.js';
import { flaggedFiles, flagsOf, parseJob } from '../../src/load/parseWorker.js';
import { orgFrom } from '../helpers/org.js';
import { minimalOrg } from '../helpers/repo.js';

/** Values as they may come: plain, with an invisible character or a line break, with contact details or a card number. */
const text = fc.constantFrom(
  'a quiet evening',
  'Lon\u200bdon',
  'two\nlines',
  'ref \u202eabc',
  'tab\there',
  'write to jane@example.org',
  'call +44 20 7946 0958',
  'card 4111 1111 1111 1111',
  'met on 2012-05-05, 12 came',
  '0123456789',
);
/** Member ids: a handle, a phone number, a name with a year of birth. */
const memberId = fc.constantFrom('par-a', 'par-k7q2x', '07700900123', 'jane-smith-1985');
/** Chapter and branch ids, the last two holding what reads as a phone number. */
const placeId = fc.constantFrom('paris', 'south-east', '0123456789', '44-20-7946-0958');

const q = (s: string) => JSON.stringify(s);

const orgArb = fc
  .record({
    chapter: placeId,
    branch: placeId,
    name: text,
    ids: fc.uniqueArray(memberId, { minLength: 1, maxLength: 3 }),
    notes: fc.array(fc.option(text, { nil: undefined }), { minLength: 1, maxLength: 3 }),
    gathering: fc.option(text, { nil: undefined }),
    proposal: text,
    account: fc.option(text, { nil: undefined }),
    transfer: fc.option(text, { nil: undefined }),
    amount: fc.constantFrom(12.5, 400, 1_000_000_000),
    report: text,
  })
  .map((v) => {
    const c = v.chapter;
    const files: Record<string, string> = minimalOrg({
      [`branches/${v.branch}.yaml`]: `name: ${q(v.name)}\ncountry: FR\ngatherings:\n  - { date: 2012-06-02, kind: national, chapters: [${q(c)}]${v.gathering === undefined ? '' : `, notes: ${q(v.gathering)}`} }\n`,
      [`chapters/${c}/chapter.yaml`]: `name: ${q(v.name)}\ncountry: FR\nbranch: ${q(v.branch)}\n`,
      [`chapters/${c}/members.yaml`]: v.ids.map((id, i) => `- { id: ${q(id)}, joined: 2012-0${i + 1}-10${i === 0 ? `, gender: woman` : ''} }\n`).join(''),
      [`decisions/2012-05-05-${c}.yaml`]: `proposal: ${q(v.proposal)}\nbody: { kind: icc }\nmethod: majority\noutcome: { status: proposed }\n`,
      [`chapters/${c}/reports/2012-06-30.md`]: `---\ndate: 2012-06-30\ntitle: June\n---\n${v.report}\n`,
      'treasury/accounts.yaml': `- { account: international${v.account === undefined ? '' : `, name: ${q(v.account)}`} }\n`,
      'treasury/2012.yaml': `transfers:\n  - { date: 2012-07-01, from: chapter/${c}, to: international, amount: ${v.amount}, currency: USD${v.transfer === undefined ? '' : `, notes: ${q(v.transfer)}`} }\n`,
    });
    v.notes.forEach((note, i) => {
      files[`chapters/${c}/meetings/2012-06-1${i}.yaml`] = `date: 2012-06-1${i}\nmode: online\nattendance: 3\n${note === undefined ? '' : `notes: ${q(note)}\n`}`;
    });
    return files;
  });

/** Each file parsed on its own, as the parse cache's workers do, and its flags read back from its record. */
function flagged(files: Record<string, string>) {
  return flaggedFiles(
    Object.entries(files).map(([path, text]) => {
      const c = classify(path);
      if (!('role' in c)) throw new Error(`not a data file: ${path}`);
      const r = parseJob({ path, role: c.role, bytes: new TextEncoder().encode(text) });
      if ('fail' in r) throw new Error(`${path}: ${r.fail}`);
      return { path, role: c.role, flags: flagsOf(r.json) };
    }),
  );
}

const sorted = (files: Iterable<string>) => [...files].sort();

describe("validate's warnings read again the files their flags name", () => {
  it('flags exactly the files the scans of the organisation find', () => {
    let some = { invisible: 0, personal: 0 };
    fc.assert(
      fc.property(orgArb, (files) => {
        const org = orgFrom(files);
        const { invisibleFiles, personalDataFiles } = flagged(files);
        expect(sorted(invisibleFiles)).toEqual(sorted(filesWithInvisibleText(org)));
        expect(sorted(personalDataFiles)).toEqual(sorted(filesWithPersonalData(org)));
        some = { invisible: some.invisible + invisibleFiles.length, personal: some.personal + personalDataFiles.length };
      }),
      { numRuns: 60, seed: 14 },
    );
    // the values reached every kind of answer
    expect(some.invisible).toBeGreaterThan(0);
    expect(some.personal).toBeGreaterThan(0);
  });

  it('flags a meeting, branch or decision for its path alone, as linked', () => {
    const files = minimalOrg({
      'branches/0123456789.yaml': 'name: South\ncountry: FR\n',
      'chapters/0123456789/chapter.yaml': 'name: Paris\ncountry: FR\nbranch: "0123456789"\n',
      'chapters/0123456789/members.yaml': '- { id: par-a, joined: 2012-01-10 }\n',
      'chapters/0123456789/meetings/2012-06-10.yaml': 'date: 2012-06-10\nmode: online\nattendance: 3\n',
      'chapters/0123456789/decisions/2012-05-05-dues.yaml': 'proposal: Dues\nbody: { kind: chapter-meeting, chapter: "0123456789" }\nmethod: majority\noutcome: { status: proposed }\n',
    });
    const expected = ['branches/0123456789.yaml', 'chapters/0123456789/decisions/2012-05-05-dues.yaml', 'chapters/0123456789/meetings/2012-06-10.yaml'];
    expect(sorted(filesWithPersonalData(orgFrom(files)))).toEqual(expected);
    expect(sorted(flagged(files).personalDataFiles)).toEqual(expected);
  });
});
