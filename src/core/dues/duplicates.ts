// Receipts that look like the same money recorded twice. Two receipts are likely duplicates
// when they are from the same member, in the same currency and amount, and pay for the same
// month (`period`; receipts without one: received the same day); or when they carry the same
// bank `reference` and were received the same day (a standing order repeats its reference
// every month, so the reference alone would call every month's payment a duplicate).
import type { Receipt } from '../schema/dues.js';

export interface ReceiptKeyed extends Pick<Receipt, 'date' | 'member' | 'currency' | 'period' | 'reference'> {
  /** The amount in the currency's minor units. */
  minor: number;
}

export type DuplicateReason = 'same member, period and amount' | 'same member, day and amount' | 'same bank reference and day';

/** The keys under which a receipt collides with a duplicate of itself. */
export function duplicateKeys(r: ReceiptKeyed): [string, DuplicateReason][] {
  const money = `${r.member}\0${r.currency}\0${r.minor}`;
  const keys: [string, DuplicateReason][] = [
    r.period !== undefined ? [`p\0${money}\0${r.period}`, 'same member, period and amount'] : [`d\0${money}\0${r.date}`, 'same member, day and amount'],
  ];
  if (r.reference !== undefined) keys.push([`r\0${r.reference.trim().toLowerCase()}\0${r.date}`, 'same bank reference and day']);
  return keys;
}

/** The first of `existing` that `candidate` would duplicate, and why; undefined when none. */
export function duplicateOf<T extends ReceiptKeyed>(existing: readonly T[], candidate: ReceiptKeyed): { of: T; reason: DuplicateReason } | undefined {
  const wanted = new Map(duplicateKeys(candidate));
  for (const r of existing) {
    for (const [key] of duplicateKeys(r)) {
      const reason = wanted.get(key);
      if (reason) return { of: r, reason };
    }
  }
  return undefined;
}

/** Every receipt that repeats an earlier one of the list (in list order), with the one it repeats. */
export function likelyDuplicates<T extends ReceiptKeyed>(receipts: readonly T[]): { receipt: T; of: T; reason: DuplicateReason }[] {
  const seen = new Map<string, T>();
  const found: { receipt: T; of: T; reason: DuplicateReason }[] = [];
  for (const r of receipts) {
    let hit: { receipt: T; of: T; reason: DuplicateReason } | undefined;
    for (const [key, reason] of duplicateKeys(r)) {
      const of = seen.get(key);
      if (of && !hit) hit = { receipt: r, of, reason };
      if (!of) seen.set(key, r);
    }
    if (hit) found.push(hit);
  }
  return found;
}
