// iops completion bash|zsh|fish: scripts built from the registered commands, which complete
// commands, options, format values, and chapter, branch and goal ids read from the data
// (through the hidden `iops __complete KIND`). The bash script runs in a real bash, with
// COMP_WORDS/COMP_CWORD set as bash sets them on a TAB; fish's own `complete -C` is used when
// fish is installed; zsh (which runs the bash script through bashcompinit) is loaded in a real
// zsh when installed. The scripts call the built CLI (bin/iops.js), as a user's shell would.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, GIT_ENV, cleanupRepos, minimalOrg, tempDir, tempRepo, type TempRepo } from '../helpers/repo.js';
import { iops } from '../helpers/inProcess.js';

afterAll(cleanupRepos);

const GOALS = 'convention: C\ndeadline: 2013-08-31\ngoals:\n  - { id: members, title: "Members", metric: members, min: 5 }\n  - { id: women, title: "Women", metric: gender_share, gender: woman, min: 0.4 }\n';

// in CI (.ci/run installs zsh and fish) a missing shell is a failure, never a skip
const has = (shell: string): boolean => Boolean(process.env.CI) || spawnSync(shell, ['-c', 'exit 0']).status === 0;

let repo: TempRepo;
let bin: string;
beforeAll(() => {
  repo = tempRepo(
    minimalOrg({
      'goals.yaml': GOALS,
      'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\n',
      'chapters/lisbon/chapter.yaml': 'name: Lisbon\ncountry: PT\n',
      'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\n',
    }),
  );
  // `iops` on PATH, as after npm i -g
  bin = tempDir('iops-bin-');
  writeFileSync(join(bin, 'iops'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'iops'), 0o755);
});

const shellEnv = () => ({ ...process.env, ...GIT_ENV, PATH: `${bin}:${process.env.PATH}`, IOPS_DATA: '' });

/** What bash offers for the words typed (the last one being completed), in the repository. */
function bashCompletes(script: string, words: string[], cwd = repo.dir): string[] {
  const file = join(bin, 'iops.bash');
  writeFileSync(file, script);
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync('bash', ['--norc', '-c', `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _iops_complete; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    cwd,
    env: shellEnv(),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('iops completion bash', () => {
  let script: string;
  beforeAll(async () => {
    const r = await iops(repo.dir, 'completion', 'bash');
    expect(r.code).toBe(0);
    script = r.stdout;
  });

  it('completes commands, subcommands and options from the registered commands', () => {
    expect(bashCompletes(script, ['iops', 'rea'])).toEqual(['readiness']);
    expect(bashCompletes(script, ['iops', 'dues', 'ex'])).toEqual(['expense', 'export']);
    expect(bashCompletes(script, ['iops', 'readiness', '--g'])).toEqual(['--goal']);
    // a command added to the program is completed without editing any script
    expect(bashCompletes(script, ['iops', 'comp'])).toEqual(['completion']);
    // the hidden helper is not offered
    expect(bashCompletes(script, ['iops', '__'])).toEqual([]);
  });

  it("completes a command's formats, after other options and their values", () => {
    expect(bashCompletes(script, ['iops', 'readiness', '--as-of', '2013-06-30', '--format', ''])).toEqual(['table', 'json', 'markdown']);
    expect(bashCompletes(script, ['iops', 'dues', 'export', '--format', ''])).toEqual(['ledger', 'csv']);
    // plain `iops dues` runs the summary: its options are offered there too
    expect(bashCompletes(script, ['iops', 'dues', '--format', 'c'])).toEqual(['csv']);
  });

  it('completes chapter, branch and goal ids from the data, also with --data from elsewhere', () => {
    expect(bashCompletes(script, ['iops', 'report', 'l'])).toEqual(['leeds', 'lisbon', 'london']);
    expect(bashCompletes(script, ['iops', 'gathering', 'log', 'uk', '--chapters', 'leeds,li'])).toEqual(['leeds,lisbon']);
    expect(bashCompletes(script, ['iops', 'gathering', 'log', ''])).toEqual(['uk']);
    expect(bashCompletes(script, ['iops', 'readiness', '--goal', ''])).toEqual(['members', 'women']);
    const elsewhere = tempDir();
    expect(bashCompletes(script, ['iops', '--data', repo.dir, 'meeting', 'log', 'le'], elsewhere)).toEqual(['leeds']);
    // no data repository here: nothing offered, and nothing said
    expect(bashCompletes(script, ['iops', 'report', ''], elsewhere)).toEqual([]);
  });
});

describe('iops __complete', () => {
  it('lists ids one a line, and says nothing (exit 0) outside a data repository', async () => {
    expect(await iops(repo.dir, '__complete', 'chapters')).toEqual({ code: 0, stdout: 'leeds\nlisbon\nlondon\n', stderr: '' });
    expect((await iops(repo.dir, '__complete', 'targets')).stdout).toBe('goals\nleeds\nlisbon\nlondon\nuk\n');
    expect(await iops(tempDir(), '__complete', 'chapters')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is not in the help', async () => {
    expect((await iops(repo.dir, '--help')).stdout).not.toContain('__complete');
  });
});

describe('iops completion zsh and fish', () => {
  it('a shell it does not know is a usage error naming the ones it knows', async () => {
    const r = await iops(repo.dir, 'completion', 'powershell');
    expect([r.code, r.stderr]).toEqual([2, 'iops: no completion for "powershell"; use one of: bash, zsh, fish\n']);
  });

  it.skipIf(!has('zsh'))('zsh: the script parses and loads in a real zsh (skipped when zsh is not installed)', async () => {
    const { stdout } = await iops(repo.dir, 'completion', 'zsh');
    const file = join(bin, '_iops');
    writeFileSync(file, stdout);
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
    const r = spawnSync('zsh', ['-f', '-c', `source '${file}' && complete -p iops`], { cwd: repo.dir, env: shellEnv(), encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('complete -F _iops_complete iops\n');
  });

  it.skipIf(!has('fish'))('fish: completes a command, a format and a chapter id in a real fish (skipped when fish is not installed)', async () => {
    const { stdout } = await iops(repo.dir, 'completion', 'fish');
    const file = join(bin, 'iops.fish');
    writeFileSync(file, stdout);
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { cwd: repo.dir, env: shellEnv(), encoding: 'utf8' }).stdout.split('\n').map((l) => l.split('\t')[0]).filter(Boolean);
    expect(complete('iops rea')).toEqual(['readiness']);
    expect(complete('iops dues export --format ')).toEqual(['csv', 'ledger']);
    expect(complete('iops report l')).toEqual(['leeds', 'lisbon', 'london']);
  });
});
