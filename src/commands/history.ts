// iops history [PATH|ID]: the audit trail from git.
import { history } from '../app/history.js';
import { EXIT } from '../errors.js';
import { historyJson, historyMarkdown, historyTable } from '../render/history.js';
import { type CommandContext, type CommandResult, json, location } from './context.js';

export async function historyCommand(ctx: CommandContext, target: string | undefined, opts: { format?: string }): Promise<CommandResult> {
  const view = await history(location(ctx), target);
  const stdout = opts.format === 'json' ? json(historyJson(view)) : opts.format === 'markdown' ? historyMarkdown(view) : historyTable(view, ctx.color, ctx.width);
  return { stdout, stderr: view.truncated, exitCode: EXIT.ok };
}
