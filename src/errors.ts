// Typed errors: code throws them, only cli.ts turns them into a message and an exit code.
import type { Problem } from './core/problem.js';

export const EXIT = { ok: 0, negative: 1, usage: 2, invalidData: 3 } as const;

/** A wrong flag, a missing argument: the user can fix the command line. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something about the machine or repository: no data repository, git missing, a lock held. Exit 2. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** The data repository has problems; commands other than validate refuse to compute. Exit 3. */
export class DataError extends Error {
  override name = 'DataError';
  static readonly DEFAULT = 'the data repository has problems';
  constructor(readonly problems: Problem[], message = DataError.DEFAULT) {
    super(message);
  }
}
