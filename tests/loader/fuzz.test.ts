// Property: whatever is done to valid files, the loader answers with an organisation and no
// problems, or with located problems — it never throws.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FileEntry, loadFromFiles } from '../../src/load/load.js';
import { lineOf } from '../../src/load/open.js';
import { renderProblems } from '../../src/render/problems.js';
import { minimalOrg } from '../helpers/repo.js';

const VALID = minimalOrg({
  'chapters/london/chapter.yaml':
    'name: London\ncountry: GB\nbranch: uk\nfounded: 2012-02-01\ndelegate: ldn-a\ndues:\n  scheme: sliding-scale\n  bank_account: true\n  agreed: 2012-09-15\n',
  'chapters/london/meetings/2012-08-25.yaml':
    'date: 2012-08-25\nmode: in-person\nattendees: [ldn-a, ldn-b]\ntopics: [education, outreach]\nstudied: [values]\nprojects:\n  - { name: Housing leaflet, status: succeeded }\nnotes: free text\n',
  'chapters/london/dues/2012.yaml':
    '- date: 2012-09-05\n  member: ldn-a\n  amount: 20.00\n  currency: GBP\n  period: 2012-09\n- date: 2012-10-05\n  member: ldn-b\n  amount: 5\n  currency: USD\n',
  'chapters/london/reports/2012-09-01.md': '---\ndate: 2012-09-01\ntitle: London update\nurl: https://example.org/london\n---\nBody in *Markdown*.\n',
  'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [london] }\n',
});
const PATHS = Object.keys(VALID);
/** A few hundred by default; IOPS_FUZZ_RUNS=20000 for a long hunt. */
const RUNS = Number(process.env.IOPS_FUZZ_RUNS ?? 400);
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

const SIGNIFICANT = [...':-[]{}&*!|>\'"%@`#,?~\n\t '];
const KEYS = ['name', 'id', 'date', 'delgate', 'delegate', 'members', '__proto__', 'constructor', 'prototype', '<<', 'toString', '', '1', 'NO', 'Date'];
const VALUES = ['007', 'yes', 'NO', '~', 'null', '[]', '{}', '1e999', '-1', '0x1F', '2013-02-30', '2012-08-25', '"x"', "'", '-x', 'a/b', '..', '&a x', '*a', '!!binary R0I=', '|', '>-', '"\\e[31m"', '12.345', 'true', '.nan'];

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'renameKey'; which: number; key: string }
  | { kind: 'swapValue'; which: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ minLength: 1, maxLength: 4 })) }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('renameKey' as const), which: fc.nat(), key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('swapValue' as const), which: fc.nat(), value: fc.constantFrom(...VALUES) }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'flip') {
    if (!bytes.length) return bytes;
    const out = bytes.slice();
    out[m.at % out.length] = m.byte;
    return out;
  }
  if (m.kind === 'truncate') return bytes.slice(0, m.at % (bytes.length + 1));
  const text = decode(bytes);
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return encode(text.slice(0, at) + m.text + text.slice(at));
  }
  if (m.kind === 'deleteLine' || m.kind === 'duplicateLine') {
    const lines = text.split('\n');
    const i = m.line % lines.length;
    lines.splice(i, m.kind === 'deleteLine' ? 1 : 0, ...(m.kind === 'duplicateLine' ? [lines[i]!] : []));
    return encode(lines.join('\n'));
  }
  // keys and values: the n-th `key:` (or `key: value`) in the text
  const pattern = /([A-Za-z_][\w-]*)(:)( ?)([^\n,}\]]*)/g;
  const found = [...text.matchAll(pattern)];
  if (!found.length) return bytes;
  const hit = found[m.which % found.length]!;
  const [, key, colon, space, value] = hit;
  const replaced = m.kind === 'renameKey' ? `${m.key}${colon}${space}${value}` : `${key}${colon}${space || ' '}${m.value}`;
  return encode(text.slice(0, hit.index) + replaced + text.slice(hit.index + hit[0].length));
}

const mutatedRepo = fc.array(fc.record({ file: fc.constantFrom(...PATHS), mutation }), { minLength: 1, maxLength: 4 }).map((changes) => {
  const files = new Map<string, Uint8Array>(PATHS.map((p) => [p, encode(VALID[p]!)]));
  for (const { file, mutation } of changes) files.set(file, apply(files.get(file)!, mutation));
  return [...files].map(([path, bytes]): FileEntry => ({ path, bytes }));
});

describe('the loader on mutated files', () => {
  it('loads the unmutated files as a valid organisation (the property starts from valid data)', () => {
    const result = loadFromFiles(PATHS.map((path) => ({ path, bytes: encode(VALID[path]!) })));
    expect(result.problems).toEqual([]);
    expect(result.org?.chapters[0]?.ownMeetings).toHaveLength(1);
    expect(result.org?.chapters[0]?.receipts).toHaveLength(2);
    expect(result.org?.chapters[0]?.reports).toHaveLength(1);
    expect(result.org?.branches).toHaveLength(1);
  });

  it('never throws: an organisation without problems, or located problems', () => {
    const plain = new Chalk({ level: 0 });
    fc.assert(
      fc.property(mutatedRepo, (files) => {
        const result = loadFromFiles(files);
        if (result.problems.length === 0) {
          expect(result.org).toBeDefined();
        } else {
          expect(result.org).toBeUndefined();
          const lines = new Map(files.map((f) => [f.path, decode(f.bytes!).split('\n').length]));
          for (const p of result.problems) {
            expect(lines.has(p.file) || p.file === 'iops.yaml', p.file).toBe(true);
            expect(Number.isInteger(p.line) && p.line >= 1, `${p.file}:${p.line}`).toBe(true);
            expect(p.line, `${p.file}:${p.line} ${p.message}`).toBeLessThanOrEqual((lines.get(p.file) ?? 1) + 1);
            expect(Number.isInteger(p.column) && p.column >= 1, `${p.file}:${p.line}:${p.column}`).toBe(true);
            expect(typeof p.message === 'string' && p.message.trim().length > 0).toBe(true);
          }
          expect(() => renderProblems({ problems: result.problems, sourceLine: lineOf(files) }, plain)).not.toThrow();
        }
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
      }),
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 20);
});
