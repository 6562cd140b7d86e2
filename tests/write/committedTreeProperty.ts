// Whatever the working tree holds, every commit iops makes is valid at that commit: random
// sequences of hand edits (a ghost member, broken YAML, a conflict marker, a duplicate id, valid
// and ghost meetings; some committed by hand, some reverted) and write commands, in-process.
// Used by committed-tree.test.ts (a few runs) and committed-tree.scale.test.ts (many).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { duesRecord } from '../../src/app/changes/dues.js';
import { meetingLog } from '../../src/app/changes/meeting.js';
import { memberAdd, memberLeave } from '../../src/app/changes/members.js';
import { type Plan, applyChange } from '../../src/app/transaction.js';
import { readFilesAt } from '../../src/io/git.js';
import { loadFromFiles } from '../../src/load/load.js';
import { type TempRepo, tempRepo } from '../helpers/repo.js';
import { smallOrg } from './support.js';

const GHOST = '- id: ghost1\n  joined: 2012-08-01\n';


const env = { IOPS_LOCK_WAIT: '0' };
const write = (repo: TempRepo, plan: Plan) => applyChange({ cwd: repo.dir }, plan, { commit: true, dryRun: false, env });

/** The plain loader over the files of a commit: what `iops validate --at` checks, without the cache. */
async function validAt(repo: TempRepo, ref: string): Promise<string[]> {
  const loaded = loadFromFiles(await readFilesAt(repo.dir, ref));
  return loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

type Step =
  | { hand: 'ghost-member' | 'broken-yaml' | 'conflict' | 'duplicate-id' | 'valid-meeting' | 'ghost-meeting' | 'revert'; commit: boolean }
  | { write: 'member-add' | 'meeting-attendees' | 'meeting-ghost' | 'dues' | 'leave'; n: number };

const HAND: Record<string, [string, (old: string) => string]> = {
  'ghost-member': ['chapters/brighton/members.yaml', (old) => `${old}${GHOST}`],
  'broken-yaml': ['chapters/brighton/chapter.yaml', () => 'name: [Brighton\n'],
  conflict: ['chapters/london/chapter.yaml', (old) => `<<<<<<< HEAD\n${old}=======\nname: L\n>>>>>>> theirs\n`],
  'duplicate-id': ['chapters/brighton/members.yaml', (old) => `${old}- id: ldn-a\n  joined: 2012-05-01\n`],
  'valid-meeting': ['chapters/brighton/meetings/2013-03-01.yaml', () => 'date: 2013-03-01\nmode: online\nattendance: 3\n'],
  'ghost-meeting': ['chapters/london/meetings/2013-03-02.yaml', () => 'date: 2013-03-02\nmode: online\nattendees: [ghost1]\n'],
};

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ hand: fc.constantFrom('ghost-member', 'broken-yaml', 'conflict', 'duplicate-id', 'valid-meeting', 'ghost-meeting', 'revert'), commit: fc.boolean() }),
  fc.record({ write: fc.constantFrom('member-add', 'meeting-attendees', 'meeting-ghost', 'dues', 'leave'), n: fc.integer({ min: 1, max: 28 }) }),
) as fc.Arbitrary<Step>;

function planFor(s: Extract<Step, { write: string }>): Plan {
  const day = `2013-06-${String(s.n).padStart(2, '0')}`;
  switch (s.write) {
    case 'member-add':
      return memberAdd({ chapter: s.n % 2 ? 'london' : 'brighton', joined: day });
    case 'meeting-attendees':
      return meetingLog('london', { date: day, mode: 'in-person', attendees: 'ldn-a' });
    case 'meeting-ghost':
      return meetingLog('london', { date: day, mode: 'online', attendees: 'ghost1,ldn-a' });
    case 'dues':
      return duesRecord({ member: s.n % 2 ? 'ldn-a' : 'bri-a', date: day, amount: '5', currency: 'GBP' });
    case 'leave':
      return memberLeave('bri-a', day);
  }
}

/** Random sequences of hand edits and writes, `numRuns` of them (and the fixed trap); every commit iops makes is valid. */
export async function expectEveryCommitValid(numRuns: number, seed = 20261201): Promise<void> {
  {
    let commits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 7 }), async (steps) => {
        const repo = tempRepo(smallOrg());
        try {
          for (const s of steps) {
            if ('hand' in s) {
              if (s.hand === 'revert') repo.git('checkout', '--', '.');
              else {
                const [path, edit] = HAND[s.hand]!;
                let old = '';
                try {
                  old = readFileSync(join(repo.dir, path), 'utf8');
                } catch {
                  // a new file
                }
                repo.write(path, edit(old));
              }
              if (s.commit) repo.commit(`hand edit: ${s.hand}`);
              continue;
            }
            const head = repo.git('rev-parse', 'HEAD').trim();
            const outcome = await write(repo, planFor(s)).catch((e: unknown) => e as Error);
            const after = repo.git('rev-parse', 'HEAD').trim();
            if (outcome instanceof Error) {
              expect(after, `a refused write made a commit: ${outcome.message}`).toBe(head);
              continue;
            }
            commits++;
            expect(after).toBe(outcome.commit);
            expect(repo.git('rev-parse', 'HEAD~1').trim()).toBe(head);
            expect(await validAt(repo, 'HEAD'), `iops committed an invalid tree after ${JSON.stringify(steps)}`).toEqual([]);
            const touched = repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
            expect(touched).toEqual(outcome.paths);
          }
        } finally {
          repo.cleanup();
        }
      }),
      {
        numRuns,
        seed,
        // the trap a working-tree validation falls into, always among the runs
        examples: [[[{ hand: 'ghost-member', commit: false }, { write: 'meeting-ghost', n: 3 }, { hand: 'revert', commit: false }, { write: 'member-add', n: 4 }]]],
      },
    );
    expect(commits, 'the property exercised real commits, not only refusals').toBeGreaterThan(numRuns / 2);
  }
}
