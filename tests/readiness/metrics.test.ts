// Every metric at its boundaries, as SPEC.md defines them.
import { describe, expect, it } from 'vitest';
import { evaluateGoals } from '../../src/core/goals.js';
import { addDays } from '../../src/core/dates.js';
import { DEFINITIONS, SETTINGS, goalsYaml, meeting, orgFrom, report } from '../helpers/org.js';

const A = '2013-06-30';

function value(files: Record<string, string>, goal: string, asOf = A, definitions = DEFINITIONS): number {
  const org = orgFrom({ 'iops.yaml': SETTINGS, 'goals.yaml': goalsYaml(`  - ${goal}\n`, definitions), ...files });
  return evaluateGoals(org, org.goals!, asOf)[0]!.value;
}

const chapter = (id: string, extra = '') => ({ [`chapters/${id}/chapter.yaml`]: `name: ${id}\ncountry: GB\n${extra}` });
const FUNCTIONING = '{ id: f, title: F, metric: functioning_chapters, min: 1 }';

/** A chapter that is functioning at A except for what the caller changes. */
function functioningChapter(id: string, meetings: string[], reportDate = addDays(A, -10), educationDate = addDays(A, -5)) {
  const files: Record<string, string> = { ...chapter(id) };
  for (const d of meetings) files[`chapters/${id}/meetings/${d}.yaml`] = meeting(d, d === educationDate ? 'topics: [education]\n' : '');
  files[`chapters/${id}/reports/${reportDate}.md`] = report(reportDate);
  return files;
}

describe('members', () => {
  const members = (left: string) => ({
    ...chapter('ldn'),
    'chapters/ldn/members.yaml': `- { id: a, joined: 2012-01-01 }\n- { id: b, joined: 2012-01-01, left: ${left} }\n- { id: c, joined: ${addDays(A, 1)} }\n`,
  });
  const goal = '{ id: m, title: M, metric: members, min: 1 }';
  it('a member who leaves on A is no longer current; one who leaves the day after still is', () => {
    expect(value(members(A), goal)).toBe(1);
    expect(value(members(addDays(A, 1)), goal)).toBe(2);
  });
  it('a member who joins after A does not exist yet', () => {
    expect(value(members(A), goal, addDays(A, 1))).toBe(2);
  });
});

describe('functioning_chapters', () => {
  const edu = addDays(A, -5);
  it('a meeting exactly meetings_window_days before A does not count; one day later does', () => {
    expect(value(functioningChapter('ldn', [addDays(A, -92), addDays(A, -30), edu]), FUNCTIONING)).toBe(0);
    expect(value(functioningChapter('ldn', [addDays(A, -91), addDays(A, -30), edu]), FUNCTIONING)).toBe(1);
  });
  it('a report exactly report_every_days back does not count; one day later does', () => {
    const meetings = [addDays(A, -60), addDays(A, -30), edu];
    expect(value(functioningChapter('ldn', meetings, addDays(A, -122)), FUNCTIONING)).toBe(0);
    expect(value(functioningChapter('ldn', meetings, addDays(A, -121)), FUNCTIONING)).toBe(1);
  });
  it('needs an education session within education_window_days', () => {
    const meetings = [addDays(A, -60), addDays(A, -30), addDays(A, -20)];
    expect(value(functioningChapter('ldn', meetings, addDays(A, -10), 'none'), FUNCTIONING)).toBe(0);
  });
  it('joint meetings count for every chapter named', () => {
    const files = {
      ...functioningChapter('ldn', [addDays(A, -60), edu]),
      ...functioningChapter('bri', [addDays(A, -61), addDays(A, -6)], addDays(A, -10), addDays(A, -6)),
      [`chapters/ldn/meetings/${addDays(A, -40)}.yaml`]: meeting(addDays(A, -40), 'joint_with: [bri]\n'),
    };
    expect(value(files, FUNCTIONING)).toBe(2);
    // without the joint meeting each has only two
    delete files[`chapters/ldn/meetings/${addDays(A, -40)}.yaml`];
    expect(value(files, FUNCTIONING)).toBe(0);
  });
  it('online meetings are excluded when count_online is false', () => {
    const files = functioningChapter('ldn', [addDays(A, -60), edu]);
    files[`chapters/ldn/meetings/${addDays(A, -40)}.yaml`] = `date: ${addDays(A, -40)}\nmode: online\nattendance: 4\n`;
    expect(value(files, FUNCTIONING)).toBe(1);
    expect(value(files, FUNCTIONING, A, DEFINITIONS.replace('count_online: true', 'count_online: false'))).toBe(0);
  });
  it('explains each chapter: the reason names what is missing', () => {
    const org = orgFrom({
      'iops.yaml': SETTINGS,
      'goals.yaml': goalsYaml(`  - ${FUNCTIONING}\n`),
      ...functioningChapter('ldn', [addDays(A, -60), edu], '2012-11-04'),
    });
    const [result] = evaluateGoals(org, org.goals!, A);
    expect(result!.measurement.verdicts).toEqual([{ id: 'ldn', counts: false, reason: '2 meetings in the last 92 days, needs 3; no report since 2012-11-04' }]);
  });
  it('a chapter founded after A does not exist yet', () => {
    const files = { ...functioningChapter('ldn', [addDays(A, -60), addDays(A, -30), edu]) };
    files['chapters/ldn/chapter.yaml'] = 'name: ldn\ncountry: GB\nfounded: 2012-01-01\n';
    expect(value(files, '{ id: c, title: C, metric: chapters, min: 1 }')).toBe(1);
    expect(value(files, '{ id: c, title: C, metric: chapters, min: 1 }', '2011-12-31')).toBe(0);
  });
});

describe('chapters_collecting_dues and dues_income', () => {
  const ledger = (dates: string[], amount = '20', currency = 'GBP') =>
    dates.map((d) => `- { date: ${d}, member: a, amount: ${amount}, currency: ${currency} }`).join('\n') + '\n';
  const files = (bank: boolean) => ({
    ...chapter('ldn', `dues: { scheme: sliding-scale, bank_account: ${bank} }\n`),
    'chapters/ldn/members.yaml': '- { id: a, joined: 2011-01-01 }\n',
    'chapters/ldn/dues/2012.yaml': ledger(['2012-11-15', '2012-12-20']),
    'chapters/ldn/dues/2013.yaml': ledger(['2013-01-05', '2013-02-01']),
  });
  const COLLECTING = '{ id: d, title: D, metric: chapters_collecting_dues, min: 1 }';
  it('counts receipts in the 3 calendar months ending with A\'s month, across a year boundary', () => {
    expect(value(files(true), COLLECTING, '2013-01-31')).toBe(1); // Nov, Dec, Jan: 3 months
    expect(value(files(true), COLLECTING, '2013-01-04')).toBe(1); // Nov, Dec
    expect(value(files(true), COLLECTING, '2013-03-31')).toBe(1); // Jan, Feb
    expect(value(files(true), COLLECTING, '2013-04-30')).toBe(0); // Feb only
  });
  it('needs a bank account', () => {
    expect(value(files(false), COLLECTING, '2013-01-31')).toBe(0);
  });
  it('dues_income: receipts of the window converted exactly, per month', () => {
    // Nov..Jan as of 2013-01-31: 3 × 20 GBP = 60 GBP = 94.80 USD, over 3 months = 31.60
    expect(value(files(true), '{ id: i, title: I, metric: dues_income, window_months: 3, min: 1 }', '2013-01-31')).toBe(31.6);
    // as of 2013-01-04 the January receipt is not there yet: 40 GBP = 63.20 USD / 3 = 21.07
    expect(value(files(true), '{ id: i, title: I, metric: dues_income, window_months: 3, min: 1 }', '2013-01-04')).toBe(21.07);
  });
});

describe('gender_share', () => {
  const goal = '{ id: w, title: W, metric: gender_share, gender: woman, min: 0.4 }';
  it('is the share among those who disclosed, and 0 when nobody has', () => {
    const members = '- { id: a, joined: 2012-01-01, gender: woman }\n- { id: b, joined: 2012-01-01, gender: man }\n- { id: c, joined: 2012-01-01, gender: non-binary }\n- { id: d, joined: 2012-01-01 }\n';
    expect(value({ ...chapter('ldn'), 'chapters/ldn/members.yaml': members }, goal)).toBeCloseTo(1 / 3, 10);
    expect(value({ ...chapter('ldn'), 'chapters/ldn/members.yaml': '- { id: d, joined: 2012-01-01 }\n' }, goal)).toBe(0);
  });
});

describe('branches_with_national_gathering', () => {
  const goal = '{ id: g, title: G, metric: branches_with_national_gathering, min: 1 }';
  const files = (kind: string, chapters: string) => ({
    ...chapter('ldn'),
    ...chapter('bri'),
    'branches/uk.yaml': `name: UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: ${kind}, chapters: [${chapters}] }\n`,
  });
  it('needs a national gathering, dated by A, naming min_chapters chapters', () => {
    expect(value(files('national', 'ldn, bri'), goal)).toBe(1);
    expect(value(files('national', 'ldn, bri'), goal, '2013-04-19')).toBe(0);
    expect(value(files('national', 'ldn'), goal)).toBe(0);
    expect(value(files('regional', 'ldn, bri'), goal)).toBe(0);
  });
});

describe('meetings, chapters_with_delegate, chapters_reporting, members_studied', () => {
  const files = {
    ...chapter('ldn', 'delegate: a\n'),
    ...chapter('bri', 'delegate: b\n'),
    'chapters/ldn/members.yaml': '- { id: a, joined: 2012-01-01, studied: [values, vision] }\n',
    'chapters/bri/members.yaml': '- { id: b, joined: 2012-01-01, left: 2013-03-01, studied: [values] }\n',
    [`chapters/ldn/meetings/${addDays(A, -10)}.yaml`]: meeting(addDays(A, -10), 'topics: [outreach]\njoint_with: [bri]\n'),
    [`chapters/bri/meetings/${addDays(A, -20)}.yaml`]: `date: ${addDays(A, -20)}\nmode: online\nattendance: 3\ntopics: [campaign]\n`,
    [`chapters/bri/reports/${addDays(A, -300)}.md`]: report(addDays(A, -300)),
    [`chapters/ldn/reports/${addDays(A, -30)}.md`]: report(addDays(A, -30)),
  };
  it('meetings counts each file once, by mode and topic', () => {
    expect(value(files, '{ id: m, title: M, metric: meetings, window_days: 30, min: 1 }')).toBe(2);
    expect(value(files, '{ id: m, title: M, metric: meetings, window_days: 30, mode: online, min: 1 }')).toBe(1);
    expect(value(files, '{ id: m, title: M, metric: meetings, window_days: 30, topic: outreach, min: 1 }')).toBe(1);
    expect(value(files, '{ id: m, title: M, metric: meetings, window_days: 15, min: 1 }')).toBe(1);
  });
  it('a delegate counts while current', () => {
    expect(value(files, '{ id: d, title: D, metric: chapters_with_delegate, min: 1 }')).toBe(1);
    expect(value(files, '{ id: d, title: D, metric: chapters_with_delegate, min: 1 }', '2013-02-28')).toBe(2);
  });
  it('chapters_reporting uses its own window', () => {
    expect(value(files, '{ id: r, title: R, metric: chapters_reporting, window_days: 365, min: 1 }')).toBe(2);
    expect(value(files, '{ id: r, title: R, metric: chapters_reporting, window_days: 30, min: 1 }')).toBe(0);
    expect(value(files, '{ id: r, title: R, metric: chapters_reporting, window_days: 31, min: 1 }')).toBe(1);
  });
  it('members_studied: current members who studied every key document', () => {
    expect(value(files, '{ id: s, title: S, metric: members_studied, min: 1 }', '2013-02-28')).toBe(1);
    expect(value(files, '{ id: s, title: S, metric: members_studied, documents: [values], min: 1 }', '2013-02-28')).toBe(2);
  });
});
