// iops goals history: each revision of goals.yaml from git, the decision behind it, and
// readiness when it was adopted, at its deadline and now, on one small repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsHistoryCommand } from '../../src/commands/decision.js';
import type { GoalsHistoryView } from '../../src/core/governance/goalsHistory.js';
import { type TempRepo, cleanupRepos, minimalOrg, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const members = Array.from({ length: 6 }, (_, i) => `- { id: m${i}, joined: 2012-0${i + 1}-10 }`).join('\n');
const goals = (deadline: string, min: number, adoptedBy?: string, comment = '') =>
  `${comment}convention: C\ndeadline: ${deadline}\n${adoptedBy ? `adopted_by: ${adoptedBy}\n` : ''}goals:\n  - { id: members, title: Members, metric: members, min: ${min} }\n`;
const decision = (proposed: string, decided: string) =>
  [`decisions/${proposed}-goals.yaml`, `proposal: Goals\nbody: { kind: icc }\nmethod: majority\nadopts: { kind: goals }\noutcome: { status: adopted, date: ${decided}, for: 9, against: 2, abstain: 0 }\n`] as const;

let repo: TempRepo;
const ctx = () => ({ cwd: repo.dir, env: {}, color: false, today: '2012-12-31' });
beforeAll(() => {
  repo = tempRepo(minimalOrg({ 'chapters/london/members.yaml': `${members}\n`, 'goals.yaml': goals('2012-04-30', 5, '2012-01-05-goals'), ...Object.fromEntries([decision('2012-01-05', '2012-01-10')]) }), { commit: false });
  repo.commit('First goals', '2012-01-15');
  // missed: 4 members by the deadline; the deadline moves, adopted by a second decision
  repo.write('goals.yaml', goals('2012-12-31', 5, '2012-05-02-goals'));
  repo.write(...decision('2012-05-02', '2012-05-05'));
  repo.commit('Goals: a new deadline', '2012-05-06');
  repo.write('goals.yaml', goals('2012-12-31', 5, '2012-05-02-goals', '# only a comment\n'));
  repo.commit('Goals: a comment', '2012-06-01');
  repo.write('goals.yaml', goals('2012-12-31', 6, '2012-05-02-goals', '# only a comment\n'));
  repo.commit('Goals: six members, by hand', '2012-07-01');
});

describe('iops goals history', () => {
  it('lists each revision that changed the goals, the decision behind it, and readiness at adoption and at its deadline', async () => {
    const r = await goalsHistoryCommand(ctx(), { format: 'json' });
    expect(r.exitCode).toBe(0);
    const v = JSON.parse(r.stdout) as GoalsHistoryView;
    expect(v.as_of).toBe('2012-12-31');
    expect(v.revisions.map((x) => [x.date, x.subject, x.changed, x.adoption?.decision, x.covered])).toEqual([
      ['2012-01-15', 'First goals', ['(first goal set)'], '2012-01-05-goals', true],
      ['2012-05-06', 'Goals: a new deadline', ['deadline'], '2012-05-02-goals', true],
      ['2012-07-01', 'Goals: six members, by hand', ['goals.members.min'], '2012-05-02-goals', false],
    ]);
    const [first, second, third] = v.revisions;
    // adopted on 2012-01-10 with one member; at its deadline (2012-04-30) four of the five
    expect(first!.at_adoption).toMatchObject({ as_of: '2012-01-10', goals_met: 0, goals_total: 1 });
    expect(first!.at_deadline).toMatchObject({ as_of: '2012-04-30', goals_met: 0, ready: false });
    expect(second!.at_adoption).toMatchObject({ as_of: '2012-05-05', goals_met: 0 });
    expect(second!.at_deadline).toMatchObject({ as_of: '2012-12-31', goals_met: 1, ready: true });
    // not covered by a decision of its own: evaluated on the day it was committed
    expect(third!.at_adoption).toMatchObject({ as_of: '2012-07-01', goals_met: 1 });
  });

  it('says it in text and Markdown, and what the deadline has not reached yet', async () => {
    const text = (await goalsHistoryCommand(ctx(), { asOf: '2012-06-30' })).stdout;
    expect(text).toContain('1. 2012-01-15');
    expect(text).toContain('   adopted by 2012-01-05-goals (ICC) on 2012-01-10\n   changed: (first goal set)\n   at adoption (2012-01-10): 0 of 1 goals met, 0 on track\n   at its deadline 2012-04-30: 0 of 1 goals met, 0 on track\n');
    expect(text).toContain('   at its deadline 2012-12-31: not reached by 2012-06-30\n   now (2012-06-30): 1 of 1 goals met, 1 on track (ready)');
    expect(text).toContain('   no adopted decision covers it: it still names 2012-05-02-goals, which adopted the revision before\n   changed: goals.members.min\n   when committed (2012-07-01)');
    const md = (await goalsHistoryCommand(ctx(), { format: 'markdown' })).stdout;
    expect(md.split('\n').filter((l) => l.startsWith('| 2012-'))).toHaveLength(3);
  });
});
