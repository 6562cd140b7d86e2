// The minor units iops writes out (core/money.ts) are ICU's, currency by currency: what an amount
// may hold is the same whichever way the digits are learnt.
import { describe, expect, it } from 'vitest';
import { minorDigits, toMinor } from '../../src/core/money.js';

describe('minor units', () => {
  it("agree with the running ICU for every currency it supports", () => {
    const all = Intl.supportedValuesOf('currency');
    expect(all.length).toBeGreaterThan(100);
    const differ = all.filter((c) => minorDigits(c) !== new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits);
    expect(differ).toEqual([]);
  });

  it('decide what an amount may hold', () => {
    expect(toMinor(1275, 'JPY')).toBe(1275);
    expect(toMinor(12.5, 'JPY')).toBeUndefined();
    expect(toMinor(1.234, 'KWD')).toBe(1234);
    expect(toMinor(12.75, 'GBP')).toBe(1275);
    expect(toMinor(12.755, 'GBP')).toBeUndefined();
  });
});
