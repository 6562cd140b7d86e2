// diffReadiness, the pure core of `iops diff`: what counts as a change, and what is compared.
import { describe, expect, it } from 'vitest';
import { type Side, diffReadiness, evaluateSide } from '../../src/core/diff.js';
import { SETTINGS, goalsYaml, orgFrom } from '../helpers/org.js';

const MEMBERS = Array.from({ length: 6 }, (_, i) => `- { id: m${i}, joined: 2013-0${i + 1}-15, gender: ${i % 2 ? 'man' : 'woman'} }`).join('\n');
const GOALS = '  - { id: members, title: "At least 8 members", metric: members, min: 8 }\n  - { id: chapters, title: "At least 1 chapter", metric: chapters, min: 1 }\n';

function side(goals: string, deadline = '2013-08-31'): Side {
  const org = orgFrom({
    'iops.yaml': SETTINGS,
    'goals.yaml': goalsYaml(goals, '').replace('deadline: 2013-08-31', `deadline: ${deadline}`),
    'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
    'chapters/ldn/members.yaml': `${MEMBERS}\n`,
  });
  return { label: 'side', ...evaluateSide(org, org.goals!, '2013-06-30') };
}

describe('diffReadiness', () => {
  it('nothing changed: no definition changes, every goal unchanged', () => {
    const v = diffReadiness(side(GOALS), side(GOALS), '2013-06-30');
    expect(v).toMatchObject({ definition_changes: [], goals_added: [], goals_removed: [], deadline: { before: '2013-08-31', after: '2013-08-31' } });
    expect(v.goals.map((g) => g.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('a later deadline changes the projection only, and says when on track flips', () => {
    // one member joins a month: 6 by 2013-06-30, 8 reached in August, after a deadline of 2013-07-31
    const v = diffReadiness(side(GOALS, '2013-07-31'), side(GOALS, '2013-09-30'), '2013-06-30');
    expect(v.definition_changes).toEqual([{ path: 'deadline', before: '2013-07-31', after: '2013-09-30' }]);
    expect(v.deadline).toEqual({ before: '2013-07-31', after: '2013-09-30' });
    const members = v.goals[0]!;
    expect(members).toMatchObject({ status: 'changed', flipped: false, on_track_flipped: true });
    expect([members.before!.projection.on_track, members.after!.projection.on_track]).toEqual([false, true]);
    expect(v.goals_on_track).toEqual({ before: 1, after: 2 });
    expect(v.goals[1]!.status).toBe('unchanged');
  });

  it('a goal added and one removed are changes with the whole definition, listed by id', () => {
    const added = '  - { id: women, title: "Half women", metric: gender_share, gender: woman, min: 0.5 }\n';
    const v = diffReadiness(side(GOALS), side(GOALS.split('\n')[0] + '\n' + added), '2013-06-30');
    expect(v.goals_added).toEqual(['women']);
    expect(v.goals_removed).toEqual(['chapters']);
    expect(v.definition_changes).toEqual([
      { path: 'goals.chapters', before: { id: 'chapters', title: 'At least 1 chapter', metric: 'chapters', min: 1 }, after: null },
      { path: 'goals.women', before: null, after: { id: 'women', title: 'Half women', metric: 'gender_share', gender: 'woman', min: 0.5 } },
    ]);
    expect(v.goals.map((g) => [g.id, g.status])).toEqual([['members', 'unchanged'], ['chapters', 'removed'], ['women', 'added']]);
    expect(v.goals_met).toEqual({ before: 1, after: 1 });
  });
});
