// kill -9 a writer 10 times at moments spread over its run: the repository stays valid and
// recoverable (tests/write/crashWriters.ts). `npm run test:scale` kills 40 times.
import { afterAll, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { killWriters } from './crashWriters.js';

afterAll(cleanupRepos);

it('kill -9 a writer 10 times: the repository stays valid and recoverable', () => killWriters(10), 300_000);
