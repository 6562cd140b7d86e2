import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: every test but the scale-sized ones (*.scale.test.ts, `npm run test:scale`,
// vitest.scale.config.ts). Most tests wait on a child process (the built CLI, git), so two
// test files at a time keep a 2-core machine busy where vitest's default (cores - 1) would
// run one.
export const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', './tests/helpers/summaryReporter.ts'],
} as const;

export default defineConfig({
  test: {
    ...shared,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/**/*.scale.test.ts', '**/node_modules/**'],
  },
});
