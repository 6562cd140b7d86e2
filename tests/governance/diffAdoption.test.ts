// iops diff says which decision adopts a changed goal set, or warns that none covers the change.
import { describe, expect, it } from 'vitest';
import { type Side, diffReadiness, evaluateSide } from '../../src/core/diff.js';
import { renderDiffMarkdown, renderDiffTable } from '../../src/render/diff.js';
import { Chalk } from 'chalk';
import { SETTINGS, orgFrom } from '../helpers/org.js';

const decision = (status: string) =>
  `proposal: Adopt the goals\nbody: { kind: icc }\nmethod: majority\nadopts: { kind: goals }\noutcome: ${status === 'proposed' ? '{ status: proposed }' : `{ status: ${status}, date: 2012-06-01, for: 9, against: 2, abstain: 0 }`}\n`;

function side(min: number, adoptedBy?: string, decisions: Record<string, string> = {}): Side {
  const org = orgFrom({
    'iops.yaml': SETTINGS,
    'goals.yaml': `convention: C\ndeadline: 2013-08-31\n${adoptedBy ? `adopted_by: ${adoptedBy}\n` : ''}goals:\n  - { id: members, title: Members, metric: members, min: ${min} }\n`,
    'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
    ...Object.fromEntries(Object.entries(decisions).map(([id, text]) => [`decisions/${id}.yaml`, text])),
  });
  return { label: 'side', ...evaluateSide(org, org.goals!, '2013-06-30') };
}

const o = { chalk: new Chalk({ level: 0 }), terminal: false, currency: 'USD' };

describe('iops diff and the decision behind the goals', () => {
  const first = { '2012-05-20-goals': decision('adopted') };
  const both = { ...first, '2012-11-01-revision': decision('adopted').replace('2012-06-01', '2012-11-20') };

  it('says which adopted decision covers a change, in JSON, the table and Markdown', () => {
    const v = diffReadiness(side(10, '2012-05-20-goals', first), side(8, '2012-11-01-revision', both), '2013-06-30');
    expect(v.adoption).toEqual({ decision: '2012-11-01-revision', decided_on: '2012-11-20', by: 'ICC', covered: true, note: 'Adopted by 2012-11-01-revision (ICC) on 2012-11-20.' });
    expect(renderDiffTable(v, o)).toContain('\nAdopted by 2012-11-01-revision (ICC) on 2012-11-20.\n');
    expect(renderDiffMarkdown(v, o)).toContain('\nAdopted by 2012-11-01-revision (ICC) on 2012-11-20.\n');
  });

  it.each([
    ['names no decision', side(8), 'goals.yaml names none (adopted_by: <decision id>'],
    ['still names the decision behind the previous goal set', side(8, '2012-05-20-goals', first), 'goals.yaml still names 2012-05-20-goals, the decision behind the previous goal set.'],
    ['names a decision only proposed', side(8, '2012-11-01-revision', { ...first, '2012-11-01-revision': decision('proposed') }), '2012-11-01-revision is proposed, not adopted.'],
    ['names a rejected decision', side(8, '2012-11-01-revision', { ...first, '2012-11-01-revision': decision('rejected').replace('2012-06-01', '2012-11-20').replace('for: 9, against: 2', 'for: 2, against: 9') }), '2012-11-01-revision is rejected, not adopted.'],
  ])('warns when the changed goal set %s', (_, head, why) => {
    const v = diffReadiness(side(10, '2012-05-20-goals', first), head, '2013-06-30');
    expect(v.adoption).toMatchObject({ covered: false, note: expect.stringContaining(`No adopted decision covers this change to the goals: ${why}`) });
    expect(renderDiffMarkdown(v, o)).toContain(`⚠️ **No adopted decision covers this change to the goals: `);
    expect(renderDiffTable(v, o)).toContain('⚠ No adopted decision covers this change to the goals: ');
  });

  it('says nothing about adoption when the goals did not change', () => {
    const v = diffReadiness(side(10, '2012-05-20-goals', first), side(10, '2012-05-20-goals', both), '2013-06-30');
    expect(v.adoption).toBeNull();
    expect(renderDiffTable(v, o)).not.toMatch(/adopt/i);
  });
});
