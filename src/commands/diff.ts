// iops diff BASE [HEAD]: what a change (a pull request) does to every goal. Reports, never judges: exit 0.
import { type Memo, recall } from '../load/memo.js';
import { openRepository } from '../load/open.js';
import { resolveAsOf } from './asOf.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { type Side, type SideEvaluation, diffReadiness, evaluateSide } from '../core/diff.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { resolveCommit } from '../io/git.js';
import { findDataRoot } from '../io/repo.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffTable } from '../render/diff.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, location } from './context.js';

export interface DiffOptions {
  asOf?: string;
  format?: Format;
}

interface Evaluated {
  side: SideEvaluation;
  /** The day it was evaluated as of. */
  asOf: string;
}

/**
 * One side, evaluated as of `asOf` (null: the side's own snapshot_date, else today). The
 * organisation is let go of before the other side is loaded; a side computed before for the
 * same files and day is recalled (load/memo.ts).
 */
async function evaluate(ctx: CommandContext, root: string, ref: string | undefined, asOf: string | null): Promise<{ side: Side; asOf: string }> {
  const label = ref === undefined ? 'working tree' : `${ref} (${(await resolveCommit(root, ref)).slice(0, 10)})`;
  const memo = await recall<Evaluated>(location(ctx), ref, 'diff side', { asOf, today: ctx.today });
  const evaluated = memo.hit ?? (await load(ctx, ref, label, asOf, memo));
  return { side: { label, ...evaluated.side }, asOf: evaluated.asOf };
}

async function load(ctx: CommandContext, ref: string | undefined, label: string, asOf: string | null, memo: Memo<Evaluated>): Promise<Evaluated> {
  const repo = await openRepository(location(ctx), { at: ref, scope: LEDGERS_AS_SUMS, listed: memo.listed });
  const { org, problems } = repo;
  if (!org) throw new DataError(problems, `the data at ${label} has problems`);
  if (!org.goals) throw new UsageError(`there is no goals.yaml at ${label}`);
  const day = resolveAsOf(org, asOf ?? undefined, ctx.today);
  const evaluated = { side: evaluateSide(org, org.goals, day), asOf: day };
  memo.remember(repo, evaluated);
  return evaluated;
}

export async function diffCommand(ctx: CommandContext, base: string, head: string | undefined, opts: DiffOptions): Promise<CommandResult> {
  const root = findDataRoot(location(ctx));
  // the head first: its snapshot_date is the day both sides are evaluated as of
  const h = await evaluate(ctx, root, head, opts.asOf ?? null);
  const b = await evaluate(ctx, root, base, h.asOf);
  const view = diffReadiness(b.side, h.side, h.asOf);
  const o = { chalk: chalkFor(ctx), terminal: ctx.color, currency: h.side.currency };
  const stdout = opts.format === 'json' ? renderDiffJson(view) : opts.format === 'markdown' ? renderDiffMarkdown(view, o) : renderDiffTable(view, o);
  return { stdout, exitCode: EXIT.ok };
}
