// Cross-file checks of `iops validate`: each file is valid on its own, the repository is not.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { expectProblem, orgRepo, validate } from '../loader/support.js';

afterAll(cleanupRepos);

const CHAPTER = 'chapters/london/chapter.yaml';
const MEMBERS = 'chapters/london/members.yaml';
const MEETING = 'chapters/london/meetings/2012-08-25.yaml';
const LEDGER = 'chapters/london/dues/2012.yaml';
const meeting = (extra = '') => `date: 2012-08-25\nmode: in-person\nattendance: 5\n${extra}`;
const receipt = (fields: string) => `- date: 2012-09-05\n  member: ldn-a\n  amount: 20\n${fields}`;

describe('iops validate across files', () => {
  it('requires member ids to be unique across the organisation', async () => {
    const r = await validate(orgRepo({
      'chapters/paris/chapter.yaml': 'name: Paris\ncountry: FR\n',
      'chapters/paris/members.yaml': '- id: par-a\n  joined: 2012-05-01\n- id: ldn-b\n  joined: 2012-05-02\n',
    }));
    expectProblem(r, 'chapters/paris/members.yaml:3:7', 'members[1].id: member id "ldn-b" is already used in chapters/london/members.yaml (members[1]); member ids are unique');
    expect(r.problems).toHaveLength(1);
  });

  it.each([
    ['a branch', { [CHAPTER]: 'name: London\ncountry: GB\nbranch: ukk\n', 'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\n' }, `${CHAPTER}:3:9`, 'branch: no branch "ukk" in branches/; did you mean "uk"?'],
    ['a delegate', { [CHAPTER]: 'name: London\ncountry: GB\ndelegate: ldn-z\n' }, `${CHAPTER}:3:11`, 'delegate: no member "ldn-z" in this chapter; did you mean "ldn-a"?'],
    ['a joint chapter', { [MEETING]: meeting('joint_with: [brighton]\n') }, `${MEETING}:4:14`, 'joint_with[0]: no chapter "brighton"; check the spelling, or add the chapter first'],
    ['an attendee', { [MEETING]: 'date: 2012-08-25\nmode: online\nattendees: [ldn-a, ldn-zz]\n' }, `${MEETING}:3:20`, 'attendees[1]: no member "ldn-zz"'],
    ['the member of a receipt', { [LEDGER]: '- date: 2012-09-05\n  member: nobody\n  amount: 20\n  currency: USD\n' }, `${LEDGER}:2:11`, 'receipts[0].member: no member "nobody"'],
    ['a gathering chapter', { 'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [london, glasgow] }\n' }, 'branches/uk.yaml:4:60', 'gatherings[0].chapters[1]: no chapter "glasgow"'],
  ])('requires %s to exist', async (_, files, location, message) => {
    const r = await validate(orgRepo(files));
    expectProblem(r, location, message);
    expect(r.problems).toHaveLength(1);
  });

  it('requires the delegate to be a member of their own chapter', async () => {
    const r = await validate(orgRepo({
      'chapters/paris/chapter.yaml': 'name: Paris\ncountry: FR\ndelegate: ldn-a\n',
      'chapters/paris/members.yaml': '- id: par-a\n  joined: 2012-05-01\n',
    }));
    expectProblem(r, 'chapters/paris/chapter.yaml:3:11', 'delegate: the delegate must be a member of this chapter, not of london');
  });

  it('refuses a delegate who never belonged to the chapter, or who moved away; accepts one who moved in', async () => {
    // lds-m: in Leeds from 2012-02-10, in Manchester from 2012-06-15
    const files = (leeds: string, manchester: string) => ({
      'chapters/leeds/chapter.yaml': `name: Leeds\ncountry: GB\n${leeds}`,
      'chapters/leeds/members.yaml': '- id: lds-1\n  joined: 2012-01-01\n',
      'chapters/manchester/chapter.yaml': `name: Manchester\ncountry: GB\n${manchester}`,
      'chapters/manchester/members.yaml': '- id: mcr-1\n  joined: 2012-01-01\n- id: lds-m\n  joined: 2012-02-10\n  moved_from:\n    - { chapter: leeds, until: 2012-06-15 }\n',
    });
    const never = await validate(orgRepo(files('delegate: mcr-1\n', '')));
    expectProblem(never, 'chapters/leeds/chapter.yaml:3:11', 'delegate: the delegate must be a member of this chapter, not of manchester; name a member of chapters/leeds/members.yaml');
    const away = await validate(orgRepo(files('delegate: lds-m\n', '')));
    expectProblem(away, 'chapters/leeds/chapter.yaml:3:11', 'delegate: the delegate must be a member of this chapter, not of manchester: lds-m moved away on 2012-06-15; choose another: iops chapter set leeds --delegate ID (or --no-delegate)');
    expect((await validate(orgRepo(files('', 'delegate: lds-m\n')))).problems).toEqual([]);
  });

  it('requires a meeting date to equal its file name', async () => {
    const r = await validate(orgRepo({ [MEETING]: 'date: 2012-08-26\nmode: online\nattendance: 3\n' }));
    expectProblem(r, `${MEETING}:1:7`, "date: date 2012-08-26 does not match the file name's date 2012-08-25; rename the file or fix the date");
  });

  it('requires a report date to equal its file name', async () => {
    const r = await validate(orgRepo({ 'chapters/london/reports/2012-09-01-update.md': '---\ndate: 2012-09-02\ntitle: Update\n---\n' }));
    expectProblem(r, 'chapters/london/reports/2012-09-01-update.md:2:7', "date: date 2012-09-02 does not match the file name's date 2012-09-01");
  });

  it("requires a receipt to be dated in its ledger's year", async () => {
    const r = await validate(orgRepo({ [LEDGER]: `${receipt('  currency: USD\n')}- date: 2013-01-05\n  member: ldn-b\n  amount: 5\n  currency: USD\n` }));
    expectProblem(r, `${LEDGER}:5:9`, 'receipts[1].date: 2013-01-05 is not in 2012; it belongs in dues/2013.yaml');
    expect(r.problems).toHaveLength(1);
  });

  it("refuses a chapter's records dated before its founding", async () => {
    const r = await validate(orgRepo({
      [CHAPTER]: 'name: London\ncountry: GB\nfounded: 2012-03-15\n',
      [MEETING]: meeting(),
      'chapters/london/meetings/2012-03-01.yaml': 'date: 2012-03-01\nmode: online\nattendance: 2\n',
      'chapters/london/reports/2012-03-02.md': '---\ndate: 2012-03-02\ntitle: Before\n---\n',
      [LEDGER]: '- date: 2012-03-05\n  member: ldn-a\n  amount: 20\n  currency: USD\n',
    }));
    const before = 'is before the chapter was founded (2012-03-15)';
    expectProblem(r, `${MEMBERS}:2:11`, `members[0].joined: joined 2012-03-10 ${before}`);
    expectProblem(r, 'chapters/london/meetings/2012-03-01.yaml:1:7', `date: meeting date 2012-03-01 ${before}`);
    expectProblem(r, 'chapters/london/reports/2012-03-02.md:2:7', `date: report date 2012-03-02 ${before}`);
    expectProblem(r, `${LEDGER}:1:9`, `receipts[0].date: receipt date 2012-03-05 ${before}`);
    expect(r.problems).toHaveLength(4);
  });

  it('requires a rate for every currency other than the reporting one', async () => {
    const r = await validate(orgRepo({
      [LEDGER]: receipt('  currency: JPY\n'),
      [MEMBERS]: '- id: ldn-a\n  joined: 2012-03-10\n  dues: { amount: 5, currency: CHF }\n- id: ldn-b\n  joined: 2012-04-01\n',
    }));
    expectProblem(r, `${LEDGER}:4:13`, 'receipts[0].currency: JPY has no rate: add it to rates in iops.yaml (1 JPY in USD)');
    expectProblem(r, `${MEMBERS}:3:32`, 'members[0].dues.currency: CHF has no rate');
    expect(r.problems).toHaveLength(2);
  });

  it('requires studied key documents to be in key_documents', async () => {
    const r = await validate(orgRepo({
      [MEMBERS]: '- id: ldn-a\n  joined: 2012-03-10\n  studied: [values, vison]\n- id: ldn-b\n  joined: 2012-04-01\n',
      [MEETING]: meeting('studied: [mission]\n'),
    }));
    expectProblem(r, `${MEMBERS}:3:21`, 'members[0].studied[1]: no key document "vison" in iops.yaml key_documents; did you mean "vision"?');
    expectProblem(r, `${MEETING}:4:11`, 'studied[0]: no key document "mission" in iops.yaml key_documents');
  });

  it('refuses a report without front matter', async () => {
    const r = await validate(orgRepo({ 'chapters/london/reports/2012-09-01.md': '# September\n\nWe met three times.\n' }));
    expectProblem(r, 'chapters/london/reports/2012-09-01.md:1:1', 'a report starts with front matter: a line ---, then date: and title:, then another line ---');
  });

  it('refuses an attendee listed twice', async () => {
    const r = await validate(orgRepo({ [MEETING]: 'date: 2012-08-25\nmode: online\nattendees: [ldn-a, ldn-b, ldn-a]\n' }));
    expectProblem(r, `${MEETING}:3:27`, 'attendees[2]: "ldn-a" is listed twice; list each attendee once');
  });

  it('refuses a chapter named twice in one gathering, at the second mention', async () => {
    const r = await validate(orgRepo({ 'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [london, london] }\n' }));
    expectProblem(r, 'branches/uk.yaml:4:60', 'gatherings[0].chapters[1]: chapter "london" is named twice');
  });
});
