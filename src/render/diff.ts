// `iops diff` as a terminal table, a pull-request comment (Markdown) or JSON.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { DiffView, GoalDiff } from '../core/diff.js';
import type { GoalView } from '../core/readiness.js';
import { visible } from '../core/text/invisible.js';
import { mdCode, mdText, printable } from './escape.js';
import { target, value, yesNo } from './format.js';

export interface DiffRenderOptions {
  chalk: ChalkInstance;
  terminal: boolean;
  currency: string;
}

const arrow = <T>(b: T | undefined, a: T | undefined, show: (v: T) => string): string => {
  if (b === undefined) return a === undefined ? '' : show(a);
  if (a === undefined) return show(b);
  const [x, y] = [show(b), show(a)];
  return x === y ? x : `${x} → ${y}`;
};

function row(d: GoalDiff, currency: string): [string, string, string, string] {
  const t = (g: GoalView) => target(g.target, g.unit, currency);
  const c = (g: GoalView) => value(g.current, g.unit, currency);
  const b = d.before ?? undefined;
  const a = d.after ?? undefined;
  const title = d.status === 'added' ? `${d.title} (added)` : d.status === 'removed' ? `${d.title} (removed)` : d.title;
  return [
    title,
    arrow(b, a, t),
    arrow(b?.current === undefined ? undefined : b, a?.current === undefined ? undefined : a, c),
    arrow(b && b.met, a && a.met, yesNo),
  ];
}

const show = (v: unknown) => (v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

function summary(v: DiffView): string[] {
  const data = Object.entries(v.data)
    .filter(([, c]) => c.before !== c.after)
    .map(([k, c]) => `${k} ${c.after > c.before ? '+' : ''}${c.after - c.before}`);
  return [
    `Readiness: ${v.ready.before ? 'ready' : 'not ready'} → ${v.ready.after ? 'ready' : 'not ready'}`,
    `Data: ${data.length ? data.join(', ') : 'unchanged'}`,
  ];
}

export function renderDiffTable(view: DiffView, o: DiffRenderOptions): string {
  const v = printable(view);
  const lines = [o.chalk.bold(`${v.base} → ${v.head}, both as of ${v.as_of}`), ''];
  if (v.definition_changes.length) {
    // shown from the raw values: escaping before JSON.stringify would double the backslashes
    lines.push('Goal definitions changed:', ...view.definition_changes.map((c) => `  ${visible(c.path)}: ${visible(show(c.before))} → ${visible(show(c.after))}`), '');
  } else lines.push('Goal definitions unchanged.', '');
  const table = new Table({
    head: ['GOAL', 'TARGET', 'CURRENT', 'MET'],
    style: { head: o.terminal ? ['bold'] : [], border: o.terminal ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [36, 22, 20, 14],
  });
  for (const d of v.goals) {
    const r = row(d, o.currency);
    if (d.flipped) r[3] = o.chalk.bold.yellow(`${r[3]} (flipped)`);
    table.push(r);
  }
  lines.push(table.toString(), '', ...summary(v));
  return lines.join('\n');
}

export function renderDiffMarkdown(v: DiffView, o: DiffRenderOptions): string {
  const lines = [`### iops diff: ${mdCode(v.base)} → ${mdCode(v.head)} (as of ${v.as_of})`, ''];
  if (v.definition_changes.length) {
    lines.push('**Goal definitions changed:**', '', ...v.definition_changes.map((c) => `- ${mdCode(c.path)}: ${mdText(show(c.before))} → ${mdText(show(c.after))}`), '');
  } else lines.push('Goal definitions unchanged.', '');
  lines.push('| Goal | Target | Current | Met |', '| --- | ---: | ---: | :---: |');
  for (const d of v.goals) {
    const r = row(d, o.currency).map(mdText);
    if (d.flipped) r[3] = `**${r[3]}** ⚠️`;
    lines.push(`| ${r.join(' | ')} |`);
  }
  lines.push('', ...summary(v).map((s) => `${s}  `));
  return lines.join('\n');
}

export const renderDiffJson = (v: DiffView): string => JSON.stringify(v, null, 2);
