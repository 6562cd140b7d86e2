#!/usr/bin/env node
// The README's tour, run for real: every fenced block whose first line starts with `$ ` is a
// tour block. Each `$ ` line is a command; the lines after it, up to the next `$ ` line or the
// end of the block, are what it prints (standard output, then standard error, as a terminal
// shows them). tests/cli/readme.test.ts checks them; `npm run readme` rewrites the outputs in
// README.md from a real run, so updating the README after a change is one command.
//
// The rules (also at the top of tests/cli/readme.test.ts):
// - A command is `[NAME=value …] [npx] iops ARGS [> /dev/null] [# comment]`. Anything else in
//   a tour block is an error; put `<!-- readme: not checked, REASON -->` on the line before
//   the fence to leave a block out (one that needs a set-up the tour cannot make).
// - The sample is made once (`iops init DIR --sample`). Commands run from a folder holding it
//   as `data/`, with IOPS_DATA=data, NO_COLOR=1, no COLUMNS (80-column tables), a fixed git
//   identity and commit date. Blocks that only read share one copy; a block that writes (or
//   sets IOPS_DEBUG_CACHE, to show a first run) gets a fresh copy of its own; the commands of a
//   block run in order on the same copy.
// - Compared after normalising: a run of 7 to 40 hex digits (a commit) is `<commit>`; a member
//   id that `member add` or `import members` printed is `<new member N>`.
// - A line holding only `…` in the README stands for any number of lines. `npm run readme`
//   keeps such an output's shape: the lines before the first `…`, then each later part starting
//   at the first line shaped like its first line (digits aside), with as many lines as before
//   (the last part, when no `…` ends the output, runs to the end).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const README = join(ROOT, 'README.md');
const ELLIPSIS = '…';
/** A line holding only `…` (indented or not) stands for any number of lines. */
const isEllipsis = (line) => line !== undefined && line.trim() === ELLIPSIS;
const SKIP = /^<!--\s*readme:\s*not checked\b/;

export const TOUR_ENV = {
  NO_COLOR: '1',
  IOPS_DATA: 'data',
  TZ: 'UTC',
  GIT_AUTHOR_NAME: 'Test Delegate',
  GIT_AUTHOR_EMAIL: 'delegate@example.org',
  GIT_COMMITTER_NAME: 'Test Delegate',
  GIT_COMMITTER_EMAIL: 'delegate@example.org',
  GIT_AUTHOR_DATE: '2012-08-31T12:00:00+00:00',
  GIT_COMMITTER_DATE: '2012-08-31T12:00:00+00:00',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Shell words of a command line: quotes kept together, a `#` comment dropped. */
function shellWords(line) {
  const words = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (m[3] !== undefined && m[3].startsWith('#')) break;
    words.push(m[1] ?? m[2] ?? m[3]);
  }
  return words;
}

/** `$ IOPS_DEBUG_CACHE=1 npx iops report london --data data > /dev/null` → its parts. */
export function parseCommand(line) {
  const words = shellWords(line.replace(/^\$ /, ''));
  const env = {};
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift().split('=');
    env[name] = value.join('=');
  }
  if (words[0] === 'npx') words.shift();
  if (words.shift() !== 'iops') throw new Error(`not an iops command: ${line}\n(mark the block with <!-- readme: not checked, REASON --> on the line before it)`);
  let quiet = false;
  const redirect = words.indexOf('>');
  if (redirect !== -1) {
    if (words[redirect + 1] !== '/dev/null' || words.length !== redirect + 2) throw new Error(`only "> /dev/null" is understood: ${line}`);
    quiet = true;
    words.splice(redirect);
  }
  return { env, args: words, quiet };
}

/** Every tour block: where its lines are in the file, and its commands with what they print. */
export function tourBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```/.test(lines[i])) continue;
    const open = i;
    let close = i + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close])) close++;
    i = close;
    const body = lines.slice(open + 1, close);
    if (!body[0]?.startsWith('$ ')) continue;
    let before = open - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const skipped = before >= 0 && SKIP.test(lines[before].trim());
    const commands = [];
    for (const [k, line] of body.entries()) {
      if (line.startsWith('$ ')) commands.push({ line, at: open + 1 + k, expected: [] });
      else commands[commands.length - 1].expected.push(line);
    }
    blocks.push({ line: open + 1, skipped, commands });
  }
  return blocks;
}

/** A fresh sample organisation in `dir/pristine` (made once; each block runs on a copy). */
export function makeSample(cli, dir) {
  const r = spawnSync(process.execPath, [cli, 'init', join(dir, 'pristine'), '--sample', '--quiet'], { env: { ...process.env, ...TOUR_ENV }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`iops init --sample failed: ${r.stderr}`);
  return join(dir, 'pristine');
}

// The commands known to leave the data as it was; any other (a write, a command added later) gets
// a copy of its own, so a new write command in the README can never change what later blocks see.
const READS = new Set(['readiness', 'validate', 'diff', 'report', 'forecast', 'history', 'dashboard', 'decisions', 'schema', 'completion', 'privacy check', 'export members', 'goals history', 'dues', 'dues export', 'dues suggest', 'dues arrears', 'rates', 'rates list']);
// Commands whose second word names a subcommand (`iops dues record`); `iops dues --from …` is the default one.
const GROUPS = new Set(['dues', 'rates', 'privacy', 'export', 'goals', 'member', 'meeting', 'decision', 'chapter', 'branch', 'gathering', 'import']);

/** Whether a block may change the repository (or shows the cache's first run): it then gets a copy of its own. */
export const needsOwnCopy = (block) =>
  block.commands.some((c) => {
    const { env, args } = parseCommand(c.line);
    const [first = '', second] = args;
    const name = GROUPS.has(first) && second !== undefined && !second.startsWith('-') ? `${first} ${second}` : first;
    return 'IOPS_DEBUG_CACHE' in env || !READS.has(name) || args.includes('--publish');
  });

/**
 * Runs one block's commands from the folder holding the sample as `data/` (`shared`, for blocks
 * that only read; a fresh copy of `pristine` for a block that writes); returns what each printed.
 */
export function runBlock(cli, pristine, block, shared) {
  const own = needsOwnCopy(block) || !shared;
  const place = own ? mkdtempSync(join(tmpdir(), 'iops-readme-')) : shared;
  try {
    if (own) {
      const copied = spawnSync('cp', ['-a', pristine, join(place, 'data')]);
      if (copied.status !== 0) throw new Error(`could not copy the sample: ${copied.stderr}`);
      // a block showing the cache's statistics shows a first run: no cache at all
      if (block.commands.some((c) => 'IOPS_DEBUG_CACHE' in parseCommand(c.line).env)) rmSync(join(place, 'data', '.git', 'iops-cache'), { recursive: true, force: true });
    }
    return block.commands.map((c) => {
      const { env, args, quiet } = parseCommand(c.line);
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: place, env: { ...process.env, COLUMNS: '', ...TOUR_ENV, ...env }, encoding: 'utf8' });
      const text = (quiet ? '' : r.stdout) + r.stderr;
      return text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined);
    });
  } finally {
    if (own) rmSync(place, { recursive: true, force: true });
  }
}

/** The sample made once, and the shared folder that holds it as `data/` for blocks that only read. */
export function tourPlace(cli, dir) {
  const pristine = makeSample(cli, dir);
  // the parse cache filled once, so that every copy starts warm, as a user's clone is after its
  // first command (the cache never changes a result: tests/scale/cache*.test.ts)
  spawnSync(process.execPath, [cli, 'validate'], { cwd: pristine, env: { ...process.env, ...TOUR_ENV } });
  const shared = join(dir, 'shared');
  mkdirSync(shared);
  const copied = spawnSync('cp', ['-a', pristine, join(shared, 'data')]);
  if (copied.status !== 0) throw new Error(`could not copy the sample: ${copied.stderr}`);
  return { pristine, shared };
}

/** Commits and drawn member ids made comparable; ids in the order `member add`/`import` printed them. */
export function normaliser() {
  const ids = new Map();
  return (lines, command) => {
    if (/ iops (member add|import members)\b/.test(` ${command}`)) {
      const id = /^([a-z0-9]+-[a-z2-9]{5})$/.exec(lines[0] ?? '')?.[1];
      if (id && !ids.has(id)) ids.set(id, `<new member ${ids.size + 1}>`);
    }
    return lines.map((l) => {
      let out = l.replace(/\b[0-9a-f]{7,40}\b/g, '<commit>');
      for (const [id, name] of ids) out = out.split(id).join(name);
      return out;
    });
  };
}

/** The README's lines cut at `…` lines: the parts between them, and whether one starts or ends the output. */
function cut(expected) {
  const parts = [[]];
  for (const line of expected) {
    if (isEllipsis(line)) parts.push([]);
    else parts.at(-1).push(line);
  }
  return { parts: parts.filter((p) => p.length), lead: isEllipsis(expected[0]), trail: isEllipsis(expected.at(-1)) };
}

const same = (lines, actual, from) => from >= 0 && from + lines.length <= actual.length && lines.every((l, i) => actual[from + i] === l);

/** Where each part of the README's output is in the actual output, or undefined when one is not. */
function place(expected, actual) {
  const { parts, lead, trail } = cut(expected);
  const starts = [];
  let at = 0;
  for (const [k, part] of parts.entries()) {
    let from;
    if (k === 0 && !lead) from = same(part, actual, 0) ? 0 : -1;
    else if (k === parts.length - 1 && !trail) from = actual.length - part.length >= at && same(part, actual, actual.length - part.length) ? actual.length - part.length : -1;
    else from = actual.findIndex((_, i) => i >= at && same(part, actual, i));
    if (from === -1) return undefined;
    starts.push(from);
    at = from + part.length;
  }
  return starts;
}

/** Whether the actual lines are what the README shows (a `…` line stands for any lines). */
export function matches(expected, actual) {
  if (!expected.some(isEllipsis)) return expected.length === actual.length && same(expected, actual, 0);
  return place(expected, actual) !== undefined;
}

/**
 * The README lines for an output: the README's own when they still match (normalised), else
 * the actual ones; where the README cut the output with `…`, cut the same way: the first part
 * from the top, the last from the bottom, the others from the first line shaped like theirs.
 */
export function rewrite(expected, actual, expectedNormalised, actualNormalised) {
  if (matches(expectedNormalised, actualNormalised)) return expected;
  if (!expected.some(isEllipsis)) return actual;
  const marks = expected.filter(isEllipsis); // each `…` line as it was written, indentation kept
  const { parts, lead, trail } = cut(expected);
  const shape = (l) => l.replace(/\d[\d,.]*/g, '#');
  let mark = 0;
  const out = lead ? [marks[mark++]] : [];
  let at = 0;
  for (const [k, part] of parts.entries()) {
    const toEnd = k === parts.length - 1 && !trail;
    let from = k === 0 && !lead ? 0 : actual.findIndex((l, i) => i >= at && shape(l) === shape(part[0]));
    if (from === -1 && toEnd) from = Math.max(at, actual.length - part.length);
    if (from === -1) return actual; // that shape is gone: the whole output, to cut again by hand
    if (k > 0) out.push(marks[mark++]);
    out.push(...actual.slice(from, toEnd ? actual.length : from + part.length));
    at = from + part.length;
  }
  if (trail) out.push(marks[mark++]);
  return out;
}

/** Runs every block and returns README.md with the outputs that changed written in. */
export function rewriteReadme(cli, markdown) {
  const dir = mkdtempSync(join(tmpdir(), 'iops-readme-sample-'));
  try {
    const { pristine, shared } = tourPlace(cli, dir);
    const lines = markdown.split('\n');
    const blocks = tourBlocks(markdown).filter((b) => !b.skipped);
    // from the end, so the line numbers of earlier blocks stay right
    for (const block of [...blocks].reverse()) {
      const outputs = runBlock(cli, pristine, block, shared);
      const [readme, run] = [normaliser(), normaliser()];
      const replaced = block.commands.map((c, i) => rewrite(c.expected, outputs[i], readme(c.expected, c.line), run(outputs[i], c.line)));
      for (const [i, c] of [...block.commands.entries()].reverse()) lines.splice(c.at + 1, c.expected.length, ...replaced[i]);
    }
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cli = join(ROOT, 'bin', 'iops.js');
  const before = readFileSync(README, 'utf8');
  const after = rewriteReadme(cli, before);
  if (after === before) console.log('README.md: every tour output is as iops prints it; nothing changed');
  else {
    writeFileSync(README, after);
    console.log('README.md: tour outputs rewritten from a real run; review them with git diff README.md');
  }
}
