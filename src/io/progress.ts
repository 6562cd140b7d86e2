// Progress on long work (init --sample, a cold load at scale, import, report --all, the
// dashboard): one line on standard error, rewritten in place, only when standard error is a
// terminal and the user did not ask for --quiet or --format json. cli.ts decides that once per
// run and turns it on; everywhere else a call costs nothing and prints nothing, so pipes,
// files, tests and standard output never see a progress byte.
//
// A run that finishes quickly shows nothing: a line appears only once the run has taken
// longer than SHOW_AFTER_MS, and it is wiped before anything else is printed. No library:
// the ones that fit (ora, cli-progress) bring spinners, timers and colour handling for what
// is here one carriage return and one erase-line sequence.

/** Where progress goes: a terminal's standard error. */
export interface ProgressSink {
  write: (s: string) => void;
  /** The terminal's width: the line is cut to fit, so it never wraps. */
  columns?: number | undefined;
}

const SHOW_AFTER_MS = 400;
/** At most this often for counts, so a progress line never slows the work it reports on. */
const REDRAW_MS = 100;

interface State {
  sink: ProgressSink;
  now: () => number;
  startedAt: number;
  drawnAt: number;
  shown: boolean;
}

let state: State | undefined;

/** Progress is for a person at a terminal: not through a pipe or into a file, not with --quiet or --format json. */
export const progressWanted = (stderrIsTTY: boolean, opts: { quiet?: boolean | undefined; format?: string | undefined }): boolean =>
  stderrIsTTY && opts.quiet !== true && opts.format !== 'json';

/** Turns progress on for this run (cli.ts), or off with undefined. */
export function showProgressOn(sink: ProgressSink | undefined, now: () => number = Date.now): void {
  state = sink ? { sink, now, startedAt: now(), drawnAt: -Infinity, shown: false } : undefined;
}

/** What is being done now, such as "checking the data". */
export function progressStage(label: string): void {
  draw(`${label}…`, true);
}

/** How far a counted piece of work has come: "reading the data 1,200/5,000". */
export function progressStep(label: string, done: number, total: number): void {
  draw(`${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`, done >= total);
}

/** Wipes the progress line, before anything else is written to the terminal. */
export function clearProgress(): void {
  if (state?.shown) state.sink.write('\r\x1b[K');
  if (state) state.shown = false;
}

function draw(text: string, always: boolean): void {
  if (!state) return;
  const t = state.now();
  if (t - state.startedAt < SHOW_AFTER_MS) return;
  if (!always && t - state.drawnAt < REDRAW_MS) return;
  state.drawnAt = t;
  const width = Math.max(20, (state.sink.columns || 80) - 1);
  // labels are iops's own words, but a chapter id could be long: cut, never wrap
  const line = `iops: ${text}`;
  state.sink.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
  state.shown = true;
}
