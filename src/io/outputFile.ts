// Where `-o/--output FILE` may write: a file (new or to be replaced) in a folder that exists.
// Checked before the command runs, so a mistyped path costs nothing; the write itself is
// atomic (io/atomic.ts), so a reader never sees half a document.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The absolute path to write, or a UsageError saying what is wrong with it. */
export async function checkOutputFile(cwd: string, output: string): Promise<string> {
  if (output.trim() === '') throw new UsageError('-o/--output needs a file name');
  const file = resolve(cwd, output);
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`-o ${output}: that is a folder; name a file in it, such as ${output.replace(/\/+$/, '')}/readiness.md`);
  if (found && !found.isFile()) throw new UsageError(`-o ${output}: that is not a regular file; name a file to write`);
  const folder = await stat(dirname(file)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`-o ${output}: the folder ${dirname(output) || '.'} does not exist; make it first`);
  return file;
}
