// The audit trail as a table (newest first: when, who, which command, what changed, the
// commit), as JSON for machines, or as Markdown. Commits without iops trailers were made by hand;
// a trailer the commit does not bear out is shown as a claim, never as the command.
import Table from 'cli-table3';
import type { HistoryEntry, HistoryTarget, HistoryView } from '../app/history.js';
import { thousands } from '../core/thousands.js';
import { mdText, printable } from './escape.js';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const what = (e: HistoryEntry) => e.command ?? (e.unverified ? `by hand, claims "${e.unverified.claimed}" (unverified)` : 'by hand');

export function targetText(t: HistoryTarget): string {
  if (t.kind === 'all') return 'the data repository';
  if (t.kind === 'path') return t.path === 'goals.yaml' ? 'the goals (goals.yaml)' : t.path;
  return `${t.kind} ${t.id}`;
}

/** The text in lines of at most `width` characters, broken between words, at most two of them. */
export function twoLines(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= width) line = candidate;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = (l: string) => ([...l].length > width ? `${[...l].slice(0, width - 1).join('')}…` : l);
  if (lines.length <= 2) return lines.map(cut).join('\n');
  return [cut(lines[0]!), `${[...`${lines[1]} ${lines[2]}`].slice(0, width - 1).join('')}…`].join('\n');
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * The table fits `width` columns (80 when not on a terminal): below 100 the time of day is left
 * out of When; who and the command are cut with … where they would not fit; the change gets
 * what the others leave, on up to two lines, then cut with …. JSON and Markdown have it all.
 */
export function historyTable(raw: HistoryView, terminal: boolean, width = 80): string {
  const view = printable(raw);
  if (!view.entries.length) return `No commits yet for ${targetText(view.target)}.`;
  const longest = (texts: string[]) => Math.max(...texts.map((t) => [...t].length));
  const day = width < 100 ? (iso: string) => iso.slice(0, 10) : when;
  const whenWidth = width < 100 ? 10 : 16;
  // borders (6) and padding (2 a column), then When and Commit (7)
  const free = Math.max(30, width - 6 - 10 - whenWidth - 7);
  const who = Math.min(longest(['Who', ...view.entries.map((e) => e.author.name)]), 14);
  // an unverified claim on two lines, both kept whole: "(unverified)", then the command claimed
  const commandCell = (e: HistoryEntry) => (e.command === null && e.unverified ? `(unverified)\n${e.unverified.claimed}` : what(e));
  const command = Math.min(longest(['Command', ...view.entries.flatMap((e) => commandCell(e).split('\n'))]), 16);
  const change = Math.max(10, Math.min(longest(['Change', ...view.entries.map((e) => e.subject)]), free - who - command));
  const table = new Table({
    head: ['When', 'Who', 'Command', 'Change', 'Commit'],
    colWidths: [whenWidth + 2, who + 2, command + 2, change + 2, 9],
    wordWrap: false,
    chars: COMPACT,
    style: { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [] },
  });
  for (const e of view.entries) table.push([day(e.date), e.author.name, commandCell(e), twoLines(e.subject, change), e.commit.slice(0, 7)]);
  const n = view.entries.length;
  const legend = view.entries.some((e) => e.command === null && e.unverified)
    ? '\n(unverified): made by hand; the commit claims an iops command it does not bear out (--format json says why)'
    : '';
  return `History of ${targetText(view.target)}: ${thousands(n)} commit${n === 1 ? '' : 's'}, newest first\n${table.toString()}${legend}`;
}

export function historyJson(view: HistoryView): unknown {
  const t = view.target;
  return {
    target: t.kind === 'all' ? { kind: 'all' } : t.kind === 'path' ? { kind: 'path', path: t.path } : { kind: t.kind, id: t.id },
    commits: view.entries.map((e) => ({
      commit: e.commit,
      date: e.date,
      author: { name: e.author.name, email: e.author.email },
      subject: e.subject,
      command: e.command,
      by_hand: e.command === null,
      unverified_claim: e.unverified && { command: e.unverified.claimed, because: e.unverified.because },
      entities: e.entities,
      files: e.files,
    })),
  };
}

export function historyMarkdown(view: HistoryView): string {
  const rows = view.entries.map((e) => `| ${when(e.date)} | ${mdText(e.author.name)} | ${mdText(what(e))} | ${mdText(e.subject)} | \`${e.commit.slice(0, 7)}\` |`);
  return [`### History of ${mdText(targetText(view.target))}`, '', '| When | Who | Command | Change | Commit |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
