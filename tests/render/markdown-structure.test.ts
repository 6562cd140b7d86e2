// The Markdown renderers with random hostile text in every field a file can set (organisation,
// convention, goal titles, chapter name, project names, report title): parsed with a real
// CommonMark + GFM parser that lets raw HTML through, each output keeps exactly its own
// headings and table rows, and holds no HTML. In process, through the real loader.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/core/readiness.js';
import { buildChapterReport } from '../../src/core/report/build.js';
import { renderReadinessMarkdown } from '../../src/render/readiness.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { goalsYaml, meeting } from '../helpers/org.js';
import { orgFrom } from '../helpers/org.js';

const parser = new MarkdownIt({ html: true });
const q = (s: string) => JSON.stringify(s);

// what YAML lets into a value (control characters other than tab and line feed are errors there)
const PIECES = ['a', 'Z', '7', ' ', '\n', '\t', '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '!', '|', '#', '~', '&', '-', '+', '=', '.', ':', '"', '\u202e', '\u2066', '\u200b', '<!--', '-->', '&#x202E;', '<b>', '</p>', '```', '1. ', '# ', '> ', '- ', '\n\n'];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 24 }).map((p) => `x${p.join('')}`);

function files(t: { org: string; convention: string; goal: string; chapter: string; project: string; report: string }): Record<string, string> {
  return {
    'iops.yaml': `organization: ${q(t.org)}\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\n`,
    'goals.yaml': goalsYaml(`  - { id: members, title: ${q(t.goal)}, metric: members, min: 3 }\n  - { id: functioning, title: ${q(t.goal)}, metric: functioning_chapters, min: 1 }\n`).replace('convention: Test convention', `convention: ${q(t.convention)}`),
    'chapters/ldn/chapter.yaml': `name: ${q(t.chapter)}\ncountry: GB\n`,
    'chapters/ldn/members.yaml': '- { id: a, joined: 2012-01-01, gender: woman }\n',
    'chapters/ldn/meetings/2013-06-01.yaml': meeting('2013-06-01', `projects:\n  - { name: ${q(t.project)}, status: planned }\n`),
    'chapters/ldn/reports/2013-06-01.md': `---\ndate: 2013-06-01\ntitle: ${q(t.report)}\n---\nBody.\n`,
  };
}

const tokensOf = (md: string) => parser.parse(md, {});
const html = (md: string) => tokensOf(md).flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type.startsWith('html'));
const headingTags = (md: string) => tokensOf(md).filter((t) => t.type === 'heading_open').map((t) => t.tag);
const count = (md: string, type: string) => tokensOf(md).filter((t) => t.type === type).length;

describe('Markdown outputs keep their structure whatever the files say', () => {
  it('readiness and the chapter report', () => {
    fc.assert(
      fc.property(fc.record({ org: hostile, convention: hostile, goal: hostile, chapter: hostile, project: hostile, report: hostile }), (t) => {
        const org = orgFrom(files(t));
        const ready = renderReadinessMarkdown({ ...readiness(org, org.goals!, '2013-06-30'), commit: null, dirty: false }, { chalk: undefined as never, terminal: false, currency: 'USD' });
        expect(html(ready)).toEqual([]);
        expect(headingTags(ready)).toEqual(['h2']);
        expect(count(ready, 'tr_open')).toBe(3);
        expect(count(ready, 'td_open')).toBe(12);
        const report = renderReportMarkdown({ ...buildChapterReport(org, org.chapterById.get('ldn')!, '2013-06-30'), commit: null, dirty: false });
        expect(html(report)).toEqual([]);
        expect(headingTags(report)).toEqual(['h2', 'h3', 'h3', 'h3', 'h3', 'h3', 'h3', 'h3']);
        expect(count(report, 'table_open')).toBe(2); // standing, goals
        expect(count(report, 'tr_open')).toBe(4 + 3);
        expect(count(report, 'link_open') + count(report, 'image') + count(report, 'code_inline') + count(report, 'em_open') + count(report, 's_open')).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
