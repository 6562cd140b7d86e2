// iops report end to end: the built CLI on the fixture organisation in a real git repository.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { iops } from '../helpers/inProcess.js';
import { type CliResult, type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { FILES } from './fixture.js';

afterAll(cleanupRepos);

let repo: TempRepo;
let head: string;
// in this process (tests/helpers/inProcess.ts); spawned*, the built CLI, where a test needs it
const report = (...args: string[]) => iops(tmpdir(), '--data', repo.dir, 'report', ...args);
const spawnedReport = (...args: string[]) => runCli(['--data', repo.dir, 'report', ...args]);
const checkedJson = (r: CliResult) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const jsonOf = async (...args: string[]) => checkedJson(await report(...args, '--format', 'json'));
const spawnedJsonOf = (...args: string[]) => checkedJson(spawnedReport(...args, '--format', 'json'));

beforeAll(() => {
  repo = tempRepo(FILES);
  head = repo.git('rev-parse', 'HEAD').trim();
});

describe('iops report CHAPTER', () => {
  it('prints the SPEC keys in JSON, stamped with the data commit', async () => {
    const j = await jsonOf('ldn');
    expect(j).toMatchObject({
      chapter: 'ldn',
      as_of: '2013-06-30',
      commit: head,
      dirty: false,
      members: { current: 12 },
      functioning: { value: false, reasons: ['no report since 2013-02-14'] },
      last_meeting: '2013-06-20',
      last_report: '2013-02-14',
      collecting_dues: { value: true, reasons: ['bank account, receipts in 3 of the last 3 months'] },
    });
    expect(j.due.map((d: { date: string }) => d.date)).toEqual(['2013-06-16', '2013-08-01', '2013-08-03']);
  });

  it('fits a terminal screen in compact sections', async () => {
    const r = await report('ldn');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`London (ldn) · GB · branch uk
Chapter report as of 2013-06-30, since 2013-06-20 · data at ${head.slice(0, 10)}

STANDING
  Functioning      no: no report since 2013-02-14
  Collecting dues  yes: bank account, receipts in 3 of the last 3 months
  Delegate         yes
MEMBERS
  Current          12 · 1 joined, 1 left since 2013-06-20
  Trend            Jan 11 · Feb 11 · Mar 12 · Apr 12 · May 12 · Jun 12
  Gender           woman 6 (50%, community 51%) · man not shown · non-binary
                   not shown
  Age band         25-34 6 · 35-44 not shown · undisclosed not shown
  Studied          values 3 · vision 3 · all of them 2
MEETINGS
  Last             2013-06-20, hybrid, 6 attending
  Last 92 days     4 meetings: 2 in person, 1 online, 1 hybrid; 1 joint
  Meetings × avg   Jan – · Feb 1×5 · Mar – · Apr 1×8 · May 1×6 · Jun 2×11
  Members came     regular 6 · occasional 0 · absent 5 (1 meeting with
                   attendees listed)
ACTIVITY
  Education        last 2013-02-01 (1 in the last 183 days)
  Documents        values 2013-02-01 · vision never
  Projects         1 succeeded · 1 failed · 0 attempted · 1 planned
  Reports          last 2013-02-14 "London update" · next due 2013-06-16
DUES
  Dues             sliding-scale · bank account · agreed 2012-09-15
  This month       USD 41.60 from 2 receipts (GBP 20.00, USD 10.00)
  Apr–Jun          USD 199.60 from 5 receipts in 3 of 3 months (GBP 120.00,
                   USD 10.00)
  Pledges          pledging 6 · exempt not shown · no pledge not shown
  Arrears          USD 192.50: pledged USD 392.10, received USD 199.60 (51%),
                   as iops dues --from 2013-04-01 --to 2013-06-30
GOALS
  Counts for       dues, delegates, gatherings
  Not yet          functioning: no report since 2013-02-14
  Adds             members 12 · women 50% · outreach 1 · income USD 66.53 a
                   month
DUE
  2013-06-16       publish a report: last one 2013-02-14, due 2013-06-16
                   (overdue)
  2013-08-01       hold a meeting by 2013-08-01 to stay functioning: the
                   meeting of 2013-05-01 leaves the 92-day window then
  2013-08-03       hold an education session by 2013-08-03: the last one was
                   2013-02-01

Not shown: groups of fewer than 5 people, and any count that would reveal one by
subtraction.
`);
  });

  it('says the same through the built CLI (bin/iops.js) as in this process', async () => {
    for (const args of [['ldn'], ['ldn', '--format', 'markdown'], ['ldnn']]) expect(spawnedReport(...args)).toEqual(await report(...args));
  });

  it('prints Markdown for the website, with the commit and a privacy note', async () => {
    const r = await report('ldn', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## London chapter report, 2013-06-30\n');
    expect(r.stdout).toContain(`data at ${head.slice(0, 10)}`);
    expect(r.stdout).toContain('| Functioning | ❌ no: no report since 2013-02-14 |');
    expect(r.stdout).toContain('- **2013-06-16**: publish a report: last one 2013-02-14, due 2013-06-16 (overdue)');
    expect(r.stdout).toContain('_Not shown: groups of fewer than 5 people, and any count that would reveal one by subtraction._');
  });

  it('--since and --as-of move the window; --at reads a commit', async () => {
    expect((await jsonOf('ldn', '--since', '2013-01-01')).members).toMatchObject({ joined_since: 2, left_since: 1 });
    expect(await jsonOf('ldn', '--as-of', '2013-06-15')).toMatchObject({ as_of: '2013-06-15', since: '2013-06-10', functioning: { value: true } });
    repo.write('notes.txt', 'not data, but uncommitted');
    expect(await jsonOf('ldn')).toMatchObject({ commit: head, dirty: true });
    expect(await jsonOf('ldn', '--at', 'HEAD')).toMatchObject({ commit: head, dirty: false, at: 'HEAD' });
    repo.git('clean', '-fq');
  });

  it('refuses what it cannot do, with exit 2 and a hint', async () => {
    let r = await report('ldnn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no chapter "ldnn"; did you mean "ldn"?');
    r = await report('gla');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Glasgow was founded on 2013-07-15, after the as-of date 2013-06-30');
    expect((await report()).code).toBe(2);
    expect((await report('ldn', '--all')).code).toBe(2);
    expect((await report('ldn', '--since', '2013-02-30')).stderr).toContain('not a calendar date');
    expect((await report('ldn', '--publish', '--members')).stderr).toContain('a published report never lists member ids');
  });
});

describe('privacy in every format', () => {
  it('a report listing member ids (--members) is never remembered on disk; one without them is', async () => {
    // remembered results, not the parse cache (which holds the data files' own content, as the clone does)
    const cacheText = () => {
      const dir = join(repo.dir, '.git', 'iops-cache');
      const files: string[] = [];
      const walk = (d: string, inResults = false): void =>
        readdirSync(d, { withFileTypes: true }).forEach((e) =>
          e.isDirectory() ? walk(join(d, e.name), inResults || e.name === 'results') : inResults ? void files.push(readFileSync(join(d, e.name), 'latin1')) : undefined,
        );
      try {
        walk(dir);
      } catch {
        // no cache yet
      }
      return files.join('\n');
    };
    const listed = await report('ldn', '--members', '--format', 'json');
    expect(listed.code).toBe(0);
    const ids = [...listed.stdout.matchAll(/"(ldn-[a-z0-9]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    expect(runCli(['--data', repo.dir, 'report', 'ldn', '--members'], { env: { IOPS_DEBUG_CACHE: '1' } }).stderr).not.toContain('remembered');
    for (const id of ids) expect(cacheText(), id).not.toContain(`"${id}"`);
    expect(runCli(['--data', repo.dir, 'report', 'ldn'], { env: { IOPS_DEBUG_CACHE: '1' } }).stderr).toMatch(/remembered/);
  });

  it('a chapter of 3 shows no gender counts anywhere', async () => {
    const j = await jsonOf('brt');
    expect(Object.values(j.members.gender.cells).every((c: any) => c.count === null && c.suppressed === true)).toBe(true);
    expect(j.goals.find((g: { id: string }) => g.id === 'women').contribution).toBeNull();
    const table = (await report('brt')).stdout;
    const markdown = (await report('brt', '--format', 'markdown')).stdout;
    expect(table).toContain('Gender           not shown: fewer than 5 people');
    expect(markdown).toContain('- Gender: not shown (fewer than 5 people)');
    for (const text of [table, markdown]) {
      expect(text).not.toMatch(/\b(woman|man|non-binary) \d/);
      expect(text).not.toMatch(/\| (woman|man|non-binary) \|/);
      expect(text).not.toMatch(/\d+% of members/);
    }
  });

  it('a chapter of 12 with one non-binary member hides that cell and the one that would reveal it', async () => {
    const cells = (await jsonOf('ldn')).members.gender.cells;
    expect(cells['non-binary']).toEqual({ count: null, suppressed: true, share: null, community: null });
    expect(cells.man).toEqual({ count: null, suppressed: true, share: null, community: 0.49 });
    expect(cells.woman.count).toBe(6);
    expect((await report('ldn')).stdout).toMatch(/woman 6 \(50%, community 51%\) · man not shown · non-binary\s+not shown/);
    const markdown = (await report('ldn', '--format', 'markdown')).stdout;
    expect(markdown).toContain('| man | not shown |  | 49% |');
    expect(markdown).toContain('| non-binary | not shown |  |  |');
  });

  it('lists member ids only with --members', async () => {
    for (const format of ['table', 'markdown', 'json']) {
      expect((await report('ldn', '--format', format)).stdout).not.toMatch(/ldn-[a-z0-9]/);
      expect((await report('ldn', '--format', format, '--members')).stdout).toContain('ldn-w1');
    }
    expect((await report('ldn', '--members')).stdout).toContain('Delegate         yes (ldn-w1)');
  });
});

describe('iops report --all', () => {
  it('one line per chapter, sortable, in every format; the delegate only as yes or no', async () => {
    const j = JSON.parse((await report('--all', '--format', 'json', '--sort', 'last-meeting')).stdout);
    expect(j).toMatchObject({ as_of: '2013-06-30', commit: head, sort: 'last-meeting', totals: { chapters: 2, functioning: 0, collecting_dues: 1, with_delegate: 1 } });
    expect(j.chapters.map((c: { chapter: string }) => c.chapter)).toEqual(['brt', 'ldn']);
    const table = (await report('--all')).stdout;
    expect(table).toMatch(/│ Brighton +│ no +│ 2013-06-10 +│ never +│ no +│ no +│/);
    expect(table).toMatch(/│ London +│ no +│ 2013-06-20 +│ 2013-02-14 +│ yes +│ yes +│/);
    expect(table).toContain('2 chapters · 0 functioning · 1 collecting dues · 1 with a delegate');
    expect((await report('--all', '--format', 'markdown')).stdout).toContain('| London | no | 2013-06-20 | 2013-02-14 | yes | yes |');
    expect((await report('--all', '--sort', 'size')).code).toBe(2);
    for (const out of [table, JSON.stringify(j)]) expect(out).not.toContain('ldn-w1');
  });
});

describe('the files a report reads', () => {
  it('give the same report through the parse cache (the chapter scope) as from every file', async () => {
    const joint = tempRepo({
      ...FILES,
      'chapters/brt/meetings/2013-06-10.yaml': 'date: 2013-06-10\nmode: in-person\nattendees: [brt-1, brt-2, ldn-w1]\njoint_with: [ldn]\n',
      'chapters/brt/chapter.yaml': 'name: Brighton\ncountry: GB\nbranch: uk\nfounded: 2012-06-01\ndelegate: brt-1\n',
    });
    for (const chapter of ['ldn', 'brt']) {
      const args = ['--data', joint.dir, 'report', chapter, '--format', 'json', '--members'];
      const scoped = runCli(args);
      const whole = runCli(args, { env: { IOPS_CACHE: 'off' } });
      expect(scoped.stderr).toBe('');
      expect(scoped.code).toBe(0);
      expect(JSON.parse(scoped.stdout)).toEqual(JSON.parse(whole.stdout));
    }
    expect(JSON.parse((await iops(tmpdir(), '--data', joint.dir, 'report', 'ldn', '--format', 'json')).stdout).meetings.in_window).toBe(4);
  });
});

describe('invalid data', () => {
  it("refuses with exit 3 when the chapter's files have problems, pointing into them", async () => {
    const bad = tempRepo({ ...FILES, 'chapters/ldn/meetings/2013-06-25.yaml': 'date: 2013-06-25\nmode: in-persn\nattendance: 3\n' });
    const r = await iops(tmpdir(), '--data', bad.dir, 'report', 'ldn');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('chapters/ldn/meetings/2013-06-25.yaml:2:7:');
    expect(r.stdout).toBe('');
  });

  it('--all refuses with exit 3 when any file has a problem', async () => {
    const bad = tempRepo({ ...FILES, 'chapters/brt/dues/2013.yaml': '- { date: 2013-13-01, member: brt-1, amount: 5, currency: USD }\n' });
    const all = await iops(tmpdir(), '--data', bad.dir, 'report', '--all');
    expect(all.code).toBe(3);
    expect(all.stderr).toContain('chapters/brt/dues/2013.yaml:1:');
  });

  it('loads the whole repository when the chapter refers to members elsewhere, and still reports', async () => {
    const dues = `${FILES['chapters/ldn/dues/2013.yaml']}- { date: 2013-06-12, member: brt-1, amount: 5, currency: USD }\n`;
    const wide = tempRepo({ ...FILES, 'chapters/ldn/dues/2013.yaml': dues });
    const r = await iops(tmpdir(), '--data', wide.dir, 'report', 'ldn', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dues.this_month.receipts).toBe(3);
  });
});

// spawned: a write, then reads that check the new commit (io/git.ts keeps a folder's HEAD for a
// few seconds within a process)
describe('iops report --publish', () => {
  it('commits the Markdown report as the chapter report of the as-of day, which then counts', () => {
    const r = spawnedReport('ldn', '--publish');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const path = 'chapters/ldn/reports/2013-06-30.md';
    const commit = repo.git('rev-parse', 'HEAD').trim();
    expect(r.stdout).toBe(`published ${path} in commit ${commit.slice(0, 10)}\n`);
    expect(repo.git('log', '-1', '--format=%B').trim()).toBe('London: publish the chapter report of 2013-06-30\n\nIops-Command: report publish\nIops-Entity: chapter/ldn');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(path);
    expect(repo.git('status', '--porcelain')).toBe('');

    const text = readFileSync(join(repo.dir, path), 'utf8');
    expect(text.startsWith('---\ndate: 2013-06-30\ntitle: "London chapter report, 2013-06-30"\n---\n\n')).toBe(true);
    expect(text).toContain(`data at ${head.slice(0, 10)}`);
    expect(text).toContain('| Functioning | ✅ yes: 4 meetings in the last 92 days; education on 2013-02-01; report on 2013-06-30 |');
    expect(text).toContain('| man | not shown |');
    expect(text).not.toMatch(/ldn-[a-z0-9]/);
    expect(text).not.toContain('publish a report: last one 2013-02-14');

    const after = spawnedJsonOf('ldn');
    expect(after).toMatchObject({ commit, last_report: '2013-06-30', functioning: { value: true } });
    expect(after.due.find((d: { kind: string }) => d.kind === 'report').text).toBe('publish a report: last one 2013-06-30, due 2013-10-30');
    expect(runCli(['--data', repo.dir, 'validate']).code).toBe(0);
    expect(spawnedJsonOf('ldn', '--at', 'HEAD~1')).toMatchObject({ commit: head, last_report: '2013-02-14' });
  });

  it('refuses to publish a second report of the same day; --no-commit writes without committing', () => {
    const again = spawnedReport('ldn', '--publish');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('London already has a report dated 2013-06-30: chapters/ldn/reports/2013-06-30.md');

    const before = repo.git('rev-parse', 'HEAD').trim();
    const r = spawnedReport('brt', '--publish', '--no-commit');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('published chapters/brt/reports/2013-06-30.md (written, not committed)\n');
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(before);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('?? chapters/brt/reports/2013-06-30.md\n');
    const published = readFileSync(join(repo.dir, 'chapters/brt/reports/2013-06-30.md'), 'utf8');
    expect(published).toContain('- Gender: not shown (fewer than 5 people)');
    expect(published).not.toMatch(/brt-\d/);
  });
});
