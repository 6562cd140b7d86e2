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

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function historyTable(raw: HistoryView, terminal: boolean): string {
  const view = printable(raw);
  if (!view.entries.length) return `No commits yet for ${targetText(view.target)}.`;
  const table = new Table({
    head: ['When', 'Who', 'Command', 'Change', 'Commit'],
    chars: COMPACT,
    style: { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [] },
  });
  for (const e of view.entries) table.push([when(e.date), e.author.name, what(e), e.subject, e.commit.slice(0, 7)]);
  const n = view.entries.length;
  return `History of ${targetText(view.target)}: ${thousands(n)} commit${n === 1 ? '' : 's'}, newest first\n${table.toString()}`;
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
