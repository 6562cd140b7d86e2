// readiness, --at and diff end to end, in a real git repository with two commits.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, runCli, tempRepo, type TempRepo } from '../helpers/repo.js';
import { goalsYaml, meeting, report } from '../helpers/org.js';

afterAll(cleanupRepos);

const SETTINGS = 'organization: Test Org\ncurrency: USD\nkey_documents: [values]\nprivacy: { min_group: 5 }\nsnapshot_date: 2013-06-30\n';
const GOALS = (women: string, online: boolean) =>
  goalsYaml(
    `  - { id: members, title: "At least 3 members", metric: members, min: 3 }\n  - { id: functioning, title: "At least 1 functioning chapter", metric: functioning_chapters, min: 1 }\n  - { id: women, title: "Women", metric: gender_share, gender: woman, min: ${women} }\n`,
    `definitions:\n  functioning_chapter: { meetings_window_days: 92, min_meetings: 3, count_online: ${online}, report_every_days: 122 }\n`,
  );

let repo: TempRepo;
let first: string;
beforeAll(() => {
  repo = tempRepo({
    'iops.yaml': SETTINGS,
    'goals.yaml': GOALS('0.5', false),
    'chapters/ldn/chapter.yaml': 'name: London\ncountry: GB\n',
    'chapters/ldn/members.yaml': '- { id: a, joined: 2012-01-01, gender: woman }\n- { id: b, joined: 2012-01-01, gender: man }\n- { id: c, joined: 2012-01-01, gender: man }\n',
    'chapters/ldn/meetings/2013-05-01.yaml': meeting('2013-05-01'),
    'chapters/ldn/meetings/2013-06-01.yaml': meeting('2013-06-01'),
    'chapters/ldn/meetings/2013-06-20.yaml': 'date: 2013-06-20\nmode: online\nattendance: 3\n',
    'chapters/ldn/reports/2013-06-01.md': report('2013-06-01'),
  });
  first = repo.git('rev-parse', 'HEAD').trim();
  // the pull request: count online meetings, lower the women share, and one more member
  repo.write('goals.yaml', GOALS('0.25', true));
  repo.write('chapters/ldn/members.yaml', '- { id: a, joined: 2012-01-01, gender: woman }\n- { id: b, joined: 2012-01-01, gender: man }\n- { id: c, joined: 2012-01-01, gender: man }\n- { id: d, joined: 2013-06-01, gender: man }\n');
  repo.commit('Count online meetings; lower the women share');
});

describe('iops readiness', () => {
  it('prints JSON as SPEC.md shows, with the commit and dirty flag; exit 0 when ready', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ as_of: '2013-06-30', deadline: '2013-08-31', ready: true, commit: repo.git('rev-parse', 'HEAD').trim(), dirty: false });
    expect(j.goals.map((g: { id: string; current: number; met: boolean }) => [g.id, g.current, g.met])).toEqual([
      ['members', 4, true],
      ['functioning', 1, true],
      ['women', 0.25, true],
    ]);
    expect(j.goals[0]).toMatchObject({ title: 'At least 3 members', metric: 'members', target: { min: 3 }, projection: { on_track: true } });
  });

  it('--at HEAD~1 reads the files as they were, without touching the work tree; exit 1 when not ready', async () => {
    repo.write('notes.txt', 'not committed');
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json', '--at', 'HEAD~1');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ commit: first, dirty: false, ready: false });
    expect(j.goals.map((g: { current: number }) => g.current)).toEqual([3, 0, 0.3333]);
    expect(j.goals[1].reasons).toEqual([{ id: 'ldn', counts: false, reason: '2 meetings in the last 92 days, needs 3 (1 online meeting not counted)' }]);
    expect(repo.git('status', '--porcelain')).toBe('?? notes.txt\n');
  });

  it('--as-of and --at together', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json', '--at', 'HEAD~1', '--as-of', '2012-12-31');
    expect(JSON.parse(r.stdout).goals.map((g: { current: number }) => g.current)).toEqual([3, 0, 0.3333]);
    expect(JSON.parse(r.stdout).as_of).toBe('2012-12-31');
  });

  it('the table shows target, current, met and the verdict', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--at', 'HEAD~1');
    expect(r.stdout).toContain('At least 3 members');
    expect(r.stdout).toMatch(/Women\s*│ ≥ 50%\s*│ 33\.3%\s*│ no/);
    expect(r.stdout).toContain('NOT READY: 1 of 3 goals met');
  });

  it('--goal shows one goal with every chapter and why', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--goal', 'functioning', '--at', 'HEAD~1');
    expect(r.stdout).toContain('✗ ldn: 2 meetings in the last 92 days, needs 3 (1 online meeting not counted)');
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--goal', 'nope')).code).toBe(2);
  });

  it('--goal says in every format that the verdict, and the exit code, cover the selected goal only', async () => {
    // as of HEAD~1 the organisation is not ready (1 of 3 goals met) but its members goal is met
    const all = JSON.parse((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json', '--at', 'HEAD~1')).stdout);
    expect(all).toMatchObject({ ready: false, scope: 'all goals', goals_selected: ['members', 'functioning', 'women'], goals_total: 3 });
    const json = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json', '--at', 'HEAD~1', '--goal', 'members');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ready: true, scope: 'selected goals', goals_selected: ['members'], goals_total: 3 });
    const note = 'Verdict on the selected goal only (members); the other 2 of 3 goals are left out.';
    const table = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--at', 'HEAD~1', '--goal', 'members');
    expect([table.code, table.stdout]).toEqual([0, expect.stringContaining(`READY: all 1 goal met\n${note}`)]);
    const markdown = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'markdown', '--at', 'HEAD~1', '--goal', 'members');
    expect(markdown.stdout).toContain(`**READY: all 1 goal met**\n\n${note}`);
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--at', 'HEAD~1')).stdout).not.toContain('Verdict on the selected');
  });

  it('usage errors exit 2: a bad date, an unknown revision, an unknown format', async () => {
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--as-of', '2013-02-30')).stderr).toContain('is not a calendar date');
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--as-of', '2013-02-30')).code).toBe(2);
    const bad = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--at', 'no-such-branch');
    expect([bad.code, bad.stderr]).toEqual([2, 'iops: "no-such-branch" is not a commit in this repository (try a branch name, a tag, HEAD~1 or a commit id)\n']);
    expect((await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'yaml')).code).toBe(2);
  });

  it('invalid data: exit 3 with located problems on stderr, nothing computed', async () => {
    const broken = tempRepo({ 'iops.yaml': SETTINGS, 'goals.yaml': GOALS('0.5', true).replace('metric: members', 'metric: membres') });
    const r = await iops(tmpdir(), '--data', broken.dir, 'readiness');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^goals\.yaml:6:\d+: goals\[0\]\.metric: unknown metric "membres"; did you mean members\?/);
  });
});

describe('iops diff', () => {
  // tests that edit goals.yaml in the working tree leave it as committed, even when they fail
  afterEach(() => repo.git('checkout', '--', 'goals.yaml'));

  it('shows definition changes, per-goal before → after with flips, and the data summary (exit 0)', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD~1', 'HEAD', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.definition_changes).toEqual([
      { path: 'definitions.functioning_chapter.count_online', before: false, after: true },
      { path: 'goals.women.min', before: 0.5, after: 0.25 },
    ]);
    const women = j.goals.find((g: { id: string }) => g.id === 'women');
    expect(women).toMatchObject({ status: 'changed', flipped: true, before: { current: 0.3333, met: false }, after: { current: 0.25, met: true } });
    expect(j.ready).toEqual({ before: false, after: true });
    expect(j.data.members).toEqual({ before: 3, after: 4 });
  });

  it('markdown for the pull-request comment', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD~1', 'HEAD', '--format', 'markdown');
    expect(r.stdout).toContain('- `goals.women.min`: 0.5 → 0.25');
    expect(r.stdout).toContain('| Women | ≥ 50% → ≥ 25% | 33.3% → 25% | **no → yes** ⚠️ |');
    expect(r.stdout).toContain('Data: members +1');
  });

  it('HEAD defaults to the working tree', async () => {
    repo.write('goals.yaml', GOALS('0.3', true));
    const r = await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'json');
    expect(JSON.parse(r.stdout).definition_changes).toEqual([{ path: 'goals.women.min', before: 0.25, after: 0.3 }]);
    expect(JSON.parse(r.stdout).head).toBe('working tree');
    repo.git('checkout', '--', 'goals.yaml');
  });

  it('says "Goal definitions unchanged." only when nothing in goals.yaml changed', async () => {
    const r = await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ definition_changes: [], goals_added: [], goals_removed: [], deadline: { before: '2013-08-31', after: '2013-08-31' } });
    expect((await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD')).stdout).toContain('Goal definitions unchanged.');
  });

  it('a goal added or removed is a definition change, in every format (issue 16)', async () => {
    const goals = readFileSync(join(repo.dir, 'goals.yaml'), 'utf8');
    const added = '  - { id: chapters, title: "At least 2 chapters", metric: chapters, min: 2 }\n';
    repo.write('goals.yaml', goals + added);
    const j = JSON.parse((await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'json')).stdout);
    expect(j.definition_changes).toEqual([{ path: 'goals.chapters', before: null, after: { id: 'chapters', title: 'At least 2 chapters', metric: 'chapters', min: 2 } }]);
    expect([j.goals_added, j.goals_removed]).toEqual([['chapters'], []]);
    expect(j.goals.find((g: { id: string }) => g.id === 'chapters')).toMatchObject({ status: 'added', before: null, after: { current: 1, met: false } });
    expect(j.goals_met).toEqual({ before: 3, after: 3 });
    const table = (await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD')).stdout;
    expect(table).not.toContain('Goal definitions unchanged.');
    expect(table).toContain('Goal definitions changed:\n  goals.chapters: (none) → {"id":"chapters","title":"At least 2 chapters","min":2,"metric":"chapters"}');
    expect(table).toContain('Goals met: 3 of 3 → 3 of 4');
    const markdown = (await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'markdown')).stdout;
    expect(markdown).toContain('- `goals.chapters`: (none) → {"id":"chapters"');
    expect(markdown).toContain('| At least 2 chapters (added) | ≥ 2 | 1 | no |');

    repo.write('goals.yaml', goals.replace(/^ {2}- \{ id: women.*\n/m, ''));
    const removed = JSON.parse((await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'json')).stdout);
    expect(removed.definition_changes).toEqual([{ path: 'goals.women', before: { id: 'women', title: 'Women', metric: 'gender_share', gender: 'woman', min: 0.25 }, after: null }]);
    expect([removed.goals_added, removed.goals_removed]).toEqual([[], ['women']]);
    const md = (await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'markdown')).stdout;
    expect(md).toContain('| Women (removed) | ≥ 25% | 25% | yes |');
    expect(md).not.toContain('Goal definitions unchanged.');
    repo.git('checkout', '--', 'goals.yaml');
  });

  it('a changed deadline shows each goal at the deadline and on track, before → after (issue 16)', async () => {
    const goals = readFileSync(join(repo.dir, 'goals.yaml'), 'utf8');
    repo.write('goals.yaml', goals.replace('deadline: 2013-08-31', 'deadline: 2014-08-31'));
    const j = JSON.parse((await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'json')).stdout);
    expect(j.deadline).toEqual({ before: '2013-08-31', after: '2014-08-31' });
    expect(j.definition_changes).toEqual([{ path: 'deadline', before: '2013-08-31', after: '2014-08-31' }]);
    const members = j.goals.find((g: { id: string }) => g.id === 'members');
    expect(members.status).toBe('changed');
    expect(members.after.projection.at_deadline).toBeGreaterThan(members.before.projection.at_deadline);
    const table = (await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD')).stdout;
    expect(table).toContain('On track by the deadline 2013-08-31 → 2014-08-31:');
    expect(table).toMatch(new RegExp(`At least 3 members\\s*│ ${members.before.projection.at_deadline} → ${members.after.projection.at_deadline}\\s*│ yes\\s*│`));
    const markdown = (await iops(tmpdir(), '--data', repo.dir, 'diff', 'HEAD', '--format', 'markdown')).stdout;
    expect(markdown).toContain('**On track by the deadline 2013-08-31 → 2014-08-31:**');
    expect(markdown).toContain(`| At least 3 members | ${members.before.projection.at_deadline} → ${members.after.projection.at_deadline} | yes |`);
    repo.git('checkout', '--', 'goals.yaml');
  });

  it('says the same through the built CLI (bin/iops.js) as in this process', async () => {
    for (const args of [['readiness', '--at', 'HEAD~1'], ['diff', 'HEAD~1', 'HEAD', '--format', 'markdown']]) {
      expect(runCli(['--data', repo.dir, ...args])).toEqual(await iops(tmpdir(), '--data', repo.dir, ...args));
    }
  });

  // spawned: it commits between runs (io/git.ts keeps a folder's HEAD for a few seconds within a process)
  it('says which side has problems, and where (exit 3)', () => {
    const members = 'chapters/ldn/members.yaml';
    const text = readFileSync(join(repo.dir, members), 'utf8');
    repo.write(members, `${text}- { id: e, joined: 2013-02-30, gender: man }\n`);
    const head = runCli(['--data', repo.dir, 'diff', 'HEAD']);
    expect(head.code).toBe(3);
    expect(head.stderr).toContain('the data at working tree has problems');
    expect(head.stderr).toContain(`${members}:5:`);
    repo.commit('a day that does not exist');
    repo.write(members, text);
    const base = runCli(['--data', repo.dir, 'diff', 'HEAD']);
    expect(base.code).toBe(3);
    expect(base.stderr).toMatch(/the data at HEAD \([0-9a-f]{10}\) has problems/);
    expect(base.stderr).toContain(`${members}:5:`);
    repo.commit('put the members back');
    expect(runCli(['--data', repo.dir, 'diff', 'HEAD~2', '--format', 'json']).code).toBe(0);
  });
});
