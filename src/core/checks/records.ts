// Records agree with their files and with time: unique member ids, dates matching file
// names, nothing dated before the chapter was founded, nobody leaving before joining.
import type { Organisation } from '../model.js';
import type { UnlocatedProblem } from '../problem.js';

/**
 * With `focus`, only the records of those files are checked (a write on a tree that passed every
 * check: load/headTree.ts); every member id still counts for uniqueness, and a clash is reported
 * when either side is in focus, where a whole check would report it.
 */
export function checkRecords(org: Organisation, nameDates: ReadonlyMap<string, string | number>, focus?: ReadonlySet<string>): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  const inFocus = (file: string) => !focus || focus.has(file);
  for (const c of org.chapters) {
    const founded = c.founded;
    const early = (date: string, what: string) =>
      founded && date < founded ? `${what} ${date} is before the chapter was founded (${founded}); fix the date, or founded in ${c.file}` : undefined;
    for (const m of c.members) {
      // memberById holds each id's first record in this same order (chapters, then their lists)
      const seen = org.memberById.get(m.id);
      if (seen && seen !== m && (inFocus(m.file) || inFocus(seen.file)))
        out.push({ file: m.file, at: [m.index!, 'id'], message: `member id "${m.id}" is already used in ${seen.file} (members[${seen.index}]); member ids are unique across the organisation: give one of them another id` });
      if (!inFocus(m.file)) continue;
      if (m.left !== undefined && m.left <= m.joined) out.push({ file: m.file, at: [m.index!, 'left'], message: `left ${m.left} is not after joined ${m.joined}; fix one of the dates` });
      const e = early(m.joined, 'joined');
      if (e) out.push({ file: m.file, at: [m.index!, 'joined'], message: e });
    }
    for (const m of c.ownMeetings) {
      if (!inFocus(m.file)) continue;
      const named = nameDates.get(m.file);
      if (named !== undefined && m.date !== named) out.push({ file: m.file, at: ['date'], message: `date ${m.date} does not match the file name's date ${named}; rename the file or fix the date` });
      const e = early(m.date, 'meeting date');
      if (e) out.push({ file: m.file, at: ['date'], message: e });
    }
    for (const r of c.reports) {
      if (!inFocus(r.file)) continue;
      const named = nameDates.get(r.file);
      if (named !== undefined && r.date !== named) out.push({ file: r.file, at: ['date'], message: `date ${r.date} does not match the file name's date ${named}; rename the file or fix the date` });
      const e = early(r.date, 'report date');
      if (e) out.push({ file: r.file, at: ['date'], message: e });
    }
    for (const r of c.receipts) {
      if (!inFocus(r.file)) continue;
      const year = nameDates.get(r.file);
      if (year !== undefined && Number(r.date.slice(0, 4)) !== year)
        out.push({ file: r.file, at: [r.index!, 'date'], message: `${r.date} is not in ${year}; it belongs in dues/${r.date.slice(0, 4)}.yaml` });
      const e = early(r.date, 'receipt date');
      if (e) out.push({ file: r.file, at: [r.index!, 'date'], message: e });
    }
  }
  for (const b of org.branches) {
    if (!inFocus(b.file)) continue;
    for (const g of b.gatherings) {
      const named = new Set<string>();
      g.chapters.forEach((ch, k) => {
        if (named.has(ch)) out.push({ file: g.file, at: ['gatherings', g.index!, 'chapters', k], message: `chapter "${ch}" is named twice; name each chapter once` });
        named.add(ch);
      });
    }
  }
  return out;
}
