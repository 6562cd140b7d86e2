// 4 writers x 4 dues records at once into one ledger: every receipt committed or cleanly
// refused (tests/write/concurrentWriters.ts). `npm run test:scale` runs 8 x 10.
import { afterAll, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { recordAtOnce } from './concurrentWriters.js';

afterAll(cleanupRepos);

it('4 writers x 4 dues records at once: every receipt committed or cleanly refused', () => recordAtOnce(4, 4), 120_000);
