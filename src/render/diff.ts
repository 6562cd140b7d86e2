// `iops diff` as a terminal table, a pull-request comment (Markdown) or JSON.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { BeforeAfter, DiffView, GoalDiff } from '../core/diff.js';
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

/** "deadline 2013-08-31" or "deadline 2013-08-31 → 2014-08-31". */
const deadlines = (v: DiffView): string => `deadline ${arrow(v.deadline.before, v.deadline.after, String)}`;

const onTrackCell = (g: GoalView): string => yesNo(g.projection.on_track);
const reachesCell = (g: GoalView): string => g.projection.reaches_target_on ?? 'never';

/** Per goal, at the deadline, on track and the day the trend reaches the target, before → after. */
function projectionRow(d: GoalDiff, currency: string): [string, string, string, string] {
  const b = d.before ?? undefined;
  const a = d.after ?? undefined;
  return [row(d, currency)[0], arrow(b, a, (g) => value(g.projection.at_deadline, g.unit, currency)), arrow(b, a, onTrackCell), arrow(b, a, reachesCell)];
}

const counted = (n: BeforeAfter<number>, total: BeforeAfter<number>) => arrow(`${n.before} of ${total.before}`, `${n.after} of ${total.after}`, String);

/** Goals met and on track, before → after: readiness in numbers. */
function tallies(v: DiffView): string {
  const total = { before: v.goals.filter((g) => g.before).length, after: v.goals.filter((g) => g.after).length };
  return `Goals met: ${counted(v.goals_met, total)} · on track: ${counted(v.goals_on_track, total)}`;
}

function summary(v: DiffView): string[] {
  const data = Object.entries(v.data)
    .filter(([, c]) => c.before !== c.after)
    .map(([k, c]) => `${k} ${c.after > c.before ? '+' : ''}${c.after - c.before}`);
  return [
    `Readiness: ${v.ready.before ? 'ready' : 'not ready'} → ${v.ready.after ? 'ready' : 'not ready'}`,
    tallies(v),
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
  if (v.adoption) lines.push(v.adoption.covered ? v.adoption.note : o.chalk.bold.yellow(`⚠ ${v.adoption.note}`), '');
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
  lines.push(table.toString(), '', `On track by the ${deadlines(v)}:`, projectionTable(v, o), '', ...summary(v));
  return lines.join('\n');
}

function projectionTable(v: DiffView, o: DiffRenderOptions): string {
  const table = new Table({
    head: ['GOAL', 'AT DEADLINE', 'ON TRACK', 'REACHES TARGET'],
    style: { head: o.terminal ? ['bold'] : [], border: o.terminal ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [36, 22, 14, 26],
  });
  for (const d of v.goals) {
    const r = projectionRow(d, o.currency);
    if (d.on_track_flipped) r[2] = o.chalk.bold.yellow(`${r[2]} (flipped)`);
    table.push(r);
  }
  return table.toString();
}

export function renderDiffMarkdown(v: DiffView, o: DiffRenderOptions): string {
  const lines = [`### iops diff: ${mdCode(v.base)} → ${mdCode(v.head)} (as of ${v.as_of})`, ''];
  if (v.definition_changes.length) {
    lines.push('**Goal definitions changed:**', '', ...v.definition_changes.map((c) => `- ${mdCode(c.path)}: ${mdText(show(c.before))} → ${mdText(show(c.after))}`), '');
  } else lines.push('Goal definitions unchanged.', '');
  if (v.adoption) lines.push(v.adoption.covered ? mdText(v.adoption.note) : `⚠️ **${mdText(v.adoption.note)}**`, '');
  lines.push('| Goal | Target | Current | Met |', '| --- | ---: | ---: | :---: |');
  for (const d of v.goals) {
    const r = row(d, o.currency).map(mdText);
    if (d.flipped) r[3] = `**${r[3]}** ⚠️`;
    lines.push(`| ${r.join(' | ')} |`);
  }
  lines.push('', `**On track by the ${deadlines(v)}:**`, '', '| Goal | At deadline | On track | Reaches target |', '| --- | ---: | :---: | ---: |');
  for (const d of v.goals) {
    const r = projectionRow(d, o.currency).map(mdText);
    if (d.on_track_flipped) r[2] = `**${r[2]}** ⚠️`;
    lines.push(`| ${r.join(' | ')} |`);
  }
  lines.push('', ...summary(v).map((s) => `${s}  `));
  return lines.join('\n');
}

export const renderDiffJson = (v: DiffView): string => JSON.stringify(v, null, 2);
