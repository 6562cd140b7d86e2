import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

// `npm run test:scale`: the scale-sized tests (*.scale.test.ts), and cacheResults.test.ts with
// every command after each edit (IOPS_TEST_SCALE=1): sample-sized writes, many
// kills and writers, more random organisations. .ci/run runs them after `npm test`.
export default defineConfig({
  test: {
    ...shared,
    // cacheResults.test.ts again, asking every command after each edit (npm test asks two)
    include: ['tests/**/*.scale.test.ts', 'tests/scale/cacheResults.test.ts'],
    env: { IOPS_TEST_SCALE: '1' },
    testTimeout: 600_000,
  },
});
