// Small-cell suppression: the rule on hand-picked breakdowns, and its guarantees on any.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anySuppressed, cellText, suppress } from '../../src/core/privacy.js';

const counts = (cells: Record<string, { count: number | null }>) => Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.count]));

describe('suppress', () => {
  it('shows nothing of a breakdown of fewer than min_group people, empty cells included', () => {
    expect(counts(suppress({ woman: 2, man: 1, 'non-binary': 0, undisclosed: 0 }, 5, { totalShown: true }))).toEqual({
      woman: null,
      man: null,
      'non-binary': null,
      undisclosed: null,
    });
  });

  it('hides a single small cell and the smallest shown cell that would give it back (12 members, 1 non-binary)', () => {
    const cells = suppress({ woman: 6, man: 5, 'non-binary': 1, undisclosed: 0 }, 5, { totalShown: true });
    expect(counts(cells)).toEqual({ woman: 6, man: null, 'non-binary': null, undisclosed: 0 });
    expect(cells.man).toEqual({ count: null, suppressed: true });
    expect(cells.woman).toEqual({ count: 6, suppressed: false });
  });

  it("the issue's example: woman 7, man 4, non-binary 1 — both small cells hidden, together 5, so woman stays", () => {
    expect(counts(suppress({ woman: 7, man: 4, 'non-binary': 1 }, 5, { totalShown: true }))).toEqual({ woman: 7, man: null, 'non-binary': null });
  });

  it('keeps hiding while the hidden cells together hold fewer than min_group people', () => {
    // man 1 + non-binary 1 = 2: one of them, subtracting themselves, would learn the other's gender
    expect(counts(suppress({ woman: 10, man: 1, 'non-binary': 1, undisclosed: 9 }, 5, { totalShown: true }))).toEqual({
      woman: 10,
      man: null,
      'non-binary': null,
      undisclosed: null,
    });
  });

  it('without a shown total, hides only the small cells', () => {
    expect(counts(suppress({ woman: 6, man: 5, 'non-binary': 1 }, 5, { totalShown: false }))).toEqual({ woman: 6, man: 5, 'non-binary': null });
  });

  it('ties go to the first cell listed; empty cells are shown and never chosen', () => {
    expect(counts(suppress({ a: 8, b: 8, c: 2, d: 0 }, 5, { totalShown: true }))).toEqual({ a: null, b: 8, c: null, d: 0 });
  });

  it('min_group 1 hides nothing', () => {
    expect(anySuppressed(suppress({ a: 1, b: 0 }, 1, { totalShown: true }))).toBe(false);
  });

  it('reads "not shown" for every hidden cell, counts with separators otherwise', () => {
    expect(cellText({ count: null, suppressed: true })).toBe('not shown');
    expect(cellText({ count: 1234, suppressed: false })).toBe('1,234');
  });

  it('on any breakdown: shown cells are exact, none is small, and hidden cells cannot be worked out from the total', () => {
    const breakdown = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.nat({ max: 40 }), { minKeys: 1 });
    fc.assert(
      fc.property(breakdown, fc.integer({ min: 1, max: 10 }), fc.boolean(), (input, minGroup, totalShown) => {
        const out = suppress(input, minGroup, { totalShown });
        const total = Object.values(input).reduce((a, b) => a + b, 0);
        const hidden = Object.keys(input).filter((k) => out[k]!.suppressed);
        for (const [k, c] of Object.entries(out)) {
          expect(c.suppressed).toBe(c.count === null);
          if (!c.suppressed) expect(c.count).toBe(input[k]);
          if (!c.suppressed) expect(c.count === 0 || c.count! >= minGroup).toBe(true);
        }
        if (total < minGroup) expect(hidden.length).toBe(Object.keys(input).length);
        else if (totalShown && hidden.length) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((n, k) => n + input[k]!, 0)).toBeGreaterThanOrEqual(minGroup);
        }
      }),
      { numRuns: 500 },
    );
  });
});
