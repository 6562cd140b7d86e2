// Properties over random organisations: before every record nothing exists, and results do
// not depend on the machine's time zone (2 organisations here; `npm run test:scale` tries 8 more).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateGoals } from '../../src/core/goals.js';
import { orgFrom } from '../helpers/org.js';
import { randomOrg } from '../helpers/randomOrg.js';
import { cleanupRepos } from '../helpers/repo.js';
import { expectSameInEveryTimeZone } from './timeZones.js';

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
    expectSameInEveryTimeZone(2, 42);
  });
});
