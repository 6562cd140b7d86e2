// Every id a file names must exist: branches, delegates, joint chapters, attendees,
// dues members, gathering chapters, key documents, currencies with a rate.
import type { Organisation } from '../model.js';
import { type UnlocatedProblem, closest } from '../problem.js';
import { quote } from '../schema/common.js';

/**
 * With `focus`, only what those files say is checked (a write on a tree that passed every
 * check: load/headTree.ts): a chapter's own references when its chapter.yaml or members list is
 * among them (its delegate must be one of its members), and each record of a file in focus.
 */
export function checkReferences(org: Organisation, focus?: ReadonlySet<string>): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  const inFocus = (file: string) => !focus || focus.has(file);
  const chapterIds = [...org.chapterById.keys()];
  const unknown = (what: string, id: string, known: Iterable<string>, extra = '') => {
    const hint = closest(id, known);
    return `no ${what} ${quote(id)}${extra}${hint ? `; did you mean "${hint}"?` : `; check the spelling, or add the ${what} first`}`;
  };
  const docs = new Set(org.settings.key_documents);
  const checkStudied = (file: string, at: (string | number)[], studied: string[]) =>
    studied.forEach((d, k) => {
      if (!docs.has(d)) out.push({ file, at: [...at, k], message: unknown('key document', d, docs, ' in iops.yaml key_documents') });
    });
  const checkCurrency = (file: string, at: (string | number)[], currency: string) => {
    if (currency !== org.settings.currency && org.settings.rates?.[currency] === undefined)
      out.push({ file, at, message: `${currency} has no rate: add it to rates in iops.yaml (1 ${currency} in ${org.settings.currency})` });
  };

  for (const c of org.chapters) {
    const own = inFocus(c.file) || (c.members[0] !== undefined && inFocus(c.members[0].file)); // one members list a chapter
    if (own && c.branch !== undefined && !org.branchById.has(c.branch))
      out.push({ file: c.file, at: ['branch'], message: unknown('branch', c.branch, org.branchById.keys(), ' in branches/') });
    if (own && c.delegate !== undefined) {
      const d = org.memberById.get(c.delegate);
      // a member who moved away was this chapter's, but is no longer: the delegate counts only
      // while a member here (from the day they moved in), so they must be one now
      const left = d?.moved_from?.filter((h) => h.chapter === c.id).pop();
      if (!d || d.chapter !== c.id)
        out.push({
          file: c.file,
          at: ['delegate'],
          message: !d
            ? unknown('member', c.delegate, c.members.map((m) => m.id), ' in this chapter')
            : left
              ? `the delegate must be a member of this chapter, not of ${d.chapter}: ${d.id} moved away on ${left.until}; choose another: iops chapter set ${c.id} --delegate ID (or --no-delegate)`
              : `the delegate must be a member of this chapter, not of ${d.chapter}; name a member of chapters/${c.id}/members.yaml`,
        });
    }
    for (const m of c.members) {
      if (!inFocus(m.file)) continue;
      checkStudied(m.file, [m.index!, 'studied'], m.studied);
      if (m.dues && m.dues !== 'exempt') checkCurrency(m.file, [m.index!, 'dues', 'currency'], m.dues.currency);
    }
    for (const m of c.ownMeetings) {
      if (!inFocus(m.file)) continue;
      m.joint_with.forEach((j, k) => {
        if (j === c.id) out.push({ file: m.file, at: ['joint_with', k], message: 'a chapter cannot meet jointly with itself; remove it from joint_with' });
        else if (!org.chapterById.has(j)) out.push({ file: m.file, at: ['joint_with', k], message: unknown('chapter', j, chapterIds) });
      });
      const listed = new Set<string>();
      m.attendees?.forEach((a, k) => {
        const member = org.memberById.get(a);
        if (!member) out.push({ file: m.file, at: ['attendees', k], message: unknown('member', a, []) });
        else if (member.joined > m.date) out.push({ file: m.file, at: ['attendees', k], message: `"${a}" joined on ${member.joined}, after this meeting; remove them from attendees or fix the dates` });
        else if (listed.has(a)) out.push({ file: m.file, at: ['attendees', k], message: `"${a}" is listed twice; list each attendee once` });
        listed.add(a);
      });
      checkStudied(m.file, ['studied'], m.studied);
    }
    for (const r of c.receipts) {
      if (!inFocus(r.file)) continue;
      if (!org.memberById.has(r.member)) out.push({ file: r.file, at: [r.index!, 'member'], message: unknown('member', r.member, []) });
      checkCurrency(r.file, [r.index!, 'currency'], r.currency);
    }
  }
  for (const b of org.branches) {
    if (!inFocus(b.file)) continue;
    for (const g of b.gatherings) {
      g.chapters.forEach((ch, k) => {
        if (!org.chapterById.has(ch)) out.push({ file: g.file, at: ['gatherings', g.index!, 'chapters', k], message: unknown('chapter', ch, chapterIds) });
      });
    }
  }
  for (const currency of inFocus('iops.yaml') ? Object.keys(org.settings.rates ?? {}) : []) {
    if (currency === org.settings.currency) out.push({ file: 'iops.yaml', at: ['rates', currency], message: `${currency} is the reporting currency; it needs no rate: remove it` });
  }
  return out;
}
