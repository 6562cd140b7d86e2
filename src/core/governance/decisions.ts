// Decisions as a list people read: who decided, how, the outcome in counts, what it adopts.
// Pure: from the organisation, oldest first.
import type { DecisionRecord, Organisation } from '../model.js';
import type { Adopts, DecisionBody } from '../schema/decision.js';

export interface DecisionRow {
  id: string;
  file: string;
  proposed: string;
  body: DecisionBody;
  /** ICC, "IOPS UK assembly", "London": who decided, by name. */
  body_name: string;
  proposal: string;
  method: DecisionRecord['method'];
  quorum: number | null;
  meeting: string | null;
  adopts: Adopts | null;
  status: DecisionRecord['outcome']['status'];
  decided: string | null;
  counts: { for: number; against: number; abstain: number; blocks: number } | null;
}

export function bodyName(org: Organisation, b: DecisionBody): string {
  if (b.kind === 'icc') return 'ICC';
  if (b.kind === 'branch-assembly') return `${org.branchById.get(b.branch)?.name ?? b.branch} assembly`;
  return org.chapterById.get(b.chapter)?.name ?? b.chapter;
}

export function adoptsText(a: Adopts | null): string {
  if (!a) return '';
  if (a.kind === 'goals') return 'the goal set';
  if (a.kind === 'dues') return `dues of ${a.chapter}`;
  return `founding of ${a.branch}`;
}

export function decisionRow(org: Organisation, d: DecisionRecord): DecisionRow {
  const o = d.outcome;
  const counted = o.for !== undefined && o.against !== undefined && o.abstain !== undefined;
  return {
    id: d.id,
    file: d.file,
    proposed: d.date,
    body: d.body,
    body_name: bodyName(org, d.body),
    proposal: d.proposal,
    method: d.method,
    quorum: d.quorum ?? null,
    meeting: d.meeting ?? null,
    adopts: d.adopts ?? null,
    status: o.status,
    decided: o.date ?? null,
    counts: counted ? { for: o.for!, against: o.against!, abstain: o.abstain!, blocks: o.blocks ?? 0 } : null,
  };
}

/** Every decision, or those of a chapter (its own, and those adopting its dues), oldest first. */
export function decisionRows(org: Organisation, chapter?: string): DecisionRow[] {
  const concerns = (d: DecisionRecord) => chapter === undefined || d.chapter === chapter || (d.adopts?.kind === 'dues' && d.adopts.chapter === chapter);
  return org.decisions
    .filter(concerns)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .map((d) => decisionRow(org, d));
}

/** "adopted 2012-06-01 (for 14, against 3, abstain 1)", "proposed". */
export function outcomeText(r: DecisionRow): string {
  const c = r.counts;
  const counts = c ? ` (for ${c.for}, against ${c.against}, abstain ${c.abstain}${r.method === 'consensus' ? `, blocks ${c.blocks}` : ''})` : '';
  return r.status === 'proposed' ? 'proposed' : `${r.status} ${r.decided ?? ''}${counts}`;
}
