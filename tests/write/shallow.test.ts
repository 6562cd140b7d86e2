// A shallow clone (what CI checkouts often are): its history stops at a cut-off commit whose
// parents were not fetched. --at a commit beyond it says the history is truncated and how to
// fetch the rest; history says where the trail stops and never credits the cut-off commit
// with every file, chapter and member (git shows it as adding them all).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { ok, smallOrg } from './support.js';

afterAll(cleanupRepos);

let origin: TempRepo;
let clone: string;
let cut: string;

beforeAll(() => {
  origin = tempRepo(smallOrg());
  origin.write('chapters/brighton/chapter.yaml', 'name: Brighton and Hove\ncountry: GB\n');
  cut = origin.commit('Brighton renamed by hand');
  ok(origin, ['member', 'add', 'london', '--joined', '2013-01-01', '--id', 'ldn-new']);
  clone = join(mkdtempSync(join(tmpdir(), 'iops-shallow-')), 'clone');
  execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
});

const inClone = (args: string[]) => runCli(args, { cwd: clone });

describe('a shallow clone', () => {
  it('--at beyond the fetched history says the history is truncated, and how to fetch the rest', () => {
    const r = inClone(['readiness', '--at', 'HEAD~3']);
    expect(r.stderr).toMatch(new RegExp(`"HEAD~3" is older than the history in this clone: it is a shallow clone, whose history is truncated at commit ${cut.slice(0, 10)}`));
    expect(r.stderr).toMatch(/git fetch --unshallow/);
    expect(r.code).toBe(2);
    expect(inClone(['readiness', '--at', 'HEAD~1', '--format', 'json']).code).toBe(1); // within the history: works (not ready)
  });

  it('an unknown ref in a shallow clone mentions the truncated history too', () => {
    const r = inClone(['diff', 'no-such-ref']);
    expect(r.stderr).toMatch(/"no-such-ref" is not a commit in this clone[\s\S]*shallow clone[\s\S]*git fetch --unshallow/);
    expect(r.code).toBe(2);
  });

  it('history says where the trail stops, and does not credit the cut-off commit with every file', () => {
    const all = inClone(['history', '--format', 'json']);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(new RegExp(`shallow clone: its history is truncated at commit ${cut.slice(0, 10)}[\\s\\S]*git fetch --unshallow`));
    const commits = JSON.parse(all.stdout).commits as { commit: string; files: string[] }[];
    expect(commits.map((c) => c.commit)).toEqual([origin.git('rev-parse', 'HEAD').trim(), cut]);
    expect(commits[1]!.files).toEqual([]); // not "iops.yaml, goals.yaml, every chapter …"

    const london = JSON.parse(inClone(['history', 'london', '--format', 'json']).stdout).commits as { commit: string }[];
    expect(london.map((c) => c.commit)).not.toContain(cut);
    const member = JSON.parse(inClone(['history', 'ldn-a', '--format', 'json']).stdout).commits as { commit: string }[];
    expect(member.map((c) => c.commit)).not.toContain(cut);
    const settings = JSON.parse(inClone(['history', 'iops.yaml', '--format', 'json']).stdout).commits as { commit: string }[];
    expect(settings).toEqual([]);
  });

  it('a full clone has no such note', () => {
    const r = runCli(['history'], { cwd: origin.dir });
    expect(r.stderr).toBe('');
  });
});
