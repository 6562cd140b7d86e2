// Shared by the loader and validate tests: run `iops validate` on a real temporary git
// repository and read its output as located problems.
import { expect } from 'vitest';
import { iops } from '../helpers/inProcess.js';
import { type CliResult, type TempRepo, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';

export interface Validated extends CliResult {
  repo: TempRepo;
  /** The problem lines (`FILE:LINE:COL: …`), without the summary line. */
  problems: string[];
}

/** A committed repository: the minimal organisation with `files` over it (null deletes a file). */
export function orgRepo(files: Record<string, string | null> = {}): TempRepo {
  const all = minimalOrg(Object.fromEntries(Object.entries(files).filter(([, v]) => v !== null)) as Record<string, string>);
  for (const [path, v] of Object.entries(files)) if (v === null) delete all[path];
  return tempRepo(all);
}

/** `iops validate` in this process (tests/helpers/inProcess.ts): the output the built CLI gives, without starting Node for it. */
export async function validate(repo: TempRepo, args: string[] = []): Promise<Validated> {
  return validated(repo, await iops(repo.dir, 'validate', ...args));
}

/** `iops validate` through the built CLI (bin/iops.js), for the tests that the real program says the same. */
export function validateSpawned(repo: TempRepo, args: string[] = []): Validated {
  return validated(repo, runCli(['validate', ...args], { cwd: repo.dir }));
}

function validated(repo: TempRepo, r: CliResult): Validated {
  const problems = r.stdout.split('\n').filter((l) => /^[^\s].*:\d+:\d+: /.test(l));
  return { ...r, repo, problems };
}

/** Never a crash: no stack trace, no "unexpected error", nothing on stderr for a data problem. */
export function expectNoCrash(r: CliResult): void {
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+[:(]\d+|unexpected error|TypeError|RangeError|ReferenceError/m);
}

/** `iops validate` exited 1 and reported a problem at exactly `location` (FILE:LINE:COL) whose text matches. */
export function expectProblem(r: Validated, location: string, message: RegExp | string): string {
  expectNoCrash(r);
  expect(r.stderr).toBe('');
  expect(r.code, r.stdout).toBe(1);
  const line = r.problems.find((l) => l.startsWith(`${location}: `));
  expect(line, `no problem at ${location} in:\n${r.stdout}`).toBeDefined();
  if (typeof message === 'string') expect(line).toContain(message);
  else expect(line).toMatch(message);
  return line!;
}
