// Figures as of a date use what was true then: the chapter a member belonged to (moved_from)
// and the pledge in force (dues_before). Every expected value is worked out by hand from
// tests/histories/fixture.ts in the comment beside it.
import { describe, expect, it } from 'vitest';
import { chapterRows } from '../../src/core/dashboard/chapters.js';
import { chaptersWithDelegate } from '../../src/core/metrics/chapters.js';
import { type DuesWindow, type Received, addReceived, chapterPledges, pledgeTiers } from '../../src/core/dues/pledges.js';
import { chapterOn, pledgeOn } from '../../src/core/histories.js';
import { currentMembers } from '../../src/core/metrics/asof.js';
import type { Organisation } from '../../src/core/model.js';
import { breakdownTable } from '../../src/core/privacy/tables.js';
import { buildChapterReport } from '../../src/core/report/build.js';
import { DEFINITIONS, goalsYaml, orgFrom } from '../helpers/org.js';
import { parse } from 'yaml';
import { HISTORY_ORG } from './fixture.js';

const org = orgFrom(HISTORY_ORG);
const chapter = (id: string) => org.chapterById.get(id)!;
const current = (id: string, asOf: string) => buildChapterReport(org, chapter(id), asOf).members.current;

/** Pledged and received per chapter over the window, in cents, as `iops dues` reckons them. */
function arrears(o: Organisation, w: DuesWindow) {
  const received: Received = new Map();
  for (const c of o.chapters) for (const r of c.receipts) if (r.date >= w.from && r.date <= w.to) addReceived(received, o, r);
  return Object.fromEntries(
    chapterPledges(o, w, received).map((p) => [p.chapter, { pledging: p.pledging, exempt: p.exempt, pledged: p.pledged.get('USD') ?? 0, received: p.received.get('USD') ?? 0 }]),
  );
}

describe('membership across a move (lds-m: Leeds until 2012-06-15, then Manchester)', () => {
  it('counts the member in Leeds before the move and in Manchester from its day (reproduction 1)', () => {
    expect(current('leeds', '2012-05-31')).toBe(6); // lds-1..5 and lds-m
    expect(current('leeds', '2012-06-14')).toBe(6);
    expect(current('leeds', '2012-06-15')).toBe(5);
    expect(current('manchester', '2012-05-31')).toBe(2); // mcr-1, mcr-2
    expect(current('manchester', '2012-06-15')).toBe(3);
    expect(current('leeds', '2012-02-09')).toBe(5); // before lds-m joined
    expect(current('manchester', '2012-02-09')).toBe(2);
  });

  it('the organisation counts them once throughout', () => {
    for (const [date, n] of [['2012-02-09', 7], ['2012-02-10', 8], ['2012-06-14', 8], ['2012-06-15', 8], ['2013-01-01', 8]] as const) expect(currentMembers(org, date)).toHaveLength(n);
  });

  it('the six-month trend and joined/left since the last meeting are the chapter\'s own: arriving is joining it, moving on is leaving it', () => {
    const leeds = buildChapterReport(org, chapter('leeds'), '2012-07-31', { since: '2012-06-01' }).members;
    expect(leeds.trend.map((p) => p.count)).toEqual([6, 6, 6, 6, 5, 5]); // Feb..Jul month ends (Feb: lds-m joined the 10th; by June's end in Manchester)
    expect([leeds.joined_since, leeds.left_since]).toEqual([0, 1]);
    const mcr = buildChapterReport(org, chapter('manchester'), '2012-07-31', { since: '2012-06-01' }).members;
    expect(mcr.trend.map((p) => p.count)).toEqual([2, 2, 2, 2, 3, 3]);
    expect([mcr.joined_since, mcr.left_since]).toEqual([1, 0]);
  });

  it('the dashboard\'s chapter table counts them where they were', () => {
    const defs = (parse(DEFINITIONS) as { definitions: never }).definitions;
    const members = (asOf: string) => Object.fromEntries(chapterRows(org, defs, asOf).map((r) => [r.id, r.members]));
    expect(members('2012-06-14')).toEqual({ leeds: 6, manchester: 2 });
    expect(members('2012-06-15')).toEqual({ leeds: 5, manchester: 3 });
  });

  it('the report\'s goal standings (what the chapter adds) count them where they were', () => {
    const withGoals = orgFrom({ ...HISTORY_ORG, 'goals.yaml': goalsYaml('  - { id: members, title: Members, metric: members, min: 10 }\n') });
    const adds = (id: string, asOf: string) => buildChapterReport(withGoals, withGoals.chapterById.get(id)!, asOf).goals.find((g) => g.id === 'members')!.contribution;
    expect([adds('leeds', '2012-06-14'), adds('leeds', '2012-06-15'), adds('manchester', '2012-06-14'), adds('manchester', '2012-06-15')]).toEqual([6, 5, 2, 3]);
  });

  it('chapterOn reads the history; the present chapter before joining and after the last move', () => {
    const m = org.memberById.get('lds-m')!;
    expect(['2012-01-01', '2012-06-14', '2012-06-15', '2014-01-01'].map((d) => chapterOn(m, d))).toEqual(['leeds', 'leeds', 'manchester', 'manchester']);
  });
});

describe('arrears across pledge changes (iops dues: pledged against received)', () => {
  it('raising a pledge creates no arrears for months already paid in full (reproduction 2)', () => {
    // January to April. lds-1: 10 + 10 + 10 + 20 = 50 pledged, 50 paid. lds-2: 5 + 5 (exempt from March).
    // lds-3: exempt, then 5 + 5 (March, April). lds-m in Leeds: February to April, 3 × 7 = 21.
    expect(arrears(org, { from: '2012-01-01', to: '2012-04-30' })).toEqual({
      leeds: { pledging: 4, exempt: 1, pledged: 9100, received: 5000 }, // 50 + 10 + 10 + 21; lds-2 exempt on April 30
    });
  });

  it('a month falls due once, to the chapter the member was in on its first day; a receipt counts where its period was', () => {
    // May to July. lds-1: 3 × 20 = 60, paid. lds-3: 3 × 5 = 15. lds-m: May and June in Leeds (June began
    // there), 14; July in Manchester, 7. lds-m paid May (7) on June 20, recorded in Manchester: Leeds's.
    expect(arrears(org, { from: '2012-05-01', to: '2012-07-31' })).toEqual({
      leeds: { pledging: 3, exempt: 1, pledged: 8900, received: 6700 },
      manchester: { pledging: 1, exempt: 0, pledged: 700, received: 0 },
    });
  });

  it('the chapter report\'s arrears use the pledge in force each month, and the chapter the member was in', () => {
    const reportArrears = (id: string, asOf: string) => {
      const a = buildChapterReport(org, chapter(id), asOf).dues.arrears!;
      return [a.from, a.to, a.pledged.amount, a.received.amount, a.arrears.amount];
    };
    // February to April: lds-1 10 + 10 + 20, lds-2 5 (exempt from March), lds-3 5 + 5 (exempt until March),
    // lds-m 7 × 3 (joined Feb 10) = 76; received lds-1's 10 + 10 + 20 = 40
    expect(reportArrears('leeds', '2012-04-30')).toEqual(['2012-02-01', '2012-04-30', 76, 40, 36]);
    // April to June: lds-1 60, lds-3 15, lds-m 21 (in Leeds on June 1st, so June is Leeds's) = 96;
    // received lds-1's 60 and lds-m's May receipt recorded in Manchester's ledger, 7 = 67
    expect(reportArrears('leeds', '2012-06-30')).toEqual(['2012-04-01', '2012-06-30', 96, 67, 29]);
    // Manchester: nothing fell due (lds-m came after June 1st) and nothing came in for it
    expect(reportArrears('manchester', '2012-06-30')).toEqual(['2012-04-01', '2012-06-30', 0, 0, 0]);
    // July: lds-m's first month in Manchester; May to July: 7 pledged, nothing received
    expect(reportArrears('manchester', '2012-07-31')).toEqual(['2012-05-01', '2012-07-31', 7, 0, 7]);
  });

  it('who pledges and who is exempt is counted as of the date, in every breakdown', () => {
    const pledges = (asOf: string) => {
      const t = breakdownTable(org, asOf, 'pledge');
      return Object.fromEntries(t.rows.map((r, i) => [r.id, t.counts[i]])); // [pledging, exempt, no_pledge]
    };
    expect(pledges('2012-02-29')).toEqual({ leeds: [3, 1, 2], manchester: [0, 0, 2] }); // lds-1, lds-2, lds-m; lds-3 exempt
    expect(pledges('2012-03-31')).toEqual({ leeds: [3, 1, 2], manchester: [0, 0, 2] }); // lds-1, lds-3, lds-m; lds-2 exempt
    expect(pledges('2012-06-30')).toEqual({ leeds: [2, 1, 2], manchester: [1, 0, 2] });
    expect(buildChapterReport(org, chapter('leeds'), '2012-03-15').dues.pledges).toMatchObject({ pledging: { count: 3 }, exempt: { count: 1 }, no_pledge: { count: 2 } });
    // the sliding-scale tiers: at 2012-03-31 lds-1 (10), lds-3 (5), lds-m (7); at 2012-04-01 lds-1 is at 20
    expect(pledgeTiers(org, '2012-03-31')).toEqual([0, 2, 1, 0, 0, 0]);
    expect(pledgeTiers(org, '2012-04-01')).toEqual([0, 2, 0, 1, 0, 0]);
  });

  it('pledgeOn: each earlier pledge up to its until, `none` as no pledge, the present after', () => {
    const withNone = orgFrom({ ...HISTORY_ORG, 'chapters/leeds/members.yaml': `- id: lds-1\n  joined: 2012-01-01\n  dues: exempt\n  dues_before:\n    - { until: 2012-02-01, dues: none }\n    - { until: 2012-03-01, dues: { amount: 3, currency: GBP } }\n` });
    const m = withNone.memberById.get('lds-1')!;
    expect(['2012-01-31', '2012-02-01', '2012-02-29', '2012-03-01'].map((d) => pledgeOn(m, d))).toEqual([undefined, { amount: 3, currency: 'GBP', every: 'month' }, { amount: 3, currency: 'GBP', every: 'month' }, 'exempt']);
  });
});

describe('no history costs nothing', () => {
  it('a chapter nobody moved into or out of reads its members list itself', () => {
    const { 'chapters/manchester/dues/2012.yaml': _, ...files } = HISTORY_ORG;
    const plain = orgFrom({ ...files, 'chapters/manchester/members.yaml': '- { id: mcr-1, joined: 2012-01-01 }\n' });
    for (const c of plain.chapters) expect(c.roster).toBe(c.members);
    expect(chapter('leeds').roster).not.toBe(chapter('leeds').members);
  });
});

describe('a delegate who moved in (lds-m, Manchester\'s delegate, came from Leeds on 2012-06-15)', () => {
  const withDelegates = orgFrom({
    ...HISTORY_ORG,
    'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\ndelegate: lds-1\n',
    'chapters/manchester/chapter.yaml': 'name: Manchester\ncountry: GB\ndelegate: lds-m\n',
  });
  const measure = (asOf: string) => {
    const m = chaptersWithDelegate.measure(withDelegates, asOf, {}, {});
    return [m.value, Object.fromEntries(m.verdicts!.map((v) => [v.id, v.reason]))];
  };

  it('counts for Manchester only from the day they came', () => {
    // Leeds: lds-1, a member since 2012-01-01; Manchester: lds-m, a member of Leeds until 2012-06-15
    expect(measure('2012-02-01')).toEqual([1, { leeds: 'has a delegate', manchester: 'delegate joins on 2012-02-10' }]);
    expect(measure('2012-06-14')).toEqual([1, { leeds: 'has a delegate', manchester: 'delegate moves here from leeds on 2012-06-15' }]);
    expect(measure('2012-06-15')).toEqual([2, { leeds: 'has a delegate', manchester: 'has a delegate' }]);
    expect(measure('2013-01-01')[0]).toBe(2);
  });

  it('the chapter report says so, and asks for a delegate until then', () => {
    const report = (asOf: string) => buildChapterReport(withDelegates, withDelegates.chapterById.get('manchester')!, asOf, { members: true });
    const before = report('2012-06-14');
    expect(before.delegate).toEqual({ value: false, reasons: ['the delegate moves here from leeds on 2012-06-15'], member: null });
    expect(before.due.find((d) => d.kind === 'delegate')?.text).toBe('the delegate moves here from leeds on 2012-06-15: choose a delegate');
    const after = report('2012-06-15');
    expect(after.delegate).toEqual({ value: true, reasons: ['has a delegate'], member: 'lds-m' });
    expect(after.due.some((d) => d.kind === 'delegate')).toBe(false);
  });
});
