// Readiness after an edit works out again only the chapters the edit touched, and takes every
// other chapter's part as kept from the last run (load/byChapter.ts): a chapter is touched by a
// change in its folder, by a change to a file its figures read elsewhere (a joint meeting held
// by another chapter, the members list of someone who moved in), and by a changed file naming
// it. Whatever the edit, the output is byte for byte the one without any cache; an edit the kept
// parts cannot vouch for loads the whole repository, and a broken one is reported the usual way.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iopsWithProcessEnv } from '../helpers/inProcess.js';
import { type TempRepo, cleanupRepos, runCli, sampleRepo } from '../helpers/repo.js';

const READINESS = ['readiness', '--format', 'json'];
let repo: TempRepo;
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');

/** A run in this process with IOPS_CACHE or IOPS_DEBUG_CACHE set (read from the process's environment), and what the cache said on the process's stderr. */
const inProcess = (env: Record<string, string>, argv: string[]) => iopsWithProcessEnv(repo.dir, env, ...argv);

/**
 * A command with the cache, saying what the cache did, and without any: the same exit code,
 * output and errors. In this process, except where `spawned` asks for the built CLI.
 */
async function compared(argv: string[], spawned = false): Promise<{ code: number; stdout: string; said: string }> {
  const off = await inProcess({ IOPS_CACHE: 'off' }, argv);
  const on = spawned ? runCli(argv, { cwd: repo.dir, env: { IOPS_DEBUG_CACHE: 'files' } }) : await inProcess({ IOPS_DEBUG_CACHE: 'files' }, argv);
  const said = 'said' in on ? String(on.said) : on.stderr;
  expect(on.code).toBe(off.code);
  expect(on.stdout).toBe(off.stdout);
  expect(on.stderr.split('\n').filter((l) => !l.startsWith('iops cache: ')).join('\n')).toBe(off.stderr);
  return { code: on.code, stdout: on.stdout, said };
}

const readiness = (spawned = false) => compared(READINESS, spawned);

/**
 * The chapters the run worked out again, when it used the kept parts: those an edit since they
 * were kept touched (they are kept again only once 16 files have changed).
 */
const again = (said: string, command = 'readiness') => new RegExp(`${command}: worked out again: (.*)`).exec(said)?.[1]?.split(', ');

beforeAll(async () => {
  repo = sampleRepo();
  expect((await readiness()).said).toContain('readiness: every chapter worked out, their parts kept');
});
afterAll(cleanupRepos);

describe('readiness after an edit', () => {
  it('works out again only the chapter whose meeting changed', async () => {
    repo.write('chapters/london/meetings/2012-08-04.yaml', 'date: 2012-08-04\nmode: in-person\nattendance: 4\ntopics: [education]\n');
    const r = await readiness();
    expect(again(r.said)).toEqual(['london']);
    expect(r.said).toMatch(/readiness: 1 of \d+ chapters worked out again, \d+ as kept \(1 file changed since they were kept\)/);
    repo.write('chapters/london/meetings/2012-08-04.yaml', 'date: 2012-08-04\nmode: online\nattendance: 5\ntopics: [campaign]\n');
    expect(again((await readiness()).said)).toEqual(['london']);
  });

  it('works out again the chapter a joint meeting was held with, and one it now names', async () => {
    const path = 'chapters/glasgow/meetings/2012-05-19.yaml';
    expect(read(path)).toContain('joint_with: [edinburgh]');
    // edinburgh counted this meeting as its own (the kept parts say it read the file), so it is worked out again
    repo.write(path, read(path).replace('joint_with: [edinburgh]', 'joint_with: [london]'));
    // (and london, whose meeting changed in the test before)
    expect(again((await readiness()).said)).toEqual(['edinburgh', 'glasgow', 'london']);
  });

  it('works out again the chapters a moved member came from when their list changes', async () => {
    const path = 'chapters/manchester/members.yaml';
    expect(read(path)).toContain('{ chapter: leeds, until: 2012-06-01 }');
    repo.write(path, read(path).replace(/(- id: lds-s35h\n {2}joined: 2012-02-12\n {2}gender: )woman/, '$1non-binary'));
    expect(again((await readiness()).said)).toEqual(expect.arrayContaining(['leeds', 'manchester']));
  });

  it('takes a new member in, and refuses an id another chapter uses, as without the cache', async () => {
    const path = 'chapters/london/members.yaml';
    const added = `${read(path)}- id: ldn-zz01\n  joined: 2012-08-01\n  gender: woman\n  studied: []\n`;
    repo.write(path, added);
    expect(again((await readiness()).said)).toContain('london');
    const elsewhere = /- id: (\S+)/.exec(read('chapters/leeds/members.yaml'))![1]!;
    repo.write(path, `${added}- id: ${elsewhere}\n  joined: 2012-08-01\n  gender: woman\n  studied: []\n`);
    const r = await readiness();
    expect(r.code).toBe(3);
    expect(r.said).toContain(`every chapter worked out: member id ${elsewhere} in ${path} is used in another chapter`);
    repo.write(path, added);
    await readiness();
  });

  it('loads the whole repository for an edit outside the chapters, a removed file or a broken reference', async () => {
    const meeting = 'chapters/london/meetings/2012-08-05.yaml';
    repo.write(meeting, 'date: 2012-08-05\nmode: in-person\nattendees: [nobody-here]\ntopics: [education]\n');
    const broken = await readiness();
    expect(broken.code).toBe(3);
    expect(broken.said).toContain('every chapter worked out: a changed file needs the whole repository checked');
    repo.write(meeting, 'date: 2012-08-05\nmode: in-person\nattendance: 2\ntopics: [education]\n');
    expect(again((await readiness()).said)).toContain('london');
    const kept = 'chapters/leeds/meetings/2012-02-28.yaml'; // one the parts were kept with
    rmSync(join(repo.dir, kept));
    expect((await readiness()).said).toContain(`every chapter worked out: ${kept} was removed`);

    const goals = read('goals.yaml');
    repo.write('goals.yaml', goals.replace(/min: (\d+)/, 'min: 1$1'));
    expect((await readiness()).said).toContain('every chapter worked out: goals.yaml changed');
    repo.write('goals.yaml', goals);

  });
});

describe("a chapter's report after an edit to another chapter", () => {
  const report = (chapter: string) => compared(['report', chapter, '--format', 'json']);

  it('takes every other chapter’s breakdown rows as kept, and loads only the chapters touched', async () => {
    await report('leeds');
    repo.write('chapters/bristol/members.yaml', `${read('chapters/bristol/members.yaml')}- id: bri-zz01\n  joined: 2012-08-02\n  gender: non-binary\n  age_band: 65-plus\n  studied: []\n`);
    const r = await report('leeds');
    expect(again(r.said, 'report')).toEqual(['bristol']);
    expect(r.said).toContain('age band protection: worked out'); // york's new row changed the tables
  });

  it('still reports on a chapter when a file elsewhere is broken, as its own part has no problem', async () => {
    const path = 'chapters/bristol/meetings/2012-08-06.yaml';
    repo.write(path, 'date: 2012-08-06\nmode: in-person\nattendees: [nobody-here]\ntopics: [education]\n');
    const r = await report('leeds');
    expect(r.code).toBe(0);
    expect(r.said).toContain('report: every chapter worked out: a changed file needs the whole repository checked');
    rmSync(join(repo.dir, path));
  });
});

describe('the built CLI', () => {
  // last: its cache's folder is named after its own code, so it starts afresh (and this process's is dropped)
  it('keeps the parts and works out again only the chapter edited, as in this process', async () => {
    expect((await readiness(true)).said).toContain('readiness: every chapter worked out, their parts kept');
    repo.write('chapters/london/meetings/2012-08-04.yaml', 'date: 2012-08-04\nmode: hybrid\nattendance: 6\ntopics: [education]\n');
    expect(again((await readiness(true)).said)).toEqual(['london']);
  });
});
