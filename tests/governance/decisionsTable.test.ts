// iops decisions as a table fits the terminal, like iops history: 80 columns through a pipe,
// more on a wider terminal; an id is never cut (only broken across lines); the proposal is cut
// with … in the table and whole in JSON and Markdown.
import { describe, expect, it } from 'vitest';
import type { DecisionRow } from '../../src/core/governance/decisions.js';
import { decisionsJson, decisionsMarkdown, decisionsTable, wrapId } from '../../src/render/decisions.js';

const row = (id: string, over: Partial<DecisionRow> = {}): DecisionRow => ({
  id,
  file: `decisions/${id}.yaml`,
  proposed: id.replace(/^.*\//, '').slice(0, 10),
  body: { kind: 'icc' },
  body_name: 'ICC',
  proposal: 'Count online meetings toward a functioning chapter: many chapters meet online between in-person meetings, and the goal set should say so plainly for every delegate',
  method: 'two-thirds',
  quorum: 12,
  meeting: null,
  adopts: { kind: 'goals' },
  status: 'adopted',
  decided: '2012-05-12',
  counts: { for: 11, against: 4, abstain: 2, blocks: 0 },
  ...over,
});
const ROWS = [
  row('2012-05-05-count-online-meetings'),
  row('san-francisco/2012-04-21-dues', { body: { kind: 'chapter-meeting', chapter: 'san-francisco' }, body_name: 'San Francisco', method: 'consensus', quorum: 3, adopts: { kind: 'dues', chapter: 'san-francisco' }, proposal: 'Sliding-scale dues' }),
  row('2012-06-02-uk-founding', { status: 'proposed', decided: null, counts: null, adopts: { kind: 'branch-founding', branch: 'uk' }, body_name: 'IOPS UK assembly' }),
];
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
const column = (text: string, n: number) => text.split('\n').map((l) => l.split('│')[n]?.trim() ?? '');

describe('the decisions table', () => {
  it.each([60, 80, 100, 120, 200])('fits %i columns', (width) => {
    const text = decisionsTable(ROWS, false, width);
    expect(widest(text)).toBeLessThanOrEqual(width);
    expect(text.split('\n')[0]).toBe('Decisions: 3, oldest first');
  });

  it('at 80 columns: three columns, each id whole across its lines, the outcome and counts in lines of their own', () => {
    const text = decisionsTable(ROWS, false);
    expect(text.split('\n')[2]).toMatch(/^│ Decision +│ Method, outcome +│ Adopts, proposal +│$/);
    const ids = column(text, 1).filter((c) => c && c !== 'Decision');
    expect(ids.join('')).toContain('2012-05-05-count-online-meetings');
    expect(ids.join('')).toContain('san-francisco/2012-04-21-dues');
    expect(ids).toContain('san-francisco/');
    expect(column(text, 2).filter(Boolean).slice(1, 5)).toEqual(['two-thirds, quorum 12', 'adopted 2012-05-12', 'for 11, against 4,', 'abstain 2']);
    expect(text).toContain('adopts the goal set');
    expect(text).toContain('adopts founding of uk');
    // the proposal on two lines, then cut
    expect(column(text, 3).filter((c) => c.endsWith('…'))).toHaveLength(2);
  });

  it('on a wide terminal: a column each, the proposal given what the others leave', () => {
    const text = decisionsTable(ROWS, false, 200);
    expect(text.split('\n')[2]).toMatch(/^│ Decision +│ Body +│ Method +│ Outcome +│ Adopts +│ Proposal +│$/);
    expect(text).toContain('│ san-francisco/2012-04-21-dues    │ San Francisco    │ consensus, quorum 3   │ adopted 2012-05-12           │ dues of san-francisco │ Sliding-scale dues');
  });

  it('keeps the whole proposal in JSON and Markdown', () => {
    expect(decisionsMarkdown(ROWS)).toContain(ROWS[0]!.proposal);
    expect(JSON.stringify(decisionsJson(ROWS))).toContain(ROWS[0]!.proposal);
  });

  it('breaks an id after its / and then after a -, never losing a character', () => {
    expect(wrapId('london/2012-03-10-dues', 30)).toEqual(['london/2012-03-10-dues']);
    expect(wrapId('san-francisco/2012-04-21-dues', 22)).toEqual(['san-francisco/', '2012-04-21-dues']);
    expect(wrapId('2012-05-05-count-online-meetings', 16)).toEqual(['2012-05-05-', 'count-online-', 'meetings']);
    expect(wrapId('a'.repeat(40), 16).join('')).toBe('a'.repeat(40));
  });
});
