// Money in tables is written as toLocaleString('en-US') with two decimals writes it, without ICU.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoPlaces } from '../../src/render/format.js';

const icu = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('twoPlaces', () => {
  it('writes what ICU writes, ties and signs included', () => {
    for (const n of [0, -0, 1.005, 1.015, 2.675, 1.235, -1.005, 0.001, -0.001, 0.005, 999.995, 1234567.891, 1e15 + 0.5, 12, -12.5, 5e-7, 1e21, 123456789.125])
      expect(twoPlaces(n), String(n)).toBe(icu(n));
  });

  it('writes what ICU writes for any amount of up to three decimals, and any double', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (units, places) => {
      const n = units / 10 ** places;
      expect(twoPlaces(n)).toBe(icu(n));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      expect(twoPlaces(n)).toBe(icu(n));
    }), { numRuns: 3000 });
  });
});
