// iops readiness: every goal, TARGET against CURRENT, met or not, on track for the deadline.
import { dataCommit, openRepository, requireValid, resolveAsOf } from '../app/open.js';
import { READINESS } from '../app/scope.js';
import { readiness } from '../core/readiness.js';
import { EXIT, UsageError } from '../errors.js';
import { renderReadinessJson, renderReadinessMarkdown, renderReadinessTable } from '../render/readiness.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, location } from './context.js';

export interface ReadinessOptions {
  asOf?: string;
  at?: string;
  format?: Format;
  goal?: string;
}

export async function readinessCommand(ctx: CommandContext, opts: ReadinessOptions): Promise<CommandResult> {
  const repo = await openRepository(location(ctx), { at: opts.at, scope: READINESS });
  const org = requireValid(repo);
  if (!org.goals) throw new UsageError('this data repository has no goals.yaml; add one (iops init writes the default goals)');
  if (opts.goal !== undefined && !org.goals.goals.some((g) => g.id === opts.goal)) {
    throw new UsageError(`no goal "${opts.goal}" in goals.yaml (goals: ${org.goals.goals.map((g) => g.id).join(', ')})`);
  }
  const asOf = resolveAsOf(org, opts.asOf, ctx.today);
  const view = { ...readiness(org, org.goals, asOf, opts.goal), ...(await dataCommit(repo.root, opts.at)) };
  const render = { chalk: chalkFor(ctx), terminal: ctx.color, currency: org.settings.currency };
  const stdout =
    opts.format === 'json' ? renderReadinessJson(view) : opts.format === 'markdown' ? renderReadinessMarkdown(view, render) : renderReadinessTable(view, render);
  return { stdout, exitCode: view.ready ? EXIT.ok : EXIT.negative };
}
