// The decisions a delegate reports: those of the chapter's meetings, of its branch's assembly
// and of the ICC, and any adopting its dues, taken (or proposed) since the chapter's last
// report, as they stood on the as-of day. docs/governance.md.
import { adoptsText, bodyName } from '../governance/decisions.js';
import type { ChapterRecord, DecisionRecord, Organisation } from '../model.js';
import { lastOnOrBefore } from '../metrics/asof.js';
import type { DecisionsSection } from './types.js';

function concerns(chapter: ChapterRecord, d: DecisionRecord): boolean {
  const b = d.body;
  return (
    b.kind === 'icc' ||
    (b.kind === 'branch-assembly' && b.branch === chapter.branch) ||
    (b.kind === 'chapter-meeting' && b.chapter === chapter.id) ||
    (d.adopts?.kind === 'dues' && d.adopts.chapter === chapter.id)
  );
}

/** Null when the organisation records no decisions at all. */
export function decisionsSection(org: Organisation, chapter: ChapterRecord, asOf: string): DecisionsSection | null {
  if (!org.decisions.length) return null;
  const since = lastOnOrBefore(chapter.reports, asOf)?.date ?? null;
  const list = org.decisions
    .filter((d) => concerns(chapter, d) && d.date <= asOf)
    .map((d) => {
      const decided = d.outcome.date !== undefined && d.outcome.date <= asOf;
      const o = d.outcome;
      return {
        id: d.id,
        date: decided ? o.date! : d.date,
        status: decided ? o.status : ('proposed' as const),
        body: bodyName(org, d.body),
        proposal: d.proposal,
        method: d.method,
        counts: decided && o.for !== undefined ? { for: o.for, against: o.against ?? 0, abstain: o.abstain ?? 0, blocks: o.blocks ?? 0 } : null,
        adopts: d.adopts ? adoptsText(d.adopts) : null,
      };
    })
    .filter((d) => since === null || d.date > since || d.status === 'proposed')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { since, list };
}
