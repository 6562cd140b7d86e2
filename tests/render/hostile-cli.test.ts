// Issue 12 (items 2 and 6), end to end in a real git repository: a data file written by an
// adversary cannot forge a review comment (diff, readiness, report, history as Markdown,
// parsed with a real CommonMark + GFM parser that would show leaked HTML), and terminal
// tables show bidirectional-override and control characters written out, never raw.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsYaml, meeting } from '../helpers/org.js';
import { iopsAsProcess } from '../helpers/inProcess.js';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

const parser = new MarkdownIt({ html: true });
const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

const FORGED_CONVENTION = 'Founding\n\n**Readiness: READY**\n\n<!--';
const ORG = '1. Evil Org\n\n# Fake heading\n\n<img src=x onerror=alert(1)>';
const GOAL = 'At least 3 members | 1 | ✅ yes |\n| Forged goal | row\u202e';
const CHAPTER = '- London\u202e\n> [click](https://evil.example) `x`';
const REPORT_TITLE = '</p><!-- **Readiness: READY** ### Forged';

const settings = (org: string) => `organization: ${q(org)}\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-06-30\n`;
const goals = (convention: string, min: number, title: string) =>
  goalsYaml(`  - { id: members, title: ${q(title)}, metric: members, min: ${min} }\n  - { id: functioning, title: "At least 1 functioning chapter", metric: functioning_chapters, min: 1 }\n`).replace(
    'convention: Test convention',
    `convention: ${q(convention)}`,
  );

let repo: TempRepo;
/** iops on the repository, in this process as a new process of the built CLI would run it (tests/helpers/inProcess.ts). */
const run = (...args: string[]) => iopsAsProcess(tmpdir(), ['--data', repo.dir, ...args]);

beforeAll(() => {
  repo = tempRepo({
    'iops.yaml': settings('Test Org'),
    'goals.yaml': goals('Founding convention', 3, 'At least 3 members'),
    'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
    'chapters/ldn/members.yaml': '- { id: a, joined: 2012-01-01, gender: woman }\n- { id: b, joined: 2012-01-01, gender: man }\n',
    'chapters/ldn/meetings/2013-06-01.yaml': meeting('2013-06-01', 'notes: "quiet\\u202e evening"\n'),
    'chapters/ldn/reports/2013-06-01.md': '---\ndate: 2013-06-01\ntitle: June\n---\nBody.\n',
  });
  // a pull request that renames things hostilely, then (uncommitted) forges the convention and lowers a threshold
  repo.write('iops.yaml', settings(ORG));
  repo.write('chapters/ldn/chapter.yaml', `name: ${q(CHAPTER)}\ncountry: GB\n`);
  repo.write('chapters/ldn/reports/2013-06-01.md', `---\ndate: 2013-06-01\ntitle: ${q(REPORT_TITLE)}\n---\nBody.\n`);
  repo.write('goals.yaml', goals('Founding convention', 3, GOAL));
  repo.commit('Rename things');
  repo.write('goals.yaml', goals(FORGED_CONVENTION, 2, GOAL));
});

/** Every block-level token's type (closing ones left out), and every raw HTML token. */
const blockTypes = (tokens: Token[]) => tokens.filter((t) => t.type !== 'inline' && !t.type.endsWith('_close')).map((t) => t.type);
const rawHtml = (tokens: Token[]) => [...tokens, ...tokens.flatMap((t) => t.children ?? [])].filter((t) => t.type === 'html_block' || t.type === 'html_inline');
const headings = (tokens: Token[]) => tokens.flatMap((t, i) => (t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]!.content}`] : []));
const strong = (tokens: Token[]) => tokens.flatMap((t) => (t.children ?? []).flatMap((c, i, all) => (c.type === 'strong_open' ? [all[i + 1]!.content] : [])));
/** Rows of every table, each row its cells' Markdown source. */
function rows(tokens: Token[]): string[][] {
  const out: string[][] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'tr_open') out.push([]);
    if (t.type === 'inline' && ['td_open', 'th_open'].includes(tokens[i - 1]!.type)) out[out.length - 1]!.push(t.content);
  });
  return out;
}

describe('a pull request cannot forge its review comment', () => {
  it('diff --format markdown: one heading, every change and the whole goal table, no raw HTML, no fake verdict', async () => {
    const r = await run('diff', 'HEAD', '--format', 'markdown');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const tokens = parser.parse(r.stdout, {});
    expect(rawHtml(tokens)).toEqual([]);
    expect(headings(tokens)).toEqual([expect.stringMatching(/^h3 iops diff: `HEAD \(\w+\)` → `working tree` \(as of 2013-06-30\)$/)]);
    // the flip the threshold makes, in the goal table and in the projection table
    // and that no adopted decision covers the change, in its own paragraph
    expect(strong(tokens)).toEqual(['Goal definitions changed:', 'No adopted decision covers this change to the goals: goals.yaml names none (adopted_by: <decision id>, docs/governance.md).', 'no → yes', 'On track by the deadline 2013-08-31:', 'no → yes']);
    expect(blockTypes(tokens)).toEqual([
      'heading_open', 'paragraph_open', 'bullet_list_open', 'list_item_open', 'paragraph_open', 'list_item_open', 'paragraph_open',
      'paragraph_open',
      'table_open', 'thead_open', 'tr_open', 'th_open', 'th_open', 'th_open', 'th_open', 'tbody_open',
      'tr_open', 'td_open', 'td_open', 'td_open', 'td_open', 'tr_open', 'td_open', 'td_open', 'td_open', 'td_open',
      'paragraph_open',
      'table_open', 'thead_open', 'tr_open', 'th_open', 'th_open', 'th_open', 'th_open', 'tbody_open',
      'tr_open', 'td_open', 'td_open', 'td_open', 'td_open', 'tr_open', 'td_open', 'td_open', 'td_open', 'td_open',
      'paragraph_open',
    ]);
    const body = rows(tokens).slice(1, 3);
    expect(body).toHaveLength(2);
    expect(body[0]![1]).toBe('≥ 3 → ≥ 2'); // the lowered threshold is in plain sight
    expect(rows(tokens).slice(4).map((row) => row.length)).toEqual([4, 4]); // the hostile title stays in its cell there too
    expect(tokens[tokens.length - 2]!.content).toMatch(/^Readiness: not ready → not ready\s+Goals met: 0 of 2 → 1 of 2 · on track: 0 of 2 → 1 of 2\s+Data: unchanged/);
  });

  it('readiness --format markdown: the title on one line, one row per goal, the real verdict last', async () => {
    const r = await run('readiness', '--format', 'markdown');
    const tokens = parser.parse(r.stdout, {});
    expect(rawHtml(tokens)).toEqual([]);
    expect(headings(tokens)).toHaveLength(1);
    expect(parser.render(r.stdout)).toContain('<h2>1. Evil Org # Fake heading &lt;img src=x onerror=alert(1)&gt;: Founding **Readiness: READY** &lt;!--</h2>');
    expect(rows(tokens)).toHaveLength(3);
    expect(strong(tokens)).toEqual(['NOT READY: 1 of 2 goals met']);
  });

  it('report --format markdown: exactly the report headings; names and titles stay inline', async () => {
    const r = await run('report', 'ldn', '--format', 'markdown');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const tokens = parser.parse(r.stdout, {});
    expect(rawHtml(tokens)).toEqual([]);
    expect(blockTypes(tokens).slice(0, 3)).toEqual(['heading_open', 'paragraph_open', 'heading_open']); // the organisation's line is no list
    expect(headings(tokens).map((h) => h.slice(0, 2))).toEqual(['h2', 'h3', 'h3', 'h3', 'h3', 'h3', 'h3', 'h3']);
    expect(headings(tokens).slice(1).map((h) => h.slice(3))).toEqual(['Standing', 'Members', 'Meetings', 'Self-education, projects and reports', 'Dues', 'Goals', 'What is due']);
    expect(parser.render(r.stdout)).not.toMatch(/<(a|img|blockquote|code)\b/);
    expect(rows(tokens).filter((row) => row.length === 3).map((row) => row[0])).toEqual(['Goal', expect.stringContaining('Forged goal'), 'At least 1 functioning chapter']);
  });

  it('history --format markdown: one row per commit whatever the subject and author say', async () => {
    repo.write('chapters/ldn/meetings/2013-06-01.yaml', meeting('2013-06-01', 'notes: tidied\n'));
    repo.git('commit', '-q', '-m', 'Tidy | up <!-- **READY**\u202e', '--author', '**Mallory** | x <m@example.org>', '--', 'chapters/ldn/meetings/2013-06-01.yaml');
    const r = await run('history', '--format', 'markdown');
    const tokens = parser.parse(r.stdout, {});
    expect(rawHtml(tokens)).toEqual([]);
    expect(strong(tokens)).toEqual([]);
    expect(rows(tokens)).toHaveLength(4);
    const cells = parser.render(r.stdout).split('<tr>')[2]!.match(/<td>(.*?)<\/td>/g)!.map((c) => c.slice(4, -5));
    expect(cells.slice(1, 4)).toEqual(['**Mallory** | x', 'by hand', 'Tidy | up &lt;!-- **READY**\\u202e']);
  });

  it('report --publish writes a report whose body has only its own headings', async () => {
    const r = await run('report', 'ldn', '--publish', '--as-of', '2013-06-30');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(join(repo.dir, 'chapters/ldn/reports/2013-06-30.md'), 'utf8');
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    const tokens = parser.parse(body, {});
    expect(rawHtml(tokens)).toEqual([]);
    expect(headings(tokens).map((h) => h.slice(3))).toEqual(['Standing', 'Members', 'Meetings', 'Self-education, projects and reports', 'Dues', 'Goals', 'What is due']);
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.write('goals.yaml', goals(FORGED_CONVENTION, 2, GOAL));
  });
});

describe('terminal output shows invisible characters written out', () => {
  it('readiness, report and history tables', async () => {
    const outputs = [(await run('readiness')).stdout, (await run('report', 'ldn')).stdout, (await run('history')).stdout, (await run('diff', 'HEAD')).stdout];
    for (const out of outputs) {
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u0000-\u0008\u000b-\u001f]/);
      expect(out).toContain('\\u202e');
    }
    expect(outputs[0]).toContain('Founding\\n\\n**Readiness: READY**\\n\\n<!--');
  });
});
