// The fast reader against the `yaml` package with iops's options (parseYaml): on every input
// the fast reader either declines or returns exactly the value parseYaml returns for a file
// it finds no problem in. Inputs: the sample, a generated organisation, values written by
// iops's own writer, values written by yaml.stringify, and random edits of all of these.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type YamlValue, itemLines, mapLines } from '../../src/app/changes/yamlText.js';
import { DECLINED, fastParseYaml } from '../../src/load/fastYaml.js';
import { parseYaml } from '../../src/load/yamlSource.js';
import { generate, scaleOf } from '../../bench/gen.mjs';

type Outcome = 'accepted' | 'declined';

/** Fails the test when the fast reader returns anything but what the full parser returns. */
function agree(text: string): Outcome {
  const fast = fastParseYaml(text);
  if (fast === DECLINED) return 'declined';
  const full = parseYaml('file.yaml', text);
  if (full.problems.length || !isDeepStrictEqual(fast, full.value)) {
    throw new Error(`fast reader disagrees on ${JSON.stringify(text)}:\nfast ${JSON.stringify(fast)}\nfull ${JSON.stringify(full.value)} ${JSON.stringify(full.problems)}`);
  }
  return 'accepted';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.yaml') ? [p] : [];
  });
}

const KEYS = ['id', 'date', 'name', 'amount', 'a', 'b', 'GBP', 'non-binary', '25-34', 'x.y', '_k', 'n', 'Yes', 'on'];
const TRICKY = [
  '', ' ', 'yes', 'no', 'null', 'Null', '~', 'true', 'False', 'TRUE', '1', '-1', '+1', '007', '1.0', '1.', '.5', '-.5', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan',
  '2013-01-05', '2013-02-30', '12:30', 'a: b', 'a:b', 'a #b', 'a#b', '#x', "it's", 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', 'ü', 'Zürich',
  '\u00a0nbsp', 'trail ', ' lead', '- x', '-x', '? q', '[x]', '{x}', 'a, b', 'a,b', '&anchor', '*alias', '!tag', '|', '>', '%', '@', '`', 'é"', 'x\u2028y', '\u0085',
];
const scalar = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
);
const { value: valueArb } = fc.letrec<{ value: YamlValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar as fc.Arbitrary<YamlValue>,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
}));
const topMap = fc.dictionary(fc.constantFrom(...KEYS), valueArb, { minKeys: 1, maxKeys: 5 });
const topList = fc.array(fc.dictionary(fc.constantFrom(...KEYS), valueArb, { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 4 });

/** How iops writes a document: block maps, flow or block list items, nested flow. */
const written = fc.oneof(
  topMap.map((m) => `${mapLines(m, 0).join('\n')}\n`),
  topMap.map((m) => `${mapLines(m, 0, { nestedFlow: true }).join('\n')}\n`),
  fc.tuple(topList, fc.constantFrom('flow', 'block') as fc.Arbitrary<'flow' | 'block'>).map(([items, style]) => `${items.flatMap((v) => itemLines(v, 0, style)).join('\n')}\n`),
);
const stringified = fc.tuple(fc.oneof(topMap, topList as fc.Arbitrary<unknown>), fc.boolean(), fc.integer({ min: 2, max: 4 })).map(([v, flowSeqs, indent]) =>
  stringify(v, { indent, collectionStyle: flowSeqs ? 'any' : 'block', lineWidth: 0 }),
);

/** Random edits with the characters YAML cares about. */
const EDIT_CHARS = [' ', '  ', '\n', '- ', ': ', ':', '#', ' #', ',', '[', ']', '{', '}', '"', "'", '\\', '&a', '*a', '!', '|', '>', '?', '%', '@', '---', '\t', '\r', '0', '1', '.', '-', 'e', 'x', 'null', 'true', '~', '\u00a0', '<<: ', '__proto__: 1'];
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...EDIT_CHARS) });
const mutated = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    for (const e of edits) {
      const at = text.length ? e.at % (text.length + 1) : 0;
      text = text.slice(0, at) + e.ins + text.slice(at + e.del);
    }
    return text;
  });
const SAMPLE = filesUnder(join(__dirname, '../../data')).map((f) => readFileSync(f, 'utf8'));
const sampleText = fc.constantFrom(...SAMPLE);
const lines = fc.array(fc.constantFrom('a: 1', '- b', '  c: [x, y]', '- { d: 2, e: f }', 'g:', '  - h', '    i: j', '# c', '', 'k: "l"', "m: 'n'", 'o: p # q', '  r: s'), { maxLength: 8 }).map((ls) => ls.join('\n'));

describe('the fast reader reads what the full parser reads', () => {
  it('accepts every file of the sample and of a generated organisation, with the same values', () => {
    const generated: string[] = [];
    generate(scaleOf('200'), (path: string, text: string) => {
      if (path.endsWith('.yaml')) generated.push(text);
    });
    for (const text of [...SAMPLE, ...generated]) expect(agree(text)).toBe('accepted');
    expect(generated.length).toBeGreaterThan(100);
  });

  it('agrees on what iops writes, and accepts most of it', () => {
    const outcomes: Outcome[] = [];
    fc.assert(fc.property(written, (text) => void outcomes.push(agree(text))), { numRuns: 1500 });
    expect(outcomes.filter((o) => o === 'accepted').length).toBeGreaterThan(outcomes.length / 6);
  });

  it('agrees on what yaml.stringify writes', () => {
    fc.assert(fc.property(stringified, (text) => void agree(text)), { numRuns: 1500 });
  });

  it('agrees on random edits of written, stringified and sample files, and on line soup', () => {
    const outcomes: Outcome[] = [];
    fc.assert(fc.property(fc.oneof(mutated(written), mutated(stringified), mutated(sampleText), lines, mutated(lines)), (text) => void outcomes.push(agree(text))), { numRuns: 6000 });
    // the edits must leave many files the fast reader still reads, or the comparison proves little
    expect(outcomes.filter((o) => o === 'accepted').length).toBeGreaterThan(outcomes.length / 10);
  });

  it('declines what it leaves to the full parser', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  text\n', 'a: 0x1F\n', 'a: 1\na: 2\n', '<<: {a: 1}\n', '__proto__: 1\n', 'a: "x\\ty"\r\n', '---\na: 1\n', 'a:\n\tb: 1\n', 'a: [1,\n  2]\n'])
      expect(fastParseYaml(text)).toBe(DECLINED);
    expect(fastParseYaml(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toBe(DECLINED);
    expect(fastParseYaml(Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'))).toBe(DECLINED);
    expect(fastParseYaml('')).toBeUndefined();
    expect(fastParseYaml('# only a comment\n')).toBeUndefined();
  });
});
