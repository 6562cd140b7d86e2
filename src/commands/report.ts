// iops report CHAPTER: the delegate's chapter health report (table, Markdown or JSON),
// --publish to commit it as the chapter's report, and --all: one line per chapter.
import { resolveAsOf } from './asOf.js';
import { type Memo, recall } from '../load/memo.js';
import type { Plan } from '../app/transaction.js';
import { OVERVIEW_SORTS, type OverviewSort } from '../core/choices.js';
import { isCalendarDate } from '../core/dates.js';
import { chapterExists } from '../core/metrics/asof.js';
import type { ChapterRecord, Organisation } from '../core/model.js';
import { ID_PATTERN } from '../core/paths.js';
import { closest } from '../core/problem.js';
import type { Overview } from '../core/report/overview.js';
import type { ChapterReport } from '../core/report/types.js';
import { EXIT, UsageError } from '../errors.js';
import { dataCommit } from '../io/git.js';
import { findDataRoot } from '../io/repo.js';
import { renderOverviewMarkdown, renderOverviewTable } from '../render/report-all.js';
import { renderOverviewJson, renderReportJson } from '../render/report-json.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import { renderReportTable } from '../render/report-table.js';
import { progressStage } from '../io/progress.js';
import { type CommandContext, type CommandResult, type Format, chalkFor, json, location } from './context.js';

export interface ReportCommandOptions {
  all?: boolean;
  asOf?: string;
  since?: string;
  at?: string;
  format?: Format;
  members?: boolean;
  publish?: boolean;
  /** commander's --no-commit: false when given. */
  commit?: boolean;
  dryRun?: boolean;
  sort?: string;
  /** -o FILE (cli.ts writes it): not with --publish, which writes into the repository. */
  output?: string;
}

export async function reportCommand(ctx: CommandContext, chapterId: string | undefined, opts: ReportCommandOptions): Promise<CommandResult> {
  checkFlags(chapterId, opts);
  if (opts.all) return allChapters(ctx, opts);
  if (opts.publish) return publish(ctx, chapterId!, opts);
  const inputs = { chapter: chapterId, asOf: opts.asOf ?? null, since: opts.since ?? null, members: opts.members === true, today: ctx.today };
  const memo = await recall<ChapterReport>(location(ctx), opts.at, 'report', inputs, { kept: { name: 'report', inputs: keptInputs(opts, ctx.today), modules: byChapterModules } });
  const built = memo.hit ?? (await chapterReport(ctx, chapterId!, opts, memo));
  const report = { ...built, ...(await dataCommit(findDataRoot(location(ctx)), opts.at)), ...(opts.at !== undefined ? { at: opts.at } : {}) };
  const stdout =
    opts.format === 'json' ? renderReportJson(report) : opts.format === 'markdown' ? renderReportMarkdown(report) : renderReportTable(report, { chalk: chalkFor(ctx), width: Number(ctx.env.COLUMNS) || undefined });
  return { stdout, exitCode: EXIT.ok };
}

/** Loads what the report reads and builds it (the loader and the report's core load only for this). */
async function chapterReport(ctx: CommandContext, chapterId: string, opts: ReportCommandOptions, memo: Memo<ChapterReport>): Promise<ChapterReport> {
  const quick = opts.at === undefined && memo.listed ? await byChapterReport(ctx, chapterId, opts, memo) : undefined;
  if (quick) return quick;
  const [{ openRepository, requireValid }, { chapterScope }, { buildChapterReport }] = await Promise.all([
    import('../load/open.js'),
    import('../load/scope.js'),
    import('../core/report/build.js'),
  ]);
  const repo = await openRepository(location(ctx), { at: opts.at, scope: chapterScope(chapterId), listed: memo.listed });
  const org = requireValid(repo);
  const chapter = chapterIn(org, chapterId);
  const report = buildChapterReport(org, chapter, asOfFor(org, chapter, opts, ctx.today), { since: opts.since, members: opts.members });
  // a report listing member ids is never kept on disk: anyone who can read the clone could read it
  if (!opts.members) memo.remember(repo, report);
  return report;
}

/** What a report from kept parts loads (recall loads it while git status runs, when a result may not be remembered). */
const byChapterModules = () =>
  Promise.all([import('../load/byChapter.js'), import('../core/report/build.js'), import('../core/privacy/tables.js'), import('../core/privacy/plan.js'), import('../core/privacy/monthEnd.js')]);

/**
 * The report with the organisation-wide privacy plan from every chapter's breakdown rows, kept
 * from the last run for the chapters an edit did not touch (load/byChapter.ts): after an edit
 * to another chapter, only the chapter, the ones the edit touched, the chapter.yaml files and
 * the decisions are loaded. Undefined when the organisation loaded whole has a problem: the
 * report then loads its own part (which may have none), as without the cache.
 */
async function byChapterReport(ctx: CommandContext, chapterId: string, opts: ReportCommandOptions, memo: Memo<ChapterReport>): Promise<ChapterReport | undefined> {
  const [{ openByChapter }, { buildChapterReport }, { chapterRows }, { planFromRows }, { breakdownDate }] = await byChapterModules();
  const opened = await openByChapter(location(ctx), { listed: memo.listed, kept: memo.kept }, {
    name: 'report',
    inputs: keptInputs(opts, ctx.today),
    prepare(org) {
      const at = breakdownDate(resolveAsOf(org, opts.asOf, ctx.today));
      return { key: at, part: (_org, c) => chapterRows(c, at) };
    },
    also: { chapters: [chapterId], matches: (path) => path.endsWith('/chapter.yaml') || path.includes('/decisions/') },
  });
  if ('invalid' in opened) return undefined;
  const { org } = opened;
  const chapter = chapterIn(org, chapterId);
  const plan = planFromRows(opened.parts, org.goals, org.settings.privacy.min_group, org.protections);
  const report = buildChapterReport(org, chapter, asOfFor(org, chapter, opts, ctx.today), { since: opts.since, members: opts.members, plan });
  if (!opts.members) memo.remember(opened, report);
  return report;
}

/** What a report's kept chapter parts (every chapter's breakdown rows) depend on besides the files: the same for every chapter. */
const keptInputs = (opts: ReportCommandOptions, today: string) => ({ asOf: opts.asOf ?? null, today });

function checkFlags(chapterId: string | undefined, opts: ReportCommandOptions): void {
  if (opts.all && chapterId !== undefined) throw new UsageError('give a chapter or --all, not both');
  if (!opts.all && chapterId === undefined) throw new UsageError('which chapter? iops report CHAPTER (or --all for one line per chapter)');
  if (chapterId !== undefined && !ID_PATTERN.test(chapterId)) throw new UsageError(`${JSON.stringify(chapterId)} is not a chapter id (lowercase letters, digits and '-')`);
  if (opts.sort !== undefined && !opts.all) throw new UsageError('--sort orders the chapters of --all');
  if (opts.sort !== undefined && !(OVERVIEW_SORTS as readonly string[]).includes(opts.sort))
    throw new UsageError(`--sort ${JSON.stringify(opts.sort)}: sort by one of ${OVERVIEW_SORTS.join(', ')}`);
  if (opts.all && (opts.members || opts.publish || opts.since !== undefined)) throw new UsageError('--members, --since and --publish are for one chapter\'s report, not --all');
  if (opts.publish && opts.output !== undefined) throw new UsageError('--publish commits the report into the chapter\'s reports/ folder; -o writes it to a file of your choosing: use one or the other');
  if (opts.since !== undefined && !isCalendarDate(opts.since)) throw new UsageError(`--since ${JSON.stringify(opts.since)} is not a calendar date (write YYYY-MM-DD)`);
  if (opts.publish && opts.members) throw new UsageError('a published report never lists member ids; leave out --members');
  if (opts.publish && opts.at !== undefined) throw new UsageError('--publish writes to the working tree; it cannot publish from --at');
  if (!opts.publish && (opts.commit === false || opts.dryRun)) throw new UsageError('--no-commit and --dry-run go with --publish');
}

/** The files a report on the chapter reads (core/report/scope.ts), loaded; undefined when they have problems. */
function chapterIn(org: Organisation, chapterId: string): ChapterRecord {
  const chapter = org.chapterById.get(chapterId);
  if (chapter) return chapter;
  const hint = closest(chapterId, org.chapterById.keys());
  throw new UsageError(`no chapter "${chapterId}"${hint ? `; did you mean "${hint}"?` : ''} (chapters are the folders in chapters/; iops report --all lists them)`);
}

function asOfFor(org: Organisation, chapter: ChapterRecord, opts: ReportCommandOptions, today: string): string {
  const asOf = resolveAsOf(org, opts.asOf, today);
  if (!chapterExists(chapter, asOf)) throw new UsageError(`${chapter.name} was founded on ${chapter.founded}, after the as-of date ${asOf}`);
  if (opts.since !== undefined && opts.since >= asOf) throw new UsageError(`--since ${opts.since} is not before the as-of date ${asOf}`);
  return asOf;
}

async function allChapters(ctx: CommandContext, opts: ReportCommandOptions): Promise<CommandResult> {
  const sort = (opts.sort ?? 'name') as OverviewSort;
  const memo = await recall<Overview>(location(ctx), opts.at, 'report --all', { asOf: opts.asOf ?? null, sort, today: ctx.today });
  if (!memo.hit) progressStage('evaluating every chapter');
  const computed = memo.hit ?? (await allChaptersOverview(ctx, opts, sort, memo));
  const view = { ...computed, ...(await dataCommit(findDataRoot(location(ctx)), opts.at)), ...(opts.at !== undefined ? { at: opts.at } : {}) };
  const stdout =
    opts.format === 'json' ? renderOverviewJson(view) : opts.format === 'markdown' ? renderOverviewMarkdown(view) : renderOverviewTable(view, { chalk: chalkFor(ctx), terminal: ctx.color });
  return { stdout, exitCode: EXIT.ok };
}

async function allChaptersOverview(ctx: CommandContext, opts: ReportCommandOptions, sort: OverviewSort, memo: Memo<Overview>): Promise<Overview> {
  const [{ openRepository, requireValid }, { LEDGERS_AS_SUMS }, { overview }] = await Promise.all([
    import('../load/open.js'),
    import('../load/scope.js'),
    import('../core/report/overview.js'),
  ]);
  const repo = await openRepository(location(ctx), { at: opts.at, scope: LEDGERS_AS_SUMS, listed: memo.listed });
  const org = requireValid(repo);
  const computed = overview(org, resolveAsOf(org, opts.asOf, ctx.today), sort);
  memo.remember(repo, computed);
  return computed;
}

/** Writes the Markdown report as the chapter's report of the as-of day, through the write transaction. */
async function publish(ctx: CommandContext, chapterId: string, opts: ReportCommandOptions): Promise<CommandResult> {
  const plan: Plan = async (s) => {
    // the snapshot's organisation leaves out meetings, reports and receipts: load what the report reads, as committed
    const [{ chapterScope }, { requireValid }, { buildChapterReport }, { publishedReportPath, publishedReportText, publishedTitle, withPublishedReport }] = await Promise.all([
      import('../load/scope.js'),
      import('../load/open.js'),
      import('../core/report/build.js'),
      import('../core/report/publish.js'),
    ]);
    const org = requireValid(await s.load(chapterScope(chapterId)));
    const chapter = chapterIn(org, chapterId);
    const asOf = asOfFor(org, chapter, opts, ctx.today);
    const path = publishedReportPath(chapter.id, asOf);
    if (s.text(path) !== undefined) throw new UsageError(`${chapter.name} already has a report dated ${asOf}: ${path}`);
    const title = publishedTitle(chapter.name, asOf);
    const report = buildChapterReport(org, withPublishedReport(chapter, asOf, title), asOf, { since: opts.since });
    // the report is of the committed data it is published on top of
    const body = renderReportMarkdown({ ...report, commit: s.head, dirty: false }, { heading: false });
    return {
      command: 'report publish',
      subject: `${chapter.name}: publish the chapter report of ${asOf}`,
      entities: [`chapter/${chapter.id}`],
      writes: [{ path, text: publishedReportText(asOf, title, body) }],
      output: path,
    };
  };
  // the write machinery (locks, journal) loads only when publishing
  const { applyChange } = await import('../app/transaction.js');
  const outcome = await applyChange(location(ctx), plan, { commit: opts.commit !== false, dryRun: opts.dryRun === true, env: ctx.env });
  const path = outcome.paths[0] ?? outcome.change.output ?? '';
  if (opts.format === 'json') return { stdout: json({ published: path, status: outcome.status, commit: outcome.commit ?? null, notes: outcome.notes }), exitCode: EXIT.ok };
  const lines =
    outcome.status === 'dry-run'
      ? [outcome.diff ?? '', `would publish ${path} (dry run: nothing written)`]
      : [`published ${path}${outcome.commit ? ` in commit ${outcome.commit.slice(0, 10)}` : ' (written, not committed)'}`];
  return { stdout: [...outcome.notes, ...lines].join('\n'), exitCode: EXIT.ok };
}
