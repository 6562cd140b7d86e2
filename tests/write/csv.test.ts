// The CSV reader: quoted fields, CRLF, BOM, positions, the separator; it reads what csv-parse
// (a widely used parser) reads, and the writer round-trips.
import { parse as csvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, detectSeparator, parseCsv } from '../../src/io/csv.js';

const values = (text: string) => parseCsv(text).records.map((r) => r.fields.map((f) => f.value));

describe('parseCsv', () => {
  it('reads plain, quoted and empty fields with LF or CRLF and a BOM', () => {
    expect(values('\uFEFFid,joined,studied\r\na,2012-01-01,"values;vision"\r\n"b ""x""",,\r\n')).toEqual([
      ['id', 'joined', 'studied'],
      ['a', '2012-01-01', 'values;vision'],
      ['b "x"', '', ''],
    ]);
  });
  it('keeps line breaks inside quotes and reports where each record and field starts', () => {
    const { records } = parseCsv('id,notes\na,"two\nlines"\nb,x');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]!.fields[1]).toEqual({ value: 'two\nlines', line: 2, column: 3 });
    expect(records[2]!.fields[1]).toEqual({ value: 'x', line: 4, column: 3 });
  });
  it('skips blank lines and reads semicolon-separated spreadsheets', () => {
    expect(values('id;joined\n\na;2012-01-01\n\n')).toEqual([['id', 'joined'], ['a', '2012-01-01']]);
  });
  it('reports an unclosed quote, text after a closing quote and a stray quote', () => {
    expect(parseCsv('id\n"a').problems).toEqual([{ line: 2, column: 1, message: expect.stringContaining('never closed') }]);
    expect(parseCsv('id,x\n"a"b,c').problems[0]).toMatchObject({ line: 2, column: 4 });
    expect(parseCsv('id,x\nab"c,d').problems[0]).toMatchObject({ line: 2, column: 3 });
  });
  it('round-trips anything the writer writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('\r\n') + '\r\n';
        const expected = rows.filter((r) => r.length !== 1 || r[0] !== '');
        expect(values(text)).toEqual(expected);
      }),
    );
  });
});

/** What csv-parse reads, with the separator iops detects: records of values, or its error. */
function reference(text: string): string[][] | 'error' {
  try {
    return csvParse(text, { delimiter: detectSeparator(text.replace(/^\uFEFF/, '')), relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch {
    return 'error';
  }
}
const ours = (text: string): string[][] | 'error' => {
  const r = parseCsv(text);
  return r.problems.length ? 'error' : r.records.map((rec) => rec.fields.map((f) => f.value));
};

describe('parseCsv reads what csv-parse reads', () => {
  const tricky: [string, string, string[][]][] = [
    ['CRLF inside a quoted field stays CRLF', 'id,notes\r\na,"l1\r\nl2"\r\n', [['id', 'notes'], ['a', 'l1\r\nl2']]],
    ['LF inside a quoted field in a CRLF file', 'id,notes\r\na,"l1\nl2"\r\n', [['id', 'notes'], ['a', 'l1\nl2']]],
    ['a line holding only "" is a record with one empty field', 'id\n""\nb\n', [['id'], [''], ['b']]],
    ['blank lines are skipped', 'id,x\r\n\r\na,b\r\n\r\n', [['id', 'x'], ['a', 'b']]],
    ['a quoted header cell holding a comma in a ; file', '"id,x";joined\na;b\n', [['id,x', 'joined'], ['a', 'b']]],
    ['a quoted header cell holding ; in a , file', '"a;b;c",joined\nx,y\n', [['a;b;c', 'joined'], ['x', 'y']]],
    ['tab-separated', 'id\tjoined\ta,b\nx\t2012-01-01\t"c\td"\n', [['id', 'joined', 'a,b'], ['x', '2012-01-01', 'c\td']]],
    ['semicolons with commas in values', 'id;joined;dues\nx;2012-01-01;"1,5"\n', [['id', 'joined', 'dues'], ['x', '2012-01-01', '1,5']]],
    ['a BOM and doubled quotes', '\uFEFFid,x\n"a ""b""",c\n', [['id', 'x'], ['a "b"', 'c']]],
    ['blank lines before the header', '\n\nid;x\na;b', [['id', 'x'], ['a', 'b']]],
    ['a quoted empty field among others', 'a,b\n"",x\n', [['a', 'b'], ['', 'x']]],
    ['CR line endings', 'a,b\rc,d\r', [['a', 'b'], ['c', 'd']]],
    ['spaces are kept', 'a, b \n c ,d', [['a', ' b '], [' c ', 'd']]],
  ];
  it.each(tricky)('%s', (_, text, expected) => {
    expect(reference(text)).toEqual(expected);
    expect(ours(text)).toEqual(expected);
  });

  it('reads a file that mixes CRLF and LF (csv-parse keeps the first ending it sees, so a stray CR would end up in a value)', () => {
    expect(ours('id,x\n\na,b\r\n\r\nc,d')).toEqual([['id', 'x'], ['a', 'b'], ['c', 'd']]);
  });

  it('both refuse broken quoting', () => {
    for (const text of ['id\n"a', 'id,x\n"a"b,c', 'id,x\nab"c,d', 'a\n"x" \n'])
      expect({ text, ours: ours(text), reference: reference(text) }).toEqual({ text, ours: 'error', reference: 'error' });
  });

  it('detects the separator from the whole header line, quotes included', () => {
    expect(detectSeparator('"id,x";joined\n')).toBe(';');
    expect(detectSeparator('id\tjoined\tleft\n')).toBe('\t');
    expect(detectSeparator('id;joined,left;gender\n')).toBe(';');
    expect(detectSeparator('"a\nb,c,d";x\n')).toBe(';');
    expect(detectSeparator('id\n')).toBe(',');
  });

  it('agrees with csv-parse on random text made of the awkward pieces', () => {
    const piece = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '""', 'é', 'x"y');
    const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, nl, end]) => lines.join(nl) + (end ? nl : ''));
    fc.assert(
      fc.property(text, (t) => {
        expect(ours(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
});
