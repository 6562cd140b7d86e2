// personalDataInText passes over a digit run that is a date alone (every receipt of a ledger has
// one) without the patterns it tries on other runs; runs that only start or end like a date are
// read as before.
import { describe, expect, it } from 'vitest';
import { personalDataInText } from '../../src/core/privacy/personalData.js';

describe('dates among digit runs', () => {
  it('a date is not a phone number; a longer run around one is read as before', () => {
    const cases: [string, { kind: string; match: string; index: number }[]][] = [
      ['2017-01-01', []],
      ['paid 2017-01-01 by card', []],
      ['1234-56-78', []],
      ['2017-01-01-2017-01-02', []],
      ['+2017-01-01', []],
      ['2017-01-01.5', []],
      ['2017-01-01 0612345678', []],
      ['2017-01-0123', [{ kind: 'phone number', match: '2017-01-0123', index: 0 }]],
      ['12017-01-01', [{ kind: 'phone number', match: '12017-01-01', index: 0 }]],
      ['0612345678', [{ kind: 'phone number', match: '0612345678', index: 0 }]],
      ['{"date":"2017-01-01","notes":"4111 1111 1111 1111"}', [{ kind: 'card number', match: '4111 1111 1111 1111', index: 30 }]],
    ];
    for (const [text, hits] of cases) expect(personalDataInText(text), text).toEqual(hits);
  });
});
