// The loader called in-process: prototype pollution, alias bombs at the size limit, and the
// terminal excerpt (which only appears on a colour terminal, so it is tested here directly).
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { type FileEntry, loadFromFiles } from '../../src/load/load.js';
import { lineOf } from '../../src/load/open.js';
import { MAX_FILE_BYTES } from '../../src/load/yamlSource.js';
import { renderProblems } from '../../src/render/problems.js';
import { minimalOrg } from '../helpers/repo.js';

const plain = new Chalk({ level: 0 });
const entries = (files: Record<string, string>): FileEntry[] =>
  Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
const load = (overrides: Record<string, string>) => loadFromFiles(entries(minimalOrg(overrides)));

describe('prototype pollution', () => {
  const hostile = {
    'chapters/london/chapter.yaml': 'name: London\ncountry: GB\n__proto__: { polluted: true }\n',
    'chapters/london/members.yaml': '- id: ldn-a\n  joined: 2012-03-10\n  constructor: { prototype: { polluted: true } }\n- { "__proto__": { polluted: true }, id: ldn-b, joined: 2012-04-01 }\n',
    'branches/uk.yaml': 'name: UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, prototype: { polluted: true } }\n',
    'iops.yaml': 'organization: Test Org\ncurrency: USD\nrates: { __proto__: { polluted: true }, GBP: 1.5 }\n',
  };

  it('rejects __proto__, constructor and prototype keys without polluting Object.prototype', () => {
    const result = loadFromFiles(entries(minimalOrg(hostile)));
    expect(result.org).toBeUndefined();
    const found = result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^branches\/uk\.yaml:4:41: the key `prototype` is not allowed/),
        expect.stringMatching(/^chapters\/london\/chapter\.yaml:3:1: the key `__proto__` is not allowed/),
        expect.stringMatching(/^chapters\/london\/members\.yaml:3:3: the key `constructor` is not allowed/),
        expect.stringMatching(/^chapters\/london\/members\.yaml:4:5: the key `__proto__` is not allowed/),
        expect.stringMatching(/^iops\.yaml:3:10: the key `__proto__` is not allowed/),
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('treats keys named after Object.prototype methods as unknown keys, not as known ones', () => {
    const result = load({ 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ntoString: x\nhasOwnProperty: y\n' });
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`)).toEqual([
      '3:1: toString: unknown key `toString`; expected one of: name, country, branch, founded, delegate, dues, bank_statement, community',
      '4:1: hasOwnProperty: unknown key `hasOwnProperty`; expected one of: name, country, branch, founded, delegate, dues, bank_statement, community',
    ]);
  });

  it('accepts only currency codes as keys of rates', () => {
    const result = load({ 'iops.yaml': 'organization: Test Org\ncurrency: USD\nrates: { GBP: 1.5, toString: 2, gbp: 3 }\n' });
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`)).toEqual([
      '3:20: rates.toString: "toString" is not an ISO 4217 currency code (such as USD, GBP, EUR); fix or remove this key',
      '3:33: rates.gbp: "gbp" is not an ISO 4217 currency code (such as USD, GBP, EUR); fix or remove this key',
    ]);
  });
});

describe('hints for unknown keys', () => {
  it("lists only the keys of the goal's own metric, not another metric's", () => {
    const goals = 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: m, title: M, metric: members, window_days: 30, min: 1 }\n  - { id: r, title: R, metric: chapters_reporting, windw_days: 30, min: 1 }\n';
    const result = load({ 'goals.yaml': goals });
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`)).toEqual([
      '4:41: goals[0].window_days: unknown key `window_days`; expected one of: id, title, description, min, max, metric',
      '5:5: goals[1]: missing `window_days`; add `window_days: …`',
      '5:52: goals[1].windw_days: unknown key `windw_days`; did you mean `window_days`?',
    ]);
  });
});

describe('alias bombs', () => {
  it('is refused without being expanded, even at the 1 MiB size limit', () => {
    // each level names the previous one 9 times; at 1 MiB that would be 9^thousands nodes if expanded
    const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let size = lines[0]!.length;
    for (let i = 1; size < MAX_FILE_BYTES - 200; i++) {
      const line = `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]`;
      lines.push(line);
      size += line.length + 1;
    }
    const before = process.memoryUsage().heapUsed;
    // expanding it would never finish and would exhaust memory: returning, with little memory kept, is the proof
    const result = load({ 'chapters/london/chapter.yaml': `${lines.join('\n')}\n` });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    expect(result.org).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ file: 'chapters/london/chapter.yaml', line: 1, column: 1 });
    expect(result.problems[0]!.message).toMatch(/^\d+ anchors and aliases in this file \(the first 5 are listed\)/);
    expect(result.problems).toHaveLength(6);
  });

  it('reports deep nesting instead of overflowing the stack', () => {
    const result = load({ 'chapters/london/chapter.yaml': `name: London\ncountry: GB\ndues: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'chapters/london/chapter.yaml', line: 3 });
    expect(result.problems[0]!.message).toBe('values nested too deeply to read; iops files need only a few levels of nesting');
  });
});

describe('files at the 1 MiB size limit', () => {
  const fill = (line: (i: number) => string): string => {
    const out: string[] = [];
    for (let i = 0, size = 0; size < MAX_FILE_BYTES - 100; i++) size += out[out.push(line(i)) - 1]!.length;
    return out.join('');
  };

  // every problem found and placed, without overflowing the stack; how fast is the benchmark's
  // business, not a test's (work growing with the square of the size would not finish at 200,000)
  it('finds duplicates among and locates 40,000 unknown keys of one map', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join('');
    const result = load({ 'chapters/london/chapter.yaml': `name: London\ncountry: GB\n${keys}` });
    expect(result.problems).toHaveLength(40_000);
    expect(result.problems.at(-1)).toMatchObject({ line: result.problems.length + 2, column: 1 });
    expect(result.problems.at(-1)!.message).toMatch(/^unknown key `k\d+`; expected one of: name, country/);
  });

  it('points 20,000 unclosed brackets at their opening', () => {
    const result = load({ 'chapters/london/members.yaml': '- [ldn-a\n'.repeat(20_000) });
    expect(result.problems).toHaveLength(20_000);
    expect(result.problems[19_999]).toMatchObject({ line: 20_000, column: 3, message: 'this [ is not closed; add the closing ], or indent the lines that continue the list' });
  });

  it('reports 200,000 duplicate keys without overflowing the stack', () => {
    const result = load({ 'chapters/london/chapter.yaml': fill(() => 'a: 1\n') });
    expect(result.problems.length).toBeGreaterThan(190_000);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 1, message: 'duplicate key `a`: each key may appear only once here; keep one' });
  });
});

describe('the terminal excerpt', () => {
  const members = '- id: ldn-alpha\n  joined: 2012-03-10\n  gender: woman\n- id: ldn-bravo\n  joined: 2013-02-30\n- id: ldn-charlie\n  joined: 2012-05-01\n';

  it('shows the offending line and a caret under the problem, never its neighbours', () => {
    const files = entries(minimalOrg({ 'chapters/london/members.yaml': members }));
    const { problems } = loadFromFiles(files);
    const out = renderProblems({ problems, sourceLine: lineOf(files) }, plain);
    expect(out).toBe(
      [
        'chapters/london/members.yaml:5:11: members[1].joined: "2013-02-30" is not a calendar date (write YYYY-MM-DD)',
        '5 |   joined: 2013-02-30',
        '              ^',
      ].join('\n'),
    );
    for (const other of ['ldn-alpha', 'ldn-bravo', 'ldn-charlie', 'woman', '2012-05-01']) expect(out).not.toContain(other);
  });

  it('cuts a long line (a flow-style list) to the part around the problem', () => {
    const flow = `[${Array.from({ length: 40 }, (_, i) => `{ id: m-${i}, joined: 2012-03-${String(10 + (i % 10)).padStart(2, '0')} }`).join(', ')}]\n`;
    const bad = flow.replace('{ id: m-30, joined: 2012-03-10 }', '{ id: m-30, joined: 2012-03-99 }');
    const files = entries(minimalOrg({ 'chapters/london/members.yaml': bad }));
    const { problems } = loadFromFiles(files);
    expect(problems).toHaveLength(1);
    const [, excerpt, caret] = renderProblems({ problems, sourceLine: lineOf(files) }, plain).split('\n');
    expect(excerpt!.length).toBeLessThan(120);
    expect(excerpt).toContain('2012-03-99');
    expect(excerpt).not.toContain('m-0,');
    expect(excerpt).not.toContain('m-39');
    expect(excerpt![caret!.indexOf('^')]).toBe('2');
    expect(excerpt!.slice(caret!.indexOf('^'), caret!.indexOf('^') + 10)).toBe('2012-03-99');
  });

  it('escapes control characters in names and excerpts instead of sending them to the terminal', () => {
    const problems = [{ file: 'chapters/a\u001b[2Jb/chapter.yaml', line: 1, column: 1, path: '', message: 'bad' }];
    const out = renderProblems({ problems, sourceLine: () => 'name: \u001b[31mred\u009b' }, plain);
    expect(out).not.toMatch(/[\u001b\u009b]/);
    expect(out).toContain('chapters/a\\u001b[2Jb/chapter.yaml:1:1: bad');
    expect(out).toContain('1 | name: ?[31mred?');
  });
});
