// Properties over random organisations: before every record nothing exists, and results do
// not depend on the machine's time zone.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateGoals } from '../../src/core/goals.js';
import { orgFrom } from '../helpers/org.js';
import { randomOrg } from '../helpers/randomOrg.js';
import { cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';

afterAll(cleanupRepos);

describe('random organisations', () => {
  it('as of a day before every record, every goal measures zero', () => {
    fc.assert(
      fc.property(randomOrg, (files) => {
        const org = orgFrom(files);
        for (const r of evaluateGoals(org, org.goals!, '2009-12-31')) expect([r.goal.id, r.value]).toEqual([r.goal.id, 0]);
      }),
      { numRuns: 150, seed: 20130831 },
    );
  });

  it('give identical output under TZ=Pacific/Kiritimati and TZ=America/Adak', () => {
    const samples = fc.sample(randomOrg, { numRuns: 4, seed: 42 });
    for (const files of samples) {
      const repo = tempRepo(files);
      for (const args of [['readiness', '--format', 'json', '--as-of', '2012-06-30'], ['readiness', '--format', 'json', '--as-of', '2011-01-01'], ['validate', '--format', 'json']]) {
        const east = runCli(['--data', repo.dir, ...args], { env: { TZ: 'Pacific/Kiritimati' } });
        const west = runCli(['--data', repo.dir, ...args], { env: { TZ: 'America/Adak' } });
        expect(east.stderr).toBe('');
        expect(east.stdout).toBe(west.stdout);
        expect(east.code).toBe(west.code);
      }
    }
  });
});
