// A unified diff (as `git diff` prints it) of one file's text before and after a change, for
// `--dry-run`. Common leading and trailing lines are set aside first, so the line-by-line
// comparison only runs over the part that changed (iops edits are small).

export function unifiedDiff(path: string, before: string | undefined, after: string | undefined, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  const ops: { kind: ' ' | '-' | '+'; text: string }[] = [
    ...a.slice(0, start).map((text) => ({ kind: ' ' as const, text })),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((text) => ({ kind: ' ' as const, text })),
  ];
  const header = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`];
  return [...header, ...hunks(ops, context)].join('\n') + '\n';
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/** Longest common subsequence over the changed middle. */
function middle(a: string[], b: string[]): { kind: ' ' | '-' | '+'; text: string }[] {
  if (a.length * b.length > 4_000_000) return [...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text }))];
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: { kind: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) [out[out.length], i, j] = [{ kind: ' ', text: a[i]! }, i + 1, j + 1];
    else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) [out[out.length], j] = [{ kind: '+', text: b[j]! }, j + 1];
    else [out[out.length], i] = [{ kind: '-', text: a[i]! }, i + 1];
  }
  return out;
}

function hunks(ops: { kind: ' ' | '-' | '+'; text: string }[], context: number): string[] {
  const changed = ops.map((o, k) => (o.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - context);
    let to = Math.min(ops.length, changed[k]! + context + 1);
    while (k + 1 < changed.length && changed[k + 1]! - context <= to) to = Math.min(ops.length, changed[++k]! + context + 1);
    k++;
    const slice = ops.slice(from, to);
    const before = ops.slice(0, from);
    const lineA = before.filter((o) => o.kind !== '+').length;
    const lineB = before.filter((o) => o.kind !== '-').length;
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${countA ? lineA + 1 : lineA},${countA} +${countB ? lineB + 1 : lineB},${countB} @@`);
    out.push(...slice.map((o) => `${o.kind}${o.text}`));
  }
  return out;
}
