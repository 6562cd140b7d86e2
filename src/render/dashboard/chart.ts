// A small line chart as inline SVG, drawn by iops (no chart library): the monthly values as a
// solid line with dots, the trend as a dashed line to the chart's end, the target as a dotted
// line, the deadline as a thin vertical line. Colours come from the page's CSS classes; every
// line also differs in its dash pattern and is named in the legend, so none depends on colour.
import { toDay } from '../../core/dates.js';
import type { Target } from '../../core/goals.js';
import type { SeriesPoint, TrendLine } from '../../core/dashboard/view.js';
import { type Html, html, monthLabel } from './html.js';

export interface ChartInput {
  /** Unique on the page: ids for the accessible name and description. */
  id: string;
  label: string;
  description: string;
  points: readonly SeriesPoint[];
  trend?: TrendLine | null;
  target?: Target;
  deadline?: string;
  /** The last day on the x axis. */
  end: string;
  axis: (n: number) => string;
  width?: number;
  height?: number;
  /** Label each new year on the x axis (for long series). */
  years?: boolean;
}

const PAD = { left: 42, right: 10, top: 16, bottom: 22 };

/** A step of 1, 2, 2.5 or 5 × 10^k that cuts the range into about `parts` pieces. */
export function niceStep(range: number, parts = 3): number {
  const raw = range / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)! * power;
  return step;
}

export function yRange(values: readonly number[]): { lo: number; hi: number; ticks: number[] } {
  let lo = Math.min(0, ...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) hi = lo + 1;
  hi += (hi - lo) * 0.04; // a line at the very top would merge with the frame
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // `|| 0`: a flat trend of a new organisation is -0 (0 times a falling slope), labelled "-0"
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.round(t * 1e9) / 1e9 || 0);
  return { lo, hi, ticks };
}

const f1 = (n: number) => String(Math.round(n * 10) / 10);

export function lineChart(c: ChartInput): Html {
  const W = c.width ?? 320, H = c.height ?? 150;
  const shown = c.points.filter((p): p is { date: string; value: number } => p.value !== null);
  const values = [...shown.map((p) => p.value), ...(c.trend ? [c.trend.from.value, c.trend.to.value] : []), ...(c.target ? [c.target.min, c.target.max] : [])];
  const { lo, hi, ticks } = yRange(values.filter((v): v is number => v !== undefined));
  const start = toDay(c.points[0]!.date), span = Math.max(1, toDay(c.end) - start);
  const x = (date: string) => f1(PAD.left + ((toDay(date) - start) / span) * (W - PAD.left - PAD.right));
  const y = (v: number) => f1(PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom));
  const bottom = H - PAD.bottom;

  // the history as segments, broken where a value is not shown
  const segments: string[] = [];
  let current = '';
  for (const p of c.points) {
    if (p.value !== null) current += `${current ? ' L' : 'M'}${x(p.date)} ${y(p.value)}`;
    else if (current) {
      segments.push(current);
      current = '';
    }
  }
  if (current) segments.push(current);
  const last = shown[shown.length - 1];
  const asOf = c.points[c.points.length - 1]!.date;
  const deadlineShown = c.deadline !== undefined && c.deadline <= c.end && toDay(c.deadline) > start;
  const endLabelFits = toDay(c.end) - toDay(asOf) > span * 0.3;

  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${c.id}-t ${c.id}-d" focusable="false">
<title id="${c.id}-t">${c.label}</title><desc id="${c.id}-d">${c.description}</desc>
${ticks.map((t) => html`<line class="c-grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}"/><text class="c-label" x="${PAD.left - 5}" y="${y(t)}" dy="3.5" text-anchor="end">${c.axis(t)}</text>`)}
<line class="c-axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}"/>
${deadlineShown ? html`<line class="c-deadline" x1="${x(c.deadline!)}" x2="${x(c.deadline!)}" y1="${PAD.top - 6}" y2="${bottom}"/><text class="c-label" x="${x(c.deadline!)}" y="${PAD.top - 8}" text-anchor="end">deadline</text>` : ''}
${[c.target?.min, c.target?.max].map((t) => (t === undefined ? '' : html`<line class="c-target" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}"/>`))}
${c.trend ? html`<line class="c-trend" x1="${x(c.trend.from.date)}" y1="${y(c.trend.from.value)}" x2="${x(c.trend.to.date)}" y2="${y(c.trend.to.value)}"/>` : ''}
${segments.map((d) => html`<path class="c-line" d="${d}"/>`)}
${shown.map((p) => html`<circle class="c-dot" cx="${x(p.date)}" cy="${y(p.value)}" r="${p === last ? 4 : 2.2}"/>`)}
${c.years ? yearTicks(c.points[0]!.date, asOf, (d) => Number(x(d)), bottom, H) : ''}
<text class="c-label" x="${PAD.left}" y="${H - 6}">${monthLabel(c.points[0]!.date)}</text>
<text class="c-label c-strong" x="${x(asOf)}" y="${H - 6}" text-anchor="${endLabelFits ? 'middle' : 'end'}">${monthLabel(asOf)}</text>
${endLabelFits ? html`<text class="c-label" x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${monthLabel(c.end)}</text>` : ''}
</svg>`;
}

/** January 1 of each year inside the range, away from the first and last labels. */
function yearTicks(first: string, last: string, x: (date: string) => number, bottom: number, H: number): Html[] {
  const out: Html[] = [];
  for (let year = Number(first.slice(0, 4)) + 1; `${year}-01-01` <= last; year++) {
    const at = x(`${year}-01-01`);
    if (at - x(first) < 60 || x(last) - at < 60) continue;
    out.push(html`<line class="c-axis" x1="${at}" x2="${at}" y1="${bottom}" y2="${bottom + 4}"/><text class="c-label" x="${at}" y="${H - 6}" text-anchor="middle">${year}</text>`);
  }
  return out;
}

/** The legend under a chart: each line's pattern drawn and named. */
export function legend(items: { trend: boolean; target: boolean; deadline: boolean }): Html {
  const swatch = (cls: string) => html`<svg class="swatch" viewBox="0 0 24 8" aria-hidden="true" focusable="false"><line class="${cls}" x1="1" x2="23" y1="4" y2="4"/></svg>`;
  return html`<ul class="legend">
<li>${swatch('c-line')}monthly value</li>
${items.trend ? html`<li>${swatch('c-trend')}trend (last 6 months)</li>` : ''}
${items.target ? html`<li>${swatch('c-target')}target</li>` : ''}
${items.deadline ? html`<li>${swatch('c-deadline')}deadline</li>` : ''}
</ul>`;
}
