// Which file is which (core/layout.ts): a meeting named by its date alone is found by one
// pattern, and anything near it that is not one must still read as the general rules say.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/layout.js';

describe('file names', () => {
  it('reads meetings, with or without a slug, and refuses near misses as before', () => {
    expect(classify('chapters/london/meetings/2013-02-28.yaml')).toEqual({ role: { kind: 'meeting', chapter: 'london', date: '2013-02-28' } });
    expect(classify('chapters/london/meetings/2013-02-28-reading-group.yaml')).toEqual({ role: { kind: 'meeting', chapter: 'london', date: '2013-02-28' } });
    expect(classify('chapters/london/meetings/2013-02-30.yaml')).toEqual({ problem: "the file name's date 2013-02-30 is not a calendar date" });
    expect(classify('chapters/London/meetings/2013-02-28.yaml')).toMatchObject({ problem: expect.stringContaining('chapter folder name "London" is not a valid id') });
    expect(classify('chapters/.london/meetings/2013-02-28.yaml')).toEqual({ ignore: true });
    expect(classify('chapters/london/meetings/2013-02-28.yml')).toMatchObject({ problem: expect.stringContaining('meetings files are named YYYY-MM-DD.yaml') });
    expect(classify('chapters/london/meetings/x/2013-02-28.yaml')).toMatchObject({ problem: expect.stringContaining('iops does not read this file') });
  });
});
