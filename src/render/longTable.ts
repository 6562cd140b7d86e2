// cli-table3 lays a table out in time that grows with the square of its rows (each cell is
// checked against every earlier one for spans): 5,000 chapters take seconds. A long table
// without spans and without rules between rows is drawn in blocks of rows at the whole table's
// column widths, and the blocks joined: the same text as one table, in time that grows with
// its rows. tests/render/longTable.test.ts holds it to the text cli-table3 draws itself.
import Table from 'cli-table3';
// the width cli-table3 gives a cell's text (colours left out, wide characters counted twice)
import utils from 'cli-table3/src/utils.js';

const BLOCK = 200;

type Options = Table.TableConstructorOptions & { head: string[] };

/** `options` must draw no rule between rows (`style.compact`, or empty `mid` characters). */
export function longTable(options: Options, rows: Table.HorizontalTableRow[]): string {
  const draw = (opts: Table.TableConstructorOptions, part: Table.HorizontalTableRow[]) => {
    const t = new Table(opts);
    for (const r of part) t.push(r);
    return t.toString();
  };
  if (rows.length <= BLOCK) return draw(options, rows);
  const padding = (options.style?.['padding-left'] ?? 1) + (options.style?.['padding-right'] ?? 1);
  const text = (c: Table.Cell) => String(c !== null && typeof c === 'object' ? (c.content ?? '') : (c ?? ''));
  const widths = options.head.map((h) => utils.strlen(h));
  for (const r of rows) r.forEach((c, x) => (widths[x] = Math.max(widths[x] ?? 0, utils.strlen(text(c)))));
  for (let x = 0; x < widths.length; x++) widths[x]! += padding;
  const lines: string[] = [];
  for (let start = 0; start < rows.length; start += BLOCK) {
    const first = start === 0;
    const last = start + BLOCK >= rows.length;
    const block = draw({ ...options, head: first ? options.head : [], colWidths: widths }, rows.slice(start, start + BLOCK)).split('\n');
    // the first block keeps its top border and head, the last its bottom border
    lines.push(...block.slice(first ? 0 : 1, last ? block.length : -1));
  }
  return lines.join('\n');
}
