// Problems as text: `FILE:LINE:COL: path: message`, one a line, sorted; on a terminal, the
// offending line and a caret under the problem (only that line, never its neighbours, so
// an error never shows other members' records).
import type { ChalkInstance } from 'chalk';
import { type Problem, formatProblem } from '../core/problem.js';
import { INVISIBLE, visible } from '../core/text/invisible.js';

export interface ProblemView {
  problems: Problem[];
  /** The text of a line of a file, for the excerpt; omitted for plain output. */
  sourceLine?: (file: string, line: number) => string | undefined;
}

/** Widest excerpt shown: a long line (a flow-style list) is cut around the problem. */
const EXCERPT = 100;

export function renderProblems({ problems, sourceLine }: ProblemView, chalk: ChalkInstance): string {
  const out: string[] = [];
  for (const p of problems) {
    // paths and messages can carry a file name's control characters: shown, never sent to the terminal
    const where = visible(`${p.file}:${p.line}:${p.column}:`);
    out.push(chalk.bold(where) + ' ' + visible(formatProblem(p).slice(`${p.file}:${p.line}:${p.column}: `.length)));
    const text = sourceLine?.(p.file, p.line);
    if (text !== undefined && text.trim()) {
      const gutter = `${p.line} | `;
      const { shown, caret } = excerpt(text, p.column - 1);
      out.push(chalk.dim(gutter) + shown, ' '.repeat(gutter.length + caret) + chalk.red('^'));
    }
  }
  return out.join('\n');
}

/** The part of the line around `at`, with the caret's position in it; control and invisible characters shown as `?` (one column each, so the caret stays under its character). */
function excerpt(text: string, at: number): { shown: string; caret: number } {
  const line = text.replace(/\t/g, ' ').replace(INVISIBLE, '?');
  const column = Math.max(0, Math.min(at, line.length));
  if (line.length <= EXCERPT) return { shown: line, caret: column };
  const start = Math.max(0, Math.min(column - EXCERPT / 2, line.length - EXCERPT));
  const head = start > 0 ? '...' : '';
  const tail = start + EXCERPT < line.length ? '...' : '';
  return { shown: head + line.slice(start, start + EXCERPT) + tail, caret: head.length + column - start };
}

/** Warnings (they do not make the data invalid): `FILE:LINE:COL: warning: path: message`, one a line. */
export function renderWarnings(warnings: Problem[], chalk: ChalkInstance): string {
  return warnings.map((w) => `${chalk.bold(visible(`${w.file}:${w.line}:${w.column}:`))} ${chalk.yellow('warning:')} ${visible(formatProblem(w).slice(`${w.file}:${w.line}:${w.column}: `.length))}`).join('\n');
}

export function problemSummary(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}
