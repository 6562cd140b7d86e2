// The dashboard page: one self-contained HTML file (styles, script and charts inline), so it
// works from file:// and from any static host. Its Content-Security-Policy allows only its
// own style and script (by hash) and data: images: the page can load nothing from anywhere.
import { createHash } from 'node:crypto';
import type { DashboardView } from '../../core/dashboard/view.js';
import { GENERATOR } from '../../core/dashboard/output.js';
import { count } from '../format.js';
import { branchesSection, membersSection } from './branches.js';
import { chaptersSection } from './chapters.js';
import { goalsSection } from './goals.js';
import { type Html, html, trusted } from './html.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

export interface DashboardOutput extends DashboardView {
  /** The commit the data was read at (null when not committed). */
  commit: string | null;
  dirty: boolean;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLES)}`,
  `script-src ${sha256(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function daysText(days: number, deadline: string): Html {
  if (days > 0) return html`<strong>${count(days)}</strong> ${days === 1 ? 'day' : 'days'} to the deadline, <time datetime="${deadline}">${deadline}</time>.`;
  if (days === 0) return html`The deadline is today, <time datetime="${deadline}">${deadline}</time>.`;
  return html`The deadline, <time datetime="${deadline}">${deadline}</time>, passed ${count(-days)} ${days === -1 ? 'day' : 'days'} ago.`;
}

function verdict(v: DashboardOutput): Html {
  const r = v.readiness;
  const met = r.goals.filter((g) => g.met).length;
  const onTrack = r.goals.filter((g) => g.met || g.projection.on_track).length;
  const headline = r.ready ? `Ready: all ${r.goals.length} goals met` : `Not ready: ${met} of ${r.goals.length} goals met`;
  return html`<section class="verdict ${r.ready ? 'ready' : 'not-ready'}" aria-labelledby="verdict-h">
<h2 id="verdict-h">${headline}</h2>
<p>${daysText(r.days_left, r.deadline)} ${r.ready ? '' : `${onTrack} of ${r.goals.length} on track at the trend of the last six months.`}</p>
</section>`;
}

function header(v: DashboardOutput): Html {
  const r = v.readiness;
  const data = v.commit
    ? html`commit <code title="${v.commit}">${v.commit.slice(0, 10)}</code>${v.dirty ? html` <strong class="dirty">with uncommitted changes</strong>` : ''}`
    : html`<strong class="dirty">not committed to git</strong>`;
  return html`<header class="top"><div class="wrap">
<p class="eyebrow">Convention readiness</p>
<h1>${r.organization}</h1>
<p class="sub">${r.convention}</p>
<dl class="meta">
<div><dt>As of</dt><dd><time datetime="${r.as_of}">${r.as_of}</time></dd></div>
<div><dt>Deadline</dt><dd><time datetime="${r.deadline}">${r.deadline}</time></dd></div>
<div><dt>Data</dt><dd class="commit">${data}</dd></div>
</dl>
</div></header>`;
}

function footer(v: DashboardOutput): Html {
  const r = v.readiness;
  const at = v.commit && !v.dirty ? ` --at ${v.commit.slice(0, 10)}` : '';
  return html`<footer><div class="wrap">
<p>Made with iops from the organisation's data repository. The same figures, with every chapter and branch and why it counts or not: <code>iops readiness --as-of ${r.as_of}${at}</code>.</p>
<p>The trend is a straight line through the goal's value at the last six month ends, read at the deadline: "if the last six months continue", not a forecast. Members are pseudonymous, and no member is named on this page; breakdowns of fewer than ${v.min_group} people are not shown.</p>
</div></footer>`;
}

export function renderDashboardHtml(v: DashboardOutput): string {
  const r = v.readiness;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${GENERATOR}">
<meta name="color-scheme" content="light dark">
<title>${r.organization}: convention readiness as of ${r.as_of}</title>
<link rel="icon" href="data:,">
<style>${trusted(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the figures</a>
${header(v)}
<div class="wrap">
<nav class="sections" aria-label="Sections"><a href="#goals">Goals</a><a href="#members">Members</a><a href="#chapters">Chapters</a><a href="#branches">National branches</a></nav>
<main id="main">
${verdict(v)}
${goalsSection(v)}
${membersSection(v)}
${chaptersSection(v)}
${branchesSection(v)}
</main>
</div>
${footer(v)}
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.text;
}
