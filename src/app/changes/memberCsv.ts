// Members as spreadsheet rows: the columns `iops import members` reads and `iops export
// members` writes (docs/import.md). studied is separated by `;`, dues is `20/GBP/month`,
// `20/GBP` or `exempt`, dates are YYYY-MM-DD, empty cells mean "not given".
import type { MemberRecord } from '../../core/model.js';
import { closest } from '../../core/problem.js';
import { csvLine } from '../../io/csv.js';
import { pledgeText } from './values.js';

export const COLUMNS = ['id', 'joined', 'left', 'gender', 'age_band', 'studied', 'dues'] as const;
export type Column = (typeof COLUMNS)[number];
/** Export adds the chapter; import accepts it when it matches --chapter. */
export const EXPORT_COLUMNS = ['id', 'chapter', 'joined', 'left', 'gender', 'age_band', 'studied', 'dues'] as const;

/** `Age band`, `age-band`, ` AGE_BAND ` → `age_band`. */
export const normalizeHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

export type HeaderResult = { columns: (string | undefined)[]; problems: { index: number; message: string }[] };

/** Maps each header cell to a known column; unknown or repeated columns are problems. */
export function mapHeader(cells: readonly string[]): HeaderResult {
  const known: readonly string[] = EXPORT_COLUMNS;
  const seen = new Map<string, number>();
  const problems: { index: number; message: string }[] = [];
  const columns = cells.map((cell, index) => {
    const name = normalizeHeader(cell);
    if (!known.includes(name)) {
      const hint = closest(name, known);
      problems.push({ index, message: `unknown column "${cell}"${hint ? `; did you mean "${hint}"?` : ''} (columns: ${COLUMNS.join(', ')})` });
      return undefined;
    }
    if (seen.has(name)) problems.push({ index, message: `column "${name}" appears twice (also column ${seen.get(name)! + 1})` });
    seen.set(name, index);
    return name;
  });
  if (!seen.has('joined')) problems.push({ index: 0, message: `the first line names the columns, and "joined" is required (columns: ${COLUMNS.join(', ')})` });
  return { columns, problems };
}

export function membersCsv(members: readonly MemberRecord[]): string {
  const rows = members.map((m) => [m.id, m.chapter, m.joined, m.left ?? '', m.gender, m.age_band ?? '', m.studied.join(';'), pledgeText(m.dues)]);
  return [csvLine([...EXPORT_COLUMNS]), ...rows.map((r) => csvLine(r))].join('\n') + '\n';
}

