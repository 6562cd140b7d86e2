// The fast reader takes a plain scalar that starts with a digit and holds a '-' past its start
// (not an exponent's) as text without trying the number patterns on it: a ledger's dates and
// months. These are the values on either side of that line, in block and flow context, each
// read as the full parser reads it, or left to it.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DECLINED, fastParseYaml } from '../../src/load/fastYaml.js';
import { parseYaml } from '../../src/load/yamlSource.js';

const VALUES = [
  '2017-01-01', '2017-01', '2017-13-45', '1-2', '10-', '1--2', '0-0', '1e-3', '1E-3', '1.5e-3', '1.5E-3', '12e-', '1e-3-4',
  '0x1e-3', '0x1E-3', '0o7-1', '1.-2', '1.0-2', '2013-01-05-x', '2013-01-05T10:00', '1-e5', '007-2', '5', '-5', '+5', '1.5', '1e5',
];

/** The fast reader's value for a text, or its declining; throws when it disagrees with the full parser. */
function read(text: string): unknown {
  const fast = fastParseYaml(text);
  if (fast === DECLINED) return DECLINED;
  const full = parseYaml('file.yaml', text);
  expect(full.problems).toEqual([]);
  if (!isDeepStrictEqual(fast, full.value)) throw new Error(`disagrees on ${JSON.stringify(text)}: fast ${JSON.stringify(fast)}, full ${JSON.stringify(full.value)}`);
  return fast;
}

describe('plain scalars that start with a digit', () => {
  it('read as the full parser reads them, in block and flow maps and lists', () => {
    for (const v of VALUES) {
      read(`key: ${v}\n`);
      read(`- ${v}\n`);
      read(`- { date: ${v}, amount: 5 }\n`);
      read(`list: [${v}, ${v}]\n`);
    }
  });

  it('keep a date, a month and a dashed id as text, and numbers as numbers', () => {
    expect(read('- { date: 2017-01-01, amount: 5, period: 2017-01, member: 1-2 }\n')).toEqual([{ date: '2017-01-01', amount: 5, period: '2017-01', member: '1-2' }]);
    expect(read('a: 1.5\nb: -5\nc: 10-\n')).toEqual({ a: 1.5, b: -5, c: '10-' });
  });
});
