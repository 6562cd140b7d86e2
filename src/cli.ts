// The iops program: registers the commands and is the one place that turns errors into
// messages and exit codes (0 ok, 1 a negative verdict, 2 usage or environment, 3 invalid data).
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { Command, CommanderError } from 'commander';
import { localToday } from './io/clock.js';
import { DataError, EXIT, EnvironmentError, UsageError } from './errors.js';
import type { Problem } from './core/problem.js';
import { problemSummary, renderProblems } from './render/problems.js';
import { isWriteRefusal, writeRefusalMessage } from './io/writeErrors.js';
import { type CommandContext, type CommandResult, colorWanted } from './commands/context.js';
import { registerCommands } from './commands/index.js';
import { PROGRAM_EXAMPLES } from './commands/help.js';
import { checkOutputFile } from './io/outputFile.js';
import { writeFileAtomic } from './io/atomic.js';
import { clearProgress, progressWanted, showProgressOn } from './io/progress.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Standard error is a terminal: progress on long work is shown there (io/progress.ts). */
  stderrIsTTY?: boolean;
  /** Standard error's terminal width, for the progress line. */
  columns?: number | undefined;
  /** Standard output's terminal width, when it is a terminal. */
  stdoutColumns?: number | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

const processIo = (): Io => {
  reportOutputFailures();
  // a file size limit (ulimit -f) would kill iops half way through a write; handled, the
  // write fails with EFBIG instead, which is undone and explained like a full disk
  process.on('SIGXFSZ', () => undefined);
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
    stdoutColumns: process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
  };
};

/**
 * Standard output can fail too: redirected to a full disk (or /dev/full), or to a pipe whose
 * reader has gone (`iops history | head`). Node reports that as an 'error' event after the
 * command has finished; without a listener it would print a stack trace. A reader that went
 * away is not a failure; anything else is said plainly, with exit 2.
 */
let outputFailed = false;

function reportOutputFailures(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    outputFailed = true;
    const reason = isWriteRefusal(err) ? writeRefusalMessage(err, 'the output (standard output)') : `could not write the output (standard output): ${err.message}`;
    process.stderr.write(`iops: ${reason}\n`);
    process.exitCode = EXIT.usage;
  });
}

export type Handler = (ctx: CommandContext) => Promise<CommandResult>;
export type Run = (handler: Handler) => Promise<void>;

/** The version in iops's package.json (dist/cli.js and src/cli.ts both sit one folder below it). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * `--format json` anywhere before `--`: an error is then one JSON object on standard output,
 * as the command's result would have been. Read from the words typed, because a usage error
 * can stop commander before it has read any option.
 */
export function wantsJsonErrors(argv: readonly string[]): boolean {
  const words = argv.slice(2);
  const end = words.indexOf('--');
  const typed = end === -1 ? words : words.slice(0, end);
  return typed.some((w, i) => /^--format=json$/i.test(w) || (w === '--format' && /^json$/i.test(typed[i + 1] ?? '')));
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // commander's own error message ("error: unknown option"), kept to be said as iops says errors
  let usageMessage = '';
  const program = new Command('iops')
    .description('Run a grassroots organisation from a git repository of plain YAML files')
    .version(packageVersion(), '-V, --version', 'print the version of iops')
    .option('--data <dir>', 'the data repository (default: $IOPS_DATA, else the nearest folder above with iops.yaml)')
    .option('--no-color', 'no colour, even on a terminal (also NO_COLOR=1 or TERM=dumb; FORCE_COLOR=1 for colour through a pipe)')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message) => {
        usageMessage += message;
      },
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', PROGRAM_EXAMPLES);

  const color = () => colorWanted(program.opts<{ color: boolean }>().color, io.isTTY, io.env);
  const context = (): CommandContext => {
    const opts = program.opts<{ data?: string }>();
    const width = (io.isTTY && io.stdoutColumns) || Number(io.env.COLUMNS) || undefined;
    return { cwd: io.cwd, env: io.env, data: opts.data, color: color(), today: localToday(), ...(width ? { width } : {}) };
  };
  // -o/--output FILE (commands/formats.ts): checked before the command runs, written after it
  // has produced its document; on an error nothing is written
  let outputFile: string | undefined;
  program.hook('preAction', async (_program, action) => {
    const opts = action.opts<{ output?: string; quiet?: boolean; format?: string }>();
    if (opts.output !== undefined) outputFile = await checkOutputFile(io.cwd, opts.output);
    // progress only for a person at a terminal: not through a pipe, not with --quiet or JSON
    if (progressWanted(io.stderrIsTTY === true, opts)) showProgressOn({ write: io.stderr, columns: io.columns });
  });
  const run: Run = async (handler) => {
    const result = await handler(context());
    clearProgress();
    const text = result.stdout && (result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (outputFile !== undefined) await writeFileAtomic(outputFile, new TextEncoder().encode(text));
    else if (text) io.stdout(text);
    if (result.stderr) io.stderr(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    exitCode = result.exitCode;
  };
  registerCommands(program, run);

  try {
    await program.parseAsync(argv);
    return outputFailed ? EXIT.usage : exitCode;
  } catch (err) {
    clearProgress();
    const said: Said = { json: wantsJsonErrors(argv), color: color(), usageMessage, helpFor: helpCommand(program, argv) };
    return report(err, io, said);
  } finally {
    showProgressOn(undefined);
  }
}

interface Said {
  /** One JSON object on standard output instead of text on standard error. */
  json: boolean;
  color: boolean;
  /** commander's message for a usage error it found itself. */
  usageMessage: string;
  /** `iops meeting log --help`: where the command that failed explains itself. */
  helpFor: string;
}

/** The command the words name (`iops meeting log`), for the hint after a usage error. */
function helpCommand(program: Command, argv: readonly string[]): string {
  const path = ['iops'];
  let at = program;
  for (const word of argv.slice(2)) {
    if (word === '--') break;
    const sub = at.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub) {
      path.push(sub.name());
      at = sub;
    }
  }
  return `${path.join(' ')} --help`;
}

/** Says the error (text on standard error, or JSON on standard output) and returns its exit code. */
function report(err: unknown, io: Io, said: Said): number {
  const chalk = new Chalk({ level: said.color ? 1 : 0 });
  const fail = (exitCode: number, message: string, problems: Problem[] = [], text = `iops: ${message}`): number => {
    if (said.json) io.stdout(`${JSON.stringify({ error: { message, exit_code: exitCode, problems } }, null, 2)}\n`);
    else io.stderr(`${text}\n`);
    return exitCode;
  };
  if (err instanceof CommanderError) {
    // help and version are not errors (commander has printed them); `iops` alone printed the help
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    if (err.code === 'commander.help') return EXIT.usage;
    const message = (said.usageMessage || err.message).trim().replace(/^error: /, '');
    return fail(EXIT.usage, `${message}\n(see ${said.helpFor})`);
  }
  if (err instanceof DataError) {
    const advice = err.message === DataError.DEFAULT ? 'run iops validate, fix them, and try again' : err.message;
    const summary = `${problemSummary(err.problems)}; ${advice}`;
    return fail(EXIT.invalidData, summary, err.problems, `${renderProblems({ problems: err.problems }, chalk)}\n${chalk.red(summary)}`);
  }
  if (err instanceof UsageError || err instanceof EnvironmentError) return fail(EXIT.usage, err.message);
  // the system refused a write that no module explained (a cache, a folder): still the
  // machine's state, not a bug — say what and where
  if (isWriteRefusal(err)) return fail(EXIT.usage, writeRefusalMessage(err));
  const message = err instanceof Error ? err.message : String(err);
  return fail(70, `unexpected error: ${message}\nThis is a bug in iops; please report it with the command you ran.`);
}
