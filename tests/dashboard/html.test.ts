// The page as text: escaping of every data string, nothing loaded from anywhere, the
// Content-Security-Policy's hashes, semantic structure, contrast, and dashboard.json.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dashboard } from '../../src/core/dashboard/view.js';
import { renderDashboardJson } from '../../src/render/dashboard/json.js';
import { CONTRAST_PAIRS, DARK, LIGHT, contrast } from '../../src/render/dashboard/palette.js';
import { type DashboardOutput, renderDashboardHtml } from '../../src/render/dashboard/page.js';
import { escapeHtml, html } from '../../src/render/dashboard/html.js';
import { renderReadinessJson } from '../../src/render/readiness.js';
import { orgFrom } from '../helpers/org.js';
import { FIXTURE_MEMBER_IDS, HOSTILE_BRANCH, HOSTILE_CHAPTER, HOSTILE_GOAL, HOSTILE_ORG, hostileOrg } from './fixture.js';

const org = orgFrom(hostileOrg());
const view: DashboardOutput = { ...dashboard(org, org.goals!, '2013-06-30'), commit: 'a'.repeat(40), dirty: true };
const page = renderDashboardHtml(view);

describe('escaping', () => {
  it('the html template escapes what it interpolates, and only that', () => {
    expect(html`<p title="${'"x" & <y>'}">${"<b>it's</b>"}</p>`.text).toBe('<p title="&quot;x&quot; &amp; &lt;y&gt;">&lt;b&gt;it&#39;s&lt;/b&gt;</p>');
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.text).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('chapter, goal, branch and organisation names from the data are text, never markup', () => {
    for (const s of [HOSTILE_CHAPTER, HOSTILE_GOAL, HOSTILE_BRANCH, HOSTILE_ORG]) {
      expect(page).toContain(escapeHtml(s));
    }
    expect(page).not.toContain('alert(1)</script>');
    expect(page).not.toContain('<img');
    expect(page.match(/<script/g)).toHaveLength(1); // the page's own
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });

  it('no member id appears on the page', () => {
    for (const id of FIXTURE_MEMBER_IDS) expect(page).not.toContain(id);
  });
});

describe('self-contained', () => {
  it('loads nothing: no URL, no src, no url(), no @import or web font', () => {
    expect(page).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|srcset|poster|action)=|url\(|@import|@font-face/i);
    expect(page.match(/\shref="([^"]*)"/g)!.every((h) => /href="(#[a-z-]+|data:,)"/.test(h))).toBe(true);
  });

  it("the Content-Security-Policy allows exactly the page's own style and script, by hash", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replace(/&#39;/g, "'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `style-src ${hash(style)}`,
      `script-src ${hash(script)}`,
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(page).not.toMatch(/<[a-z][^>]*\s(style|on[a-z]+)=/i); // inline styles and handlers would be blocked
  });

  it('the same data gives the same bytes (no clock on the page)', () => {
    expect(renderDashboardHtml(view)).toBe(page);
  });
});

describe('structure', () => {
  it('one h1, and headings that never skip a level', () => {
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i > 0 && expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1));
  });

  it('landmarks, and every table header cell has a scope', () => {
    for (const tag of ['<header', '<nav', '<main', '<footer', '<html lang="en"']) expect(page).toContain(tag);
    expect(page.match(/<th[\s>]/g)!.length).toBeGreaterThan(20);
    expect(page.match(/<th(?![^>]*scope="(col|row)")[\s>]/g)).toBeNull();
  });

  it('met and on track in words; the dirty working tree is said', () => {
    expect(page).toContain('✗ Not met');
    expect(page).toContain('Not on track');
    expect(page).toContain('with uncommitted changes');
    expect(renderDashboardHtml({ ...view, dirty: false })).not.toContain('uncommitted');
  });

  it('the privacy note appears when a month is not shown', () => {
    expect(page).toContain('Not shown: groups of fewer than 5 people');
  });
});

describe('contrast (WCAG AA)', () => {
  for (const [name, palette] of [['light', LIGHT], ['dark', DARK]] as const) {
    it(`${name}: text 4.5:1, lines and bars 3:1`, () => {
      const failing = CONTRAST_PAIRS.filter(([fg, bg, min]) => contrast(palette[fg], palette[bg]) < min).map(([fg, bg]) => `${fg} on ${bg}`);
      expect(failing).toEqual([]);
    });
  }
  it('the formula: black on white is 21:1', () => {
    expect(contrast('#000000', '#ffffff')).toBe(21);
  });
});

describe('dashboard.json', () => {
  it('exactly the readiness JSON, plus the series, chapters and branches', () => {
    const j = JSON.parse(renderDashboardJson(view));
    const readinessJson = JSON.parse(renderReadinessJson({ ...view.readiness, commit: view.commit, dirty: view.dirty }));
    for (const [key, value] of Object.entries(readinessJson)) expect(j[key]).toEqual(value);
    expect(Object.keys(j)).toEqual([...Object.keys(readinessJson), 'series', 'chapters', 'branches', 'generator']);
    expect(j.series.goals.women.points[0]).toEqual({ date: '2012-07-31', value: null });
    expect(j.series.goals.members.trend.to).toEqual({ date: '2013-08-31', value: j.goals[0].projection.at_deadline });
    expect(j.chapters[0]).toMatchObject({ name: HOSTILE_CHAPTER, has_delegate: true });
  });
});

describe('axis labels', () => {
  it('never say "-0": a new organisation\'s flat trend is -0 (0 times a falling slope)', async () => {
    const { yRange } = await import('../../src/render/dashboard/chart.js');
    const { axisLabel } = await import('../../src/render/dashboard/goals.js');
    expect(yRange([-0, 0, -0]).ticks.every((t) => !Object.is(t, -0))).toBe(true);
    expect(axisLabel('count')(-0)).toBe('0');
    expect(axisLabel('share')(-0.0001)).toBe('0%');
    expect(axisLabel('money')(-0)).toBe('0');
  });
});
