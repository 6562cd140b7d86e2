// A run that adds more records than it holds in memory writes them in batches, appended to one
// pack of ordinary records and one of heavy ones (a cold load at five years: seven batches),
// so it leaves two packs and nothing to compact, and reads back every record, during the run
// (a batch already written, even after its pack was read whole) and in the next run.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ParseCache, cacheVersion } from '../../src/load/parseCache.js';
import { cleanupRepos, tempDir } from '../helpers/repo.js';

afterAll(cleanupRepos);

/** A blob id (40 hex digits) for record n. */
const blob = (n: number) => n.toString(16).padStart(40, '0');
/** 1 MB of JSON text for record n, different for each. */
const text = (n: number) => JSON.stringify({ n, pad: String(n % 10).repeat(1024 * 1024) });

it('appends a run\'s batches to one pack of each weight, and reads every record back', () => {
  const gitDir = tempDir('iops-packs-');
  const cache = ParseCache.open(gitDir);
  // 80 MB: the first batch is written at 32 MB, the second at 64 MB, the rest at flush
  for (let n = 0; n < 40; n++) cache.put(blob(n), 'meeting', text(n));
  // the first 40 (a batch written): read back from its pack, most of it at once (the pack read whole)
  const seen: number[] = [];
  cache.eachText(Array.from({ length: 40 }, (_, n) => ({ blob: blob(n), kind: 'meeting' })), (i, t) => {
    expect(t).toBe(text(i));
    seen.push(i);
  });
  expect(seen).toHaveLength(40);
  for (let n = 40; n < 80; n++) cache.put(blob(n), n % 2 ? 'dues' : 'meeting', text(n), 'data', n % 2 === 1);
  // after more batches appended to the pack read whole: the records read as written
  for (const n of [0, 39, 40, 41, 78, 79]) expect(cache.getText(blob(n), n >= 40 && n % 2 ? 'dues' : 'meeting'), `record ${n}`).toBe(text(n));
  cache.flush();

  const dir = join(gitDir, 'iops-cache', cacheVersion());
  expect(readdirSync(dir).filter((name) => name.startsWith('pack-'))).toHaveLength(2);
  // the next run (another git folder holding the same files, so another instance): every record, from disk
  const next = tempDir('iops-packs-');
  cpSync(join(gitDir, 'iops-cache'), join(next, 'iops-cache'), { recursive: true });
  const again = ParseCache.open(next);
  for (let n = 0; n < 80; n++) expect(again.getText(blob(n), n >= 40 && n % 2 ? 'dues' : 'meeting'), `record ${n}`).toBe(text(n));
});
