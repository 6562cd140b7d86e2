// iops diff BASE [HEAD]: what a change (a pull request) does to every goal. Reports, never judges: exit 0.
import { openRepository, resolveAsOf } from '../app/open.js';
import { READINESS } from '../app/scope.js';
import { type Side, diffReadiness } from '../core/diff.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { resolveCommit } from '../io/git.js';
import { findDataRoot } from '../io/repo.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffTable } from '../render/diff.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, location } from './context.js';

export interface DiffOptions {
  asOf?: string;
  format?: Format;
}

async function side(ctx: CommandContext, root: string, ref: string | undefined): Promise<Side> {
  const label = ref === undefined ? 'working tree' : `${ref} (${(await resolveCommit(root, ref)).slice(0, 10)})`;
  const { org, problems } = await openRepository(location(ctx), { at: ref, scope: READINESS });
  if (!org) throw new DataError(problems, `the data at ${label} has problems`);
  if (!org.goals) throw new UsageError(`there is no goals.yaml at ${label}`);
  return { label, org, goals: org.goals };
}

export async function diffCommand(ctx: CommandContext, base: string, head: string | undefined, opts: DiffOptions): Promise<CommandResult> {
  const root = findDataRoot(location(ctx));
  // one side after the other: the second reads most of its files from what the first parsed
  const b = await side(ctx, root, base);
  const h = await side(ctx, root, head);
  const asOf = resolveAsOf(h.org, opts.asOf, ctx.today);
  const view = diffReadiness(b, h, asOf);
  const o = { chalk: chalkFor(ctx), terminal: ctx.color, currency: h.org.settings.currency };
  const stdout = opts.format === 'json' ? renderDiffJson(view) : opts.format === 'markdown' ? renderDiffMarkdown(view, o) : renderDiffTable(view, o);
  return { stdout, exitCode: EXIT.ok };
}
