// A one-chapter report reads only part of the repository; the report must be the same as
// from the whole repository, and the selection must fall back when it cannot stand alone.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from '../../src/load/load.js';
import { buildChapterReport } from '../../src/core/report/build.js';
import { type ScopedFile, scopePaths, selectScope } from '../../src/core/report/scope.js';
import { readDataFiles } from '../../src/io/repo.js';
import { AS_OF, FILES } from './fixture.js';

const entries = (files: Record<string, string>): ScopedFile[] => Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
const scoped = (files: readonly ScopedFile[], chapter: string) => selectScope(chapter, files.filter((f) => scopePaths(chapter)(f.path)));

describe('the files a chapter report reads', () => {
  it("reads the chapter's folder, the settings, goals, branches, every chapter.yaml and members list, and the joint meetings that name it", () => {
    const paths = scoped(entries(FILES), 'ldn').map((f) => f.path).sort();
    // every members list: what the report may show of its breakdowns is decided over the whole organisation
    expect(paths).toEqual([
      'branches/uk.yaml',
      'chapters/brt/chapter.yaml',
      'chapters/brt/meetings/2013-06-10.yaml',
      'chapters/brt/members.yaml',
      'chapters/gla/chapter.yaml',
      ...Object.keys(FILES).filter((p) => p.startsWith('chapters/ldn/')).sort(),
      'goals.yaml',
      'iops.yaml',
    ]);
  });

  it("stands in for another chapter's members with its delegate only when its members list is missing", () => {
    const files = entries({ ...FILES, 'chapters/brt/chapter.yaml': 'name: Brighton\ncountry: GB\nbranch: uk\nfounded: 2012-06-01\ndelegate: "brt-1"   # chosen in May\n' });
    const members = scoped(files, 'ldn').find((f) => f.path === 'chapters/brt/members.yaml')!;
    expect(new TextDecoder().decode(members.bytes)).toBe(FILES['chapters/brt/members.yaml']);
    expect(loadFromFiles(scoped(files, 'ldn')).problems).toEqual([]);

    const withoutMembers = files.filter((f) => f.path !== 'chapters/brt/members.yaml');
    const standIn = scoped(withoutMembers, 'ldn').find((f) => f.path === 'chapters/brt/members.yaml')!;
    expect(new TextDecoder().decode(standIn.bytes)).toBe('- id: brt-1\n  joined: 2012-06-01\n');
  });

  it('gives the same report as the whole repository, on the fixture and on the sample organisation', async () => {
    const fixture = entries(FILES);
    const whole = loadFromFiles(fixture).org!;
    for (const id of ['ldn', 'brt']) {
      const part = loadFromFiles(scoped(fixture, id)).org!;
      expect(buildChapterReport(part, part.chapterById.get(id)!, AS_OF)).toEqual(buildChapterReport(whole, whole.chapterById.get(id)!, AS_OF));
    }

    const sample = await readDataFiles(resolve(__dirname, '../../data'));
    const org = loadFromFiles(sample).org!;
    const asOf = org.settings.snapshot_date!;
    const invited = org.chapters.filter((c) => c.meetings.some((m) => m.chapter !== c.id)).map((c) => c.id);
    expect(invited.length).toBeGreaterThan(0); // chapters whose joint meetings only the other chapter logged
    for (const id of [...invited.slice(0, 6), 'london', 'galway']) {
      const part = loadFromFiles(scoped(sample, id));
      expect(part.problems).toEqual([]);
      expect(buildChapterReport(part.org!, part.org!.chapterById.get(id)!, asOf, { members: true })).toEqual(
        buildChapterReport(org, org.chapterById.get(id)!, asOf, { members: true }),
      );
    }
  });

  it('a chapter id inside another word is not a mention', () => {
    const files = entries({ ...FILES, 'chapters/brt/meetings/2013-06-11.yaml': 'date: 2013-06-11\nmode: online\nattendance: 3\nnotes: about ldn-w1 and xldn\n' });
    expect(scoped(files, 'ldn').map((f) => f.path)).not.toContain('chapters/brt/meetings/2013-06-11.yaml');
  });
});
