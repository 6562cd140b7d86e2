// The parse workers of the built CLI (load/parseWorker.ts): enough files for a cold load to
// parse them on worker threads, whose results cross to the main thread (a dues ledger's data as
// UTF-8 bytes moved, not copied) and go into the parse cache. What a command prints is the same
// byte for byte whether the files were parsed on workers, on the main thread or without any
// cache, and whether the ledgers' receipts are read back in the run that parsed them or from
// the packs in the next.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempRepo, cleanupRepos, runCli, tempRepo } from '../helpers/repo.js';
import { goalsYaml, meeting } from '../helpers/org.js';

afterAll(cleanupRepos);

const CHAPTERS = ['ldn', 'par', 'ber'];
const YEARS = [2011, 2012, 2013];

/** Three chapters, 150 meetings each (more files than the main thread parses alone), and ledgers of a few hundred receipts with names and text beyond ASCII. */
function files(): Record<string, string> {
  const out: Record<string, string> = {
    'iops.yaml': 'organization: Test Org\ncurrency: EUR\nrates: { GBP: 1.2 }\nkey_documents: [values]\nprivacy: { min_group: 2 }\nsnapshot_date: 2013-12-31\n',
    'goals.yaml': goalsYaml('  - { id: members, title: "At least 3 members", metric: members, min: 3 }\n'),
  };
  for (const c of CHAPTERS) {
    out[`chapters/${c}/chapter.yaml`] = `name: Chapter ${c} — Zürich\ncountry: DE\nfounded: 2010-01-01\n`;
    const ids = Array.from({ length: 12 }, (_, i) => `${c}-m${i}`);
    out[`chapters/${c}/members.yaml`] = ids.map((id, i) => `- { id: ${id}, joined: 2010-0${1 + (i % 9)}-01, gender: ${i % 2 ? 'woman' : 'man'} }\n`).join('');
    for (let d = 0; d < 150; d++) {
      const date = new Date(Date.UTC(2011, 0, 1 + d * 7)).toISOString().slice(0, 10);
      out[`chapters/${c}/meetings/${date}.yaml`] = meeting(date, `notes: "Réunion n°${d} — ✓"\n`);
    }
    for (const y of YEARS) {
      const lines: string[] = [];
      for (let i = 0; i < 240; i++) {
        const month = String(1 + (i % 12)).padStart(2, '0');
        const day = String(1 + (i % 28)).padStart(2, '0');
        const currency = i % 5 ? 'EUR' : 'GBP';
        lines.push(`- { date: ${y}-${month}-${day}, member: ${ids[i % ids.length]}, amount: ${(i % 7) + 0.5}, currency: ${currency}, period: ${y}-${month}${i % 11 ? '' : ', notes: "espèces €"'} }\n`);
      }
      out[`chapters/${c}/dues/${y}.yaml`] = lines.join('');
    }
  }
  return out;
}

let repo: TempRepo;
beforeAll(() => {
  repo = tempRepo(files());
});

const COMMANDS = [
  ['readiness', '--format', 'json'],
  ['dues', 'export', '--format', 'csv', '--from', '2011-01-01', '--to', '2013-12-31'],
  ['dues', 'summary', '--format', 'json', '--from', '2011-01-01', '--to', '2013-12-31', '--by', 'month'],
];

function run(args: string[], env: Record<string, string>): string {
  const r = runCli(args, { cwd: repo.dir, env });
  expect(r.stderr).not.toMatch(/internal|Error:/);
  return `${r.code}\n${r.stdout}`;
}

describe('parsing on worker threads', () => {
  it('gives what parsing without workers or without a cache gives, cold and from the cache', () => {
    const cacheDir = join(repo.dir, '.git', 'iops-cache');
    for (const args of COMMANDS) {
      const plain = run(args, { IOPS_CACHE: 'off' });
      rmSync(cacheDir, { recursive: true, force: true });
      const cold = runCli(args, { cwd: repo.dir, env: { IOPS_DEBUG_CACHE: '1', IOPS_CACHE: 'files' } });
      expect(cold.stderr).toMatch(/0 hits, 4\d\d parsed/);
      expect(`${cold.code}\n${cold.stdout}`).toBe(plain);
      expect(run(args, { IOPS_CACHE: 'files' })).toBe(plain); // the records the workers sent, read back from the packs
      rmSync(cacheDir, { recursive: true, force: true });
      expect(run(args, { IOPS_CACHE: 'files', IOPS_PARSE_THREADS: '0' })).toBe(plain);
    }
    // every receipt of every ledger is in the export
    const csv = run(['dues', 'export', '--format', 'csv', '--from', '2011-01-01', '--to', '2013-12-31'], { IOPS_CACHE: 'files' });
    expect(csv.split('\n').filter((l) => /^20\d\d-/.test(l))).toHaveLength(CHAPTERS.length * YEARS.length * 240);
  });
});
