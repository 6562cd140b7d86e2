// Exact linear algebra for the disclosure audit: which sums of hidden counts the published
// figures determine. Integer rows (BigInt), reduced fraction-free with the gcd taken out, so no
// rounding can hide or invent a disclosure. Each row carries which published figures it was
// made of, so a disclosure can name the figures that give it away.

/** A vector over the unknowns, and over the published figures it combines. */
interface Row {
  v: bigint[];
  /** Coefficients over the figures (equations) that combine into `v`. */
  by: bigint[];
  pivot: number;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const gcd = (a: bigint, b: bigint): bigint => {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};

function normalise(v: bigint[], by: bigint[]): void {
  let g = 0n;
  for (const x of v) if (x) g = gcd(g, x);
  for (const x of by) if (x) g = gcd(g, x);
  if (g > 1n) {
    for (let i = 0; i < v.length; i++) v[i]! /= g;
    for (let i = 0; i < by.length; i++) by[i]! /= g;
  }
}

/** v ← v·b[p] − b·v[p]: clears v at b's pivot without fractions. */
function eliminate(v: bigint[], by: bigint[], b: Row): void {
  const f = v[b.pivot]!;
  if (!f) return;
  const p = b.v[b.pivot]!;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * p - b.v[i]! * f;
  for (let i = 0; i < by.length; i++) by[i] = by[i]! * p - b.by[i]! * f;
  normalise(v, by);
}

/** The span of the published figures' equations, restricted to the unknowns. */
export class Span {
  private readonly rows: Row[] = [];

  /** @param equations one 0/1 (or integer) vector over the unknowns per published figure. */
  constructor(equations: readonly (readonly number[])[], private readonly unknowns: number) {
    equations.forEach((eq, i) => {
      const by = equations.map((_, j) => (j === i ? 1n : 0n));
      const v = eq.map(BigInt);
      for (const b of this.rows) eliminate(v, by, b);
      const pivot = v.findIndex((x) => x !== 0n);
      if (pivot >= 0) this.rows.push({ v, by, pivot });
    });
  }

  /**
   * Whether the sum over `target` (a vector over the unknowns) follows from the figures; if so,
   * the figures it combines (indices into the equations), else undefined.
   */
  determines(target: readonly number[]): number[] | undefined {
    if (target.length !== this.unknowns) throw new Error('target of the wrong length');
    const v = target.map(BigInt);
    const by = new Array<bigint>(this.rows[0]?.by.length ?? 0).fill(0n);
    for (const b of this.rows) eliminate(v, by, b);
    if (v.some((x) => x !== 0n)) return undefined;
    return by.flatMap((x, i) => (x !== 0n ? [i] : []));
  }
}
