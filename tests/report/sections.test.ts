// The chapter report's sections, built from the fixture organisation through the real loader.
import { describe, expect, it } from 'vitest';
import { buildChapterReport } from '../../src/core/report/build.js';
import { orgFrom } from '../helpers/org.js';
import { AS_OF, FILES } from './fixture.js';

const org = orgFrom(FILES);
const london = (opts = {}, asOf = AS_OF) => buildChapterReport(org, org.chapterById.get('ldn')!, asOf, opts);

describe('members', () => {
  const r = london();

  it('counts current members, and who joined and left since the previous meeting', () => {
    expect(r.since).toBe('2013-06-20');
    expect(r.members).toMatchObject({ current: 12, joined_since: 1, left_since: 1 });
    expect(london({ since: '2013-03-01' }).members).toMatchObject({ joined_since: 2, left_since: 1 });
  });

  it('gives month-end counts for the last six months, the as-of day last', () => {
    expect(r.members.trend).toEqual([
      { date: '2013-01-31', count: 11 },
      { date: '2013-02-28', count: 11 },
      { date: '2013-03-31', count: 12 },
      { date: '2013-04-30', count: 12 },
      { date: '2013-05-31', count: 12 },
      { date: '2013-06-30', count: 12 },
    ]);
  });

  it('sets gender against the community, hiding the non-binary member and the cell that would give them away', () => {
    expect(r.members.gender.total).toBe(12);
    expect(r.members.gender.suppressed).toBe(true);
    expect(r.members.gender.cells).toEqual({
      woman: { count: 6, suppressed: false, share: 0.5, community: 0.51 },
      man: { count: null, suppressed: true, share: null, community: 0.49 },
      'non-binary': { count: null, suppressed: true, share: null, community: null },
      undisclosed: { count: 0, suppressed: false, share: null, community: null },
    });
  });

  it('hides shares when the undisclosed cell is hidden (the denominator would give it back)', () => {
    const age = r.members.age_band.cells;
    expect(age['25-34']).toEqual({ count: 6, suppressed: false, share: null, community: null });
    expect(age['35-44']!.count).toBeNull();
    expect(age.undisclosed!.count).toBeNull();
  });

  it('counts who studied each key document and all of them', () => {
    expect(r.members.studied).toEqual({ documents: { values: 3, vision: 3 }, all: 2 });
  });
});

describe('meetings', () => {
  const m = london().meetings;

  it('counts own and joint meetings in the window, by mode', () => {
    expect(m).toMatchObject({ window_days: 92, in_window: 4, counted: 4, modes: { in_person: 2, online: 1, hybrid: 1 }, joint: 1, since: 0 });
    expect(m.last).toEqual({ date: '2013-06-20', mode: 'hybrid', attendance: 6, topics: ['campaign'], held_by: 'ldn', joint_with: [] });
  });

  it('shows meetings and average attendance for each of the last six months', () => {
    expect(m.attendance_trend.map((p) => [p.month, p.meetings, p.average_attendance])).toEqual([
      ['2013-01', 0, null],
      ['2013-02', 1, 5],
      ['2013-03', 0, null],
      ['2013-04', 1, 8],
      ['2013-05', 1, 6],
      ['2013-06', 2, 10.5],
    ]);
  });

  it('sorts members by attendance where attendees are listed, by id only with --members', () => {
    expect(m.attendance).toEqual({
      recorded_meetings: 1,
      cells: { regular: { count: 6, suppressed: false }, occasional: { count: 0, suppressed: false }, absent: { count: 5, suppressed: false } },
    });
    expect(m.by_member).toBeUndefined();
    const listed = london({ members: true }).meetings.by_member!;
    expect(listed.map((a) => a.member)).toEqual(['ldn-m1', 'ldn-m2', 'ldn-n1', 'ldn-w1', 'ldn-w2', 'ldn-w3', 'ldn-m3', 'ldn-m4', 'ldn-m5', 'ldn-w4', 'ldn-w5']);
    expect(listed[0]).toEqual({ member: 'ldn-m1', attended: 1, recorded: 1, rate: 1 });
  });

  it('does not count online meetings toward functioning when count_online is false', () => {
    const strict = orgFrom({ ...FILES, 'goals.yaml': FILES['goals.yaml']!.replace('count_online: true', 'count_online: false') });
    const r = buildChapterReport(strict, strict.chapterById.get('ldn')!, AS_OF);
    expect(r.meetings).toMatchObject({ in_window: 4, counted: 3 });
    expect(r.education.last).toBe('2013-02-01');
  });
});

describe('self-education and projects', () => {
  const r = london();

  it('gives the last education session and when each key document was last studied', () => {
    expect(r.education).toEqual({ last: '2013-02-01', window_days: 183, sessions_in_window: 1, documents: { values: '2013-02-01', vision: null } });
  });

  it("takes each project's latest status, the same name across meetings (case and spacing aside)", () => {
    expect(r.projects).toMatchObject({ attempted: 0, succeeded: 1, failed: 1, planned: 1 });
    expect(r.projects.list).toEqual([
      { name: 'Film night', status: 'failed', date: '2013-06-20' },
      { name: 'Housing leaflet', status: 'succeeded', date: '2013-06-20' },
      { name: 'Reading group', status: 'planned', date: '2013-04-02' },
    ]);
    expect(london({}, '2013-06-15').projects).toMatchObject({ attempted: 1, succeeded: 0, failed: 0 });
  });

  it('gives the last report and the next due date', () => {
    expect(r.reports).toEqual({ last: { date: '2013-02-14', title: 'London update', url: null }, published: 1, every_days: 122, next_due: '2013-06-16' });
    expect(r.last_report).toBe('2013-02-14');
    expect(r.last_meeting).toBe('2013-06-20');
  });
});

describe('dues', () => {
  const d = london().dues;

  it('sums receipts this month and over the window exactly, in the reporting and original currencies', () => {
    expect(d).toMatchObject({ scheme: 'sliding-scale', bank_account: true, agreed: '2012-09-15' });
    // 20 GBP × 1.58 + 10 USD
    expect(d.this_month).toEqual({ month: '2013-06', receipts: 2, total: { amount: 41.6, currency: 'USD' }, by_currency: { GBP: 20, USD: 10 } });
    // 120 GBP × 1.58 + 10 USD; March's receipt is outside the window
    expect(d.window).toEqual({
      months: ['2013-04', '2013-05', '2013-06'],
      months_with_receipts: ['2013-04', '2013-05', '2013-06'],
      receipts: 5,
      total: { amount: 199.6, currency: 'USD' },
      by_currency: { GBP: 120, USD: 10 },
    });
  });

  it('compares pledges over the window with what came in, as iops dues reckons them', () => {
    expect(d.pledges).toEqual({ pledging: { count: 6, suppressed: false }, exempt: { count: null, suppressed: true }, no_pledge: { count: null, suppressed: true } });
    // April to June, an instalment for each month (quarter, year) the member belonged at least a day:
    // 3 × 20 GBP + 60 GBP (the second quarter) + 3 × 10 EUR + 3 × 5 USD + 120 USD (the year 2013) + 3 × 10 USD:
    // 120 GBP (189.60) + 30 EUR (37.50) + 165 USD = 392.10; received 120 GBP + 10 USD = 199.60
    expect(d.arrears).toEqual({
      from: '2013-04-01',
      to: '2013-06-30',
      pledged: { amount: 392.1, currency: 'USD' },
      received: { amount: 199.6, currency: 'USD' },
      arrears: { amount: 192.5, currency: 'USD' },
      received_share: 0.5091,
    });
  });

  it('counts a pledge for the months its member belonged to the chapter at least a day', () => {
    // ldn-w4 joins on May 15: May and June fall due, April does not (392.10 − 5.00)
    const later = orgFrom({ ...FILES, 'chapters/ldn/members.yaml': FILES['chapters/ldn/members.yaml']!.replace("{ id: ldn-w4, joined: 2012-03-01", "{ id: ldn-w4, joined: 2013-05-15") });
    const r = buildChapterReport(later, later.chapterById.get('ldn')!, AS_OF);
    expect(r.dues.arrears!.pledged.amount).toBe(387.1);
  });

  it('leaves arrears out when the number pledging is hidden', () => {
    const brighton = buildChapterReport(org, org.chapterById.get('brt')!, AS_OF).dues;
    expect(brighton.pledges.pledging).toEqual({ count: null, suppressed: true });
    expect(brighton.arrears).toBeNull();
    expect(brighton.scheme).toBeNull();
  });
});
