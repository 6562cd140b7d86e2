import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: every test but the scale-sized ones (*.scale.test.ts, `npm run test:scale`,
// vitest.scale.config.ts). Most tests wait on a child process (the built CLI, git), so more
// test files run at a time than there are cores: on the 2-core machine three at a time took
// the suite from 198 s to 181 s (vitest's default, cores - 1, would run one).
export const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  maxWorkers: availableParallelism() + 1,
  reporters: ['default', './tests/helpers/summaryReporter.ts'],
} as const;

export default defineConfig({
  test: {
    ...shared,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/**/*.scale.test.ts', '**/node_modules/**'],
  },
});
