// iops readiness: every goal, TARGET against CURRENT, met or not, on track for the deadline.
import { resolveAsOf } from './asOf.js';
import { type Memo, recall } from '../load/memo.js';
import type { ReadinessView } from '../core/readiness.js';
import { dataCommit } from '../io/git.js';
import { findDataRoot } from '../io/repo.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { renderReadinessJson, renderReadinessMarkdown, renderReadinessTable } from '../render/readiness.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, location } from './context.js';

export interface ReadinessOptions {
  asOf?: string;
  at?: string;
  format?: Format;
  goal?: string;
}

interface Computed {
  readiness: ReadinessView;
  currency: string;
}

export async function readinessCommand(ctx: CommandContext, opts: ReadinessOptions): Promise<CommandResult> {
  const inputs = { asOf: opts.asOf ?? null, goal: opts.goal ?? null, today: ctx.today };
  const memo = await recall<Computed>(location(ctx), opts.at, 'readiness', inputs, { kept: { name: 'readiness', inputs, modules } });
  const computed = memo.hit ?? (await compute(ctx, opts, memo));
  const view = { ...computed.readiness, ...(await dataCommit(findDataRoot(location(ctx)), opts.at)) };
  const render = { chalk: chalkFor(ctx), terminal: ctx.color, currency: computed.currency };
  const stdout =
    opts.format === 'json' ? renderReadinessJson(view) : opts.format === 'markdown' ? renderReadinessMarkdown(view, render) : renderReadinessTable(view, render);
  return { stdout, exitCode: view.ready ? EXIT.ok : EXIT.negative };
}

/** The loader, schemas and metrics: loaded only to compute (recall loads them while git status runs, when a result may not be remembered). */
const modules = () => Promise.all([import('../load/byChapter.js'), import('../core/readiness.js')]);

/**
 * Evaluates every goal, chapter by chapter: after an edit, only the chapters it touched are
 * loaded and worked out again (load/byChapter.ts). The loader, schemas and metrics load only for this.
 */
async function compute(ctx: CommandContext, opts: ReadinessOptions, memo: Memo<Computed>): Promise<Computed> {
  const [{ openByChapter }, { chapterReadiness, readinessOf }] = await modules();
  let asOf = '';
  const opened = await openByChapter(location(ctx), { at: opts.at, listed: memo.listed, kept: memo.kept }, {
    name: 'readiness',
    inputs: { asOf: opts.asOf ?? null, goal: opts.goal ?? null, today: ctx.today },
    prepare(org) {
      const goals = org.goals;
      if (!goals) throw new UsageError('this data repository has no goals.yaml; add one (iops init writes the default goals)');
      if (opts.goal !== undefined && !goals.goals.some((g) => g.id === opts.goal)) {
        throw new UsageError(`no goal "${opts.goal}" in goals.yaml (goals: ${goals.goals.map((g) => g.id).join(', ')})`);
      }
      asOf = resolveAsOf(org, opts.asOf, ctx.today);
      return { key: JSON.stringify([asOf, opts.goal ?? null]), part: chapterReadiness(goals, asOf, opts.goal) };
    },
  });
  if ('invalid' in opened) throw new DataError(opened.invalid.problems);
  const { org } = opened;
  const computed = { readiness: readinessOf(org, opened.parts, org.goals!, asOf, opts.goal), currency: org.settings.currency };
  memo.remember(opened, computed);
  return computed;
}
