// iops import members FILE.csv --chapter C: every row checked (its fields, ids repeated in
// the file or already in the organisation, and then the whole repository with the rows
// added), problems pointing at FILE.csv:LINE:COLUMN; nothing is written unless every row is
// right, and then all of them land in one commit.
import type { Problem } from '../../core/problem.js';
import { MemberSchema } from '../../core/schema/members.js';
import { paths } from '../../core/paths.js';
import { DataError, UsageError } from '../../errors.js';
import { type CsvField, parseCsv } from '../../io/csv.js';
import type { Plan } from '../transaction.js';
import { compact, listFile } from './files.js';
import { canonicalCell, historyEntries, mapHeader, spreadsheetDateHint } from './memberCsv.js';
import { memberPrefix, newMemberId } from './memberId.js';
import { MEMBER_STYLE } from './members.js';
import { chapterOf, personalIdProblem, pledge } from './values.js';
import type { YamlMap } from './yamlText.js';

interface Row {
  line: number;
  cells: Map<string, CsvField>;
  member: Record<string, unknown>;
}

export const importMembers = (file: string, text: string, chapterId: string): Plan => (s) => {
  const chapter = chapterOf(s.org, chapterId);
  const name = file.split(/[\\/]/).pop() ?? file;
  const problems: Problem[] = [];
  const at = (line: number, column: number, path: string, message: string) => problems.push({ file, line, column, path, message });
  const { records, problems: syntax } = parseCsv(text);
  for (const p of syntax) at(p.line, p.column, '', p.message);
  const [header, ...body] = records;
  if (!header) throw new UsageError(`${file} is empty; its first line names the columns (id, joined, …; see docs/import.md)`);
  const { columns, problems: headerProblems } = mapHeader(header.fields.map((f) => f.value));
  for (const p of headerProblems) at(header.line, header.fields[p.index]?.column ?? 1, '', p.message);
  if (!body.length && !problems.length) throw new UsageError(`${file} has a header but no members`);

  const rows: Row[] = [];
  const idLine = new Map<string, number>();
  for (const record of body) {
    if (record.fields.length !== header.fields.length) {
      at(record.line, 1, '', `this row has ${count(record.fields.length, 'field')}, the header has ${count(header.fields.length, 'column')}`);
      continue;
    }
    const cells = new Map<string, CsvField>();
    record.fields.forEach((f, i) => columns[i] && f.value.trim() !== '' && cells.set(columns[i]!, { ...f, value: canonicalCell(columns[i]!, f.value.trim()) }));
    const cell = (c: string) => cells.get(c)?.value;
    const where = (c: string) => cells.get(c) ?? record.fields[0]!;
    if (cell('chapter') !== undefined && cell('chapter') !== chapter.id)
      at(where('chapter').line, where('chapter').column, 'chapter', `this row is for chapter "${cell('chapter')}"; import each chapter's rows with --chapter`);
    let dues: unknown;
    if (cell('dues') !== undefined) {
      try {
        dues = pledge('dues', cell('dues')!);
      } catch (err) {
        at(where('dues').line, where('dues').column, '', (err as Error).message);
      }
    }
    // the histories, as export writes them: `leeds until 2012-06-15; …`
    const history = (column: 'moved_from' | 'dues_before', entry: (what: string, until: string) => unknown): unknown[] | undefined => {
      if (cell(column) === undefined) return undefined;
      const read = historyEntries(column, cell(column)!);
      if ('problem' in read) {
        at(where(column).line, where(column).column, column, read.problem);
        return undefined;
      }
      const out: unknown[] = [];
      for (const [what, until] of read.entries) {
        try {
          out.push(entry(what, until));
        } catch (err) {
          at(where(column).line, where(column).column, column, (err as Error).message);
        }
      }
      return out.length ? out : undefined;
    };
    const moved_from = history('moved_from', (chapter, until) => ({ chapter, until }));
    const dues_before = history('dues_before', (what, until) => ({ until, dues: what.toLowerCase() === 'none' ? 'none' : pledge('dues_before', canonicalCell('dues', what)) }));
    const member = compact({
      id: cell('id'),
      joined: cell('joined'),
      left: cell('left'),
      gender: cell('gender'),
      age_band: cell('age_band'),
      studied: cell('studied')?.split(';').map((d) => d.trim()).filter(Boolean),
      dues,
      dues_before,
      moved_from,
    });
    const checked = MemberSchema.safeParse({ ...member, id: member.id ?? 'placeholder' });
    if (!checked.success) for (const iss of checked.error.issues) {
      const col = String(iss.path[0] ?? 'joined');
      const hint = (col === 'joined' || col === 'left') && cell(col) !== undefined ? spreadsheetDateHint(cell(col)!) : undefined;
      at(where(col).line, where(col).column, col, hint ?? iss.message);
    }
    const id = cell('id');
    if (id !== undefined) {
      const other = s.org.memberById.get(id);
      if (other) at(where('id').line, where('id').column, 'id', `member id "${id}" is already used (${other.file})`);
      else if (idLine.has(id)) at(where('id').line, where('id').column, 'id', `member id "${id}" is also on line ${idLine.get(id)} of this file`);
      else if (personalIdProblem(id)) at(where('id').line, where('id').column, 'id', `member id "${id}" ${personalIdProblem(id)} Leave the id cell empty and iops draws a random one.`);
      else idLine.set(id, record.line);
    }
    rows.push({ line: record.line, cells, member });
  }
  if (problems.length) throw new DataError(byLine(problems, file), `${file}: nothing was imported`);

  const prefix = memberPrefix(chapter, s.members.all());
  // a drawn id is taken at once, so two rows never draw the same (1,000 rows: a 2% chance before)
  for (const r of rows) {
    // id is the first key of every member iops writes, drawn or given
    const { id: given, ...rest } = r.member;
    r.member = { id: given ?? newMemberId(prefix, (m) => s.org.memberById.has(m) || idLine.has(m)), ...rest };
    idLine.set(r.member.id as string, r.line);
  }
  const path = paths.members(chapter.id);
  const yaml = listFile(s, path, 'members');
  const base = Array.isArray(yaml.data) ? yaml.data.length : 0;
  yaml.apply({ op: 'append', path: [], items: rows.map((r) => r.member as YamlMap), style: 'block', block: MEMBER_STYLE });
  return {
    command: 'import members',
    subject: `${chapter.name}: import ${count(rows.length, 'member')} from ${name}`,
    entities: [`chapter/${chapter.id}`],
    writes: [{ path, text: yaml.toString() }],
    output: `imported ${count(rows.length, 'member')} into ${path}`,
    explain: (found) => byLine(found.map((p) => toRow(p, path, base, rows, file)), file),
  };
};

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The CSV's problems in the order of its lines (first), then any others as they came. */
function byLine(problems: Problem[], file: string): Problem[] {
  const rank = (p: Problem) => (p.file === file ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (rank(a) ? 0 : a.line - b.line || a.column - b.column));
}

/** A problem in the members file at a row that came from the CSV → the CSV's line and cell. */
function toRow(p: Problem, path: string, base: number, rows: Row[], file: string): Problem {
  const m = p.file === path ? /^members\[(\d+)\](?:\.(\w+))?/.exec(p.path) : null;
  const row = m ? rows[Number(m[1]) - base] : undefined;
  if (!row) return p;
  const col = m![2] === 'dues' ? 'dues' : m![2];
  const cell = (col && row.cells.get(col)) || [...row.cells.values()][0];
  return { file, line: cell?.line ?? row.line, column: cell?.column ?? 1, path: col ?? '', message: p.message };
}
