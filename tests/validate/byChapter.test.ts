// validate chapter by chapter (load/byChapter.ts): after an edit, only the chapters it touched
// are loaded, checked and scanned for warnings again, the rest as kept; the files outside
// chapters/ every time. What it prints, as text and as JSON, and its exit code are those of a
// run without any cache, after every edit: one that adds warnings, one that makes the data
// invalid, one outside the chapters.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iopsWithProcessEnv } from '../helpers/inProcess.js';
import { type TempRepo, cleanupRepos, runCli, sampleRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

let repo: TempRepo;
beforeAll(() => {
  repo = sampleRepo();
});

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = runCli(['validate', ...args], { cwd: repo.dir, env });
  return { out: `${r.code}\n${r.stdout}`, stderr: r.stderr };
};

/** validate without any cache, in this process (the reference: a run of the built CLI costs a quarter of a CPU-second). */
const off = async (args: string[]) => {
  const r = await iopsWithProcessEnv(repo.dir, { IOPS_CACHE: 'off' }, 'validate', ...args);
  return `${r.code}\n${r.stdout}`;
};

/** validate with the kept parts (the built CLI, the cache as the last run left it) against a run without any cache (as text, or as JSON too): its output and debug lines. */
async function expectAsWithoutCache(alsoJson = false): Promise<{ out: string; stderr: string }> {
  const text = run([], { IOPS_DEBUG_CACHE: '1' });
  expect(text.out).toBe(await off([]));
  if (alsoJson) expect(run(['--format', 'json']).out).toBe(await off(['--format', 'json']));
  return text;
}

describe('validate after an edit', () => {
  it('works out again only the chapter an edit touched, and prints what a run without the cache prints', async () => {
    expect((await expectAsWithoutCache()).stderr).toContain('validate: every chapter worked out, their parts kept');

    // warnings in one chapter: an e-mail address and a zero-width space in a meeting's notes
    appendFileSync(join(repo.dir, 'chapters/athens/meetings/2011-10-27.yaml'), 'notes: "write to ana@example.org, a \\u200bquiet one"\n');
    const { out: warned, stderr: touched } = await expectAsWithoutCache(true);
    expect(touched).toMatch(/validate: 1 of 60 chapters worked out again, 59 as kept/);
    expect(warned).toMatch(/^0\nvalid: 60 chapters, /);
    expect(warned).toMatch(/chapters\/athens\/meetings\/2011-10-27\.yaml:6:\d+.*zero-width/);
    expect(warned).toMatch(/chapters\/athens\/meetings\/2011-10-27\.yaml:6:\d+.*e-mail/);

    // a receipt recorded twice in another chapter's ledger: both chapters' warnings, one of them kept
    const ledger = join(repo.dir, 'chapters/berlin/dues/2012.yaml');
    const last = readFileSync(ledger, 'utf8').trim().split('\n').at(-1)!;
    appendFileSync(ledger, `${last}\n`);
    // (the parts are kept again only after more edits: both files changed since they were)
    const { out: both, stderr } = await expectAsWithoutCache();
    expect(stderr).toMatch(/validate: 2 of 60 chapters worked out again, 58 as kept/);
    expect(both).toContain('likely the same receipt as chapters/berlin/dues/2012.yaml');
    expect(both).toContain('chapters/athens/meetings/2011-10-27.yaml:6:');

    // invalid: an attendee nobody lists, reported as without the cache (exit 1), with the warnings
    const meeting = join(repo.dir, 'chapters/athens/meetings/2011-10-27.yaml');
    const before = readFileSync(meeting, 'utf8');
    repo.write('chapters/athens/meetings/2011-10-27.yaml', before.replace('attendance: 2', 'attendees: [nobody-here]'));
    const { out: invalid } = await expectAsWithoutCache(true);
    expect(invalid).toMatch(/^1\nchapters\/athens\/meetings\/2011-10-27\.yaml:4:\d+: .*"nobody-here"/);
    expect(invalid).toContain('1 problem in 1 file');
    repo.write('chapters/athens/meetings/2011-10-27.yaml', before);

    // a file outside the chapters: every chapter worked out again
    appendFileSync(join(repo.dir, 'branches/uk.yaml'), '# a comment\n');
    expect((await expectAsWithoutCache()).stderr).toContain('validate: every chapter worked out');
  });
});
