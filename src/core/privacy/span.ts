// Exact linear algebra for the disclosure audit, shaped like the figures iops publishes: each
// chapter's member count covers only its own cells, and a few figures (organisation totals,
// readiness's share, dues's "other chapters" row) couple the chapters. A sum over hidden cells
// t follows from the figures exactly when t = Σ a_r·(row r's total) + Σ b_j·(coupling figure j)
// for some numbers a, b. The a_r are free per chapter, so this holds exactly when, for some b,
// t − Σ b_j·M_j is constant on every chapter's hidden cells (zero on a chapter whose total is
// not published): a small system in b (as many unknowns as coupling figures), solved exactly
// over the integers (BigInt, fraction-free). Constraints from chapters the sum does not touch
// are the same for every sum, so they are reduced once; only a sum that touches one of the few
// chapters those constraints came from reduces them again. Far faster than a dense
// elimination over every cell, which a 5,000-chapter organisation could not afford.

export type CellRef = readonly [row: number, column: number];

/** A figure that couples chapters: the weighted sum of these (hidden) cells. */
export interface Coupling {
  cells: readonly CellRef[];
  weights?: readonly number[] | undefined;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const gcd = (a: bigint, b: bigint): bigint => {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Equations over b (m coefficients, then the right-hand side), kept in echelon form. */
class Echelon {
  rows: { v: bigint[]; pivot: number; source: number }[] = [];
  consistent = true;
  constructor(private readonly m: number) {}

  clone(): Echelon {
    const e = new Echelon(this.m);
    e.rows = this.rows.map((r) => ({ ...r, v: [...r.v] }));
    e.consistent = this.consistent;
    return e;
  }

  add(eq: bigint[], source: number): void {
    const v = [...eq];
    for (const b of this.rows) {
      const f = v[b.pivot]!;
      if (!f) continue;
      const p = b.v[b.pivot]!;
      for (let i = 0; i <= this.m; i++) v[i] = v[i]! * p - b.v[i]! * f;
      let g = 0n;
      for (const x of v) if (x) g = gcd(g, x);
      if (g > 1n) for (let i = 0; i <= this.m; i++) v[i]! /= g;
    }
    const pivot = v.findIndex((x, i) => i < this.m && x !== 0n);
    if (pivot < 0) {
      if (v[this.m] !== 0n) this.consistent = false;
      return;
    }
    this.rows.push({ v, pivot, source });
  }

  /** One solution, the free unknowns 0, as fractions [numerator, denominator]. */
  solution(): [bigint, bigint][] {
    const b: [bigint, bigint][] = Array.from({ length: this.m }, () => [0n, 1n]);
    for (let k = this.rows.length - 1; k >= 0; k--) {
      const { v, pivot } = this.rows[k]!;
      // v[pivot]·b_pivot = rhs − Σ_{i≠pivot} v[i]·b_i
      let num = v[this.m]!;
      let den = 1n;
      for (let i = 0; i < this.m; i++) {
        if (i === pivot || !v[i]) continue;
        const [n, d] = b[i]!;
        num = num * d - v[i]! * n * den;
        den *= d;
      }
      b[pivot] = [num, den * v[pivot]!];
    }
    return b;
  }
}

export class LinearModel {
  private readonly m: number;
  /** Per chapter: its hidden columns, and each coupling figure's weight on them. */
  private readonly weights: Map<number, Map<number, bigint[]>>;
  private readonly base: Echelon;
  private readonly sources: Set<number>;

  /**
   * @param hidden hidden[row] = the columns not shown in that chapter
   * @param totals totals[row] = whether the chapter's member count is published
   */
  constructor(
    private readonly hidden: readonly (readonly number[])[],
    private readonly totals: readonly boolean[],
    couplings: readonly Coupling[],
  ) {
    this.m = couplings.length;
    this.weights = new Map();
    couplings.forEach((f, j) =>
      f.cells.forEach(([r, c], k) => {
        let row = this.weights.get(r);
        if (!row) this.weights.set(r, (row = new Map()));
        let w = row.get(c);
        if (!w) row.set(c, (w = new Array<bigint>(this.m).fill(0n)));
        w[j] = w[j]! + BigInt(f.weights?.[k] ?? 1);
      }),
    );
    this.base = this.reduced(new Set());
    this.sources = new Set(this.base.rows.map((r) => r.source));
  }

  private weight(r: number, c: number): bigint[] {
    return this.weights.get(r)?.get(c) ?? new Array<bigint>(this.m).fill(0n);
  }

  /** The constraints a chapter puts on b, given the target's values t on its hidden cells. */
  private constraints(r: number, t: (c: number) => number): bigint[][] {
    const cols = this.hidden[r]!;
    const out: bigint[][] = [];
    if (this.totals[r]) {
      const c0 = cols[0];
      if (c0 === undefined) return out;
      const w0 = this.weight(r, c0);
      for (const c of cols.slice(1)) {
        const w = this.weight(r, c);
        out.push([...w.map((x, j) => x - w0[j]!), BigInt(t(c) - t(c0))]);
      }
    } else {
      for (const c of cols) out.push([...this.weight(r, c), BigInt(t(c))]);
    }
    return out;
  }

  /** The homogeneous constraints of every chapter but those in `skip`. */
  private reduced(skip: Set<number>): Echelon {
    const e = new Echelon(this.m);
    if (this.m === 0) return e;
    // only chapters the coupling figures touch constrain b
    for (const r of this.weights.keys()) {
      if (skip.has(r)) continue;
      for (const eq of this.constraints(r, () => 0)) e.add(eq, r);
    }
    return e;
  }

  /**
   * Whether the sum of these hidden cells follows from the figures; if so, the coupling figures
   * (indices) and the chapters whose member count it uses.
   */
  determines(cells: readonly CellRef[]): { couplings: number[]; totals: number[] } | undefined {
    const e = this.solve(cells);
    return e && this.explain(cells, e);
  }

  /** Whether the sum of these hidden cells follows from the figures (without naming them: cheaper). */
  isDetermined(cells: readonly CellRef[]): boolean {
    return this.solve(cells) !== undefined;
  }

  private solve(cells: readonly CellRef[]): Echelon | undefined {
    const byRow = new Map<number, Set<number>>();
    for (const [r, c] of cells) {
      let s = byRow.get(r);
      if (!s) byRow.set(r, (s = new Set()));
      s.add(c);
    }
    const touched = new Set(byRow.keys());
    const e = [...touched].some((r) => this.sources.has(r)) ? this.reduced(touched) : this.base.clone();
    for (const [r, cols] of byRow) {
      for (const eq of this.constraints(r, (c) => (cols.has(c) ? 1 : 0))) {
        if (this.m === 0) {
          if (eq[0] !== 0n) return undefined;
        } else e.add(eq, r);
      }
      if (!e.consistent) return undefined;
    }
    return e;
  }

  private explain(cells: readonly CellRef[], e: Echelon): { couplings: number[]; totals: number[] } {
    const byRow = new Map<number, Set<number>>();
    for (const [r, c] of cells) byRow.set(r, (byRow.get(r) ?? new Set()).add(c));
    const touched = new Set(byRow.keys());
    const b = this.m ? e.solution() : [];
    const couplings = b.flatMap(([n], j) => (n !== 0n ? [j] : []));
    // a chapter's total is used where t − Σ b_j·M_j is a nonzero constant on it
    const totals: number[] = [];
    const rows = new Set([...touched, ...this.weights.keys()]);
    for (const r of rows) {
      const c0 = this.hidden[r]?.[0];
      if (c0 === undefined || !this.totals[r]) continue;
      const w = this.weight(r, c0);
      let num = byRow.get(r)?.has(c0) ? 1n : 0n;
      let den = 1n;
      b.forEach(([n, d], j) => {
        num = num * d - w[j]! * n * den;
        den *= d;
      });
      if (num !== 0n) totals.push(r);
    }
    return { couplings, totals: totals.sort((a, b2) => a - b2) };
  }
}
