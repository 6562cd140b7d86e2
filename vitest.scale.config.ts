import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

// `npm run test:scale`: the scale-sized tests (*.scale.test.ts): sample-sized writes, many
// kills and writers, more random organisations. .ci/run runs them after `npm test`.
export default defineConfig({
  test: {
    ...shared,
    include: ['tests/**/*.scale.test.ts'],
    testTimeout: 600_000,
  },
});
