// Standing (functioning, dues, delegate), every goal measured on the chapter, and what is due.
import { describe, expect, it } from 'vitest';
import { buildChapterReport } from '../../src/core/report/build.js';
import { withPublishedReport } from '../../src/core/report/publish.js';
import { orgFrom } from '../helpers/org.js';
import { AS_OF, FILES } from './fixture.js';

const org = orgFrom(FILES);
const report = (id: string, asOf = AS_OF, files = FILES) => {
  const o = files === FILES ? org : orgFrom(files);
  return buildChapterReport(o, o.chapterById.get(id)!, asOf);
};

describe('standing', () => {
  it('says what keeps a chapter from functioning, and what makes one function', () => {
    expect(report('ldn').functioning).toEqual({ value: false, reasons: ['no report since 2013-02-14'] });
    expect(report('ldn', '2013-06-15').functioning).toEqual({
      value: true,
      reasons: ['3 meetings in the last 92 days', 'education on 2013-02-01', 'report on 2013-02-14'],
    });
    expect(report('brt').functioning).toEqual({ value: false, reasons: ['1 meeting in the last 92 days, needs 3', 'no education session yet', 'no report yet'] });
  });

  it('collecting dues and the delegate, with the reasons', () => {
    expect(report('ldn').collecting_dues).toEqual({ value: true, reasons: ['bank account, receipts in 3 of the last 3 months'] });
    expect(report('brt').collecting_dues).toEqual({ value: false, reasons: ['no bank account', 'receipts in 0 of the last 3 months, needs 2'] });
    expect(report('ldn').delegate).toEqual({ value: true, reasons: ['has a delegate'] });
    expect(report('brt').delegate).toEqual({ value: false, reasons: ['no delegate'] });
    const listed = buildChapterReport(org, org.chapterById.get('ldn')!, AS_OF, { members: true });
    expect(listed.delegate.member).toBe('ldn-w1');
  });

  it('measures every goal on the chapter alone: whether it counts, or what it adds', () => {
    expect(report('ldn').goals.map((g) => [g.id, g.counts, g.contribution, g.reason])).toEqual([
      ['members', null, 12, '12 current members'],
      ['functioning', false, 0, 'no report since 2013-02-14'],
      ['women', null, 0.5, 'woman: 50% of members who disclosed a gender'],
      ['dues', true, 1, 'bank account, receipts in 3 of the last 3 months'],
      ['delegates', true, 1, 'has a delegate'],
      ['outreach', null, 1, '1 outreach meeting held in the last 92 days'],
      ['income', null, 66.53, '5 receipts from 2013-04 to 2013-06-30, per month over 3 months'],
      ['gatherings', true, 1, 'branch uk: national gathering on 2013-04-20 with 2 chapters'],
    ]);
  });

  it("hides a small chapter's gender share", () => {
    const women = report('brt').goals.find((g) => g.id === 'women')!;
    expect(women.contribution).toBeNull();
    expect(women.reason).toMatch(/^not shown/);
  });
});

describe('due', () => {
  it('lists what to do by date: an overdue report first, then the meeting and education deadlines', () => {
    expect(report('ldn').due).toEqual([
      { date: '2013-06-16', overdue: true, kind: 'report', text: 'publish a report: last one 2013-02-14, due 2013-06-16' },
      {
        date: '2013-08-01',
        overdue: false,
        kind: 'meeting',
        text: 'hold a meeting by 2013-08-01 to stay functioning: the meeting of 2013-05-01 leaves the 92-day window then',
      },
      { date: '2013-08-03', overdue: false, kind: 'education', text: 'hold an education session by 2013-08-03: the last one was 2013-02-01' },
    ]);
  });

  it('dates what never happened by the as-of day, and orders by kind on the same day', () => {
    expect(report('brt').due.map((d) => [d.date, d.overdue, d.kind, d.text])).toEqual([
      ['2013-06-30', true, 'meeting', 'hold 2 more meetings: 1 of the 3 needed in the last 92 days'],
      ['2013-06-30', true, 'education', 'hold an education session on the key documents: none yet'],
      ['2013-06-30', true, 'report', 'publish a report: none yet'],
      ['2013-06-30', true, 'dues', 'agree on dues and open a bank account, to count as collecting dues'],
      ['2013-06-30', true, 'delegate', 'no delegate: choose a delegate'],
    ]);
  });

  it('asks for dues receipts by the end of a month without any, and says when education lapsed', () => {
    const files = { ...FILES, 'chapters/ldn/dues/2013.yaml': FILES['chapters/ldn/dues/2013.yaml']!.split('\n').filter((l) => !l.includes('2013-06-')).join('\n') };
    const due = report('ldn', '2013-08-10', files).due;
    expect(due.filter((d) => d.kind === 'dues' || d.kind === 'education').map((d) => [d.date, d.overdue, d.text])).toEqual([
      ['2013-08-03', true, 'no education session since 2013-02-01: hold one'],
      ['2013-08-10', true, 'collect dues in 2 of the last 3 months: receipts in 0 so far'],
      ['2013-08-31', false, 'no dues receipts this month (2013-08)'],
    ]);
  });

  it('a delegate who left must be replaced; a bank account is needed to count as collecting', () => {
    const files = {
      ...FILES,
      'chapters/ldn/members.yaml': FILES['chapters/ldn/members.yaml']!.replace('{ id: ldn-w1, joined: 2012-01-10,', '{ id: ldn-w1, joined: 2012-01-10, left: 2013-06-01,'),
      'chapters/ldn/chapter.yaml': FILES['chapters/ldn/chapter.yaml']!.replace('bank_account: true', 'bank_account: false'),
    };
    const due = report('ldn', AS_OF, files).due.filter((d) => d.date === AS_OF);
    expect(due.map((d) => d.text)).toEqual(['open a bank account for dues, to count as collecting dues', 'the delegate left on 2013-06-01: choose a delegate']);
  });

  it('a published report counts itself: functioning again, the report no longer due', () => {
    const ldn = org.chapterById.get('ldn')!;
    const r = buildChapterReport(org, withPublishedReport(ldn, AS_OF, 'London chapter report, 2013-06-30'), AS_OF);
    expect(r.functioning.value).toBe(true);
    expect(r.last_report).toBe(AS_OF);
    expect(r.due.find((d) => d.kind === 'report')).toEqual({ date: '2013-10-30', overdue: false, kind: 'report', text: 'publish a report: last one 2013-06-30, due 2013-10-30' });
  });
});
