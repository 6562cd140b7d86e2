// The parse cache never changes a result, on 6 more random organisations after random edits
// than cache.test.ts tries (tests/scale/cacheSupport.ts).
import { afterAll, describe, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { expectRandomEditsKeepResults } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('the parse cache never changes a result', () => {
  it('gives byte-identical readiness, validate, report and dues JSON on 6 random organisations after random edits and writes', () => {
    expectRandomEditsKeepResults(6);
  }, 1_200_000);
});
