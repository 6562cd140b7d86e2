import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: every test but the scale-sized ones (*.scale.test.ts, `npm run test:scale`,
// vitest.scale.config.ts). Most tests wait on a child process (the built CLI, git), so more
// test files run at a time than there are cores: on the 2-core machine three at a time took
// the suite from 198 s to 181 s (vitest's default, cores - 1, would run one).
//
// A worker runs its test files one after another in the same process (isolate: false), rather
// than starting a process and importing src/ again for each of the 110 files: 27 CPU-seconds
// less of about 460 (a whole run each way, 2026-12-02). Each file cleans up after itself (its
// temporary repositories, process.env put back after a run that sets it), and what the program
// keeps from run to run in a process is kept per repository folder, which no two files share.
export const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  isolate: false,
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
