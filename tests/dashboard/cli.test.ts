// iops dashboard end to end: the built CLI in a real git repository. What it writes, that it
// agrees with `iops readiness`, and where it refuses to write.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { cleanupRepos, runCli, tempDir, tempRepo, type TempRepo } from '../helpers/repo.js';
import { HOSTILE_CHAPTER, hostileOrg } from './fixture.js';

afterAll(cleanupRepos);

let repo: TempRepo;
let first: string;
const outside = () => tempDir('iops-dash-');

beforeAll(() => {
  repo = tempRepo(hostileOrg());
  first = repo.git('rev-parse', 'HEAD').trim();
  repo.write('chapters/ldn/members.yaml', `${readFileSync(join(repo.dir, 'chapters/ldn/members.yaml'), 'utf8')}- { id: lw-99, joined: 2013-06-20, gender: woman }\n`);
  repo.commit('One more member in London');
});

describe('iops dashboard', () => {
  it('writes index.html, and dashboard.json with --format json; exit 0 even when not ready', async () => {
    const out = join(outside(), 'site', 'nested');
    const r = await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', out, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*index\.html \([\d,]+ bytes\)\nwrote .*dashboard\.json \([\d,]+ bytes\)\nnot ready: 3 of 4 goals met as of 2013-06-30/);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain(HOSTILE_CHAPTER);
    expect(page).toContain(`<code title="${repo.git('rev-parse', 'HEAD').trim()}">`);
    expect(page).not.toContain('uncommitted');
  });

  it("dashboard.json holds exactly what `iops readiness --format json` prints, plus the series", async () => {
    const out = outside();
    expect(await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', out, '--format', 'json')).toMatchObject({ code: 0, stderr: '' });
    const dash = JSON.parse(readFileSync(join(out, 'dashboard.json'), 'utf8'));
    const readinessRun = await iops(tmpdir(), '--data', repo.dir, 'readiness', '--format', 'json');
    expect(readinessRun).toMatchObject({ code: 1, stderr: '' });
    const ready = JSON.parse(readinessRun.stdout);
    for (const [key, value] of Object.entries(ready)) expect(dash[key]).toEqual(value);
    expect(dash.series.goals.members.points).toHaveLength(12);
    expect(dash.generator).toBe('iops');
  });

  it('--at and --as-of: the page names the commit it was read at and the day', async () => {
    const out = outside();
    expect((await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', out, '--at', 'HEAD~1', '--as-of', '2013-05-31')).code).toBe(0);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain(`<code title="${first}">`);
    expect(page).toContain('<dt>As of</dt><dd><time datetime="2013-05-31">');
    expect(existsSync(join(out, 'dashboard.json'))).toBe(false);
  });

  it('says so when the working tree has uncommitted changes', async () => {
    const out = outside();
    repo.write('notes.txt', 'draft\n');
    expect(await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', out)).toMatchObject({ code: 0, stderr: '' });
    repo.git('clean', '-fq');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('with uncommitted changes');
  });

  it('the same data gives the same bytes, and a second build replaces the first', async () => {
    const out = outside();
    // the first through the built CLI (bin/iops.js), the second in this process: the same bytes
    expect(runCli(['--data', repo.dir, 'dashboard', '--out', out, '--format', 'json']).code).toBe(0);
    const before = readFileSync(join(out, 'index.html'));
    const beforeJson = readFileSync(join(out, 'dashboard.json'));
    const r = await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', out, '--format', 'json');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'index.html')).equals(before)).toBe(true);
    expect(readFileSync(join(out, 'dashboard.json')).equals(beforeJson)).toBe(true);
  });
});

describe('where it will not write', () => {
  const refused = async (out: string, cwd = repo.dir) => {
    const r = await iops({ cwd }, '--data', repo.dir, 'dashboard', '--out', out);
    return { code: r.code, stderr: r.stderr, stdout: r.stdout };
  };

  it('the data repository itself, its data folders, or a dot-folder in it (exit 2, nothing written)', async () => {
    expect(await refused('.')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('is the data repository itself') });
    expect((await refused(repo.dir)).code).toBe(2);
    expect((await refused('chapters/ldn/site')).stderr).toContain("inside the data's chapters/ folder");
    expect((await refused('branches')).code).toBe(2);
    expect((await refused('.git/site')).stderr).toContain('inside a .git folder');
    expect((await refused('.iops')).code).toBe(2);
    expect(existsSync(join(repo.dir, 'index.html'))).toBe(false);
    expect(existsSync(join(repo.dir, 'chapters/ldn/site'))).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('a folder of its own inside the data repository is fine, and the data still validates', async () => {
    const r = await iops(repo.dir, '--data', repo.dir, 'dashboard', '--out', 'site');
    expect(r.code).toBe(0);
    expect(existsSync(join(repo.dir, 'site/index.html'))).toBe(true);
    expect((await iops(tmpdir(), '--data', repo.dir, 'validate')).code).toBe(0);
    repo.git('clean', '-fdq');
  });

  it('over an index.html iops did not write, or a file where the folder should be', async () => {
    const out = outside();
    writeFileSync(join(out, 'index.html'), '<h1>Our own home page</h1>\n');
    const r = await refused(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('index.html exists and was not written by iops; nothing was written');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>Our own home page</h1>\n');
    const json = outside();
    writeFileSync(join(json, 'dashboard.json'), '{"ours": true}');
    expect((await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', json, '--format', 'json')).code).toBe(2);
    expect(existsSync(join(json, 'index.html'))).toBe(false);
    const file = join(outside(), 'a-file');
    writeFileSync(file, 'x');
    expect((await refused(file)).stderr).toContain('is a file');
  });

  it('usage and data errors: no --out (2), a bad --as-of (2), no goals.yaml (2), invalid data (3)', async () => {
    expect((await iops(tmpdir(), '--data', repo.dir, 'dashboard')).code).toBe(2);
    expect((await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', outside(), '--as-of', '2013-02-30')).code).toBe(2);
    expect((await iops(tmpdir(), '--data', repo.dir, 'dashboard', '--out', outside(), '--format', 'pdf')).code).toBe(2);
    const { 'goals.yaml': _goals, ...noGoals } = hostileOrg();
    const bare = tempRepo(noGoals);
    expect((await iops(tmpdir(), '--data', bare.dir, 'dashboard', '--out', outside())).stderr).toContain('no goals.yaml');
    const broken = tempRepo({ ...hostileOrg(), 'chapters/ldn/chapter.yaml': 'name: London\ncountry: GBR\n' });
    const out = outside();
    const r = await iops(tmpdir(), '--data', broken.dir, 'dashboard', '--out', out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^chapters\/ldn\/chapter\.yaml:2:/);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});

describe('iops init writes a workflow that publishes the dashboard', () => {
  it('is valid YAML with a Pages job on the default branch', async () => {
    const { parse } = await import('yaml');
    const dir = outside();
    mkdirSync(join(dir, 'org'));
    expect(runCli(['init', join(dir, 'org')]).code).toBe(0);
    const wf = parse(readFileSync(join(dir, 'org/.github/workflows/iops.yml'), 'utf8'));
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(wf.jobs.check.if).toBe("github.event_name == 'pull_request'");
    expect(wf.jobs.dashboard.if).toBe("github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch");
    const steps = wf.jobs.dashboard.steps as { uses?: string; run?: string; with?: { path?: string } }[];
    const build = steps.find((s) => s.run?.includes(' dashboard '))!;
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(build.run).toBe('iops dashboard --out "$RUNNER_TEMP/iops-dashboard" --format json');
    expect(upload.with!.path).toBe('${{ runner.temp }}/iops-dashboard');
    expect(wf.jobs.publish).toMatchObject({ needs: 'dashboard', permissions: { pages: 'write', 'id-token': 'write' }, environment: { name: 'github-pages' } });
    expect(wf.jobs.publish.steps[0].uses).toMatch(/^actions\/deploy-pages@[0-9a-f]{40}$/);
  });
});
