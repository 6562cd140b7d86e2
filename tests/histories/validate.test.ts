// validate on histories: every `until` after joining, before leaving, oldest first; chapters
// that exist, never the one the member was already in; currencies with a rate; and hostile
// values (path-like ids, __proto__ keys, huge lists) refused or read as plain data.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problem.js';
import { loadFromFiles } from '../../src/load/load.js';
import { HISTORY_ORG } from './fixture.js';

const problems = (members: string) => {
  const files = { ...HISTORY_ORG, 'chapters/manchester/members.yaml': members };
  delete (files as Record<string, string>)['chapters/manchester/dues/2012.yaml'];
  const { problems: found } = loadFromFiles(Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
  return found.map(formatProblem);
};
const member = (extra: string, joined = '2012-02-10') => `- id: lds-m\n  joined: ${joined}\n${extra}`;

describe('moved_from', () => {
  it('each until after joining and the entry before it, and before leaving', () => {
    expect(problems(member('  moved_from:\n    - { chapter: leeds, until: 2012-02-10 }\n'))).toEqual([
      expect.stringMatching(/^chapters\/manchester\/members\.yaml:4:32: members\[0\]\.moved_from\[0\]\.until: until 2012-02-10 is not after joined 2012-02-10; fix the date$/),
    ]);
    expect(problems(member('  moved_from:\n    - { chapter: leeds, until: 2012-06-01 }\n    - { chapter: birmingham, until: 2012-05-01 }\n'))).toEqual([
      expect.stringMatching(/moved_from\[1\]\.chapter: no chapter "birmingham"/),
      expect.stringMatching(/members\[0\]\.moved_from\[1\]\.until: until 2012-05-01 is not after the entry before it \(2012-06-01\); list them oldest first/),
    ]);
    expect(problems(member('  left: 2012-06-01\n  moved_from:\n    - { chapter: leeds, until: 2012-06-01 }\n'))).toEqual([expect.stringMatching(/until 2012-06-01 is not before left 2012-06-01/)]);
  });

  it('a chapter that exists (with a hint), never the chapter the member was in next', () => {
    expect(problems(member('  moved_from:\n    - { chapter: leds, until: 2012-06-01 }\n'))).toEqual([expect.stringMatching(/moved_from\[0\]\.chapter: no chapter "leds"; did you mean "leeds"\?/)]);
    expect(problems(member('  moved_from:\n    - { chapter: manchester, until: 2012-06-01 }\n'))).toEqual([expect.stringMatching(/moved_from\[0\]\.chapter: the member was already in manchester after this date/)]);
    expect(problems(member('  moved_from:\n    - { chapter: leeds, until: 2012-03-01 }\n    - { chapter: leeds, until: 2012-06-01 }\n'))).toEqual([expect.stringMatching(/moved_from\[0\]\.chapter: the member was already in leeds/)]);
  });

  it('hostile values: a path as a chapter, __proto__, an empty list, a string', () => {
    expect(problems(member('  moved_from:\n    - { chapter: ../../etc, until: 2012-06-01 }\n')).join('\n')).toMatch(/moved_from\[0\]\.chapter/);
    expect(problems(member('  moved_from:\n    - { chapter: __proto__, until: 2012-06-01 }\n')).join('\n')).toMatch(/moved_from\[0\]\.chapter/);
    expect(problems(member('  moved_from:\n    - { __proto__: { chapter: leeds }, until: 2012-06-01 }\n'))).toEqual([expect.stringMatching(/members\.yaml:4:9: the key `__proto__` is not allowed/)]);
    expect(problems(member('  moved_from: []\n'))).toEqual([expect.stringMatching(/leave out moved_from when the member never moved/)]);
    expect(problems(member('  moved_from: leeds\n')).join('\n')).toMatch(/members\[0\]\.moved_from/);
  });

  it('a long history is read in one pass and checked entry by entry', () => {
    const list = Array.from({ length: 2000 }, (_, i) => `    - { chapter: ${i % 2 ? 'manchester' : 'leeds'}, until: ${2013 + Math.floor(i / 300)}-${String((Math.floor(i / 25) % 12) + 1).padStart(2, '0')}-${String((i % 25) + 1).padStart(2, '0')} }`);
    const found = problems(member(`  moved_from:\n${list.join('\n')}\n`, '2012-01-01'));
    expect(found.length).toBeGreaterThan(0); // out of order somewhere, and the last stay in manchester twice
    expect(found.every((p) => /moved_from\[\d+\]/.test(p))).toBe(true);
  });
});

describe('dues_before', () => {
  it('dates in order, within membership; currencies with a rate', () => {
    expect(problems(member('  dues_before:\n    - { until: 2012-01-01, dues: exempt }\n'))).toEqual([expect.stringMatching(/dues_before\[0\]\.until: until 2012-01-01 is not after joined 2012-02-10/)]);
    expect(problems(member('  dues_before:\n    - { until: 2012-05-01, dues: none }\n    - { until: 2012-04-01, dues: exempt }\n'))[0]).toMatch(/dues_before\[1\]\.until: .* list them oldest first/);
    expect(problems(member('  dues_before:\n    - { until: 2012-05-01, dues: { amount: 5, currency: EUR } }\n'))).toEqual([
      expect.stringMatching(/members\.yaml:4:\d+: members\[0\]\.dues_before\[0\]\.dues\.currency: EUR has no rate: add it to rates in iops\.yaml/),
    ]);
  });

  it('hostile values: none as the present pledge, a pledge of nothing, an empty list', () => {
    expect(problems(member('  dues: none\n')).join('\n')).toMatch(/members\[0\]\.dues: expected `exempt` or a pledge/);
    expect(problems(member('  dues_before:\n    - { until: 2012-05-01, dues: nothing }\n')).join('\n')).toMatch(/dues_before\[0\]\.dues: expected `exempt`, `none` or a pledge/);
    expect(problems(member('  dues_before: []\n'))).toEqual([expect.stringMatching(/leave out dues_before when there is no earlier pledge/)]);
    expect(problems(member('  dues_before:\n    - { until: 2012-05-01, dues: { amount: 1e300, currency: USD } }\n')).join('\n')).toMatch(/dues_before\[0\]\.dues\.amount/);
  });
});
