import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

// `npm run test:scale`: the scale-sized tests (*.scale.test.ts), and the cache tests in full with
// every command after each edit (IOPS_TEST_SCALE=1): sample-sized writes, many
// kills and writers, more random organisations. .ci/run runs them after `npm test`.
export default defineConfig({
  test: {
    ...shared,
    // these again, in full (IOPS_TEST_SCALE): npm test asks fewer commands after some edits
    include: ['tests/**/*.scale.test.ts', 'tests/scale/cacheResults.test.ts', 'tests/scale/cache.test.ts', 'tests/scale/cacheListing.test.ts'],
    env: { IOPS_TEST_SCALE: '1' },
    // a process per file: these hold organisations of thousands of files in memory, and there are few of them
    isolate: true,
    testTimeout: 600_000,
  },
});
