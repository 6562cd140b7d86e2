// iops goals history: the revisions of goals.yaml from git (oldest first), each read at its
// commit, evaluated against today's organisation (its dated records replay any past day).
import { goalsHistory, type GoalsHistoryView, type GoalsRevision } from '../core/governance/goalsHistory.js';
import type { GoalsFile } from '../core/schema/goals.js';
import { UsageError } from '../errors.js';
import { readFilesAt } from '../io/git.js';
import { gitLog } from '../io/gitLog.js';
import { type DataLocation, findDataRoot } from '../io/repo.js';
import { readFileData } from '../load/fileData.js';
import { openRepository, requireValid } from '../load/open.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';

export async function goalsHistoryOf(location: DataLocation, opts: { asOf?: string; today: string }): Promise<GoalsHistoryView> {
  const root = findDataRoot(location);
  const org = requireValid(await openRepository(location, { scope: LEDGERS_AS_SUMS }));
  const log = (await gitLog(root, ['goals.yaml'])).reverse();
  const revisions: GoalsRevision[] = [];
  for (const e of log) {
    const [file] = await readFilesAt(root, e.commit, (p) => p === 'goals.yaml');
    const read = file?.bytes ? readFileData('goals.yaml', { kind: 'goals' }, file.bytes) : undefined;
    revisions.push({ commit: e.commit, date: e.date.slice(0, 10), subject: e.message.split('\n')[0]!, goals: read && !read.problems.length ? (read.data as GoalsFile) : null });
  }
  if (!revisions.length) throw new UsageError('goals.yaml has no committed history yet; commit it first');
  return goalsHistory(org, revisions, opts.asOf ?? org.settings.snapshot_date ?? opts.today);
}
