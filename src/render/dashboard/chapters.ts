// The chapters table: complete in the HTML (readable without JavaScript); the page's script
// adds sorting (each header becomes a button) and the filter box (hidden until then).
// Cells carry `data-value` where the text does not sort by itself (counts, dates, yes/no), and
// `data-label` (the column's name): on a phone each row is a card of label: value lines.
import type { ChapterRow, DashboardView } from '../../core/dashboard/view.js';
import { plural } from '../../core/metrics/asof.js';
import { count } from '../format.js';
import { type Html, dateCell, html, yesNoCell } from './html.js';

type SortKind = 'text' | 'number';

interface Column {
  head: string;
  sort: SortKind;
  cell: (r: ChapterRow) => Html;
  value?: (r: ChapterRow) => string | number;
  numeric?: boolean;
}

const yes = (b: boolean | null) => (b === null ? -1 : b ? 1 : 0);

function columns(v: DashboardView): Column[] {
  const all: (Column | false)[] = [
    { head: 'Country', sort: 'text', cell: (r) => html`${r.country}` },
    { head: 'Branch', sort: 'text', cell: (r) => (r.branch === null ? html`<span class="na">none</span>` : html`${r.branch}`), value: (r) => r.branch ?? '' },
    { head: 'Members', sort: 'number', cell: (r) => html`${count(r.members)}`, value: (r) => r.members, numeric: true },
    !!v.definitions.functioning_chapter && {
      head: 'Functioning',
      sort: 'number',
      // what is missing; a functioning chapter's own figures are in its report
      cell: (r) => html`${yesNoCell(r.functioning)}${r.functioning === false ? html`<span class="why">${r.functioning_reason}</span>` : ''}`,
      value: (r) => yes(r.functioning),
    },
    { head: 'Last meeting', sort: 'text', cell: (r) => dateCell(r.last_meeting), value: (r) => r.last_meeting ?? '' },
    { head: 'Last report', sort: 'text', cell: (r) => dateCell(r.last_report), value: (r) => r.last_report ?? '' },
    !!v.definitions.collecting_dues && { head: 'Collecting dues', sort: 'number', cell: (r) => yesNoCell(r.collecting_dues), value: (r) => yes(r.collecting_dues) },
    { head: 'Delegate', sort: 'number', cell: (r) => yesNoCell(r.has_delegate), value: (r) => yes(r.has_delegate) },
  ];
  return all.filter((c): c is Column => c !== false);
}

/** goals.yaml's definitions in words, so the yes and no in the table can be checked. */
function definitionsText(v: DashboardView): string[] {
  const out: string[] = [];
  const f = v.definitions.functioning_chapter;
  if (f) {
    const education = f.education_window_days === undefined ? '' : `, an education session in the last ${f.education_window_days} days`;
    out.push(`Functioning: at least ${plural(f.min_meetings, 'meeting')} in the last ${f.meetings_window_days} days${f.count_online ? '' : ' (online ones not counted)'}${education}, and a report in the last ${f.report_every_days} days.`);
  }
  const d = v.definitions.collecting_dues;
  if (d) out.push(`Collecting dues: a bank account, and receipts in at least ${d.min_months} of the last ${plural(d.window_months, 'calendar month')}.`);
  out.push('Delegate: a current member is named as the chapter’s delegate.');
  return out;
}

export function chaptersSection(v: DashboardView): Html {
  const cols = columns(v);
  const functioning = v.chapters.filter((c) => c.functioning).length;
  return html`<section id="chapters" aria-labelledby="chapters-h">
<h2 id="chapters-h">Chapters</h2>
<p class="lede">${plural(v.chapters.length, 'chapter')} as of ${v.readiness.as_of}${v.definitions.functioning_chapter ? `, ${count(functioning)} of them functioning` : ''}, by the definitions in goals.yaml:</p>
<ul class="defs">${definitionsText(v).map((d) => html`<li>${d}</li>`)}</ul>
<form class="filter" role="search" data-filter="chapters-table" hidden>
<label for="chapters-filter">Filter chapters</label>
<input id="chapters-filter" type="search" autocomplete="off" spellcheck="false" placeholder="name, country, branch, yes or no">
<output for="chapters-filter" class="count" aria-live="polite"></output>
</form>
<p class="scroll-hint" aria-hidden="true">Swipe the table sideways for more columns.</p>
<div class="table-wrap" role="region" aria-labelledby="chapters-caption" tabindex="0">
<table id="chapters-table" class="data chapters">
<caption id="chapters-caption">Chapters as of ${v.readiness.as_of}</caption>
<thead><tr><th scope="col" data-sort="text">Chapter</th>${cols.map((c) => html`<th scope="col" data-sort="${c.sort}"${c.numeric ? html` class="num"` : ''}>${c.head}</th>`)}</tr></thead>
<tbody>
${v.chapters.map((r) => html`<tr><th scope="row">${r.name}</th>${cols.map((c) => html`<td data-label="${c.head}"${c.numeric ? html` class="num"` : ''}${c.value ? html` data-value="${c.value(r)}"` : ''}>${c.cell(r)}</td>`)}</tr>\n`)}
</tbody>
</table>
</div>
</section>`;
}
