// iops decision propose / decision record (each one commit) and iops decisions (the list).
import { type ProposeInput, type RecordInput, decisionPropose, decisionRecord } from '../app/changes/decision.js';
import { decisionRows } from '../core/governance/decisions.js';
import { EXIT } from '../errors.js';
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
  const stdout = opts.format === 'json' ? json(decisionsJson(rows)) : opts.format === 'markdown' ? decisionsMarkdown(rows) : decisionsTable(rows, ctx.color);
  return { stdout, exitCode: EXIT.ok };
}
