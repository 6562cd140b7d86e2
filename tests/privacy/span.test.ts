// The structured exact solver (span.ts) against a plain dense elimination over every hidden
// cell, on random small systems: both must agree on which sums the figures determine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearModel } from '../../src/core/privacy/span.js';

/** Dense rank over the rationals (floating point with a tolerance: the systems are tiny). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c++) {
    const p = m.findIndex((r, i) => i >= rk && Math.abs(r[c]!) > 1e-9);
    if (p < 0) continue;
    [m[rk], m[p]] = [m[p]!, m[rk]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const f = m[i]![c]! / m[rk]![c]!;
      for (let j = 0; j < cols; j++) m[i]![j]! -= f * m[rk]![j]!;
    }
    rk++;
  }
  return rk;
}

describe('LinearModel', () => {
  it('determines exactly the sums a dense elimination does', () => {
    const system = fc.record({
      rows: fc.integer({ min: 1, max: 4 }),
      cols: fc.integer({ min: 2, max: 4 }),
      hiddenBits: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      totals: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      couplings: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 16, maxLength: 16 }), { maxLength: 3 }),
      target: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    });
    fc.assert(
      fc.property(system, ({ rows, cols, hiddenBits, totals, couplings, target }) => {
        const cells: [number, number][] = [];
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (hiddenBits[r * cols + c]) cells.push([r, c]);
        const hidden = Array.from({ length: rows }, (_, r) => cells.filter(([x]) => x === r).map(([, c]) => c));
        const rowTotals = totals.slice(0, rows);
        const model = new LinearModel(hidden, rowTotals, couplings.map((w) => ({ cells, weights: cells.map(([r, c]) => w[r * cols + c]!) })));
        const equations = [
          ...hidden.flatMap((_, r) => (rowTotals[r] ? [cells.map(([x]) => (x === r ? 1 : 0))] : [])),
          ...couplings.map((w) => cells.map(([r, c]) => w[r * cols + c]!)),
        ];
        const t = cells.map(([r, c]) => (target[r * cols + c] ? 1 : 0));
        const dense = rank(equations.length ? equations : [cells.map(() => 0)]) === rank([...(equations.length ? equations : [cells.map(() => 0)]), t]);
        expect(model.isDetermined(cells.filter((_, i) => t[i] === 1))).toBe(dense);
      }),
      { numRuns: 2000 },
    );
  });
});
