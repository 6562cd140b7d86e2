// A long table drawn in blocks is the same text cli-table3 draws as one table: random rows
// across block boundaries, with colours, wide characters, empty and multi-line cells, right
// alignment, both ways of drawing no rule between rows, and colour on the head and borders.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longTable } from '../../src/render/longTable.js';

const chalk = new Chalk({ level: 1 });
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'London', 'Zürich', '東京支部', 'São Paulo 🌱', '1,234.56', 'line one\nline two', '—'),
  fc.string({ maxLength: 6 }).map((s) => chalk.red(s)),
  fc.string({ maxLength: 6 }).map((s) => chalk.green.bold(s)),
);
const cell = fc.oneof(text, text.map((content) => ({ content, hAlign: 'right' as const })));

function direct(options: Table.TableConstructorOptions, rows: Table.HorizontalTableRow[]): string {
  const t = new Table(options);
  for (const r of rows) t.push(r);
  return t.toString();
}

describe('longTable', () => {
  it('draws the text cli-table3 draws, for tables longer than a block', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 650 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (columns, length, compactStyle, terminal, seed) => {
          const head = Array.from({ length: columns }, (_, i) => (i === 0 ? 'CHAPTER' : `COL ${i}`));
          const rows = fc.sample(fc.array(cell, { minLength: columns, maxLength: columns }), { numRuns: length, seed });
          const style = { head: terminal ? ['bold'] : [], border: terminal ? ['grey'] : [], ...(compactStyle ? { compact: true } : {}) };
          const options = compactStyle ? { head, style } : { head, chars: COMPACT, style };
          expect(longTable(options, rows)).toBe(direct(options, rows));
        },
      ),
      { numRuns: 25 },
    );
  });
});
