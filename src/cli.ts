// The iops program: registers the commands and is the one place that turns errors into
// messages and exit codes (0 ok, 1 a negative verdict, 2 usage or environment, 3 invalid data).
import { Chalk } from 'chalk';
import { Command, CommanderError } from 'commander';
import { localToday } from './io/clock.js';
import { DataError, EXIT, EnvironmentError, UsageError } from './errors.js';
import { problemSummary, renderProblems } from './render/problems.js';
import { isWriteRefusal, writeRefusalMessage } from './io/writeErrors.js';
import type { CommandContext, CommandResult } from './commands/context.js';
import { registerCommands } from './commands/index.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
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

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('iops')
    .description('Run a grassroots organisation from a git repository of plain YAML files')
    .option('--data <dir>', 'the data repository (default: $IOPS_DATA, else the nearest folder above with iops.yaml)')
    .option('--no-color', 'no colour, even on a terminal')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  const context = (): CommandContext => {
    const opts = program.opts<{ data?: string; color: boolean }>();
    const color = opts.color && io.isTTY && !io.env.NO_COLOR;
    return { cwd: io.cwd, env: io.env, data: opts.data, color, today: localToday() };
  };
  const run: Run = async (handler) => {
    const result = await handler(context());
    if (result.stdout) io.stdout(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) io.stderr(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    exitCode = result.exitCode;
  };
  registerCommands(program, run);

  try {
    await program.parseAsync(argv);
    return outputFailed ? EXIT.usage : exitCode;
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: Io): number {
  const chalk = new Chalk({ level: io.isTTY && !io.env.NO_COLOR ? 1 : 0 });
  if (err instanceof CommanderError) {
    // commander has already printed its message; help and version are not errors
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof DataError) {
    const advice = err.message === DataError.DEFAULT ? 'run iops validate, fix them, and try again' : err.message;
    io.stderr(`${renderProblems({ problems: err.problems }, chalk)}\n${chalk.red(`${problemSummary(err.problems)}; ${advice}`)}\n`);
    return EXIT.invalidData;
  }
  if (err instanceof UsageError || err instanceof EnvironmentError) {
    io.stderr(`iops: ${err.message}\n`);
    return EXIT.usage;
  }
  if (isWriteRefusal(err)) {
    // the system refused a write that no module explained (a cache, a folder): still the
    // machine's state, not a bug — say what and where
    io.stderr(`iops: ${writeRefusalMessage(err)}\n`);
    return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`iops: unexpected error: ${message}\nThis is a bug in iops; please report it with the command you ran.\n`);
  return 70;
}

