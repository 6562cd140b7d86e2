// Results do not depend on the machine's time zone: the built CLI on random organisations,
// under the time zones furthest ahead of and behind UTC, prints the same bytes.
import fc from 'fast-check';
import { expect } from 'vitest';
import { randomOrg } from '../helpers/randomOrg.js';
import { runCli, tempRepo } from '../helpers/repo.js';

/** `samples` random organisations (fixed seed), readiness on two days and validate, east and west. */
export function expectSameInEveryTimeZone(samples: number, seed: number): void {
  for (const files of fc.sample(randomOrg, { numRuns: samples, seed })) {
    const repo = tempRepo(files);
    for (const args of [['readiness', '--format', 'json', '--as-of', '2012-06-30'], ['readiness', '--format', 'json', '--as-of', '2011-01-01'], ['validate', '--format', 'json']]) {
      const east = runCli(['--data', repo.dir, ...args], { env: { TZ: 'Pacific/Kiritimati' } });
      const west = runCli(['--data', repo.dir, ...args], { env: { TZ: 'America/Adak' } });
      expect(east.stderr).toBe('');
      expect(east.stdout).toBe(west.stdout);
      expect(east.code).toBe(west.code);
    }
  }
}
