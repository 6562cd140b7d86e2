// Where the page may be written, as a pure rule; and pages for organisations of other shapes.
import { describe, expect, it } from 'vitest';
import { refuseOutput, writtenByIops } from '../../src/core/dashboard/output.js';
import { dashboard } from '../../src/core/dashboard/view.js';
import { renderDashboardHtml } from '../../src/render/dashboard/page.js';
import { SETTINGS, goalsYaml, orgFrom } from '../helpers/org.js';

describe('refuseOutput', () => {
  it('refuses the data root, its data folders and dot-folders, and any .git; allows the rest', () => {
    expect(refuseOutput('', '.')).toMatch(/^--out \. is the data repository itself/);
    expect(refuseOutput('chapters', 'x')).toContain("inside the data's chapters/ folder");
    expect(refuseOutput('branches/site', 'x')).toContain("inside the data's branches/ folder");
    expect(refuseOutput('.iops/site', 'x')).toContain('inside .iops/');
    expect(refuseOutput('site/.hidden', 'x')).toContain('inside .hidden/');
    expect(refuseOutput(null, 'x', '/repo/.git/pages')).toContain('inside a .git folder');
    expect(refuseOutput('site', 'site', '/repo/org/site')).toBeUndefined();
    expect(refuseOutput('docs/chapters', 'x')).toBeUndefined();
    expect(refuseOutput(null, '/tmp/dash', '/tmp/dash')).toBeUndefined();
  });

  it('replaces only files iops wrote', () => {
    expect(writtenByIops('index.html', '<head><meta name="generator" content="iops"></head>')).toBe(true);
    expect(writtenByIops('index.html', '<h1>home</h1>')).toBe(false);
    expect(writtenByIops('dashboard.json', '{"generator": "iops"}')).toBe(true);
    expect(writtenByIops('dashboard.json', '{"generator": "other"}')).toBe(false);
    expect(writtenByIops('dashboard.json', 'not json')).toBe(false);
  });
});

describe('other shapes of organisation', () => {
  it('no chapters, no branches, a maximum, money, and a deadline already passed', () => {
    const org = orgFrom({
      'iops.yaml': SETTINGS,
      'goals.yaml': goalsYaml(
        '  - { id: small, title: "At most 100 members", metric: members, max: 100 }\n  - { id: income, title: "Dues income", metric: dues_income, window_months: 3, min: 250 }\n',
        'definitions: {}\n',
      ),
    });
    const page = renderDashboardHtml({ ...dashboard(org, org.goals!, '2013-09-30'), commit: null, dirty: true });
    expect(page).toContain('Not ready: 1 of 2 goals met');
    expect(page).toContain('The deadline, <time datetime="2013-08-31">2013-08-31</time>, passed 30 days ago.');
    expect(page).toContain('<dd class="target">≤ 100</dd>');
    expect(page).toContain('<dd class="current">USD 0.00</dd>');
    expect(page).toContain('aria-valuenow="100"'); // 0 members is within "at most 100"
    expect(page).toContain('0 chapters as of 2013-09-30');
    expect(page).toContain('No national branches yet.');
    expect(page).toContain('not committed to git');
    expect(page).not.toContain('class="c-trend"');
    expect(page).not.toContain('Functioning');
  });
});
