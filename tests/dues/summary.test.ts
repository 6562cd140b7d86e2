// iops dues, the pure part: exact sums per currency, converted once; windows; groupings;
// pledged against received; small groups suppressed.
import { describe, expect, it } from 'vitest';
import { instalmentsDue } from '../../src/core/dues/pledges.js';
import { OTHER_CHAPTERS, duesSummary } from '../../src/core/dues/summary.js';
import { orgFrom } from '../helpers/org.js';
import { MONEY_ORG, SETTINGS } from './fixture.js';

const org = orgFrom(MONEY_ORG);
const WINDOW = { from: '2012-12-01', to: '2013-01-31' };
const rowsOf = (s: ReturnType<typeof duesSummary>) => Object.fromEntries(s.rows.map((r) => [r.key, { total: r.total, byCurrency: Object.fromEntries(r.byCurrency), receipts: r.receipts }]));

describe('exact sums', () => {
  it('12.75 GBP at 1.58 is 20.145 USD, rounded once, half away from zero: 20.15', () => {
    const s = duesSummary(org, { from: '2012-12-01', to: '2012-12-31' }, 'chapter');
    expect(rowsOf(s).london).toEqual({ total: 2015, byCurrency: { GBP: 1275 }, receipts: 1 });
  });

  it('0.1 + 0.2 USD is exactly 0.30', () => {
    expect(rowsOf(duesSummary(org, WINDOW, 'chapter')).nyc).toEqual({ total: 30, byCurrency: { USD: 30 }, receipts: 2 });
  });

  it('converts each currency total once: rows can differ from the total by a cent', () => {
    const s = duesSummary(org, WINDOW, 'chapter');
    expect(rowsOf(s)).toEqual({
      berlin: { total: 3, byCurrency: { EUR: 2 }, receipts: 1 }, // 0.025 → 0.03
      london: { total: 4032, byCurrency: { GBP: 2550, EUR: 2 }, receipts: 3 }, // 40.29 + 0.03
      nyc: { total: 30, byCurrency: { USD: 30 }, receipts: 2 },
    });
    expect(Object.fromEntries(s.byCurrency)).toEqual({ GBP: 2550, EUR: 4, USD: 30 });
    expect(s.total).toBe(4064); // 40.29 + 0.05 + 0.30, while the rows add up to 40.65
    expect(s.receipts).toBe(6);
    expect(s.rates).toEqual({ EUR: 1.25, GBP: 1.58 });
  });
});

describe('windows and groupings', () => {
  it('a window across the new year takes receipts from both years, both ends included', () => {
    const s = duesSummary(org, { from: '2012-12-15', to: '2013-01-10' }, 'month');
    expect(rowsOf(s)).toEqual({
      '2012-12': { total: 2025, byCurrency: { GBP: 1275, USD: 10 }, receipts: 2 },
      '2013-01': { total: 2040, byCurrency: { GBP: 1275, EUR: 4, USD: 20 }, receipts: 4 },
    });
    expect(duesSummary(org, { from: '2012-12-16', to: '2013-01-09' }, 'month').receipts).toBe(4); // not London's 12-15 nor Berlin's 01-10
  });

  it('groups by branch (chapters without one last) and by currency', () => {
    expect(rowsOf(duesSummary(org, WINDOW, 'branch'))).toEqual({
      uk: { total: 4032, byCurrency: { GBP: 2550, EUR: 2 }, receipts: 3 },
      '(no branch)': { total: 33, byCurrency: { EUR: 2, USD: 30 }, receipts: 3 },
    });
    expect(duesSummary(org, WINDOW, 'branch').rows.map((r) => r.key)).toEqual(['uk', '(no branch)']);
    expect(rowsOf(duesSummary(org, WINDOW, 'currency'))).toEqual({
      EUR: { total: 5, byCurrency: { EUR: 4 }, receipts: 2 },
      GBP: { total: 4029, byCurrency: { GBP: 2550 }, receipts: 2 },
      USD: { total: 30, byCurrency: { USD: 30 }, receipts: 2 },
    });
  });
});

describe('pledged against received', () => {
  it('counts a pledge for every month (quarter, year) of the window the member belonged', () => {
    const w = { from: '2012-12-01', to: '2013-01-31' };
    expect(instalmentsDue({ joined: '2012-01-01' }, 'month', w)).toBe(2);
    expect(instalmentsDue({ joined: '2013-01-31' }, 'month', w)).toBe(1);
    expect(instalmentsDue({ joined: '2012-01-01', left: '2012-12-01' }, 'month', w)).toBe(0);
    expect(instalmentsDue({ joined: '2012-01-01', left: '2012-12-02' }, 'month', w)).toBe(1);
    expect(instalmentsDue({ joined: '2012-01-01' }, 'quarter', w)).toBe(2);
    expect(instalmentsDue({ joined: '2012-01-01' }, 'year', w)).toBe(2);
    expect(instalmentsDue({ joined: '2012-01-01' }, 'year', { from: '2013-01-01', to: '2013-12-31' })).toBe(1);
    expect(instalmentsDue({ joined: '2013-02-01' }, 'month', w)).toBe(0);
  });

  it('shows a chapter on its own only when its report shows its pledging count; the others only together', () => {
    const s = duesSummary(org, WINDOW, 'chapter');
    // London's 8 current members: 7 pledging, 1 exempt. Its report hides the exempt member and so
    // the pledging count too (8 − 7 would give the 1 back); dues must not print the 7 either.
    // Cork and Dublin (one member each, no pledge) are in the row too: leaving them out would say so
    const covers = ['berlin', 'brighton', 'london', 'nyc', 'cork', 'dublin'];
    expect(s.arrears).toEqual([{ chapter: OTHER_CHAPTERS, chapters: 6, pledging: null, pledged: null, received: 4064, arrears: null, exempt: null, covers }]);
    expect(s.arrearsTotal).toEqual({ pledged: 0, received: 0, arrears: 0, hiddenChapters: 6 });
    expect(s.exempt).toBeNull(); // 2 exempt members in all: fewer than 5
    // 11 pledging of 15 would leave 4 without a pledge: the organisation's count is hidden too
    expect(s.pledges.members).toBeNull();
  });

  it('with a smaller min_group the other chapters together are shown', () => {
    const small = orgFrom({ ...MONEY_ORG, 'iops.yaml': SETTINGS.replace('min_group: 5', 'min_group: 3') });
    const s = duesSummary(small, WINDOW, 'chapter');
    // 170 GBP + 200 EUR (a year's pledge, two calendar years) + 40 GBP + 20 USD
    expect(s.arrears[0]).toMatchObject({ chapter: OTHER_CHAPTERS, chapters: 6, pledging: 11, pledged: 60180, received: 4064, arrears: 56116, exempt: null });
    expect(s.arrearsTotal).toEqual({ pledged: 60180, received: 4064, arrears: 56116, hiddenChapters: 0 });
    expect(s.exempt).toBeNull(); // 2 in all, fewer than 3
    expect(s.pledges.members).toBe(11);
  });
});

describe('pledge tiers on the sliding scale', () => {
  const members = (n: number, prefix: string, amount: number) =>
    Array.from({ length: n }, (_, i) => `- { id: ${prefix}-${i}, joined: 2012-01-01, dues: { amount: ${amount}, currency: USD } }`).join('\n');
  const tiersOf = (files: Record<string, string>) => Object.fromEntries(duesSummary(orgFrom(files), WINDOW, 'chapter').pledges.tiers.map((t) => [t.label, t.members]));

  it('counts members by their pledge a month in the reporting currency (quarterly and yearly pledges divided)', () => {
    const files = { ...MONEY_ORG, 'iops.yaml': SETTINGS.replace('min_group: 5', 'min_group: 1') };
    expect(tiersOf(files)).toEqual({ 'under 5': 0, '5–9.99': 2, '10–19.99': 8, '20–49.99': 1, '50–99.99': 0, '100 or more': 0 });
  });

  it('suppresses a tier of fewer than min_group people, and enough others that it cannot be worked out', () => {
    const files = {
      'iops.yaml': SETTINGS,
      'chapters/x/chapter.yaml': 'name: X\ncountry: US\n',
      'chapters/x/members.yaml': [members(8, 'a', 10), members(6, 'b', 25), members(2, 'c', 5)].join('\n'),
    };
    const tiers = tiersOf(files);
    expect(tiers['5–9.99']).toBeNull();
    expect(tiers['10–19.99']).toBe(8);
    expect(tiers['20–49.99']).toBeNull(); // else 16 − 8 − 6 would give the 2 away
    expect(Object.values(tiers)).not.toContain(2);
    expect(duesSummary(orgFrom(files), WINDOW, 'chapter').pledges.members).toBe(16);
  });

  it('shows every tier when all are large enough', () => {
    const files = {
      'iops.yaml': SETTINGS,
      'chapters/x/chapter.yaml': 'name: X\ncountry: US\n',
      'chapters/x/members.yaml': [members(5, 'a', 1), members(5, 'b', 5), members(5, 'c', 10), members(5, 'd', 20), members(5, 'e', 50), members(5, 'f', 100)].join('\n'),
    };
    expect(Object.values(tiersOf(files))).toEqual([5, 5, 5, 5, 5, 5]);
  });
});
