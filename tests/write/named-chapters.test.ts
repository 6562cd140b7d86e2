// A write that names its chapter (meeting log, member add, dues record, and member leave, move
// and set) plans on that chapter's
// files, and those of the members it names, once HEAD's tree is kept with its member index: it
// must commit exactly what a plan on every planning file commits, refuse what that refuses with
// the same words, and find a member's chapter after adds and moves.
import { afterAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { iops, ok } from './inProcessSupport.js';
import { repoState, smallOrg } from './support.js';

afterAll(cleanupRepos);

const debug = { IOPS_DEBUG_CACHE: '1' };
const OFF = { IOPS_CACHE: 'off' };

/** Every file of HEAD with its blob id: two repositories that made the same changes hold the same tree. */
const headFiles = (repo: TempRepo) => repo.git('ls-tree', '-r', 'HEAD');

describe('a write that names its chapter', () => {
  it('commits what a plan on every planning file commits, finding members by the index after adds and moves', async () => {
    const kept = tempRepo(smallOrg());
    const plain = tempRepo(smallOrg());
    const steps: { args: string[]; planned?: string }[] = [
      { args: ['member', 'add', 'london', '--id', 'ldn-new', '--joined', '2013-01-01'] },
      // the member just added is found in the index the last write kept: London is loaded for them
      { args: ['meeting', 'log', 'brighton', '--date', '2013-01-10', '--mode', 'online', '--attendees', 'bri-a,ldn-new'], planned: '(the chapters named: brighton, london)' },
      { args: ['dues', 'record', '--member', 'ldn-new', '--date', '2013-01-11', '--amount', '5', '--currency', 'GBP'], planned: '(the chapters named: london)' },
      // a move names both chapters (it is then checked whole: the member's history changes)
      { args: ['member', 'move', 'ldn-new', 'brighton', '--on', '2013-02-01'], planned: '(the chapters named: brighton, london)' },
      { args: ['chapter', 'set', 'london', '--name', 'London City'] },
      // after the move the index says Brighton: the receipt goes into Brighton's ledger
      { args: ['dues', 'record', '--member', 'ldn-new', '--date', '2013-02-11', '--amount', '5', '--currency', 'GBP'], planned: '(the chapters named: brighton)' },
      { args: ['member', 'add', 'brighton', '--joined', '2013-02-12', '--id', 'bri-b'], planned: '(the chapters named: brighton)' },
      { args: ['meeting', 'log', 'london', '--date', '2013-02-20', '--mode', 'in-person', '--attendees', 'ldn-a,bri-b', '--joint-with', 'brighton'], planned: '(the chapters named: london, brighton)' },
    ];
    for (const { args, planned } of steps) {
      const r = await ok(kept, args, debug);
      if (planned) expect(r.stderr, args.join(' ')).toContain(planned);
      else expect(r.stderr, args.join(' ')).not.toContain('planned on');
      await ok(plain, args, OFF);
      expect(headFiles(kept), args.join(' ')).toBe(headFiles(plain));
    }
    expect(kept.git('log', '-1', '--name-only', '--format=', 'HEAD~2')).toBe('chapters/brighton/dues/2013.yaml\n');
    expect(kept.git('log', '-1', '--name-only', '--format=', 'HEAD~3')).toBe('chapters/london/chapter.yaml\n');
    expect((await iops(kept, ['validate', '--at', 'HEAD'])).code).toBe(0);
  });

  it('refuses an id another chapter already uses, and names its members file', async () => {
    for (const env of [debug, OFF]) {
      const repo = tempRepo(smallOrg());
      await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01'], env); // keeps HEAD with its member index
      const before = repoState(repo);
      const r = await iops(repo, ['member', 'add', 'brighton', '--id', 'ldn-a', '--joined', '2013-01-02'], env);
      if (env === debug) expect(r.stderr).toContain('(the chapters named: brighton)');
      expect(r.stderr).toContain('iops: member id "ldn-a" is already used (chapters/london/members.yaml); member ids are unique across the organisation');
      expect(r.code).toBe(2);
      expect(repoState(repo)).toEqual(before);
    }
  });

  it('answers a name HEAD does not have as a plan on every planning file does, with the same hint', async () => {
    const answers: string[][] = [];
    for (const env of [debug, OFF]) {
      const repo = tempRepo(smallOrg());
      await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01'], env);
      const typos = [
        ['meeting', 'log', 'londn', '--date', '2013-01-10', '--mode', 'online', '--attendance', '3'],
        ['meeting', 'log', 'london', '--date', '2013-01-10', '--mode', 'online', '--attendees', 'ldn-a,bri-x'],
        ['dues', 'record', '--member', 'ldn-c', '--date', '2013-01-11', '--amount', '5', '--currency', 'GBP'],
      ];
      const out: string[] = [];
      for (const args of typos) {
        const r = await iops(repo, args, env);
        expect(r.code).toBe(2);
        if (env === debug) expect(r.stderr).not.toContain('planned on');
        out.push(r.stderr.split('\n').filter((l) => l.startsWith('iops: ')).join('\n'));
      }
      answers.push(out);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]![0]).toBe('iops: no chapter "londn"; did you mean "london"? (add one with: iops chapter add ID --name NAME --country CC)');
    expect(answers[0]![2]).toMatch(/^iops: no member "ldn-c"; did you mean "ldn-[ab]"\?/);
  });

  it('keeps the member index a reader loaded whole, so the first write after it plans on the chapters it names', async () => {
    const repo = tempRepo(smallOrg());
    repo.write('chapters/brighton/members.yaml', `${smallOrg()['chapters/brighton/members.yaml']}- id: bri-z\n  joined: 2013-01-05\n`);
    repo.commit('a member added by hand');
    expect((await iops(repo, ['readiness', '--as-of', '2013-01-31'])).code).toBe(1); // every file read: a verdict on valid data
    const first = (await ok(repo, ['dues', 'record', '--member', 'bri-z', '--date', '2013-01-12', '--amount', '5', '--currency', 'GBP'], debug)).stderr;
    expect(first).toContain('with its member index');
    expect(first).toContain('(the chapters named: brighton)');
  });

  it('rebuilds the member index after a commit made by hand, from every planning file once', async () => {
    const repo = tempRepo(smallOrg());
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']);
    expect((await iops(repo, ['readiness', '--as-of', '2013-01-31'])).code).toBe(1); // every file read: its chapters' parts kept
    repo.write('chapters/brighton/members.yaml', `${smallOrg()['chapters/brighton/members.yaml']}- id: bri-z\n  joined: 2013-01-05\n`);
    repo.commit('a member added by hand');
    expect((await iops(repo, ['readiness', '--as-of', '2013-01-31'])).code).toBe(1);
    // that reader read the changed file alone, and kept HEAD's tree without a member index: this
    // write plans on every planning file, and keeps the index
    const first = (await ok(repo, ['dues', 'record', '--member', 'bri-z', '--date', '2013-01-12', '--amount', '5', '--currency', 'GBP'], debug)).stderr;
    expect(first).toContain("write: HEAD's tree was checked before (7 planning files kept)");
    expect(first).not.toContain('planned on');
    const next = (await ok(repo, ['meeting', 'log', 'london', '--date', '2013-01-20', '--mode', 'online', '--attendees', 'ldn-a,bri-z'], debug)).stderr;
    expect(next).toContain('with its member index');
    expect(next).toContain('(the chapters named: london, brighton)');
  });
});
