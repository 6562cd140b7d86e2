#!/usr/bin/env node
// The benchmark: generates each scale (bench/gen.mjs), then times the built CLI on it, each
// command cold (no cache), warm (run again: the result remembered for these files) and with
// the files' cache only (IOPS_CACHE=files: what a run costs when the result is not remembered,
// such as after an edit), with wall time and peak memory, and the dues receipts as a journal
// for `hledger balance` side by side.
//
//   npm run bench                      S1, and dues against hledger on 100,000 receipts
//   npm run bench -- --scale S5        five-year scale too (takes many minutes); or IOPS_BENCH_S5=1
//   npm run bench -- --scale 20000     any number of members
//   npm run bench -- --only --scale S5 --no-hledger   just S5
//   npm run bench -- --write           also update bench/RESULTS.md (the sections of the scales run)
//   IOPS_BENCH_CLI=path/to/bin/iops.js measures another build (a copy, while this one changes)
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

const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
// S1 always (unless --only); S5 and other scales when asked for
const scales = [...new Set([...(args.includes('--only') ? [] : ['S1']), ...values('--scale'), ...(process.env.IOPS_BENCH_S5 ? ['S5'] : [])])];
const hledgerReceipts = Number(values('--hledger-receipts')[0] ?? 100_000);
const write = args.includes('--write');

/** Targets from the issue: [S1, S5]; seconds, or MB for memory. */
const TARGETS = {
  'readiness warm': [0.3, 1],
  'readiness cold': [1, 30],
  'report warm': [0.2, 0.3],
  'validate cold': [2, 60],
  rss: [200, 1024],
};

function ensureBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const gitDir = (repo) => execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: repo, encoding: 'utf8' }).trim();
const dropCache = (repo) => rmSync(join(gitDir(repo), 'iops-cache'), { recursive: true, force: true });

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

const iops = (repo, argv, env) => measure(repo, [process.execPath, CLI], argv, env);

function commandExists(repo, argv) {
  return spawnSync(process.execPath, [CLI, ...argv, '--help'], { cwd: repo, encoding: 'utf8' }).status === 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One command cold (cache dropped first) and warm (median of the runs after). */
function coldWarm(repo, argv, ok, warmRuns) {
  dropCache(repo);
  const cold = iops(repo, argv);
  if (!ok.includes(cold.status)) return { error: `exit ${cold.status}: ${cold.stderr.split('\n').find((l) => l.trim()) ?? ''}` };
  const warm = Array.from({ length: warmRuns }, () => iops(repo, argv));
  const best = warm.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const files = iops(repo, argv, { IOPS_CACHE: 'files' });
  return {
    files: files.seconds,
    filesRss: files.rss,
    cold: cold.seconds,
    coldCpu: cold.cpu,
    coldRss: cold.rss,
    warm: median(warm.map((w) => w.seconds)),
    warmBest: best.seconds,
    warmCpu: median(warm.map((w) => w.cpu ?? 0)),
    warmRss: Math.max(...warm.map((w) => w.rss)),
  };
}

function benchScale(name) {
  const scale = scaleOf(name);
  const started = Date.now();
  const { out: repo, reused } = generateRepository(scale, defaultOut(scale), { log: (s) => console.error(`  ${s}`) });
  console.error(`${scale.name}: ${repo}${reused ? ' (reused)' : ` (generated in ${((Date.now() - started) / 1000).toFixed(0)} s)`}`);
  const chapters = readdirSync(join(repo, 'chapters')).sort();
  const chapter = chapters[Math.floor(chapters.length / 2)];
  const warmRuns = scale.members > 50_000 ? 2 : 3;
  const rows = [];
  const plan = [
    ['validate', ['validate'], [0]],
    ['readiness', ['readiness'], [0, 1]],
    [`report <chapter>`, ['report', chapter], [0], ['report']],
    ['report --all', ['report', '--all'], [0], ['report']],
    ['diff HEAD~1', ['diff', 'HEAD~1'], [0]],
    ['dues', ['dues'], [0], ['dues']],
  ];
  for (const [label, argv, ok, needs] of plan) {
    if (needs && !commandExists(repo, needs)) {
      rows.push({ label, note: `skipped: no \`iops ${needs.join(' ')}\` command in this build` });
      continue;
    }
    console.error(`  ${label} …`);
    rows.push({ label, ...coldWarm(repo, argv, ok, warmRuns) });
  }
  console.error('  with the untracked cache …');
  return { scale, repo, chapter, rows, untrackedCache: withUntrackedCache(repo, chapter, warmRuns) };
}

/**
 * readiness and report <chapter>, remembered, with git's untracked cache on
 * (`core.untrackedCache`, docs/performance.md), then off again as the generator left it.
 */
function withUntrackedCache(repo, chapter, warmRuns) {
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('config', 'core.untrackedCache', 'true');
  git('update-index', '--untracked-cache');
  git('status', '--porcelain'); // a status that may write the index stores the cache in it
  try {
    return [['readiness', ['readiness']], ['report <chapter>', ['report', chapter]]].map(([label, argv]) => {
      iops(repo, argv); // remembered
      return { label, warm: median(Array.from({ length: warmRuns }, () => iops(repo, argv).seconds)) };
    });
  } finally {
    git('update-index', '--no-untracked-cache');
    git('config', '--unset', 'core.untrackedCache');
  }
}

/** `iops dues` against `hledger balance` on the same receipts (a scale with about that many). */
function benchHledger(receipts) {
  const scale = scaleOf(String(Math.ceil(receipts / 12)));
  const { out: repo, journal: generated } = generateRepository(scale, defaultOut(scale), { log: (s) => console.error(`  ${s}`) });
  console.error(`hledger comparison: ${scale.receipts.toLocaleString('en-US')} receipts in ${repo}`);
  if (!HLEDGER) return { scale, note: 'hledger is not installed' };
  let journal = generated;
  let source = 'written by the generator (no `iops dues export` in this build)';
  const dir = mkdtempSync(join(tmpdir(), 'iops-bench-journal-'));
  if (commandExists(repo, ['dues', 'export'])) {
    const r = spawnSync(process.execPath, [CLI, 'dues', 'export', '--format', 'ledger'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status === 0) {
      journal = join(dir, 'dues.journal');
      writeFileSync(journal, r.stdout);
      source = '`iops dues export --format ledger`';
    }
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
  if (!commandExists(repo, ['dues'])) return { scale, source, hledger, hledgerRss: Math.max(h1.rss, h2.rss), note: 'no `iops dues` command in this build' };
  const dues = coldWarm(repo, ['dues'], [0], 3);
  return { scale, source, hledger, hledgerRss: Math.max(h1.rss, h2.rss), dues };
}

const s = (x) => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (x) => (x === undefined ? '–' : `${Math.round(x)}`);

function scaleTable({ scale, chapter, rows, untrackedCache }) {
  const idx = scale.name === 'S5' ? 1 : scale.name === 'S1' ? 0 : undefined;
  const verdict = (value, key) => {
    if (idx === undefined || value === undefined || !TARGETS[key]) return '';
    const target = TARGETS[key][idx];
    return value <= target ? ` ✓ (≤ ${target})` : ` ✗ (target ${target})`;
  };
  const lines = [
    `**${scale.name}**: ${scale.members.toLocaleString('en-US')} members, ${scale.chapters.toLocaleString('en-US')} chapters, ${scale.meetings.toLocaleString('en-US')} meetings, ${scale.reports.toLocaleString('en-US')} reports, ${scale.receipts.toLocaleString('en-US')} receipts; \`report\` on chapter \`${chapter}\`.`,
    '',
    '| command | cold s | cold CPU s | warm s (median) | warm s (best) | warm CPU s | files cache only s | cold peak MB | warm peak MB | files cache only peak MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.note || r.error) {
      lines.push(`| ${r.label} | ${r.note ?? r.error} | | | | | | | | |`);
      continue;
    }
    const base = r.label === 'report --all' ? 'report --all' : r.label.split(' ')[0];
    lines.push(
      `| ${r.label} | ${s(r.cold)}${verdict(r.cold, `${base} cold`)} | ${s(r.coldCpu)} | ${s(r.warm)}${verdict(r.warm, `${base} warm`)} | ${s(r.warmBest)} | ${s(r.warmCpu)} | ${s(r.files)} | ${mb(r.coldRss)}${verdict(r.coldRss, 'rss')} | ${mb(r.warmRss)}${verdict(r.warmRss, 'rss')} | ${mb(r.filesRss)}${verdict(r.filesRss, 'rss')} |`,
    );
  }
  const uc = untrackedCache.map((r) => `${r.label} warm ${s(r.warm)} s${verdict(r.warm, `${r.label.split(' ')[0]} warm`)}`).join(', ');
  lines.push('', `With git's untracked cache on (\`git config core.untrackedCache true\`, then a \`git status\`): ${uc}.`);
  return lines.join('\n');
}

function hledgerTable(h) {
  if (!h.dues) return `**dues vs hledger** (${h.scale.receipts.toLocaleString('en-US')} receipts): ${h.note}`;
  if (h.dues.error) return `**dues vs hledger**: iops dues failed: ${h.dues.error}`;
  const ratio = (x) => (x / h.hledger).toFixed(2);
  return [
    `**dues vs hledger balance** on the same ${h.scale.receipts.toLocaleString('en-US')} receipts (journal ${h.source}):`,
    '',
    '| | seconds | peak MB | ratio to hledger |',
    '| --- | ---: | ---: | ---: |',
    `| hledger balance | ${s(h.hledger)} | ${mb(h.hledgerRss)} | 1 |`,
    `| iops dues, cold | ${s(h.dues.cold)} | ${mb(h.dues.coldRss)} | ${ratio(h.dues.cold)} ${h.dues.cold < h.hledger ? '✓ (< 1)' : '✗ (target < 1)'} |`,
    `| iops dues, warm | ${s(h.dues.warm)} | ${mb(h.dues.warmRss)} | ${ratio(h.dues.warm)} ${h.dues.warm < h.hledger * 0.1 ? '✓ (< 0.1)' : '✗ (target < 0.1)'} |`,
    `| iops dues, files cache only | ${s(h.dues.files)} | ${mb(h.dues.filesRss)} | ${ratio(h.dues.files)} |`,
  ].join('\n');
}

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.trimEnd();
  return [
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- \`nproc\`: ${cpus().length} (${cpus()[0]?.model ?? 'unknown cpu'})`,
    `- node ${process.version}, git ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim().replace('git version ', '')}${HLEDGER ? `, ${execFileSync(HLEDGER, ['--version'], { encoding: 'utf8' }).trim()}` : ''}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free)`,
    `- load average when the run ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (on ${cpus().length} cores; other work on the machine slows wall times, CPU seconds less so)`,
    '- `free -h`:',
    '',
    '```',
    free ?? '(free not available)',
    '```',
  ].join('\n');
}

/** Replaces (or appends) the section between `<!-- bench:NAME -->` markers. */
function updateResults(name, body) {
  const file = join(HERE, 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${body}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}

ensureBuilt();
const out = [];
for (const name of scales) {
  const result = benchScale(name);
  const table = scaleTable(result);
  out.push(table);
  if (write) updateResults(result.scale.name, `${machine()}\n\n${table}`);
}
if (!args.includes('--no-hledger')) {
  const table = hledgerTable(benchHledger(hledgerReceipts));
  out.push(table);
  if (write) updateResults('hledger', `${machine()}\n\n${table}`);
}
console.log(out.join('\n\n'));
