// Prints one plain closing line, `tests: N passed, N failed, N skipped`, that any CI can read.
// When IOPS_TEST_SUMMARY names a file (.ci/run, which runs `npm test` and `npm run
// test:scale`), each run appends its counts there as `passed failed skipped` and says `this
// run: …` instead: the closing `tests:` line is then the sum of every run, printed by .ci/run.
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && ![...module.children.allTests()].length) counts.failed++;
    }
    const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    const file = process.env.IOPS_TEST_SUMMARY;
    if (file) appendFileSync(file, `${counts.passed} ${counts.failed} ${counts.skipped}\n`);
    process.stdout.write(file ? `\nthis run: ${line}\n` : `\ntests: ${line}\n`);
  }
}
