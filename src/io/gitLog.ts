// Reading the audit trail: `git log` of the data folder (or some paths in it), with each
// commit's author, date, message and the data files it touched, relative to the data folder.
// In a shallow clone the oldest fetched commit has no parent here, so git shows it as adding
// every file: that commit is kept (it is real) but without files, it never matches a path or
// an id, and truncatedHistoryNote says where the history stops.
import { EnvironmentError, UsageError } from '../errors.js';
import { describeCut, shallowCommits } from './git.js';
import { firstLines, runGit } from './gitRunner.js';

export interface LogEntry {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  message: string;
  /** Files the commit touched, relative to the data folder (none known for a shallow clone's cut-off commit). */
  files: string[];
  /** Where a shallow clone's history is cut off: what this commit changed cannot be told. */
  truncated?: true;
}

const RS = '\x1e';
const US = '\x1f';

/** Commits touching `pathspecs` (relative to root; default the whole data folder), newest first. */
export async function gitLog(root: string, pathspecs: readonly string[] = ['.']): Promise<LogEntry[]> {
  if (!(await hasCommits(root))) return [];
  const r = await runGit(root, ['log', '--relative', '--name-only', '--no-renames', `--format=${RS}%H${US}%an${US}%ae${US}%aI${US}%B${US}`, '--', ...pathspecs]);
  if (r.code !== 0) throw new EnvironmentError(`git log failed: ${firstLines(r.stderr)}`);
  const cut = new Set(await shallowCommits(root));
  const whole = pathspecs.length === 1 && pathspecs[0] === '.';
  const entries = parseLog(r.stdout).map((e): LogEntry => (cut.has(e.commit) ? { ...e, files: [], truncated: true } : e));
  // for a path, git lists the cut-off commit only because it compares it with nothing
  return whole ? entries : entries.filter((e) => !e.truncated);
}

function parseLog(stdout: string): LogEntry[] {
  return stdout
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
  const cut = new Set(await shallowCommits(root));
  return new Set(r.stdout.split('\n').filter((c) => c && !cut.has(c)));
}

/** In a shallow clone, a note that the audit trail stops at the cut-off commit; else undefined. */
export async function truncatedHistoryNote(root: string): Promise<string | undefined> {
  const cut = await shallowCommits(root);
  if (!cut.length) return undefined;
  return [
    `iops: this is a shallow clone: its history is truncated at ${await describeCut(root, cut)}.`,
    'Changes made before it are not in this clone, and what that commit itself changed cannot be told (it is listed without files, and is not attributed to any file, chapter or member).',
    'For the full audit trail, fetch the rest with: git fetch --unshallow',
  ].join('\n');
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
