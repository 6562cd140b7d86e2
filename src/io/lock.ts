// The repository-wide write lock: one iops writer at a time per git repository. It is a
// folder `iops.lock` in the git directory (proper-lockfile: mkdir is atomic, and the holder
// refreshes its mtime). Writers wait up to IOPS_LOCK_WAIT seconds, then fail cleanly. A
// lock left by a killed writer goes stale after STALE_MS and the next writer takes it over.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { EnvironmentError } from '../errors.js';
import { isWriteRefusal, writeRefusalMessage } from './writeErrors.js';

const STALE_MS = 15_000;
const UPDATE_MS = 2_000;
const DEFAULT_WAIT_S = 20;

export interface RepoLock {
  path: string;
  /** Throws when the lock was lost (taken over as stale) while held: the writer must stop. */
  check(): void;
  release(): Promise<void>;
}

/** Seconds to wait for another writer: IOPS_LOCK_WAIT, else 20. */
export function lockWaitSeconds(env: Record<string, string | undefined>): number {
  const raw = env.IOPS_LOCK_WAIT;
  const n = raw === undefined || raw === '' ? DEFAULT_WAIT_S : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new EnvironmentError(`IOPS_LOCK_WAIT=${JSON.stringify(raw)} is not a number of seconds`);
  return n;
}

export async function acquireRepoLock(gitDir: string, waitSeconds: number): Promise<RepoLock> {
  const path = join(gitDir, 'iops.lock');
  let compromised: Error | undefined;
  const waitMs = waitSeconds * 1000;
  const options = {
    lockfilePath: path,
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    retries: { retries: Math.ceil(waitMs / 40), factor: 1, minTimeout: 20, maxTimeout: 60, randomize: true },
    onCompromised: (err: Error) => {
      compromised = err;
    },
  };
  let release: () => Promise<void>;
  try {
    // once without waiting: proper-lockfile retries every error, so a read-only or full
    // disk would otherwise look like a held lock for the whole wait
    release = await lockfile.lock(join(gitDir, 'iops'), { ...options, retries: 0 }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ELOCKED' || waitMs === 0) throw err;
      return lockfile.lock(join(gitDir, 'iops'), options);
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw lockRefused(err, path);
    throw new EnvironmentError(await heldMessage(path, waitSeconds));
  }
  return {
    path,
    check() {
      if (compromised) throw new EnvironmentError(`the iops lock ${path} was lost while this command held it (${compromised.message}); nothing was changed, try again`);
    },
    async release() {
      await release().catch(() => undefined);
    },
  };
}

function lockRefused(err: unknown, path: string): EnvironmentError {
  if (isWriteRefusal(err)) return new EnvironmentError(`${writeRefusalMessage(err, `the iops lock ${path}`, 'create')}. Nothing was changed.`);
  return new EnvironmentError(`could not take the iops lock ${path}: ${(err as Error).message}`);
}

async function heldMessage(path: string, waitSeconds: number): Promise<string> {
  const since = await stat(path).then((s) => s.mtime, () => undefined);
  const age = since ? Math.round((Date.now() - since.getTime()) / 1000) : undefined;
  return [
    `another iops command is changing this repository (the lock ${path} is held${age !== undefined ? `, last refreshed ${age}s ago` : ''}); waited ${waitSeconds}s.`,
    'Try again in a moment.',
    `If no iops command is running (one was killed), the lock clears itself after ${STALE_MS / 1000}s, or remove it now with: rmdir '${path}'`,
  ].join(' ');
}
