// Reading the audit trail: `git log` of the data folder (or some paths in it), with each
// commit's author, date, message and the data files it touched, relative to the data folder.
import { EnvironmentError, UsageError } from '../errors.js';
import { firstLines, runGit } from './gitWrite.js';

export interface LogEntry {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  message: string;
  /** Files the commit touched, relative to the data folder. */
  files: string[];
}

const RS = '\x1e';
const US = '\x1f';

/** Commits touching `pathspecs` (relative to root; default the whole data folder), newest first. */
export async function gitLog(root: string, pathspecs: readonly string[] = ['.']): Promise<LogEntry[]> {
  if (!(await hasCommits(root))) return [];
  const r = await runGit(root, ['log', '--relative', '--name-only', '--no-renames', `--format=${RS}%H${US}%an${US}%ae${US}%aI${US}%B${US}`, '--', ...pathspecs]);
  if (r.code !== 0) throw new EnvironmentError(`git log failed: ${firstLines(r.stderr)}`);
  return r.stdout
    .split(RS)
    .slice(1)
    .map((record) => {
      const [commit, authorName, authorEmail, date, message, names] = record.split(US);
      return {
        commit: commit!,
        authorName: authorName!,
        authorEmail: authorEmail!,
        date: date!,
        message: message!.trim(),
        files: (names ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      };
    });
}

/** Commits whose changes to the data folder add or remove a line matching `regex` (git log -G). */
export async function commitsMentioning(root: string, regex: string): Promise<Set<string>> {
  if (!(await hasCommits(root))) return new Set();
  if (regex.startsWith('-') || /[\n\0]/.test(regex)) throw new UsageError('not a searchable id');
  const r = await runGit(root, ['log', '--relative', '--format=%H', `-G${regex}`, '--', '.']);
  if (r.code !== 0) throw new EnvironmentError(`git log failed: ${firstLines(r.stderr)}`);
  return new Set(r.stdout.split('\n').filter(Boolean));
}

async function hasCommits(root: string): Promise<boolean> {
  return (await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD'])).code === 0;
}

/** `Key: value` trailers in the message's last paragraph. */
export function trailers(message: string): { key: string; value: string }[] {
  const paragraphs = message.trim().split(/\n\s*\n/);
  if (paragraphs.length < 2) return [];
  const last = paragraphs[paragraphs.length - 1]!.split('\n');
  const parsed = last.map((l) => /^([A-Za-z0-9-]+): *(.*)$/.exec(l));
  if (!parsed.some(Boolean)) return [];
  return parsed.filter((m): m is RegExpExecArray => m !== null).map((m) => ({ key: m[1]!, value: m[2]!.trim() }));
}
