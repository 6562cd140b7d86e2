// Writes at the sample's size: `member add` three times on a copy of data/ (about 900 files),
// then importing 1,000 members in one go, one commit. How long they take is the benchmark's
// business (`npm run bench`: one write of each kind against a raw git commit), not a test's.
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

it('member add and a 1,000-member import on a copy of the sample', () => {
  const repo = tempRepo(sampleFiles());
  const members = (chapter: string) => parse(readFileSync(join(repo.dir, `chapters/${chapter}/members.yaml`), 'utf8')) as { id: string }[];
  const added = new Set<string>();
  for (let i = 0; i < 3; i++) added.add(ok(repo, ['member', 'add', 'london', '--joined', '2012-08-01']).stdout.trim());
  expect(added.size).toBe(3);
  const london = members('london');
  for (const id of added) expect(london.filter((m) => m.id === id)).toHaveLength(1);
  expect(iops(repo, ['validate']).code).toBe(0);

  const rows = Array.from({ length: 1000 }, (_, i) => `,2012-0${1 + (i % 8)}-${String(1 + (i % 28)).padStart(2, '0')},${['woman', 'man', '', 'non-binary'][i % 4]},,${i % 3 ? 'values' : ''},${i % 5 ? `${1 + (i % 20)}/GBP/month` : 'exempt'}`);
  writeFileSync(join(repo.dir, 'many.csv'), `id,joined,gender,age_band,studied,dues\n${rows.join('\n')}\n`);
  const before = commitCount(repo);
  const berlinBefore = members('berlin').length;
  ok(repo, ['import', 'members', 'many.csv', '--chapter', 'berlin']);
  expect(commitCount(repo)).toBe(before + 1);
  const berlin = members('berlin');
  expect(berlin).toHaveLength(berlinBefore + 1000);
  expect(new Set(berlin.map((m) => m.id)).size).toBe(berlin.length);
  expect(repo.git('show', '--numstat', '--format=', 'HEAD').trim()).toMatch(/^\d+\t0\tchapters\/berlin\/members\.yaml$/);
  expect(iops(repo, ['validate']).code).toBe(0);
}, 600_000);
