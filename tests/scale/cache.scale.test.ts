// The parse cache never changes a result, on 6 more random organisations after random edits
// than cache.test.ts tries (tests/scale/cacheSupport.ts), and on a generated organisation big
// enough for the parse workers (600 members).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, scaleOf } from '../../bench/gen.mjs';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { cacheDir, expectRandomEditsKeepResults, expectSame, stats } from './cacheSupport.js';

afterAll(cleanupRepos);

describe('the parse cache never changes a result', () => {
  it('gives byte-identical readiness, validate, report and dues JSON on 6 random organisations after random edits and writes', async () => {
    await expectRandomEditsKeepResults(6);
  }, 1_200_000);

  it('gives the same results on an organisation big enough for the parse workers', async () => {
    const repo = tempRepo({});
    generate(scaleOf('600'), (path: string, text: string) => repo.write(path, text));
    repo.commit('organisation');
    rmSync(cacheDir(repo), { recursive: true, force: true });
    expect(stats(repo)).toMatchObject({ hits: 0 });
    expect(stats(repo).parsed).toBe(0);
    await expectSame(repo);
    repo.write('chapters/extra/chapter.yaml', 'name: Extra\ncountry: GB\n');
    await expectSame(repo);
  });
});
