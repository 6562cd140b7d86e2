// The operating system's refusals to write — a full disk, a used-up quota, a read-only file
// system, no permission, a path through a file — told as what happened and what to do. They
// are facts about the machine, not bugs in iops: EnvironmentError, exit 2.
import { EnvironmentError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full (no space left on device). Free some space on that disk, then try again',
  EDQUOT: 'your disk quota is used up. Delete or move some of your files (or ask for a larger quota), then try again',
  EFBIG: 'the file would be larger than this system allows (a file size limit, such as ulimit -f). Raise the limit, then try again',
  EROFS: 'the file system is read-only. Write somewhere else, or remount it writable, then try again',
  EACCES: 'permission denied. Check who may write there (ls -ld on the folder), or choose another place',
  EPERM: "the operation is not permitted there. Check the folder's permissions and attributes (ls -ld, lsattr), or choose another place",
  ENOTDIR: 'a part of that path is a file, not a folder. Check the path',
  EISDIR: 'that path is a folder, not a file. Check the path',
  ENOENT: 'a folder on that path does not exist and cannot be created there. Check the path',
  ENAMETOOLONG: 'the path is too long for this file system. Choose a shorter one',
  ELOOP: 'the path goes round in a loop of symbolic links. Check the path',
  EIO: 'the disk reported an input/output error. Check the disk (or network share), then try again',
  EMFILE: 'too many files are open. Close some programs, then try again',
  ENFILE: 'too many files are open on this system. Close some programs, then try again',
  EBUSY: 'the file or device is busy. Try again when it is free',
  ETXTBSY: 'the file is busy. Try again when it is free',
};

type ErrnoError = NodeJS.ErrnoException & { code: string };

/** Whether the error is a write refusal iops can explain (one of the codes above). */
export function isWriteRefusal(err: unknown): err is ErrnoError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return err instanceof Error && typeof code === 'string' && code in REASONS;
}

/** Disk full, quota or file size limit: the space ran out, whatever the path. */
export const isOutOfSpace = (err: unknown): boolean => isWriteRefusal(err) && ['ENOSPC', 'EDQUOT', 'EFBIG'].includes(err.code);

/** "could not write PATH: REASON" — `shown` is the path as the user knows it. */
export function writeRefusalMessage(err: ErrnoError, shown = err.path ?? 'a file', verb = 'write'): string {
  return `could not ${verb} ${shown}: ${REASONS[err.code]}`;
}

/** The error as an EnvironmentError when the system refused the write; otherwise unchanged. */
export function explainWriteError(err: unknown, shown?: string, verb?: string): unknown {
  return isWriteRefusal(err) ? new EnvironmentError(writeRefusalMessage(err, shown, verb)) : err;
}
