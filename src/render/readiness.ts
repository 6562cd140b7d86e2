// The readiness view as a terminal table, Markdown (pull-request comments, the website) or JSON.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { GoalView, ReadinessView } from '../core/readiness.js';
import { mdText, printable } from './escape.js';
import { bar, count, target, value, yesNo } from './format.js';

export interface ReadinessOutput extends ReadinessView {
  commit: string | null;
  dirty: boolean;
}

export interface RenderOptions {
  chalk: ChalkInstance;
  /** A terminal: colour and progress bars. */
  terminal: boolean;
  currency: string;
}

/** "yes", or "no: reaches it 2014-02-01" / "no: never at this trend". */
const onTrack = (g: GoalView): string => {
  if (g.met) return 'yes';
  const when = g.projection.reaches_target_on ? `reaches it ${g.projection.reaches_target_on}` : 'never at this trend';
  return `${yesNo(g.projection.on_track)}, ${when}`;
};

function verdict(v: ReadinessOutput): string {
  const met = v.goals.filter((g) => g.met).length;
  const goals = `goal${v.goals.length === 1 ? '' : 's'}`;
  return v.ready ? `READY: all ${v.goals.length} ${goals} met` : `NOT READY: ${met} of ${v.goals.length} ${goals} met`;
}

/** With --goal the verdict and the exit code are about the selected goals, and say so (goal ids are plain ids). */
function scopeNote(v: ReadinessOutput): string[] {
  if (v.scope === 'all goals') return [];
  const others = v.goals_total - v.goals_selected.length;
  return [
    `Verdict on the selected goal${v.goals_selected.length === 1 ? '' : 's'} only (${v.goals_selected.join(', ')}); the other ${count(others)} of ${count(v.goals_total)} goals are left out.`,
  ];
}

/** The title (organisation and convention, from the files) and the line under it. */
function header(v: ReadinessOutput, text: (s: string) => string): string[] {
  const when = v.days_left >= 0 ? `${count(v.days_left)} days left` : `${count(-v.days_left)} days past`;
  const commit = v.commit ? `data at ${v.commit.slice(0, 10)}${v.dirty ? ' + uncommitted changes' : ''}` : 'data not committed';
  return [`${text(v.organization)}: ${text(v.convention)}`, `As of ${v.as_of} · deadline ${v.deadline} (${when}) · ${commit}`];
}

export function renderReadinessTable(view: ReadinessOutput, o: RenderOptions): string {
  const v = printable(view);
  const { chalk } = o;
  const table = new Table({
    head: ['GOAL', 'TARGET', 'CURRENT', 'MET', 'AT DEADLINE', 'ON TRACK'],
    style: { head: o.terminal ? ['bold'] : [], border: o.terminal ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [30, 10, o.terminal ? 18 : 11, 5, 13, 17],
  });
  for (const g of v.goals) {
    const current = value(g.current, g.unit, o.currency) + (o.terminal ? ` ${bar(g.current, g.target, 6)}` : '');
    const track = onTrack(g);
    table.push([
      g.title,
      target(g.target, g.unit, o.currency),
      current,
      g.met ? chalk.green('yes') : chalk.red('no'),
      value(g.projection.at_deadline, g.unit, o.currency),
      g.projection.on_track ? chalk.green(track) : chalk.yellow(track),
    ]);
  }
  const lines = [...header(v, String).map((l, i) => (i === 0 ? chalk.bold(l) : l)), '', table.toString(), '', v.ready ? chalk.green.bold(verdict(v)) : chalk.red.bold(verdict(v))];
  lines.push(...scopeNote(v));
  if (v.goals.length === 1) lines.push('', ...reasons(v.goals[0]!, o, String));
  return lines.join('\n');
}

function reasons(g: GoalView, o: RenderOptions, text: (s: string) => string): string[] {
  const out: string[] = [];
  if (g.note) out.push(text(g.note));
  if (!g.reasons) return out;
  const counted = g.reasons.filter((r) => r.counts);
  const not = g.reasons.filter((r) => !r.counts);
  out.push(`Counted (${counted.length}):`, ...counted.map((r) => `  ${o.chalk.green('✓')} ${text(r.id)}: ${text(r.reason)}`));
  out.push(`Not counted (${not.length}):`, ...not.map((r) => `  ${o.chalk.red('✗')} ${text(r.id)}: ${text(r.reason)}`));
  return out;
}

export function renderReadinessMarkdown(v: ReadinessOutput, o: RenderOptions): string {
  const [title, sub] = header(v, mdText);
  const lines = [`## ${title!}`, '', sub!, '', '| Goal | Target | Current | Met | At deadline | On track |', '| --- | ---: | ---: | :---: | ---: | --- |'];
  for (const g of v.goals) {
    lines.push(`| ${mdText(g.title)} | ${target(g.target, g.unit, o.currency)} | ${value(g.current, g.unit, o.currency)} | ${g.met ? '✅ yes' : '❌ no'} | ${value(g.projection.at_deadline, g.unit, o.currency)} | ${onTrack(g)} |`);
  }
  lines.push('', `**${verdict(v)}**`);
  lines.push(...scopeNote(v).flatMap((l) => ['', l]));
  if (v.goals.length === 1) lines.push('', ...reasons(v.goals[0]!, o, mdText).map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l)));
  return lines.join('\n');
}

export function renderReadinessJson(v: ReadinessOutput): string {
  const { as_of, deadline, ready, scope, goals_selected, goals_total, goals, commit, dirty, organization, convention, days_left } = v;
  return JSON.stringify({ as_of, deadline, ready, scope, goals_selected, goals_total, goals, commit, dirty, organization, convention, days_left }, null, 2);
}
