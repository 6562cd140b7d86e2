// The delegate's report lists the decisions since the chapter's last report: its own meetings',
// its branch assembly's and the ICC's, as they stood on the as-of day, in every format.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { buildChapterReport } from '../../src/core/report/build.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportTable } from '../../src/render/report-table.js';
import { SETTINGS, goalsYaml, orgFrom, report } from '../helpers/org.js';

const counted = (decided: string) => `{ status: adopted, date: ${decided}, for: 9, against: 1, abstain: 0 }`;
const files = {
  'iops.yaml': SETTINGS,
  'goals.yaml': goalsYaml('  - { id: members, title: Members, metric: members, min: 5 }\n'),
  'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\n',
  'branches/de.yaml': 'name: IOPS Deutschland\ncountry: DE\n',
  'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\nbranch: uk\n',
  'chapters/ldn/reports/2012-05-01.md': report('2012-05-01'),
  'chapters/ber/chapter.yaml': 'name: Berlin\ncountry: DE\nbranch: de\n',
  'decisions/2012-03-01-goals.yaml': `proposal: The goals\nbody: { kind: icc }\nmethod: majority\nadopts: { kind: goals }\noutcome: ${counted('2012-03-10')}\n`,
  'decisions/2012-06-01-revision.yaml': `proposal: "Revise the goals | **now**"\nbody: { kind: icc }\nmethod: majority\noutcome: ${counted('2012-06-20')}\n`,
  'decisions/2012-06-02-uk-founding.yaml': `proposal: Found IOPS UK\nbody: { kind: branch-assembly, branch: uk }\nmethod: two-thirds\nadopts: { kind: branch-founding, branch: uk }\noutcome: ${counted('2012-06-09')}\n`,
  'decisions/2012-06-02-de-founding.yaml': `proposal: Found IOPS Deutschland\nbody: { kind: branch-assembly, branch: de }\nmethod: majority\noutcome: ${counted('2012-06-09')}\n`,
  'chapters/ldn/decisions/2012-06-05-dues.yaml': 'proposal: Sliding-scale dues\nbody: { kind: chapter-meeting, chapter: ldn }\nmethod: consensus\nadopts: { kind: dues, chapter: ldn }\noutcome: { status: proposed }\n',
  'chapters/ber/decisions/2012-06-05-dues.yaml': 'proposal: Dues\nbody: { kind: chapter-meeting, chapter: ber }\nmethod: consensus\noutcome: { status: proposed }\n',
};

describe("the report's decisions", () => {
  const org = orgFrom(files);
  const ldn = org.chapterById.get('ldn')!;

  it('lists what concerns the chapter since its last report, as it stood on the as-of day', () => {
    const r = buildChapterReport(org, ldn, '2012-06-15');
    expect(r.decisions!.since).toBe('2012-05-01');
    expect(r.decisions!.list.map((d) => [d.date, d.id, d.status, d.body])).toEqual([
      ['2012-06-01', '2012-06-01-revision', 'proposed', 'ICC'], // decided on 2012-06-20, after the as-of day
      ['2012-06-05', 'ldn/2012-06-05-dues', 'proposed', 'London'],
      ['2012-06-09', '2012-06-02-uk-founding', 'adopted', 'IOPS UK assembly'],
    ]);
  });

  it('shows them in the table and in Markdown, the proposal escaped', () => {
    const r = { ...buildChapterReport(org, ldn, '2012-06-30'), commit: null, dirty: false };
    const table = renderReportTable(r, { chalk: new Chalk({ level: 0 }), width: 200 } as never);
    expect(table).toContain('DECISIONS\n  2012-06-05       London to decide ldn/2012-06-05-dues (consensus; dues of ldn): Sliding-scale dues\n');
    expect(table).toContain('  2012-06-20       ICC adopted 2012-06-01-revision (majority: for 9, against 1, abstain 0): Revise the goals | **now**');
    const md = renderReportMarkdown(r);
    expect(md).toContain('### Decisions since the last report (2012-05-01)\n\n- **2012-06-05**: London to decide ldn/2012-06-05-dues (consensus; dues of ldn): Sliding-scale dues\n');
    expect(md).toContain('Revise the goals \\| \\*\\*now\\*\\*');
  });

  it('is left out where the organisation records no decisions', () => {
    const plain = orgFrom(Object.fromEntries(Object.entries(files).filter(([p]) => !p.includes('decisions/'))));
    expect(buildChapterReport(plain, plain.chapterById.get('ldn')!, '2012-06-30').decisions).toBeNull();
  });
});
