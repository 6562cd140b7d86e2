// Progress on long work (src/io/progress.ts): one line on standard error, rewritten in place,
// only on a terminal, only once the run has taken a moment, wiped before anything else is
// printed; never a byte on standard output or through a pipe. The module is tested with a fake
// terminal and clock; one real run of `iops init --sample` in a pseudo-terminal (util-linux
// `script`, skipped with the reason when it is missing) shows it end to end.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { clearProgress, progressStage, progressStep, progressWanted, showProgressOn } from '../../src/io/progress.js';
import { CLI, GIT_ENV, cleanupRepos, tempDir } from '../helpers/repo.js';

afterAll(cleanupRepos);
afterEach(() => showProgressOn(undefined));

function fakeTerminal(columns = 80) {
  let t = 0;
  const written: string[] = [];
  showProgressOn({ write: (s) => void written.push(s), columns }, () => t);
  return { written, at: (ms: number) => void (t = ms) };
}

describe('the progress line', () => {
  it('shows nothing while the run is short, then the work in hand, rewritten in place', () => {
    const term = fakeTerminal();
    progressStep('reading the data, file', 10, 900);
    progressStage('checking the data');
    expect(term.written).toEqual([]);
    term.at(500);
    progressStep('reading the data, file', 450, 900);
    term.at(520);
    progressStep('reading the data, file', 460, 900); // redrawn at most every 100 ms
    term.at(650);
    progressStep('reading the data, file', 1000, 1000);
    progressStage('checking the data');
    clearProgress();
    expect(term.written).toEqual([
      '\riops: reading the data, file 450/900\x1b[K',
      '\riops: reading the data, file 1,000/1,000\x1b[K',
      '\riops: checking the data…\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('is cut to the terminal width, so it never wraps', () => {
    const term = fakeTerminal(30);
    term.at(1000);
    progressStage('importing the members in a-very-long-file-name-from-a-spreadsheet.csv');
    expect(term.written[0]).toBe('\riops: importing the members …\x1b[K');
    expect(term.written[0]!.length).toBe(1 + 29 + 3);
  });

  it('is off unless cli.ts turns it on, and cli.ts turns it on only for a terminal without --quiet or JSON', () => {
    progressStage('checking the data');
    clearProgress(); // nothing to wipe, nothing written, no error
    expect(progressWanted(true, { format: 'table' })).toBe(true);
    expect(progressWanted(false, { format: 'table' })).toBe(false);
    expect(progressWanted(true, { quiet: true })).toBe(false);
    expect(progressWanted(true, { format: 'json' })).toBe(false);
  });
});

// in CI (.ci/run installs util-linux's script) a missing one is a failure, never a skip
const hasScript = Boolean(process.env.CI) || spawnSync('script', ['--version']).status === 0;

describe('in a real terminal', () => {
  it.skipIf(!hasScript)('init --sample shows its months on the terminal, and its standard output (redirected) holds none of it (skipped without util-linux script)', () => {
    const dir = tempDir();
    const log = join(dir, 'terminal.log');
    const out = join(dir, 'stdout.txt');
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" init "${join(dir, 'org')}" --sample > "${out}"`, log], {
      env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', IOPS_DATA: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const terminal = readFileSync(log, 'utf8');
    expect(terminal).toMatch(/\riops: writing the sample's history, month \d+\/\d+\x1b\[K/);
    expect(terminal).toContain('\r\x1b[K'); // wiped at the end
    const stdout = readFileSync(out, 'utf8');
    expect(stdout).toMatch(/^Created a data repository in .* with the sample organisation in \d+ commits\.\n/);
    expect(stdout).not.toMatch(/[\r\x1b]/);
  });
});
