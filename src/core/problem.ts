// A problem found in the data: where it is and what to do about it.
// Checks produce problems with a data path; the loader turns the path into line and column.

export type DataPath = ReadonlyArray<string | number>;

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Where in the file's data, such as `members[3].joined` ('' for the file as a whole). */
  path: string;
  message: string;
}

/** A problem before it has a position: the file and the path to the value or key. */
export interface UnlocatedProblem {
  file: string;
  at: DataPath;
  /** Point at the key itself rather than its value (unknown keys). */
  key?: boolean;
  message: string;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** `[3, 'joined']` in a members file → `members[3].joined`. */
export function formatPath(root: string, at: DataPath): string {
  let out = root;
  for (const part of at) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** "did you mean" for a near miss such as `delgate` → `delegate`. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Edits between two words, a swap of neighbouring letters (`titel`) counting as one. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j]!, before[j - 2]! + 1);
    }
    [before, prev] = [prev, cur];
  }
  return prev[b.length]!;
}
