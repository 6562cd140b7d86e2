// goals.yaml problems are located validation errors: unknown metric, missing parameter,
// a metric without its definition block, a goal without a target.
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from '../../src/load/load.js';
import { formatProblem } from '../../src/core/problem.js';
import { SETTINGS } from '../helpers/org.js';

function problems(goals: string): string[] {
  const files = { 'iops.yaml': SETTINGS, 'goals.yaml': goals };
  const entries = Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  return loadFromFiles(entries).problems.map(formatProblem);
}

const HEAD = 'convention: C\ndeadline: 2013-08-31\ngoals:\n';

describe('goals.yaml validation', () => {
  it('an unknown metric, with a hint', () => {
    expect(problems(`${HEAD}  - { id: m, title: M, metric: member, min: 1 }\n`)).toEqual([
      expect.stringMatching(/^goals\.yaml:4:32: goals\[0\]\.metric: unknown metric "member"; did you mean members\? \(known: members, chapters, /),
    ]);
  });
  it('a missing parameter', () => {
    expect(problems(`${HEAD}  - { id: r, title: R, metric: chapters_reporting, min: 1 }\n`)).toEqual([expect.stringMatching(/^goals\.yaml:4:5: goals\[0\]: missing `window_days`/)]);
  });
  it('a parameter of another metric is an unknown key', () => {
    expect(problems(`${HEAD}  - { id: m, title: M, metric: members, window_days: 30, min: 1 }\n`)).toEqual([
      'goals.yaml:4:41: goals[0].window_days: unknown key `window_days`; expected one of: id, title, description, min, max, metric',
    ]);
  });
  it('a metric that needs a definitions block', () => {
    expect(problems(`${HEAD}  - { id: f, title: F, metric: functioning_chapters, min: 1 }\n`)).toEqual([
      'goals.yaml:4:32: goals[0].metric: metric functioning_chapters needs definitions.functioning_chapter in this file',
    ]);
  });
  it('a goal without min or max, and one whose min is above its max', () => {
    expect(problems(`${HEAD}  - { id: m, title: M, metric: members }\n  - { id: n, title: N, metric: members, min: 5, max: 2 }\n`)).toEqual([
      'goals.yaml:4:5: goals[0]: a goal needs `min` or `max` (or both)',
      'goals.yaml:5:46: goals[1].min: min 5 is more than max 2',
    ]);
  });
  it('goal ids are unique', () => {
    expect(problems(`${HEAD}  - { id: m, title: M, metric: members, min: 1 }\n  - { id: m, title: N, metric: chapters, min: 1 }\n`)).toEqual([
      'goals.yaml:5:11: goals[1].id: goal id "m" is used twice',
    ]);
  });
  it('a share target given as a percentage', () => {
    expect(problems(`${HEAD}  - { id: w, title: W, metric: gender_share, gender: women, min: 0.4 }\n`)).toEqual([
      expect.stringMatching(/^goals\.yaml:4:54: goals\[0\]\.gender: expected a disclosed gender: one of woman, man, non-binary; found text "women"/),
    ]);
  });
  it('a share target written as a percentage is refused, with the fraction it most likely meant', () => {
    const goal = (bounds: string) => `${HEAD}  - { id: w, title: W, metric: gender_share, gender: woman, ${bounds} }\n`;
    expect(problems(goal('min: 40'))).toEqual(['goals.yaml:4:66: goals[0].min: a share is a fraction from 0 to 1 (0.40 is 40%), found 40; did you mean 0.40?']);
    expect(problems(goal('min: 0.3, max: 37.5'))).toEqual(['goals.yaml:4:76: goals[0].max: a share is a fraction from 0 to 1 (0.40 is 40%), found 37.5; did you mean 0.375?']);
    expect(problems(goal('min: -0.1'))).toEqual(['goals.yaml:4:66: goals[0].min: a share is a fraction from 0 to 1, found -0.1']);
    expect(problems(goal('max: 250'))).toEqual(['goals.yaml:4:66: goals[0].max: a share is a fraction from 0 to 1 (0.40 is 40%), found 250']);
    expect(problems(goal('min: 0.4, max: 1'))).toEqual([]);
  });
  it('other metrics keep any number as a target', () => {
    expect(problems(`${HEAD}  - { id: m, title: M, metric: members, min: 40 }\n`)).toEqual([]);
  });
});
