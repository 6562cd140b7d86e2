// iops report --all: one line per chapter existing at the as-of date, in the asked order.
import { describe, expect, it } from 'vitest';
import { overview } from '../../src/core/report/overview.js';
import { orgFrom } from '../helpers/org.js';
import { AS_OF, FILES } from './fixture.js';

const org = orgFrom({
  ...FILES,
  'chapters/abe/chapter.yaml': 'name: Zurich\ncountry: CH\ndelegate: abe-1\n',
  'chapters/abe/members.yaml': '- { id: abe-1, joined: 2012-01-01 }\n',
  'chapters/abe/meetings/2013-06-01.yaml': 'date: 2013-06-01\nmode: online\nattendance: 2\n',
});

describe('overview', () => {
  it('lists the chapters that exist at the as-of date with their standing, the delegate as yes or no', () => {
    const v = overview(org, AS_OF);
    expect(v.chapters.map((c) => c.name)).toEqual(['Brighton', 'London', 'Zurich']);
    expect(v.chapters[1]).toEqual({
      chapter: 'ldn',
      name: 'London',
      functioning: false,
      functioning_reasons: ['no report since 2013-02-14'],
      last_meeting: '2013-06-20',
      last_report: '2013-02-14',
      collecting_dues: true,
      dues_scheme: 'sliding-scale',
      delegate: true,
    });
    expect(JSON.stringify(v)).not.toContain('ldn-w1');
    expect(v.totals).toEqual({ chapters: 3, functioning: 0, collecting_dues: 1, with_delegate: 2 });
    expect(overview(org, '2013-08-01').chapters.map((c) => c.chapter)).toContain('gla');
  });

  it('sorts by last meeting or report, oldest (and never) first, or by functioning', () => {
    expect(overview(org, AS_OF, 'last-meeting').chapters.map((c) => [c.chapter, c.last_meeting])).toEqual([
      ['abe', '2013-06-01'],
      ['brt', '2013-06-10'],
      ['ldn', '2013-06-20'],
    ]);
    expect(overview(org, AS_OF, 'last-report').chapters.map((c) => c.name)).toEqual(['Brighton', 'Zurich', 'London']);
    expect(overview(org, '2013-06-15', 'functioning').chapters.map((c) => [c.name, c.functioning])).toEqual([
      ['Brighton', false],
      ['Zurich', false],
      ['London', true],
    ]);
  });
});
