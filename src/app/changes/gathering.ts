// gathering log: a national or regional gathering appended to its branch's file.
import { plural } from '../../core/metrics/asof.js';
import { UsageError } from '../../errors.js';
import type { Plan } from '../transaction.js';
import { compact, existingFile } from './files.js';
import { branchOf, chapterOf, date, freeText, ids, parsed, personalDataAllowed } from './values.js';
import { oneOf } from '../../core/schema/common.js';

export interface GatheringInput {
  date: string;
  kind: string;
  chapters: string;
  notes?: string | undefined;
  /** --allow-personal-data: why the notes may hold contact details (recorded in the commit). */
  allowPersonalData?: string | undefined;
}

export const gatheringLog = (branchId: string, input: GatheringInput): Plan => (s) => {
  const branch = branchOf(s.org, branchId);
  const chapters = ids('--chapters', input.chapters).map((c) => chapterOf(s.org, c).id);
  if (!chapters.length) throw new UsageError('--chapters: name the chapters that took part, such as --chapters london,brighton');
  const gathering = compact({
    date: date('--date', input.date),
    kind: parsed('--kind', oneOf(['national', 'regional'] as const, 'a gathering kind'), input.kind),
    chapters,
    notes: freeText('--notes', input.notes, input.allowPersonalData),
  });
  const file = existingFile(s, branch.file).apply({ op: 'append', path: ['gatherings'], items: [gathering], style: 'flow' });
  return {
    command: 'gathering log',
    subject: `${branch.name}: log ${gathering.kind} gathering of ${gathering.date} (${plural(chapters.length, 'chapter')})${personalDataAllowed(input.allowPersonalData)}`,
    entities: [`branch/${branch.id}`, ...chapters.map((c) => `chapter/${c}`)],
    writes: [{ path: branch.file, text: file.toString() }],
  };
};
