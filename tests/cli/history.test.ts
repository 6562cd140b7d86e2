// `iops history TARGET` with a target that names nothing: a usage error (exit 2) with a hint,
// not an empty history that looks like "nothing happened".
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, minimalOrg, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

describe('iops history with an unknown target', () => {
  it('says the target is unknown and exits 2, with the nearest chapter when there is one', () => {
    const repo = tempRepo(minimalOrg());
    const r = runCli(['history', 'nosuch'], { cwd: repo.dir });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^iops: unknown target "nosuch": no chapter, branch, member or file/);
    expect(r.stderr).toContain('Try iops history');
    expect(runCli(['history', 'londn'], { cwd: repo.dir }).stderr).toContain('Did you mean london?');
    for (const target of ['member/nosuch', 'chapter/nosuch', 'branch/nosuch']) expect(runCli(['history', target], { cwd: repo.dir }).code).toBe(2);
    const json = runCli(['history', 'nosuch', '--format', 'json'], { cwd: repo.dir });
    expect([json.code, JSON.parse(json.stdout).error.exit_code]).toEqual([2, 2]);
  });

  it('still answers for what exists: a member, a member no longer in the files, one not committed yet', () => {
    const repo = tempRepo(minimalOrg());
    expect(runCli(['history', 'ldn-a'], { cwd: repo.dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('History of member ldn-a: 1 commit') });
    // removed from the files by hand: its past is still there
    repo.write('chapters/london/members.yaml', '- id: ldn-b\n  joined: 2012-04-01\n  gender: man\n');
    repo.commit('remove ldn-a');
    expect(runCli(['history', 'ldn-a'], { cwd: repo.dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('2 commits') });
    const added = runCli(['member', 'add', 'london', '--joined', '2012-08-30', '--no-commit', '--quiet'], { cwd: repo.dir });
    expect(added.code).toBe(0);
    expect(runCli(['history', added.stdout.trim()], { cwd: repo.dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('No commits yet') });
  });
});
