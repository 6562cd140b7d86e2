// 8 writers x 10 dues records at once into one ledger (tests/write/concurrentWriters.ts): more
// contention and a longer run than the 4 x 4 of `npm test`.
import { afterAll, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { recordAtOnce } from './concurrentWriters.js';

afterAll(cleanupRepos);

it('8 writers x 10 dues records at once: every receipt committed or cleanly refused', () => recordAtOnce(8, 10), 600_000);
