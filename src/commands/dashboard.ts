// iops dashboard --out DIR: the running update as a static page (DIR/index.html), and with
// --format json the figures beside it (DIR/dashboard.json). Exit 0 whenever the page is
// written, ready or not: it is a publishing step, and a CI job must not fail on a verdict.
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { dataCommit, openRepository, requireValid } from '../load/open.js';
import { resolveAsOf } from './asOf.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { DASHBOARD_FILES, refuseOutput, writtenByIops } from '../core/dashboard/output.js';
import { dashboard } from '../core/dashboard/view.js';
import { EXIT, UsageError } from '../errors.js';
import { checkOutputFile, checkOutputFolder, makeOutputFolder, writeOutputs } from '../io/outputs.js';
import { renderDashboardJson } from '../render/dashboard/json.js';
import { renderDashboardHtml } from '../render/dashboard/page.js';
import { count } from '../render/format.js';
import { progressStage } from '../io/progress.js';
import { type CommandContext, type CommandResult, location } from './context.js';

export interface DashboardOptions {
  out: string;
  asOf?: string;
  at?: string;
  format?: 'html' | 'json';
}

/** The path with symbolic links resolved as far as it exists (the rest may be created). */
async function resolveLinks(path: string): Promise<string> {
  const rest: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    const real = await realpath(p).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest);
    if (dirname(p) === p) return path;
    rest.unshift(basename(p));
  }
}

/** The output folder relative to the data root (POSIX), or null when it is outside. */
async function placeOf(dataRoot: string, out: string): Promise<string | null> {
  const rel = relative(await resolveLinks(dataRoot), out);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

async function checkOutput(dataRoot: string, folder: string, shown: string, names: readonly string[]): Promise<void> {
  const out = await resolveLinks(folder);
  const refused = refuseOutput(await placeOf(dataRoot, out), shown, out.split(sep).join('/'));
  if (refused) throw new UsageError(refused);
  await checkOutputFolder(out, shown);
  for (const name of names) {
    // never open what is not an ordinary file: reading a named pipe would wait for ever
    if ((await checkOutputFile(join(out, name), join(shown, name))) === 'none') continue;
    const existing = await readFile(join(out, name), 'utf8').catch(() => undefined);
    if (existing !== undefined && !writtenByIops(name, existing))
      throw new UsageError(`${join(shown, name)} exists and was not written by iops; nothing was written. Choose another folder, or move that file away`);
  }
}

export async function dashboardCommand(ctx: CommandContext, opts: DashboardOptions): Promise<CommandResult> {
  const repo = await openRepository(location(ctx), { at: opts.at, scope: LEDGERS_AS_SUMS });
  const org = requireValid(repo);
  if (!org.goals) throw new UsageError('this data repository has no goals.yaml; add one (iops init writes the default goals)');
  const asOf = resolveAsOf(org, opts.asOf, ctx.today);
  const out = resolve(ctx.cwd, opts.out);
  const names = opts.format === 'json' ? [DASHBOARD_FILES.html, DASHBOARD_FILES.json] : [DASHBOARD_FILES.html];
  await checkOutput(repo.root, out, opts.out, names);

  progressStage('evaluating every goal and its trend');
  const view = { ...dashboard(org, org.goals, asOf), ...(await dataCommit(repo.root, opts.at)) };
  progressStage('writing the page');
  const texts = new Map<string, string>([[DASHBOARD_FILES.html, renderDashboardHtml(view)]]);
  if (opts.format === 'json') texts.set(DASHBOARD_FILES.json, renderDashboardJson(view));
  await makeOutputFolder(out, opts.out);
  await writeOutputs([...texts].map(([name, text]) => ({ path: join(out, name), content: text })));
  const lines = [...texts].map(([name, text]) => `wrote ${join(opts.out, name)} (${count(Buffer.byteLength(text))} bytes)`);
  const r = view.readiness;
  const met = r.goals.filter((g) => g.met).length;
  lines.push(`${r.ready ? 'ready' : 'not ready'}: ${met} of ${r.goals.length} goals met as of ${r.as_of}; open ${join(opts.out, DASHBOARD_FILES.html)} in a browser, or publish the folder on any static web server`);
  return { stdout: lines.join('\n'), exitCode: EXIT.ok };
}
