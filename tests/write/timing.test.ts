// How long writes take at the sample's size: one `member add` on a copy of data/ (about 900
// files), and importing 1,000 members in one go. Prints the times; fails only when a write
// does not do its job or takes unreasonably long.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { commitCount, iops, ok } from './support.js';

afterAll(cleanupRepos);

const SAMPLE = resolve(__dirname, '../../data');

function sampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(SAMPLE, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(SAMPLE);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it('member add and a 1,000-member import on a copy of the sample', () => {
  const repo = tempRepo(sampleFiles());
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    ok(repo, ['member', 'add', 'london', '--joined', '2012-08-01']);
    times.push(performance.now() - t);
  }
  const validate = performance.now();
  expect(iops(repo, ['validate']).code).toBe(0);
  const validateMs = performance.now() - validate;

  const rows = Array.from({ length: 1000 }, (_, i) => `,2012-0${1 + (i % 8)}-${String(1 + (i % 28)).padStart(2, '0')},${['woman', 'man', '', 'non-binary'][i % 4]},,${i % 3 ? 'values' : ''},${i % 5 ? `${1 + (i % 20)}/GBP/month` : 'exempt'}`);
  writeFileSync(join(repo.dir, 'many.csv'), `id,joined,gender,age_band,studied,dues\n${rows.join('\n')}\n`);
  const before = commitCount(repo);
  const t = performance.now();
  ok(repo, ['import', 'members', 'many.csv', '--chapter', 'berlin']);
  const importMs = performance.now() - t;
  expect(commitCount(repo)).toBe(before + 1);
  const berlin = parse(readFileSync(join(repo.dir, 'chapters/berlin/members.yaml'), 'utf8')) as { id: string }[];
  expect(new Set(berlin.map((m) => m.id)).size).toBe(berlin.length);
  expect(repo.git('show', '--numstat', '--format=', 'HEAD').trim()).toMatch(/^\d+\t0\tchapters\/berlin\/members\.yaml$/);

  console.log(`timing: member add on the sample ${times.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(times).toFixed(0)}); validate ${validateMs.toFixed(0)} ms; import 1,000 members ${importMs.toFixed(0)} ms`);
  expect(median(times)).toBeLessThan(20_000);
  expect(importMs).toBeLessThan(30_000);
}, 180_000);
