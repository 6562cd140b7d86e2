#!/usr/bin/env node
// The benchmark: the built CLI on a generated organisation (bench/gen.mjs), in a fresh clone,
// the way people use it. For `readiness`, `report <chapter>` and `validate`, each separately:
//
//   cold       nothing cached: the cache folder removed before every run
//   edit       after a one-file edit, the everyday case: one meeting's attendance changed
//              before every run (a new value each time), so no remembered result can answer
//              and the parse cache answers for every other file; for `report <chapter>` the
//              meeting is another chapter's
//   repeated   the same command again on the same files: the remembered result
//
// and one write of each kind (`member add`, `meeting log`, `dues record`) with its peak
// memory, against the floor: the same change (the same bytes, left where iops wrote them)
// committed by hand with `git add` + `git commit`, and the ratio of the medians. Every figure
// is the median of N runs (peak memory: the largest); the load average is recorded with them.
//
//   npm run bench                          S1 (5,000 members): a minute or two
//   npm run bench -- --scale S5            the five-year scale instead (generating it takes
//                                          minutes and gigabytes; reused afterwards)
//   npm run bench -- --scale S1 --scale 20000   several scales; a number is that many members
//   npm run bench -- --runs 9              N (default 5; or IOPS_BENCH_RUNS)
//   npm run bench -- --hledger             also `iops dues` against `hledger balance`
//   npm run bench -- --write               also update bench/RESULTS.md: the scales' sections
//                                          and the targets table, each target met or not
//   IOPS_BENCH_CLI=path/to/bin/iops.js     measures another build (a copy, while this one changes)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultOut, generateRepository, scaleOf } from './gen.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
/** The CLI measured: this checkout's, or IOPS_BENCH_CLI (a copy, so the checkout can change meanwhile). */
const CLI = process.env.IOPS_BENCH_CLI ?? join(ROOT, 'bin', 'iops.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const HLEDGER = ['/usr/bin/hledger', 'hledger'].find((h) => spawnSync(h, ['--version']).status === 0);
const HLEDGER_VERSION = HLEDGER ? execFileSync(HLEDGER, ['--version'], { encoding: 'utf8' }).trim().split(/[ ,]/)[1] : undefined;
const GIT_IDENTITY = { name: 'Bench Delegate', email: 'bench@example.org' };

const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const named = [...values('--scale'), ...(process.env.IOPS_BENCH_S5 ? ['S5'] : [])];
const scales = [...new Set(named.length ? named : ['S1'])];
const RUNS = Number(values('--runs')[0] ?? process.env.IOPS_BENCH_RUNS ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs ${values('--runs')[0]}: a whole number of runs, at least 1`);
const hledgerReceipts = Number(values('--hledger-receipts')[0] ?? 100_000);
const write = args.includes('--write');

/**
 * The targets (issue 14), on the benchmark machine, of the medians: seconds, a ratio or MB, per
 * scale; a scale without a limit has no target for that row.
 */
const WRITES = ['member add', 'meeting log', 'dues record'];
const TARGETS = [
  ...WRITES.map((kind) => ({ label: `one write: \`${kind}\``, unit: 's', limit: { S1: 0.5, S5: 2 }, value: (d) => d.writes[kind]?.write })),
  { label: 'one write ÷ the raw `git add` + `git commit` of the same change (the largest of the three)', unit: '×', limit: { S5: 3 }, value: (d) => largest(WRITES.map((k) => d.writes[k]?.ratio)) },
  { label: 'one write, peak memory (the largest of the three)', unit: 'MB', limit: { S1: 300, S5: 300 }, value: (d) => largest(WRITES.map((k) => d.writes[k]?.rss)) },
  { label: '`readiness` after a one-file edit', unit: 's', limit: { S1: 0.3, S5: 1 }, value: (d) => d.reads.readiness?.edit },
  { label: '`report <chapter>` after an edit to another chapter', unit: 's', limit: { S1: 0.2, S5: 0.3 }, value: (d) => d.reads.report?.edit },
  { label: '`report <chapter>` repeated', unit: 's', limit: { S1: 0.2, S5: 0.3 }, value: (d) => d.reads.report?.repeated },
  { label: '`validate` after a one-file edit', unit: 's', limit: { S1: 0.3, S5: 2 }, value: (d) => d.reads.validate?.edit },
  { label: '`readiness` cold', unit: 's', limit: { S1: 1, S5: 20 }, value: (d) => d.reads.readiness?.cold },
];

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const largest = (xs) => (xs.some((x) => x === undefined) ? undefined : Math.max(...xs));

function ensureBuilt() {
  if (!process.env.IOPS_BENCH_CLI && !existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const git = (repo, ...argv) => execFileSync('git', argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
const dropCache = (repo) => rmSync(join(git(repo, 'rev-parse', '--absolute-git-dir').trim(), 'iops-cache'), { recursive: true, force: true });

/** Runs a command; wall seconds, peak RSS in MB (from /usr/bin/time, else a wrapper in the same process). */
function measure(repo, command, argv, env = {}) {
  const rssFile = join(tmpdir(), `iops-bench-rss-${process.pid}`);
  const [bin, binArgs] = TIME
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, command[0], ...command.slice(1), ...argv]]
    : [process.execPath, [join(HERE, 'rss.mjs'), rssFile, ...command, ...argv]];
  const started = process.hrtime.bigint();
  const r = spawnSync(bin, binArgs, { cwd: repo, env: { ...process.env, NO_COLOR: '1', IOPS_DATA: '', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [rssKb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { seconds, rss: rssKb / 1024, cpu: user === undefined ? undefined : user + sys, status: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '' };
}

/** iops with these arguments, which must exit with one of `ok`. */
function iops(repo, argv, ok = [0]) {
  const r = measure(repo, [process.execPath, CLI], argv);
  if (!ok.includes(r.status)) throw new Error(`iops ${argv.join(' ')}: exit ${r.status}: ${r.stderr.split('\n').find((l) => l.trim()) ?? ''}`);
  return r;
}

/** Wall seconds of one plain command (the floor's git commands). */
function wall(repo, command, argv, input) {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, argv, { cwd: repo, input, encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A fresh clone of the generated organisation, so edits and commits never touch the generator's copy. */
function workingCopy(scale) {
  const started = Date.now();
  const { out, reused } = generateRepository(scale, defaultOut(scale), { log: (s) => console.error(`  ${s}`) });
  console.error(`${scale.name}: ${out}${reused ? ' (reused)' : ` (generated in ${((Date.now() - started) / 1000).toFixed(0)} s)`}`);
  const work = `${out}-work`;
  rmSync(work, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', '--local', out, work], { stdio: 'ignore' });
  git(work, 'config', 'user.name', GIT_IDENTITY.name);
  git(work, 'config', 'user.email', GIT_IDENTITY.email);
  git(work, 'config', 'commit.gpgsign', 'false');
  git(work, 'config', 'gc.auto', '0');
  // files checked out in the second the index was written are re-read by every status until it is rewritten
  execFileSync('sleep', ['1']);
  git(work, 'update-index', '-q', '--really-refresh');
  git(work, 'status', '--porcelain');
  return work;
}

/** A meeting of `chapter` with a plain attendance and no joint meeting: the file the edits change. */
function meetingToEdit(repo, chapter) {
  const dir = join(repo, 'chapters', chapter, 'meetings');
  const name = readdirSync(dir).sort().find((n) => {
    const text = readFileSync(join(dir, n), 'utf8');
    return /^attendance: \d+$/m.test(text) && !/^joint_with:/m.test(text);
  });
  if (!name) throw new Error(`no meeting to edit in ${dir}`);
  return `chapters/${chapter}/meetings/${name}`;
}

let attendance = 100; // the generator writes 2–30: every edit is new content, never seen before
function editMeeting(repo, path) {
  const abs = join(repo, path);
  writeFileSync(abs, readFileSync(abs, 'utf8').replace(/^attendance: \d+$/m, `attendance: ${attendance++}`));
}

/** One command cold, after a one-file edit, and repeated; RUNS runs of each. */
function benchRead(repo, argv, ok, edited) {
  const runs = (before) =>
    Array.from({ length: RUNS }, () => {
      before();
      return iops(repo, argv, ok);
    });
  const cold = runs(() => dropCache(repo));
  const edit = runs(() => editMeeting(repo, edited));
  const repeated = runs(() => {});
  git(repo, 'checkout', '-q', '--', edited);
  const summary = (rs) => ({ seconds: median(rs.map((r) => r.seconds)), rss: Math.max(...rs.map((r) => r.rss)) });
  const [c, e, r] = [cold, edit, repeated].map(summary);
  return { cold: c.seconds, coldRss: c.rss, edit: e.seconds, editRss: e.rss, repeated: r.seconds, repeatedRss: r.rss };
}

/**
 * One write, RUNS times; after each, the commit is undone (`git reset HEAD~1`: the index as it
 * was, the files as iops wrote them) and the same change committed by hand: the floor.
 */
function benchWrite(repo, argvOf) {
  const writes = [];
  const floors = [];
  for (let i = 0; i < RUNS; i++) {
    writes.push(iops(repo, argvOf(i)));
    const paths = git(repo, 'diff-tree', '--no-commit-id', '--name-only', '-r', 'HEAD').trim().split('\n');
    const message = git(repo, 'log', '-1', '--format=%B');
    git(repo, 'reset', '-q', 'HEAD~1');
    floors.push(wall(repo, 'git', ['add', '--', ...paths]) + wall(repo, 'git', ['commit', '-q', '-F', '-'], message));
  }
  const write = median(writes.map((w) => w.seconds));
  const floor = median(floors);
  return { write, floor, ratio: write / floor, rss: Math.max(...writes.map((w) => w.rss)) };
}

function benchScale(name) {
  const scale = scaleOf(name);
  const loadBefore = loadavg();
  const repo = workingCopy(scale);
  const chapters = readdirSync(join(repo, 'chapters')).sort();
  const chapter = chapters[Math.floor(chapters.length / 2)];
  const other = chapters[Math.floor(chapters.length / 2) + 1] ?? chapters[0];
  const edited = meetingToEdit(repo, other);
  const reads = {};
  for (const [key, argv, ok] of [['readiness', ['readiness'], [0, 1]], ['report', ['report', chapter], [0]], ['validate', ['validate'], [0]]]) {
    console.error(`  ${argv.join(' ')}: cold, after a one-file edit, repeated (${RUNS} runs each) …`);
    reads[key] = benchRead(repo, argv, ok, edited);
  }

  // the writes' arguments: valid every time, on the report's chapter; a receipt from a member who pays (in any chapter with a ledger)
  const ledgerOf = (c) => join(repo, 'chapters', c, 'dues', '2017.yaml');
  const payingChapter = [chapter, ...chapters].find((c) => existsSync(ledgerOf(c)));
  const [, payer, currency] = /member: ([^,]+), amount: [^,]+, currency: (\w+)/.exec(readFileSync(ledgerOf(payingChapter), 'utf8'));
  const writeArgs = {
    'member add': () => ['member', 'add', chapter, '--joined', '2017-12-01', '--gender', 'woman'],
    'meeting log': (i) => ['meeting', 'log', chapter, '--date', '2017-12-19', '--slug', `bench${i + 1}`, '--mode', 'online', '--attendance', '7', '--topics', 'education'],
    'dues record': (i) => ['dues', 'record', '--member', payer, '--date', `2017-12-${String(1 + (i % 19)).padStart(2, '0')}`, '--amount', '5', '--currency', currency],
  };
  const writes = {};
  for (const kind of WRITES) {
    console.error(`  ${kind}, then the same change with git add + git commit (${RUNS} runs) …`);
    writes[kind] = benchWrite(repo, writeArgs[kind]);
  }
  rmSync(repo, { recursive: true, force: true });
  return { scale, chapter, other, edited, reads, writes, load: { before: loadBefore, after: loadavg() } };
}

/** `iops dues` against `hledger balance` on the same receipts (a scale with about that many). */
function benchHledger(receipts) {
  const scale = scaleOf(String(Math.ceil(receipts / 12)));
  const { out: repo, journal: generated } = generateRepository(scale, defaultOut(scale), { log: (s) => console.error(`  ${s}`) });
  console.error(`hledger comparison: ${scale.receipts.toLocaleString('en-US')} receipts in ${repo}`);
  if (!HLEDGER) return { scale, note: 'hledger is not installed' };
  let journal = generated;
  let source = 'written by the generator';
  const dir = mkdtempSync(join(tmpdir(), 'iops-bench-journal-'));
  const exported = spawnSync(process.execPath, [CLI, 'dues', 'export', '--format', 'ledger'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (exported.status === 0) {
    journal = join(dir, 'dues.journal');
    writeFileSync(journal, exported.stdout);
    source = '`iops dues export --format ledger`';
  }
  let h1 = measure(repo, [HLEDGER, '-f', journal, 'balance'], []);
  if (h1.status !== 0 && journal !== generated) {
    const where = h1.stderr.trim().split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ');
    source = `written by the generator: hledger ${HLEDGER_VERSION} refused \`iops dues export --format ledger\` (${where.slice(0, 160)})`;
    journal = generated;
    h1 = measure(repo, [HLEDGER, '-f', journal, 'balance'], []);
  }
  const h2 = measure(repo, [HLEDGER, '-f', journal, 'balance'], []);
  rmSync(dir, { recursive: true, force: true });
  if (h1.status !== 0) return { scale, note: `hledger failed on the journal: ${h1.stderr.split('\n')[0]}` };
  const hledger = Math.min(h1.seconds, h2.seconds);
  dropCache(repo);
  const cold = iops(repo, ['dues']);
  const repeated = Array.from({ length: RUNS }, () => iops(repo, ['dues']));
  return { scale, source, hledger, hledgerRss: Math.max(h1.rss, h2.rss), cold, repeated: median(repeated.map((r) => r.seconds)), repeatedRss: Math.max(...repeated.map((r) => r.rss)) };
}

const s = (x) => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (x) => (x === undefined ? '–' : `${Math.round(x)}`);
const loads = (l) => l.map((x) => x.toFixed(1)).join(', ');
const limitOf = (target, scale) => target.limit[scale];
const shown = (value, unit) => (unit === 's' ? `${s(value)} s` : unit === '×' ? `${value.toFixed(1)}×` : `${mb(value)} MB`);

function scaleTable({ scale, chapter, other, edited, reads, writes, load }) {
  const lines = [
    `**${scale.name}**: ${scale.members.toLocaleString('en-US')} members, ${scale.chapters.toLocaleString('en-US')} chapters, ${scale.meetings.toLocaleString('en-US')} meetings, ${scale.reports.toLocaleString('en-US')} reports, ${scale.receipts.toLocaleString('en-US')} receipts. Medians of ${RUNS} run${RUNS === 1 ? '' : 's'} (peak memory: the largest); load average ${loads(load.before)} before, ${loads(load.after)} after (1, 5, 15 minutes; ${cpus().length} cores). \`report\` on chapter \`${chapter}\`; the one-file edit changes \`${edited}\` (chapter \`${other}\`).`,
    '',
    '| command | cold s | after a one-file edit s | repeated s | cold peak MB | edit peak MB | repeated peak MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [key, label] of [['readiness', 'readiness'], ['report', 'report <chapter> (edit: another chapter)'], ['validate', 'validate']]) {
    const r = reads[key];
    lines.push(`| ${label} | ${s(r.cold)} | ${s(r.edit)} | ${s(r.repeated)} | ${mb(r.coldRss)} | ${mb(r.editRss)} | ${mb(r.repeatedRss)} |`);
  }
  lines.push('', '| write | iops s | floor: `git add` + `git commit` s | iops ÷ floor | peak MB |', '| --- | ---: | ---: | ---: | ---: |');
  for (const kind of WRITES) {
    const w = writes[kind];
    lines.push(`| ${kind} | ${s(w.write)} | ${s(w.floor)} | ${w.ratio.toFixed(1)}× | ${mb(w.rss)} |`);
  }
  return lines.join('\n');
}

/** The targets table, from every scale's figures (S1 and S5; "not measured" for one not run yet). */
function targetsTable(data, source) {
  const cell = (target, name) => {
    const limit = limitOf(target, name);
    const d = data[name];
    if (limit === undefined) {
      const value = d && target.value(d);
      return value === undefined ? '–' : `${shown(value, target.unit)} (no target)`;
    }
    if (!d) return 'not measured';
    const value = target.value(d);
    if (value === undefined) return 'not measured';
    return `${shown(value, target.unit)}: ${value <= limit ? 'met' : '**not met**'}`;
  };
  const bound = (target) => ['S1', 'S5'].map((n) => (limitOf(target, n) === undefined ? '–' : `≤ ${target.unit === 's' ? `${limitOf(target, n)} s` : target.unit === '×' ? `${limitOf(target, n)}×` : `${limitOf(target, n)} MB`}`)).join(' / ');
  const when = ['S1', 'S5'].map((n) => (data[n] ? `${n} ${data[n].date}, load ${loads(data[n].load.before)} → ${loads(data[n].load.after)}` : `${n} not measured`)).join('; ');
  return [
    `Medians of ${source} (${when}).`,
    '',
    '| target (S1 / S5) | S1 | S5 |',
    '| --- | --- | --- |',
    ...TARGETS.map((t) => `| ${t.label} ${bound(t)} | ${cell(t, 'S1')} | ${cell(t, 'S5')} |`),
  ].join('\n');
}

function hledgerTable(h) {
  if (!h.cold) return `**dues vs hledger** (${h.scale.receipts.toLocaleString('en-US')} receipts): ${h.note}`;
  const ratio = (x) => (x / h.hledger).toFixed(2);
  return [
    `**dues vs hledger balance** on the same ${h.scale.receipts.toLocaleString('en-US')} receipts (journal ${h.source}):`,
    '',
    '| | seconds | peak MB | ratio to hledger |',
    '| --- | ---: | ---: | ---: |',
    `| hledger balance | ${s(h.hledger)} | ${mb(h.hledgerRss)} | 1 |`,
    `| iops dues, cold | ${s(h.cold.seconds)} | ${mb(h.cold.rss)} | ${ratio(h.cold.seconds)} |`,
    `| iops dues, repeated (median of ${RUNS}) | ${s(h.repeated)} | ${mb(h.repeatedRss)} | ${ratio(h.repeated)} |`,
  ].join('\n');
}

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.trimEnd();
  return [
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- \`nproc\`: ${cpus().length} (${cpus()[0]?.model ?? 'unknown cpu'})`,
    `- node ${process.version}, git ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim().replace('git version ', '')}${HLEDGER ? `, ${execFileSync(HLEDGER, ['--version'], { encoding: 'utf8' }).trim()}` : ''}`,
    `- CLI measured: ${process.env.IOPS_BENCH_CLI ? `\`${CLI}\` (IOPS_BENCH_CLI)` : 'this checkout (bin/iops.js)'}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free)`,
    `- load average when the run ended: ${loads(loadavg())} (on ${cpus().length} cores; other work on the machine slows wall times)`,
    '- `free -h`:',
    '',
    '```',
    free ?? '(free not available)',
    '```',
  ].join('\n');
}

const RESULTS = join(HERE, 'RESULTS.md');

/** Replaces (or appends) the section between `<!-- bench:NAME -->` markers. */
function updateResults(name, body) {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${body}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(RESULTS, re.test(text) ? text.replace(re, () => section) : `${text.trimEnd()}\n\n${section}\n`);
}

/** Each scale's figures, kept in its section of RESULTS.md for the targets table. */
function recordedFigures() {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  return Object.fromEntries([...text.matchAll(/<!-- bench:figures (\{.*\}) -->/g)].map((m) => JSON.parse(m[1])).map((d) => [d.scale, d]));
}

ensureBuilt();
const out = [];
const measured = {};
for (const name of scales) {
  const result = benchScale(name);
  const table = scaleTable(result);
  out.push(table);
  const figures = { scale: result.scale.name, date: new Date().toISOString().slice(0, 10), runs: RUNS, load: result.load, reads: result.reads, writes: result.writes };
  measured[result.scale.name] = figures;
  const rounded = JSON.stringify(figures, (_key, value) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value));
  if (write) updateResults(result.scale.name, `${machine()}\n\n${table}\n\n<!-- bench:figures ${rounded} -->`);
}
if (args.includes('--hledger')) {
  const table = hledgerTable(benchHledger(hledgerReceipts));
  out.push(table);
  if (write) updateResults('hledger', `${machine()}\n\n${table}`);
}
const targets = write ? targetsTable(recordedFigures(), "each scale's last `npm run bench -- --write`") : targetsTable(measured, 'this run');
if (write) updateResults('targets', targets);
console.log([...out, '**Against the targets**', targets].join('\n\n'));
