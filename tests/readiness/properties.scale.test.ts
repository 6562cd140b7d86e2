// The time-zone property of properties.test.ts on 8 more random organisations (another seed).
import { afterAll, describe, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { expectSameInEveryTimeZone } from './timeZones.js';

afterAll(cleanupRepos);

describe('random organisations', () => {
  it('give identical output under TZ=Pacific/Kiritimati and TZ=America/Adak (8 organisations)', () => {
    expectSameInEveryTimeZone(8, 20130831);
  }, 600_000);
});
