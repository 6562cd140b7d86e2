// Decisions as a table (oldest first: proposed, who decided, method, outcome, what it adopts),
// as JSON for machines, or as Markdown. The proposal's text is the data's: escaped everywhere.
import Table from 'cli-table3';
import { type DecisionRow, adoptsText, outcomeText } from '../core/governance/decisions.js';
import { mdText, printable } from './escape.js';
import { twoLines } from './history.js';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const method = (r: DecisionRow) => `${r.method}${r.quorum !== null ? `, quorum ${r.quorum}` : ''}`;
const length = (text: string) => [...text].length;
const longest = (texts: string[]) => Math.max(0, ...texts.map(length));
const cut = (text: string, width: number) => (length(text) > width ? `${[...text].slice(0, width - 1).join('')}…` : text);

/** Pieces packed into lines of at most `width` characters; a piece longer than that is cut into lines of its own. */
function pack(pieces: string[], width: number, join: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of pieces) {
    let piece = raw;
    while (length(piece) > width) {
      if (line) lines.push(line);
      line = '';
      lines.push([...piece].slice(0, width).join(''));
      piece = [...piece].slice(width).join('');
    }
    const candidate = line ? `${line}${join}${piece}` : piece;
    if (length(candidate) <= width) line = candidate;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Words in lines of at most `width` characters. */
export const wrapWords = (text: string, width: number): string[] => pack(text.split(/\s+/).filter(Boolean), width, ' ');

/**
 * An id that is wider than the column, broken so that no character of it is lost: after its
 * `/` (the chapter on a line of its own), then after a `-` where a part is still too wide.
 */
export function wrapId(id: string, width: number): string[] {
  if (length(id) <= width) return [id];
  const parts = id.split('/').map((part, i, all) => (i < all.length - 1 ? `${part}/` : part));
  return parts.flatMap((part) => pack(part.match(/[^-]+-?|-/g) ?? [part], width, ''));
}

/** Items joined by ", " in lines of at most `width` characters, each line but the last ending with its comma. */
const commaLines = (items: string[], width: number): string[] => pack(items.map((x, i) => (i < items.length - 1 ? `${x},` : x)), width, ' ');

/** "adopted 2012-06-01" on a line of its own, then the counts. */
function outcomeLines(r: DecisionRow, width: number): string[] {
  const text = outcomeText(r);
  const open = text.indexOf(' (');
  if (open < 0) return wrapWords(text, width);
  return [...wrapWords(text.slice(0, open), width), ...commaLines(text.slice(open + 2, -1).split(', '), width)];
}

/**
 * The table fits `width` columns (80 when not on a terminal), like iops history. On a terminal
 * wide enough, one column each for the decision, the body, the method, the outcome, what it
 * adopts and the proposal; else three: the decision (its id, broken after / and -, then who
 * decided), the method and the outcome, and what it adopts with the proposal. The proposal has
 * two lines, then is cut with …; JSON and Markdown have it all.
 */
export function decisionsTable(raw: DecisionRow[], terminal: boolean, width = 80): string {
  const rows = printable(raw);
  if (!rows.length) return 'No decisions recorded yet (iops decision propose records one).';
  const style = { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [] };
  const proposal = (r: DecisionRow) => r.proposal.replace(/\s+/g, ' ').trim();
  const title = `Decisions: ${rows.length}, oldest first`;
  // six columns: borders (7) and padding (2 a column); the outcome wraps at 28, the proposal gets the rest
  const id = longest(['Decision', ...rows.map((r) => r.id)]);
  const body = longest(['Body', ...rows.map((r) => r.body_name)]);
  const how = longest(['Method', ...rows.map(method)]);
  const outcome = Math.min(28, longest(['Outcome', ...rows.map((r) => outcomeText(r))]));
  const adopts = longest(['Adopts', ...rows.map((r) => adoptsText(r.adopts))]);
  const rest = width - 19 - id - body - how - outcome - adopts;
  if (rest >= 30) {
    const text = Math.min(rest, longest(['Proposal', ...rows.map(proposal)]));
    const table = new Table({ head: ['Decision', 'Body', 'Method', 'Outcome', 'Adopts', 'Proposal'], chars: COMPACT, style, colWidths: [id, body, how, outcome, adopts, text].map((w) => w + 2), wordWrap: false });
    for (const r of rows) table.push([r.id, r.body_name, method(r), outcomeLines(r, outcome).join('\n'), adoptsText(r.adopts), twoLines(proposal(r), text)]);
    return `${title}\n${table.toString()}`;
  }
  // three columns: borders (4) and padding (6); the decision and the outcome a quarter or so each
  const side = Math.max(16, Math.min(28, Math.floor(width * 0.28)));
  const idWidth = Math.min(side, longest(['Decision', ...rows.map((r) => r.body_name), ...rows.map((r) => r.id)]));
  const outWidth = Math.min(side, Math.max(longest(['Method, outcome', ...rows.map(method)]), 18));
  const text = Math.max(16, width - 10 - idWidth - outWidth);
  const table = new Table({ head: ['Decision', 'Method, outcome', 'Adopts, proposal'], style, colWidths: [idWidth + 2, outWidth + 2, text + 2], wordWrap: false });
  for (const r of rows) {
    const what = adoptsText(r.adopts);
    table.push([
      [...wrapId(r.id, idWidth), cut(r.body_name, idWidth)].join('\n'),
      [...wrapWords(method(r), outWidth), ...outcomeLines(r, outWidth)].join('\n'),
      [...(what ? wrapWords(`adopts ${what}`, text) : []), twoLines(proposal(r), text)].join('\n'),
    ]);
  }
  return `${title}\n${table.toString()}`;
}

export const decisionsJson = (rows: DecisionRow[]): unknown => ({ decisions: rows });

export function decisionsMarkdown(rows: DecisionRow[]): string {
  if (!rows.length) return 'No decisions recorded yet.';
  const line = (r: DecisionRow) => `| ${r.id} | ${mdText(r.body_name)} | ${method(r)} | ${outcomeText(r)} | ${mdText(adoptsText(r.adopts))} | ${mdText(r.proposal)} |`;
  return ['### Decisions', '', '| Decision | Body | Method | Outcome | Adopts | Proposal |', '| --- | --- | --- | --- | --- | --- |', ...rows.map(line)].join('\n');
}
