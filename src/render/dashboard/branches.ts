// National branches and their gatherings; and the membership over time.
import type { DashboardView } from '../../core/dashboard/view.js';
import { plural } from '../../core/metrics/asof.js';
import { count } from '../format.js';
import { lineChart } from './chart.js';
import { axisLabel } from './goals.js';
import { type Html, html, monthLabel, yesNoCell } from './html.js';

export function branchesSection(v: DashboardView): Html {
  const min = v.definitions.national_gathering?.min_chapters;
  const defined = min !== undefined;
  return html`<section id="branches" aria-labelledby="branches-h">
<h2 id="branches-h">National branches</h2>
<p class="lede">${plural(v.branches.length, 'national branch', 'national branches')}${defined ? `, ${count(v.branches.filter((b) => b.national_gathering).length)} of them with a national gathering of at least ${plural(min, 'chapter')}` : ''}. Gatherings up to ${v.readiness.as_of}, newest first.</p>
${v.branches.length === 0 ? html`<p>No national branches yet.</p>` : html`<div class="table-wrap" role="region" aria-labelledby="branches-caption" tabindex="0">
<table class="data branches">
<caption id="branches-caption">National branches as of ${v.readiness.as_of}</caption>
<thead><tr><th scope="col">Branch</th><th scope="col">Country</th><th scope="col">Chapters</th>${defined ? html`<th scope="col">National gathering</th>` : ''}<th scope="col">Gatherings</th></tr></thead>
<tbody>
${v.branches.map((b) => html`<tr><th scope="row">${b.name}</th><td>${b.country}</td><td class="num">${count(b.chapters)}</td>${defined ? html`<td>${yesNoCell(b.national_gathering)}<span class="why">${b.reason}</span></td>` : ''}<td>${
  b.gatherings.length === 0
    ? html`<span class="na">none yet</span>`
    : html`<ul class="gatherings">${b.gatherings.map((g) => html`<li><time datetime="${g.date}">${g.date}</time>, ${g.kind}: ${g.chapters.length ? g.chapters.join(', ') : 'no chapters named'}</li>`)}</ul>`
}</td></tr>\n`)}
</tbody>
</table>
</div>`}
</section>`;
}

export function membersSection(v: DashboardView): Html {
  const points = v.members;
  const first = points[0]!, last = points[points.length - 1]!;
  const description = `From ${count(first.members)} members at the end of ${monthLabel(first.date)} to ${count(last.members)} on ${last.date}.`;
  return html`<section id="members" aria-labelledby="members-h">
<h2 id="members-h">Members over time</h2>
<p class="lede">Current members at each month end${points.length > 1 ? ` since ${monthLabel(first.date)}` : ''}: ${count(last.members)} on ${last.date}.</p>
<figure class="members-chart">
${lineChart({ id: 'members-chart', label: 'Members at each month end', description, points: points.map((p) => ({ date: p.date, value: p.members })), end: last.date, axis: axisLabel('count'), width: 640, height: 220, years: true })}
</figure>
<details><summary>Monthly figures</summary>
<table class="figures"><caption class="sr-only">Members, joined and left, by month</caption>
<thead><tr><th scope="col">Month end</th><th scope="col">Members</th><th scope="col">Joined</th><th scope="col">Left</th></tr></thead>
<tbody>${points.map((p) => html`<tr><th scope="row"><time datetime="${p.date}">${p.date}</time></th><td>${count(p.members)}</td><td>${count(p.joined)}</td><td>${count(p.left)}</td></tr>`)}</tbody>
</table></details>
</section>`;
}
