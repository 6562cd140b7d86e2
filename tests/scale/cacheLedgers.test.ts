// Dues ledgers checked as sums: a ledger that breaks a check its receipts must pass is found
// and located, cold and through the cache, exactly as reading every receipt does.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { randomOrg } from '../helpers/randomOrg.js';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { LONG, cacheDir, cached, commands, plain } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('dues ledgers checked as sums', LONG, () => {
  // each ledger breaks one check the receipts must pass; read cold (nothing cached), validate
  // and readiness check the ledgers as sums, and must find and locate the problem exactly as
  // reading every receipt does
  const broken: [string, (ledger: string, chapter: { founded: string; member: string }) => string][] = [
    ['a member who does not exist', (l) => l.replace(/member: [^,]+/, 'member: nobody-here')],
    ['a currency without a rate', (l) => l.replace(/currency: \w+/, 'currency: CHF')],
    ['a receipt dated in another year', (l) => l.replace(/date: (\d{4})/, (_m, y: string) => `date: ${Number(y) + 1}`)],
    ['a receipt before the chapter was founded', (l, c) => `${l}- { date: ${c.founded.slice(0, 4)}-01-01, member: ${c.member}, amount: 1, currency: GBP }\n`],
  ];
  for (const [what, breakIt] of broken) {
    it(`finds ${what}`, async () => {
      const files = fc.sample(randomOrg, { numRuns: 1, seed: 14 })[0]!;
      const ledger = Object.keys(files).find((p) => /^chapters\/[^/]+\/dues\/\d{4}\.yaml$/.test(p))!;
      const chapterId = ledger.split('/')[1]!;
      const founded = /founded: (\S+)/.exec(files[`chapters/${chapterId}/chapter.yaml`]!)![1]!;
      const member = /member: ([^,]+)/.exec(files[ledger]!)![1]!;
      const repo = tempRepo(files);
      for (const argv of [['validate', '--format', 'json'], commands()[0]!]) expect(await plain(repo, argv)).toMatch(/^[01]\n/);
      // the founding day's year is the ledger's year only for some chapters: put the early receipt in a ledger of that year
      const path = what.includes('founded') ? `chapters/${chapterId}/dues/${founded.slice(0, 4)}.yaml` : ledger;
      repo.write(path, breakIt(files[path] ?? '', { founded, member }));
      for (const argv of [['validate', '--format', 'json'], ['validate'], commands()[0]!]) {
        const off = await plain(repo, argv);
        expect(off).toContain(path);
        rmSync(cacheDir(repo), { recursive: true, force: true });
        expect(cached(repo, argv)).toBe(off);
        expect(cached(repo, argv)).toBe(off);
      }
    });
  }
});
