// A write commits exactly a valid tree: HEAD with the change applied. Uncommitted edits
// elsewhere (valid or not) are neither validated as part of it nor swept into it; they are
// named in a note and stay as they were.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, tempRepo } from '../helpers/repo.js';
import { expectEveryCommitValid } from './committedTreeProperty.js';
import { iops, ok } from './inProcessSupport.js';
import { lastCommit, repoState, smallOrg } from './support.js';

afterAll(cleanupRepos);

const GHOST = '- id: ghost1\n  joined: 2012-08-01\n';

describe('a write validates the tree it commits, not the working tree', () => {
  it('refuses a change that names a member only the working tree has (the ghost attendee)', async () => {
    const repo = tempRepo(smallOrg());
    repo.write('chapters/brighton/members.yaml', `${smallOrg()['chapters/brighton/members.yaml']}${GHOST}`);
    const before = repoState(repo);
    const r = await iops(repo, ['meeting', 'log', 'london', '--date', '2012-08-30', '--mode', 'in-person', '--attendees', 'ghost1,ldn-a']);
    expect(r.stderr).toMatch(/no member "ghost1"/);
    expect(r.stderr).toContain('iops builds every change on the last commit; these data files have uncommitted changes: chapters/brighton/members.yaml. If the change needs what they add, commit them first.');
    expect(r.code).toBe(2);
    expect(repoState(repo)).toEqual(before);
    expect((await iops(repo, ['validate', '--at', 'HEAD'])).code).toBe(0);
  });

  it('commits a valid change on top of HEAD while another file is broken in the working tree, and names it', async () => {
    const repo = tempRepo(smallOrg());
    const broken = 'name: Brighton\ncountry: GB\n<<<<<<< HEAD\nfounded: 2012-01-01\n=======\n';
    repo.write('chapters/brighton/chapter.yaml', broken);
    repo.write('chapters/brighton/meetings/2013-01-05.yaml', 'date: 2013-01-05\nmode: online\nattendance: 2\n');
    const r = await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']);
    expect(r.stderr).toContain('note: not part of this change, as they are not committed: chapters/brighton/chapter.yaml, chapters/brighton/meetings/2013-01-05.yaml');
    expect(lastCommit(repo).files).toEqual(['chapters/london/members.yaml']);
    expect((await iops(repo, ['validate', '--at', 'HEAD'])).code).toBe(0);
    // the hand edits are still there, untouched and uncommitted
    expect(readFileSync(join(repo.dir, 'chapters/brighton/chapter.yaml'), 'utf8')).toBe(broken);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe(' M chapters/brighton/chapter.yaml\n?? chapters/brighton/meetings/2013-01-05.yaml\n');
  });

  it('keeps another staged change staged and out of the commit', async () => {
    const repo = tempRepo(smallOrg());
    repo.write('chapters/brighton/chapter.yaml', 'name: Brighton and Hove\ncountry: GB\n');
    repo.git('add', 'chapters/brighton/chapter.yaml');
    await ok(repo, ['dues', 'record', '--member', 'ldn-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP']);
    expect(lastCommit(repo).files).toEqual(['chapters/london/dues/2013.yaml']);
    expect(repo.git('status', '--porcelain')).toBe('M  chapters/brighton/chapter.yaml\n');
  });

  it('plans from HEAD: a member only the working tree has cannot be moved, and a hand-committed invalid HEAD is refused with its problems', async () => {
    const repo = tempRepo(smallOrg());
    repo.write('chapters/brighton/members.yaml', `${smallOrg()['chapters/brighton/members.yaml']}${GHOST}`);
    const r = await iops(repo, ['member', 'leave', 'ghost1', '--date', '2013-01-01']);
    expect(r.stderr).toMatch(/no member "ghost1"/);
    expect(r.code).toBe(2);
    repo.commit('a hand commit of a meeting with a ghost attendee');
    repo.write('chapters/london/meetings/2013-01-05.yaml', 'date: 2013-01-05\nmode: online\nattendees: [nobody-here]\n');
    repo.commit('an invalid hand commit');
    const before = repoState(repo);
    const refused = await iops(repo, ['member', 'add', 'london', '--joined', '2013-02-01']);
    expect(refused.stderr).toMatch(/chapters\/london\/meetings\/2013-01-05\.yaml:3:\d+: attendees\[0\]: no member "nobody-here"[\s\S]*the data committed at HEAD \([0-9a-f]{7}\) is invalid/);
    expect(refused.code).toBe(3);
    expect(repoState(repo)).toEqual(before);
  });

  it('refuses to write a file git ignores, and names ignored data files it leaves out', async () => {
    const repo = tempRepo(smallOrg({ '.gitignore': 'chapters/london/meetings/2013-04-2*.yaml\nchapters/brighton/dues/\n' }));
    repo.write('chapters/london/meetings/2013-04-21.yaml', 'date: 2013-04-21\nmode: online\nattendance: 4\n');
    const r = await ok(repo, ['member', 'add', 'brighton', '--joined', '2013-05-01']);
    expect(r.stderr).toContain('chapters/london/meetings/2013-04-21.yaml (ignored by git)');
    const before = repoState(repo);
    const refused = await iops(repo, ['dues', 'record', '--member', 'bri-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP']);
    expect(refused.stderr).toMatch(/chapters\/brighton\/dues\/2013\.yaml is ignored by git[\s\S]*git check-ignore -v/);
    expect(refused.code).toBe(2);
    expect(repoState(repo)).toEqual(before);
  });
});

describe('property: every commit iops makes passes validate at that commit', () => {
  it('for random hand edits (some invalid, some committed by hand) and writes', () => expectEveryCommitValid(12)); // npm run test:scale: 60 more
});

describe('data files git ignores', () => {
  it('are counted, and make the result dirty: it is not what the commit holds', async () => {
    const repo = tempRepo(smallOrg({ '.gitignore': 'chapters/london/meetings/2013-04-2*.yaml\n' }));
    const clean = JSON.parse((await ok(repo, ['report', 'london', '--as-of', '2013-04-30', '--format', 'json'])).stdout);
    expect(clean.dirty).toBe(false);
    repo.write('chapters/london/meetings/2013-04-21.yaml', 'date: 2013-04-21\nmode: online\nattendance: 4\n');
    for (const cache of ['on', 'off']) {
      const report = JSON.parse((await ok(repo, ['report', 'london', '--as-of', '2013-04-30', '--format', 'json'], { IOPS_CACHE: cache })).stdout);
      expect(report.last_meeting, `IOPS_CACHE=${cache}`).toBe('2013-04-21');
      expect(report.dirty, `IOPS_CACHE=${cache}`).toBe(true);
      const readiness = JSON.parse((await iops(repo, ['readiness', '--as-of', '2013-04-30', '--format', 'json'], { IOPS_CACHE: cache })).stdout);
      expect(readiness.dirty, `IOPS_CACHE=${cache}`).toBe(true);
    }
  });
});

describe('a write on a certified HEAD checks the changed files, and what refers to them', () => {
  const withAttendance = smallOrg({
    'chapters/london/meetings/2012-06-01.yaml': 'date: 2012-06-01\nmode: in-person\nattendees: [ldn-a, bri-a]\n',
    'chapters/brighton/dues/2012.yaml': '- { date: 2012-06-02, member: ldn-b, amount: 5, currency: GBP }\n',
  });
  const debug = { IOPS_DEBUG_CACHE: '1' };

  it('checks only the changed file when the change keeps every id, joined date and founding date', async () => {
    const repo = tempRepo(withAttendance);
    expect((await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01'], debug)).stderr).toContain('write: the whole tree checked');
    expect((await ok(repo, ['member', 'add', 'brighton', '--joined', '2013-01-02'], debug)).stderr).toContain('checked against a certified HEAD');
    expect((await ok(repo, ['dues', 'record', '--member', 'bri-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP'], debug)).stderr).toContain('checked against a certified HEAD');
    expect((await iops(repo, ['validate', '--at', 'HEAD'])).code).toBe(0);
  });

  it('plans and checks a change with the chapters it names, and the chapters of the members it names', async () => {
    const repo = tempRepo(withAttendance);
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']); // HEAD is now certified, kept with its member index
    const own = (await ok(repo, ['meeting', 'log', 'london', '--date', '2013-02-01', '--mode', 'online', '--attendees', 'ldn-a'], debug)).stderr;
    expect(own).toContain('planned on 5 of HEAD\'s 7 planning files (the chapters named: london)');
    expect(own).toContain('checked against a certified HEAD: they pass with the chapters named');
    // bri-a is Brighton's: the member index names their chapter, which is loaded too
    const other = (await ok(repo, ['meeting', 'log', 'london', '--date', '2013-02-02', '--mode', 'online', '--attendees', 'ldn-a,bri-a'], debug)).stderr;
    expect(other).toContain('(the chapters named: london, brighton)');
    expect(other).toContain('checked against a certified HEAD: they pass with the chapters named');
    // a plan that does not say what it names plans on every planning file, and checks the change with its own chapter
    const set = (await ok(repo, ['chapter', 'set', 'london', '--name', 'London City'], debug)).stderr;
    expect(set).not.toContain('planned on');
    expect(set).toContain('checked against a certified HEAD: they pass with their own chapters');
    const missing = await iops(repo, ['meeting', 'log', 'london', '--date', '2013-02-03', '--mode', 'online', '--attendees', 'ldn-a,nobody'], debug);
    expect(missing.stderr).toMatch(/no member "nobody"/);
    expect(missing.code).not.toBe(0);
    expect((await iops(repo, ['validate', '--at', 'HEAD'])).code).toBe(0);
  });

  it('checks the whole tree when a joined or founding date moves, and refuses what that breaks elsewhere', async () => {
    const repo = tempRepo(withAttendance);
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']); // HEAD is now certified
    const before = repoState(repo);
    const later = await iops(repo, ['member', 'set', 'bri-a', '--joined', '2012-07-01'], debug);
    expect(later.stderr).toContain('write: the whole tree checked');
    expect(later.stderr).toMatch(/chapters\/london\/meetings\/2012-06-01\.yaml:3:\d+: attendees\[1\]: "bri-a" joined on 2012-07-01, after this meeting/);
    expect(later.code).toBe(3);
    const founded = await iops(repo, ['chapter', 'set', 'brighton', '--founded', '2012-07-01'], debug);
    expect(founded.stderr).toMatch(/chapters\/brighton\/dues\/2012\.yaml:1:\d+: receipts\[0\]\.date: receipt date 2012-06-02 is before the chapter was founded/);
    expect(founded.code).toBe(3);
    expect(repoState(repo)).toEqual(before);
  });

  it('keeps the tree a write committed, so the next write reads only its planning files and what it changes (data in a folder of a larger repository)', async () => {
    const repo = tempRepo(Object.fromEntries(Object.entries(withAttendance).map(([path, text]) => [`org/${path}`, text])));
    const kept = "write: HEAD's tree was checked before";
    expect((await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01'], debug, 'org')).stderr).not.toContain(kept);
    const second = (await ok(repo, ['dues', 'record', '--member', 'bri-a', '--date', '2013-01-05', '--amount', '5', '--currency', 'GBP'], debug, 'org')).stderr;
    expect(second).toContain(kept);
    expect(second).toContain('checked against a certified HEAD');
    // the ledger it added to, a file planning does not read, was looked up at HEAD
    expect(repo.git('show', 'HEAD:org/chapters/brighton/dues/2012.yaml')).toBe(withAttendance['chapters/brighton/dues/2012.yaml']);
    expect(repo.git('show', 'HEAD:org/chapters/brighton/dues/2013.yaml')).toMatch(/member: bri-a, amount: 5, currency: GBP/);
    const refused = await iops(repo, ['meeting', 'log', 'london', '--date', '2013-02-03', '--mode', 'online', '--attendees', 'ldn-a,nobody'], debug, 'org');
    expect(refused.stderr).toContain(kept);
    expect(refused.stderr).toMatch(/no member "nobody"/);
    // a commit by hand makes a tree no write checked: on top of a kept one, it is checked as a change to it (and a file outside the data folder changes nothing)
    repo.write('org/chapters/london/meetings/2013-03-01.yaml', 'date: 2013-03-01\nmode: online\nattendance: 4\n');
    repo.write('elsewhere.txt', 'not data\n');
    repo.commit('a meeting, by hand');
    const after = (await ok(repo, ['member', 'add', 'brighton', '--joined', '2013-03-02'], debug, 'org')).stderr;
    expect(after).toContain("HEAD's tree is not kept, the tree 1 commit before it is: the 1 data file changed since, checked as a change to it");
    expect(after).toContain(kept);
    expect((await ok(repo, ['member', 'add', 'brighton', '--joined', '2013-03-03'], debug, 'org')).stderr).toContain(kept);
    expect((await iops(repo, ['validate', '--at', 'HEAD'], {}, 'org')).code).toBe(0);
  });

  it('keeps a clean HEAD a reader found valid, so the first write after a commit by hand lists only what it reads', async () => {
    const repo = tempRepo(withAttendance);
    // not ready, and valid: every chapter's part kept, and HEAD's tree
    const first = await iops(repo, ['readiness'], debug);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('readiness: every chapter worked out, their parts kept\niops cache: the data is valid at HEAD: its tree is kept as checked for the next write');
    repo.write('chapters/london/meetings/2013-03-01.yaml', 'date: 2013-03-01\nmode: online\nattendance: 4\n');
    repo.commit('a meeting, by hand');
    expect((await iops(repo, ['readiness'], debug)).stderr).toContain('the data is valid at HEAD: its tree is kept as checked for the next write');
    expect((await ok(repo, ['member', 'add', 'london', '--joined', '2013-03-02'], debug)).stderr).toContain("HEAD's tree was checked before");
    // an invalid meeting committed by hand: readiness says so, nothing is kept, and a write refuses to build on it
    repo.write('chapters/london/meetings/2013-03-05.yaml', 'date: 2013-03-05\nmode: online\nattendees: [nobody]\n');
    repo.commit('an invalid meeting, by hand');
    const invalid = await iops(repo, ['readiness'], debug);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).not.toContain('its tree is kept');
    const refused = await iops(repo, ['member', 'add', 'london', '--joined', '2013-03-06'], debug);
    expect(refused.stderr).not.toContain("HEAD's tree was checked before");
    expect(refused.stderr).toContain('the data committed at HEAD');
    expect(refused.code).toBe(3);
  });

  it('checks commits made by hand on top of a kept tree as a change to it, and keeps HEAD when they pass', async () => {
    const repo = tempRepo(withAttendance);
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']); // kept, with its member index
    // two commits by hand (a git pull would do the same): a meeting, a new member, and a file iops does not read
    repo.write('chapters/brighton/meetings/2013-03-01.yaml', 'date: 2013-03-01\nmode: online\nattendance: 4\n');
    repo.commit('a meeting, by hand');
    repo.write('chapters/brighton/members.yaml', `${withAttendance['chapters/brighton/members.yaml']}- id: bri-z\n  joined: 2013-03-02\n`);
    repo.write('NOTES.md', 'who does what\n');
    repo.commit('a member, by hand');
    const first = (await ok(repo, ['dues', 'record', '--member', 'bri-z', '--date', '2013-03-03', '--amount', '5', '--currency', 'GBP'], debug)).stderr;
    expect(first).toContain("write: HEAD's tree is not kept, the tree 2 commits before it is: the 2 data files changed since, checked as a change to it");
    // the member added by hand is in the member index kept for HEAD
    expect(first).toContain("HEAD's tree was checked before (7 planning files kept, with its member index)");
    expect(first).toContain('(the chapters named: brighton)');
    expect((await iops(repo, ['validate', '--at', 'HEAD'])).code).toBe(0);

    // a commit by hand that breaks what another file refers to: found, located, and nothing written
    repo.write('chapters/brighton/members.yaml', withAttendance['chapters/brighton/members.yaml']!.replace('2012-05-01', '2012-07-01'));
    repo.commit('bri-a joined later, by hand');
    const before = repoState(repo);
    const later = await iops(repo, ['meeting', 'log', 'brighton', '--date', '2013-03-10', '--mode', 'online', '--attendance', '3'], debug);
    expect(later.stderr).toContain("HEAD's tree is not kept, the tree 1 commit before it is");
    expect(later.stderr).toMatch(/chapters\/london\/meetings\/2012-06-01\.yaml:3:\d+: attendees\[1\]: "bri-a" joined on 2012-07-01, after this meeting/);
    expect(later.stderr).toContain('the data committed at HEAD');
    expect(later.code).toBe(3);
    expect(repoState(repo)).toEqual(before);

    // a commit that changes no data file: HEAD's data is the kept tree's
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.write('NOTES.md', 'who does what, and when\n');
    repo.commit('notes, by hand');
    const notes = (await ok(repo, ['meeting', 'log', 'brighton', '--date', '2013-03-10', '--mode', 'online', '--attendance', '3'], debug)).stderr;
    expect(notes).toContain("HEAD's tree is not kept, the tree 1 commit before it is: no data file changed since");
    expect(notes).toContain("HEAD's tree was checked before");

    // a file removed by hand is no change a write makes: HEAD is listed and checked whole
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('rm', '-q', 'chapters/brighton/meetings/2013-03-01.yaml');
    repo.commit('a meeting removed, by hand');
    const removed = (await ok(repo, ['meeting', 'log', 'brighton', '--date', '2013-03-11', '--mode', 'online', '--attendance', '3'], debug)).stderr;
    expect(removed).not.toContain("HEAD's tree is not kept, the tree");
    expect(removed).toContain('write: the whole tree checked');
  });

  it('does not keep a tree a hook changed beyond the change checked, and refuses to build on it when it is invalid', async () => {
    const repo = tempRepo(withAttendance);
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']);
    // a pre-commit hook that slips an invalid meeting into every commit
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, "#!/bin/sh\nprintf 'date: 2013-05-01\\nmode: online\\nattendees: [nobody]\\n' > chapters/london/meetings/2013-05-01.yaml\ngit add chapters/london/meetings/2013-05-01.yaml\n");
    chmodSync(hook, 0o755);
    const hooked = await ok(repo, ['member', 'add', 'brighton', '--joined', '2013-01-02'], debug);
    expect(hooked.stderr).toContain('checked against a certified HEAD');
    expect(hooked.stderr).toContain('the commit is not exactly the change checked');
    expect(lastCommit(repo).files).toEqual(['chapters/brighton/members.yaml', 'chapters/london/meetings/2013-05-01.yaml']);
    rmSync(hook);
    const next = await iops(repo, ['member', 'add', 'brighton', '--joined', '2013-01-03'], debug);
    expect(next.stderr).not.toContain("HEAD's tree was checked before");
    expect(next.stderr).toMatch(/chapters\/london\/meetings\/2013-05-01\.yaml:3:\d+: .*"nobody"/);
    expect(next.stderr).toContain('the data committed at HEAD');
    expect(next.code).toBe(3);
  });

  it('locates what the changed file breaks, as a whole-tree check would', async () => {
    const repo = tempRepo(withAttendance);
    await ok(repo, ['member', 'add', 'london', '--joined', '2013-01-01']);
    const before = repoState(repo);
    const args = ['meeting', 'log', 'london', '--date', '2012-03-20', '--mode', 'online', '--attendees', 'ldn-a,ldn-b'];
    const r = await iops(repo, args, debug);
    expect(r.stderr).toContain('checked against a certified HEAD');
    const message = /chapters\/london\/meetings\/2012-03-20\.yaml:\d+:\d+: attendees\[1\]: "ldn-b" joined on 2012-04-01, after this meeting/;
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(3);
    expect(repoState(repo)).toEqual(before);
    const whole = await iops(repo, args, { IOPS_CACHE: 'off' });
    expect(whole.stderr).toBe(r.stderr.replace(/^iops cache: .*\n/gm, ''));
  });
});
