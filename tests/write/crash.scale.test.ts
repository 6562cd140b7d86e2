// kill -9 a writer 40 times at moments spread over its run (tests/write/crashWriters.ts):
// more moments than the 10 of `npm test`, so rarer windows of the write are hit too.
import { afterAll, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { killWriters } from './crashWriters.js';

afterAll(cleanupRepos);

it('kill -9 a writer 40 times: the repository stays valid and recoverable', () => killWriters(40), 1_200_000);
