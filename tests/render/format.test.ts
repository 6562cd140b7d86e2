// Counts read as toLocaleString('en-US') writes them, for every whole number and the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands as count } from '../../src/core/thousands.js';

describe('count', () => {
  it('groups thousands exactly as toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat(), fc.double()), (n) => {
        expect(count(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
    for (const n of [0, -0, 999, 1000, -1000, 1e21, Number.NaN]) expect(count(n)).toBe(n.toLocaleString('en-US'));
  });
});
