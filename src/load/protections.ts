// Privacy protections remembered on disk (core/privacy/protect.ts ProtectionMemo): keyed by the
// SHA-1 of the table, margins and smallest group they protect, in the parse cache's versioned
// folder beside the remembered results (results.ts: checksummed, the least recently used
// dropped). A one-chapter report at five years spent a second working out the organisation-wide
// protection of its member breakdowns after any edit, members or not; now only after an edit
// that changes the counts. A remembered entry that is not a protection of this table is ignored.
import { createHash } from 'node:crypto';
import type { Margin, Protection, ProtectionMemo } from '../core/privacy/protect.js';
import type { Table } from '../core/privacy/audit.js';
import { ResultStore } from './results.js';
import { debug } from './listing.js';

export class RememberedProtections implements ProtectionMemo {
  private readonly store: ResultStore;

  constructor(gitDir: string) {
    this.store = new ResultStore(gitDir, 'protections');
  }

  recall(input: { table: Table; margins: readonly Margin[]; minGroup: number }, compute: () => Protection): Protection {
    const key = createHash('sha1').update(JSON.stringify(input)).digest('hex');
    const text = this.store.get(key);
    if (text !== undefined) {
      const p = parse(text);
      if (p && fits(p, input.table, input.margins)) {
        debug(`${input.table.name} protection: as worked out before`);
        return p;
      }
    }
    const computed = compute();
    debug(`${input.table.name} protection: worked out`);
    this.store.put(key, JSON.stringify(computed));
    return computed;
  }
}

function parse(text: string): Protection | undefined {
  try {
    return JSON.parse(text) as Protection;
  } catch {
    return undefined;
  }
}

const fits = (p: Protection, table: Table, margins: readonly Margin[]): boolean =>
  Array.isArray(p.hidden) &&
  Array.isArray(p.margins) &&
  p.margins.length === margins.length &&
  p.margins.every((m) => typeof m === 'boolean') &&
  p.hidden.length === table.counts.length &&
  p.hidden.every((row, r) => Array.isArray(row) && row.length === table.counts[r]!.length && row.every((h) => typeof h === 'boolean'));
