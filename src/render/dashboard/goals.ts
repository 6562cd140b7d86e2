// One card per goal: TARGET and CURRENT side by side, a progress bar, met and on track in
// words, the twelve-month chart with readiness's trend, and the figures behind the chart.
import type { DashboardView, GoalCard } from '../../core/dashboard/view.js';
import type { Target } from '../../core/goals.js';
import type { Unit } from '../../core/metrics/metric.js';
import { SUPPRESSED_TEXT, privacyNote } from '../../core/privacy.js';
import { count, target, value } from '../format.js';
import { legend, lineChart } from './chart.js';
import { type Html, html, monthLabel } from './html.js';

/** Short axis labels: 40%, 5,000, 12k. */
export function axisLabel(unit: Unit): (n: number) => string {
  // `|| 0` turns -0 (and a value rounding to it) into 0: an axis never says "-0"
  if (unit === 'share') return (n) => `${Math.round(n * 1000) / 10 || 0}%`;
  return (n) => (Math.abs(n) >= 10_000 ? `${Math.round(n / 100) / 10}k` : count(n || 0));
}

/** How far the current value has come toward the target, 0 to 1. */
export function progress(current: number, t: Target): number {
  const clamp = (r: number) => Math.max(0, Math.min(1, r));
  if (t.min !== undefined) return t.min > 0 ? clamp(current / t.min) : 1;
  return current <= t.max! ? 1 : clamp(t.max! / current);
}

function trendText(g: GoalCard, deadline: string, asOf: string, fmt: (n: number) => string): string {
  if (deadline <= asOf) return 'The deadline has passed.';
  const p = g.projection;
  const at = `At this trend: ${fmt(p.at_deadline)} by the deadline`;
  if (g.met) return `Met on ${asOf}. ${at}.`;
  if (p.reaches_target_on === null) return `${at}; it never reaches the target at this trend.`;
  const after = p.reaches_target_on > deadline ? ', after the deadline' : '';
  return `${at}; reaches the target on ${p.reaches_target_on}${after}.`;
}

function progressBar(g: GoalCard, fmtTarget: string): Html {
  const ratio = progress(g.current, g.target);
  const pct = Math.round(ratio * 100);
  return html`<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" aria-valuetext="${pct}% of the target ${fmtTarget}">
<svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="p-track" width="100" height="6"/><rect class="${g.met ? 'p-met' : 'p-fill'}" width="${pct}" height="6"/></svg>
<span class="p-text">${pct}% of the target</span></div>`;
}

function figures(g: GoalCard, fmt: (n: number) => string): Html {
  const hidden = g.series.points.some((p) => p.value === null);
  return html`<details><summary>Monthly figures</summary>
<table class="figures"><caption class="sr-only">${g.title}: value at each month end</caption>
<thead><tr><th scope="col">Month end</th><th scope="col">Value</th></tr></thead>
<tbody>${g.series.points.map((p) => html`<tr><th scope="row"><time datetime="${p.date}">${p.date}</time></th><td>${p.value === null ? SUPPRESSED_TEXT : fmt(p.value)}</td></tr>`)}</tbody>
</table>${hidden ? html`<p class="note">Some month ends are not shown: they would reveal a group of fewer people than the privacy threshold.</p>` : ''}</details>`;
}

export function goalCard(v: DashboardView, g: GoalCard): Html {
  const { deadline, as_of: asOf } = v.readiness;
  const fmt = (n: number) => value(n, g.unit, v.currency);
  const goalTarget = target(g.target, g.unit, v.currency);
  const onTrack = g.met || g.projection.on_track;
  const first = g.series.points.find((p) => p.value !== null);
  const trend = g.series.trend;
  const description = [
    first && first.value !== null ? `From ${fmt(first.value)} at the end of ${monthLabel(first.date)} to ${fmt(g.current)} on ${asOf}.` : '',
    trend ? `The trend line reaches ${fmt(trend.to.value)} on ${trend.to.date}.` : '',
    `Target ${goalTarget}.`,
  ].join(' ');
  const id = `goal-${g.id}`;
  return html`<article class="goal ${g.met ? 'is-met' : 'is-not-met'}" data-goal="${g.id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${g.title}</h3>
<p class="badges"><span class="badge ${g.met ? 'yes' : 'no'}">${g.met ? '✓ Met' : '✗ Not met'}</span> <span class="badge ${onTrack ? 'yes' : 'warn'}">${onTrack ? 'On track' : 'Not on track'}</span></p>
<dl class="tc">
<div><dt>Target</dt><dd class="target">${goalTarget}</dd></div>
<div><dt>Current</dt><dd class="current">${fmt(g.current)}</dd></div>
</dl>
${progressBar(g, goalTarget)}
<figure>
${lineChart({ id: `${id}-chart`, label: `${g.title}: the last 12 months and the trend to the deadline`, description, points: g.series.points, trend, target: g.target, deadline, end: g.series.chart_end, axis: axisLabel(g.unit) })}
<figcaption>${legend({ trend: !!trend, target: true, deadline: deadline <= g.series.chart_end && deadline > asOf })}</figcaption>
</figure>
<p class="trend">${trendText(g, deadline, asOf, fmt)}</p>
${g.note ? html`<p class="note">${g.note}</p>` : ''}
${figures(g, fmt)}
</article>`;
}

export function goalsSection(v: DashboardView): Html {
  const hidden = v.goals.some((g) => g.series.points.some((p) => p.value === null));
  return html`<section id="goals" aria-labelledby="goals-h">
<h2 id="goals-h">Goals</h2>
<p class="lede">Each goal's value at the last 12 month ends, and the straight-line trend of the last six that <code>iops readiness</code> projects to the deadline.</p>
<div class="cards">${v.goals.map((g) => goalCard(v, g))}</div>
${hidden ? html`<p class="note">${privacyNote(v.min_group)}</p>` : ''}
</section>`;
}
