// The workflows' scripts, run here on a pull request made of real commits in a data repository
// `iops init` made: the check job validates and writes the comment (with the goal the pull
// request changed, and the hidden marker); the comment job posts it, edits its earlier one,
// and refuses an artifact it cannot trust.
//
// Two programs stand in for what needs the network. `npm` (for `npm ci` of the pin): it
// records which package-lock.json it was given and installs, as node_modules/.bin/iops, the
// built bin/iops.js. That is the same code the pinned tarball holds (iops init packs the iops
// that runs it; tests/init/pin.test.ts checks the tarball and the lockfile with the real npm),
// but installing the tarball's dependencies would need the npm registry. `gh`: it answers
// from files, and records what would have been posted; its `--jq` filters run through jq.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_LIMIT_BYTES, COMMENT_MARKER } from '../../src/app/init/workflow.js';
import { CLI, cleanupRepos, runCli, tempDir, tempRepo } from '../helpers/repo.js';
import { type Step, jobRunner } from './runner.js';

afterAll(cleanupRepos);

const fakeNpm = `#!/bin/sh
# npm ci --prefix DIR, as the test's stand-in: see the header of workflowSteps.test.ts
[ "$1" = ci ] || { echo "fake npm: only ci" >&2; exit 2; }
prefix=
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix=$2; shift; done
[ -f "$prefix/package-lock.json" ] || { echo "npm ci: no package-lock.json in $prefix" >&2; exit 1; }
cp "$prefix/package-lock.json" "$NPM_RECORD"
mkdir -p "$prefix/node_modules/.bin"
printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "$NODE_BIN" "$IOPS_CLI" > "$prefix/node_modules/.bin/iops"
chmod +x "$prefix/node_modules/.bin/iops"
`;

const fakeGh = `#!/bin/bash
# the GitHub CLI's api and run download, as the test's stand-in: see the header
printf '%s\\n' "$*" >> "$GH_FAKE/calls"
jqf= input= method=GET path=
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --jq) jqf=$2; shift ;;
    --input) input=$2; shift ;;
    --method) method=$2; shift ;;
    --paginate) ;;
    *) path=$1 ;;
  esac
  shift
done
case "$method $path" in
  "GET repos/our-org/records/pulls/"*) response=$(cat "$GH_FAKE/pull.json") ;;
  "GET repos/our-org/records/issues/"*/comments) response=$(cat "$GH_FAKE/comments.json") ;;
  PATCH*|POST*) cp "$input" "$GH_FAKE/posted.json"; echo "$method $path" > "$GH_FAKE/posted-to"; echo '{}'; exit 0 ;;
  *) echo "fake gh: unexpected call $method $path" >&2; exit 1 ;;
esac
if [ -n "$jqf" ]; then jq -r "$jqf" <<<"$response"; else printf '%s\\n' "$response"; fi
`;

interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const readWorkflow = (top: string, name: string) => parse(readFileSync(join(top, '.github/workflows', name), 'utf8')) as Workflow;

/**
 * A data repository (at `data` inside the repository) with a pull request: the base is the
 * commit `iops init` made, the head changes goals.yaml with `change`, and the work tree is the
 * merge of the two, as GitHub checks out refs/pull/N/merge for a pull_request event.
 */
function pullRequest(data: string, change: (goals: string) => string, alsoChange: Record<string, (text: string) => string> = {}) {
  const repo = tempRepo();
  expect(runCli(['init', data || '.'], { cwd: repo.dir }).code).toBe(0);
  const base = repo.git('rev-parse', 'HEAD').trim();
  const at = (p: string) => (data ? `${data}/${p}` : p);
  repo.git('checkout', '-q', '-b', 'lower-the-target');
  repo.write(at('goals.yaml'), change(readFileSync(join(repo.dir, at('goals.yaml')), 'utf8')));
  for (const [path, edit] of Object.entries(alsoChange)) repo.write(at(path), edit(readFileSync(join(repo.dir, at(path)), 'utf8')));
  const head = repo.commit('Lower the members target');
  repo.git('checkout', '-q', '--detach', 'main');
  repo.git('merge', '-q', '--no-ff', '-m', 'Merge lower-the-target into main', 'lower-the-target');
  return { repo, base, head, at };
}

/** Runs the check job's steps; the `uses:` steps are what the runner does (checkout) or keeps (the artifact). */
function runCheckJob(pr: ReturnType<typeof pullRequest>) {
  const workflow = readWorkflow(pr.repo.dir, 'iops.yml');
  const temp = tempDir('iops-runner-');
  const npmRecord = join(temp, 'npm-ci-lockfile.json');
  const runner = jobRunner({
    workspace: pr.repo.dir,
    temp,
    expressions: { 'github.event.pull_request.base.sha': pr.base, 'github.event.pull_request.number': '7' },
    env: { ...workflow.env, NPM_RECORD: npmRecord, NODE_BIN: process.execPath, IOPS_CLI: CLI },
    tools: { npm: fakeNpm },
  });
  const results = new Map<string, { code: number; stdout: string; stderr: string }>();
  for (const step of workflow.jobs.check!.steps) {
    if (step.uses) {
      expect(step.uses).toMatch(/^actions\/(checkout|setup-node|upload-artifact)@/);
      continue;
    }
    results.set(step.id ?? step.name!, runner.run(step));
  }
  const artifact = join(temp, 'runner-temp', 'iops-comment');
  return { results, artifact, npmRecord };
}

describe('the check job, run on a pull request that changes a goal', () => {
  it.each([
    ['', 'at the root of the repository'],
    ['org', 'in a folder of a larger repository'],
  ])('validates, and writes the comment with the changed goal and the marker (data %j, %s)', (data) => {
    const pr = pullRequest(data, (goals) => goals.replace('min: 5000', 'min: 4000'), {
      // the pull request also tries to bring its own iops: the check must not install it
      '.iops/ci/package-lock.json': (lock) => lock.replace('"lockfileVersion": 3', '"lockfileVersion": 3,\n  "brought-by": "the pull request"'),
    });
    const { results, artifact, npmRecord } = runCheckJob(pr);
    for (const [name, r] of results) expect([name, r.code, r.stderr]).toEqual([name, 0, expect.any(String)]);
    expect(results.get('Validate')!.stdout).toContain('valid:');

    const comment = readFileSync(join(artifact, 'comment.md'), 'utf8');
    expect(comment.split('\n')[0]).toBe(COMMENT_MARKER);
    expect(comment).toContain(`### iops diff: \`${pr.base} (${pr.base.slice(0, 10)})\` → \`working tree\``);
    expect(comment).toContain('- `goals.members.min`: 5000 → 4000');
    expect(comment).toContain('| At least 5,000 members | ≥ 5,000 → ≥ 4,000 | 0 | no |');
    expect(readFileSync(join(artifact, 'pr-number'), 'utf8')).toBe('7\n');
    // the pin came from the base commit, not from the pull request
    expect(readFileSync(npmRecord, 'utf8')).toBe(pr.repo.git('show', `${pr.base}:${pr.at('.iops/ci/package-lock.json')}`));
    expect(pr.repo.git('status', '--porcelain')).toBe('');
  });

  it('fails the check on invalid data, and the comment says so', () => {
    const pr = pullRequest('', (goals) => goals.replace('min: 5000', 'min: lots'));
    const { results, artifact } = runCheckJob(pr);
    expect(results.get('Validate')!.code).toBe(1);
    expect(results.get('Validate')!.stdout + results.get('Validate')!.stderr).toContain('goals.yaml:');
    const comment = readFileSync(join(artifact, 'comment.md'), 'utf8');
    expect(comment).toBe(`${COMMENT_MARKER}\n**iops could not compare this pull request with its base.** The log of the *iops* check says why; its *Validate* step lists every problem in the data.\n`);
  });
});

describe('the comment job', () => {
  const HEAD = 'a'.repeat(40);
  /** The post step, on an artifact holding `files`, with GitHub answering from `github`. */
  let written: Workflow | undefined;
  /** The comment workflow as `iops init` wrote it (once: it does not depend on the repository). */
  const commentWorkflow = () => {
    if (!written) {
      const repo = tempRepo();
      expect(runCli(['init', '.'], { cwd: repo.dir }).code).toBe(0);
      written = readWorkflow(repo.dir, 'iops-comment.yml');
    }
    return written;
  };

  /** The post step, on an artifact holding `files`, with GitHub answering from `github`. */
  function post(files: Record<string, string>, github: { headSha?: string; comments?: unknown[] } = {}) {
    const workflow = commentWorkflow();
    // no work tree: the post step must not need one
    const temp = tempDir('iops-runner-');
    const fake = join(temp, 'github');
    const artifact = join(temp, 'runner-temp', 'iops-comment');
    mkdirSync(fake);
    mkdirSync(artifact, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(artifact, name), text);
    writeFileSync(join(fake, 'pull.json'), JSON.stringify({ head: { sha: github.headSha ?? HEAD } }));
    writeFileSync(join(fake, 'comments.json'), JSON.stringify(github.comments ?? []));
    const runner = jobRunner({
      workspace: temp,
      temp,
      expressions: { 'github.token': 'not-a-token', 'github.event.workflow_run.head_sha': HEAD, 'github.event.workflow_run.id': '99' },
      env: { GH_FAKE: fake },
      tools: { gh: fakeGh },
    });
    const steps = workflow.jobs.comment!.steps;
    expect(steps.map((s) => s.id)).toEqual(['download', 'post']);
    const r = runner.run(steps[1]!);
    const read = (name: string) => (existsSync(join(fake, name)) ? readFileSync(join(fake, name), 'utf8') : undefined);
    const posted = read('posted.json');
    return { ...r, calls: read('calls'), postedTo: read('posted-to')?.trim(), body: posted === undefined ? undefined : (JSON.parse(posted) as { body: string }).body, temp };
  }

  it('posts the comment the check job wrote on the pull request it names', () => {
    const pr = pullRequest('org', (goals) => goals.replace('min: 5000', 'min: 4000'));
    const { artifact } = runCheckJob(pr);
    const comment = readFileSync(join(artifact, 'comment.md'), 'utf8');
    const r = post({ 'pr-number': readFileSync(join(artifact, 'pr-number'), 'utf8'), 'comment.md': comment }, { comments: [{ id: 5, user: { login: 'mallory' }, body: `${COMMENT_MARKER}\nlook-alike` }] });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.postedTo).toBe('POST repos/our-org/records/issues/7/comments');
    expect(r.body).toBe(comment);
  });

  it('edits the comment it posted before, found by the marker', () => {
    const comments = [
      { id: 5, user: { login: 'mallory' }, body: `${COMMENT_MARKER}\nlook-alike` },
      { id: 41, user: { login: 'github-actions[bot]' }, body: 'another bot message' },
      { id: 42, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nold` },
    ];
    const r = post({ 'pr-number': '7\n', 'comment.md': `${COMMENT_MARKER}\nnew\n` }, { comments });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.postedTo).toBe('PATCH repos/our-org/records/issues/comments/42');
    expect(r.body).toBe(`${COMMENT_MARKER}\nnew\n`);
  });

  it.each(['7; touch pwned', '$(touch pwned)', '', '7\n8', '-7', '12345678901', '0x1f'])('refuses a pull request number that is not digits (%j), calling nothing', (number) => {
    const r = post({ 'pr-number': `${number}\n`, 'comment.md': `${COMMENT_MARKER}\nhello\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pull request number is not a number; nothing was posted');
    expect(r.calls).toBeUndefined();
    expect(existsSync(join(r.temp, 'pwned'))).toBe(false);
  });

  it('refuses a missing number, and a comment without the marker', () => {
    expect(post({ 'comment.md': `${COMMENT_MARKER}\nhello\n` }).code).toBe(1);
    const unmarked = post({ 'pr-number': '7\n', 'comment.md': 'hello\n' });
    expect([unmarked.code, unmarked.body]).toEqual([1, undefined]);
    expect(unmarked.stderr).toContain('does not start with the iops marker');
  });

  it('posts nothing when the number names a pull request at another commit', () => {
    const r = post({ 'pr-number': '8\n', 'comment.md': `${COMMENT_MARKER}\nhello\n` }, { headSha: 'b'.repeat(40) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no longer at the commit that was checked');
    expect(r.body).toBeUndefined();
  });

  it('cuts a comment longer than GitHub accepts', () => {
    const long = `${COMMENT_MARKER}\n${'| row | 1 |\n'.repeat(20000)}`;
    const r = post({ 'pr-number': '7\n', 'comment.md': long });
    expect(r.code).toBe(0);
    expect(r.body!.startsWith(long.slice(0, COMMENT_LIMIT_BYTES))).toBe(true);
    expect(r.body!.length).toBeLessThan(COMMENT_LIMIT_BYTES + 200);
    expect(r.body).toContain('This comment was cut short');
  });
});
