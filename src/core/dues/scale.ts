// The sliding scale the seed discussion asked for: $1 to $100 a month, chosen by each member
// from a self-assessed income band, with an exemption for anyone who cannot pay. Amounts are
// in the reporting currency (iops.yaml `currency`), a month at a time.

export interface ScaleStep {
  band: string;
  /** Who this step suggests itself to; self-assessed, never checked. */
  income: string;
  /** Suggested dues a month, in whole units of the reporting currency. */
  monthly: number;
}

export const SLIDING_SCALE: readonly ScaleStep[] = [
  { band: 'very-low', income: 'no regular income, or very little', monthly: 1 },
  { band: 'low', income: 'a low income', monthly: 5 },
  { band: 'modest', income: 'a modest income', monthly: 10 },
  { band: 'middle', income: 'an average income', monthly: 20 },
  { band: 'comfortable', income: 'a comfortable income', monthly: 50 },
  { band: 'high', income: 'a high income', monthly: 100 },
];

export interface Tier {
  /** "under 5", "5–9.99", …, "100 or more" */
  label: string;
  /** Lower bound, whole units a month (inclusive). */
  from: number;
  /** Upper bound, whole units a month (exclusive); null for the top tier. */
  to: number | null;
}

const fmt = (n: number, minusCent: boolean) => (minusCent ? `${n - 1}.99` : String(n));

/** The pledge tiers the distribution is counted in: one per scale step, the first from 0. */
export const PLEDGE_TIERS: readonly Tier[] = SLIDING_SCALE.map((s, i) => {
  const next = SLIDING_SCALE[i + 1]?.monthly ?? null;
  const from = i === 0 ? 0 : s.monthly;
  const label = next === null ? `${s.monthly} or more` : i === 0 ? `under ${next}` : `${from}–${fmt(next, true)}`;
  return { label, from, to: next };
});

/** The tier of a monthly amount given as `numerator / divisor` minor units (exact). */
export function tierIndex(minor: number, divisor: number, minorPerUnit: number): number {
  for (let i = PLEDGE_TIERS.length - 1; i > 0; i--) {
    if (minor >= PLEDGE_TIERS[i]!.from * minorPerUnit * divisor) return i;
  }
  return 0;
}
