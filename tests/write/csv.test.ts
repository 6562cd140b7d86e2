// The CSV reader: quoted fields, CRLF, BOM, positions; and the writer round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../src/io/csv.js';

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
        const expected = rows.filter((r) => r.length !== 1 || r[0] !== '').map((r) => r.map((v) => v.replace(/\r\n|\r/g, '\n')));
        expect(values(text)).toEqual(expected);
      }),
    );
  });
});
