// Runs a workflow's `run:` steps on this machine the way a GitHub-hosted runner would: each
// script through `bash --noprofile --norc -eo pipefail`, in the work tree, with the workflow's,
// the job's and the step's `env` (their `${{ }}` expressions replaced from a table the test
// gives: an expression it does not know fails the test), RUNNER_TEMP, GITHUB_WORKSPACE,
// GITHUB_REPOSITORY, and GITHUB_PATH, whose lines are put on the PATH of later steps.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string | number>;
}

export interface RunnerOptions {
  /** The checked-out work tree. */
  workspace: string;
  /** An empty folder for RUNNER_TEMP, GITHUB_PATH and the tools below. */
  temp: string;
  /** Values of the `${{ }}` expressions the steps' env use. */
  expressions: Record<string, string>;
  /** Extra environment: the workflow's and the job's env. */
  env?: Record<string, string>;
  /** Executables (name → shell script) put first on the PATH. */
  tools?: Record<string, string>;
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A runner for one job: `run(step)` runs a step's script and keeps GITHUB_PATH between steps. */
export function jobRunner(o: RunnerOptions): { run(step: Step): StepResult } {
  const runnerTemp = join(o.temp, 'runner-temp');
  const tools = join(o.temp, 'tools');
  const githubPath = join(o.temp, 'github-path');
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(tools, { recursive: true });
  writeFileSync(githubPath, '');
  for (const [name, script] of Object.entries(o.tools ?? {})) {
    writeFileSync(join(tools, name), script);
    chmodSync(join(tools, name), 0o755);
  }
  const evaluate = (value: string | number): string =>
    String(value).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
      if (!(expr in o.expressions)) throw new Error(`the test does not know the value of \${{ ${expr} }}`);
      return o.expressions[expr]!;
    });
  return {
    run(step) {
      if (step.run === undefined) throw new Error(`step ${step.name ?? step.uses} has no script`);
      const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse();
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)]));
      const script = join(o.temp, 'step.sh');
      writeFileSync(script, step.run);
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: o.workspace,
        encoding: 'utf8',
        env: {
          PATH: [...added, tools, process.env.PATH].join(':'),
          HOME: process.env.HOME ?? o.temp,
          LANG: 'C.UTF-8',
          NO_COLOR: '1',
          RUNNER_TEMP: runnerTemp,
          GITHUB_PATH: githubPath,
          GITHUB_WORKSPACE: o.workspace,
          GITHUB_REPOSITORY: 'our-org/records',
          ...o.env,
          ...stepEnv,
        },
      });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
