// iops decision propose / decision record (each one commit) and iops decisions (the list).
import { type ProposeInput, type RecordInput, decisionPropose, decisionRecord } from '../app/changes/decision.js';
import { decisionRows } from '../core/governance/decisions.js';
import { isCalendarDate } from '../core/dates.js';
import { EXIT, UsageError } from '../errors.js';
import { PLANNING } from '../load/headTree.js';
import { openRepository, requireValid } from '../load/open.js';
import { decisionsJson, decisionsMarkdown, decisionsTable } from '../render/decisions.js';
import { type CommandContext, type CommandResult, type Format, json, location } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const decisionProposeCommand = (ctx: CommandContext, slug: string, opts: ProposeInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, decisionPropose(slug, opts), opts);

export const decisionRecordCommand = (ctx: CommandContext, id: string, opts: RecordInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, decisionRecord(id, opts), opts);

export async function decisionsCommand(ctx: CommandContext, opts: { at?: string; format?: Format }): Promise<CommandResult> {
  const repo = await openRepository(location(ctx), { at: opts.at, scope: PLANNING });
  const rows = decisionRows(requireValid(repo));
  const stdout = opts.format === 'json' ? json(decisionsJson(rows)) : opts.format === 'markdown' ? decisionsMarkdown(rows) : decisionsTable(rows, ctx.color, ctx.width);
  return { stdout, exitCode: EXIT.ok };
}

/** iops goals history: each revision of goals.yaml, the decision behind it, readiness then and at its deadline. */
export async function goalsHistoryCommand(ctx: CommandContext, opts: { asOf?: string; format?: Format }): Promise<CommandResult> {
  const [{ goalsHistoryOf }, render] = await Promise.all([import('../app/goalsHistory.js'), import('../render/goalsHistory.js')]);
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) throw new UsageError(`--as-of ${JSON.stringify(opts.asOf)} is not a calendar date (write YYYY-MM-DD)`);
  const view = await goalsHistoryOf(location(ctx), { asOf: opts.asOf, today: ctx.today });
  const stdout = opts.format === 'json' ? render.goalsHistoryJson(view) : opts.format === 'markdown' ? render.goalsHistoryMarkdown(view) : render.goalsHistoryText(view);
  return { stdout, exitCode: EXIT.ok };
}
