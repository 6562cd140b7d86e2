// Decisions as a table (oldest first: proposed, who decided, method, outcome, what it adopts),
// as JSON for machines, or as Markdown. The proposal's text is the data's: escaped everywhere.
import Table from 'cli-table3';
import { type DecisionRow, adoptsText, outcomeText } from '../core/governance/decisions.js';
import { mdText, printable } from './escape.js';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const method = (r: DecisionRow) => `${r.method}${r.quorum !== null ? `, quorum ${r.quorum}` : ''}`;
const short = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function decisionsTable(raw: DecisionRow[], terminal: boolean): string {
  const rows = printable(raw);
  if (!rows.length) return 'No decisions recorded yet (iops decision propose records one).';
  const table = new Table({
    head: ['Decision', 'Body', 'Method', 'Outcome', 'Adopts', 'Proposal'],
    chars: COMPACT,
    style: { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [] },
    // ids and names keep their width; the outcome and the proposal wrap
    colWidths: [Math.max(10, ...rows.map((r) => r.id.length)) + 2, null, null, 28, null, 42] as number[],
    wordWrap: true,
  });
  for (const r of rows) table.push([r.id, r.body_name, method(r), outcomeText(r), adoptsText(r.adopts), short(r.proposal.replace(/\s+/g, ' '), 120)]);
  return `Decisions: ${rows.length}, oldest first\n${table.toString()}`;
}

export const decisionsJson = (rows: DecisionRow[]): unknown => ({ decisions: rows });

export function decisionsMarkdown(rows: DecisionRow[]): string {
  if (!rows.length) return 'No decisions recorded yet.';
  const line = (r: DecisionRow) => `| ${r.id} | ${mdText(r.body_name)} | ${method(r)} | ${outcomeText(r)} | ${mdText(adoptsText(r.adopts))} | ${mdText(r.proposal)} |`;
  return ['### Decisions', '', '| Decision | Body | Method | Outcome | Adopts | Proposal |', '| --- | --- | --- | --- | --- | --- |', ...rows.map(line)].join('\n');
}
