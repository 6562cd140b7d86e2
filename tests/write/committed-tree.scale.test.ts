// The committed-tree property (committedTreeProperty.ts) with many more runs and another seed.
import { afterAll, describe, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { expectEveryCommitValid } from './committedTreeProperty.js';

afterAll(cleanupRepos);

describe('property: every commit iops makes passes validate at that commit', () => {
  it('for 60 random sequences of hand edits and writes', () => expectEveryCommitValid(60, 7), 600_000);
});
