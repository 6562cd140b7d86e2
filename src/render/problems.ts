// Problems as text: `FILE:LINE:COL: path: message`, one a line, sorted; on a terminal, the
// offending line and a caret under the problem (only that line, never its neighbours, so
// an error never shows other members' records).
import type { ChalkInstance } from 'chalk';
import { type Problem, formatProblem } from '../core/problem.js';

export interface ProblemView {
  problems: Problem[];
  /** The text of a line of a file, for the excerpt; omitted for plain output. */
  sourceLine?: (file: string, line: number) => string | undefined;
}

export function renderProblems({ problems, sourceLine }: ProblemView, chalk: ChalkInstance): string {
  const out: string[] = [];
  for (const p of problems) {
    out.push(chalk.bold(`${p.file}:${p.line}:${p.column}:`) + ' ' + formatProblem(p).slice(`${p.file}:${p.line}:${p.column}: `.length));
    const text = sourceLine?.(p.file, p.line);
    if (text !== undefined && text.trim()) {
      const gutter = `${p.line} | `;
      const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
      out.push(chalk.dim(gutter) + shown, ' '.repeat(gutter.length + Math.max(0, Math.min(p.column - 1, shown.length))) + chalk.red('^'));
    }
  }
  return out.join('\n');
}

export function problemSummary(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}
