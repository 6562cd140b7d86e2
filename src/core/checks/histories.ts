// Histories agree with the member and with the organisation: the chapters a member moved from
// exist and differ from the next one, each list runs oldest first, and every `until` falls
// after joining and before leaving (a date outside would say the member moved, or changed
// pledge, while not a member). And a chapter whose dues are a day's minimum wage has one.
import { chapterCurrency } from '../dues/suggest.js';
import type { MemberRecord, Organisation } from '../model.js';
import { type UnlocatedProblem, closest } from '../problem.js';
import { quote } from '../schema/common.js';

export function checkHistories(org: Organisation, focus?: ReadonlySet<string>): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  const inFocus = (file: string) => !focus || focus.has(file);
  for (const c of org.chapters) {
    if (c.dues?.scheme === 'day-wage' && (inFocus(c.file) || inFocus('iops.yaml')) && org.settings.minimum_wages?.[c.country] === undefined)
      out.push({
        file: c.file,
        at: ['dues', 'scheme'],
        message: `the day-wage scheme needs a day's minimum wage in ${c.country}: add it to iops.yaml under minimum_wages, as ${c.country}: { amount: <a day's wage>, currency: ${chapterCurrency(org, c)} }, or choose another scheme`,
      });
    for (const m of c.members) {
      if ((m.moved_from || m.dues_before) && inFocus(m.file)) checkMember(org, m, out);
    }
  }
  return out;
}

function checkMember(org: Organisation, m: MemberRecord, out: UnlocatedProblem[]): void {
  const dates = (key: 'moved_from' | 'dues_before', list: readonly { until: string }[]) => {
    let before = m.joined;
    list.forEach((h, k) => {
      const at = [m.index!, key, k, 'until'];
      if (h.until <= before)
        out.push({ file: m.file, at, message: k === 0 ? `until ${h.until} is not after joined ${m.joined}; fix the date` : `until ${h.until} is not after the entry before it (${before}); list them oldest first, each until a later date` });
      else if (m.left !== undefined && h.until >= m.left) out.push({ file: m.file, at, message: `until ${h.until} is not before left ${m.left}; fix the date` });
      before = h.until > before ? h.until : before;
    });
  };
  if (m.moved_from) {
    dates('moved_from', m.moved_from);
    m.moved_from.forEach((h, k) => {
      const at = [m.index!, 'moved_from', k, 'chapter'];
      const next = m.moved_from![k + 1]?.chapter ?? m.chapter;
      if (!org.chapterById.has(h.chapter)) {
        const hint = closest(h.chapter, org.chapterById.keys());
        out.push({ file: m.file, at, message: `no chapter ${quote(h.chapter)}${hint ? `; did you mean "${hint}"?` : '; check the spelling'}` });
      } else if (h.chapter === next) out.push({ file: m.file, at, message: `the member was already in ${h.chapter} after this date; join the two stays into one by removing this entry` });
    });
  }
  if (m.dues_before) {
    dates('dues_before', m.dues_before);
    m.dues_before.forEach((h, k) => {
      if (typeof h.dues === 'object' && h.dues.currency !== org.settings.currency && org.settings.rates?.[h.dues.currency] === undefined)
        out.push({ file: m.file, at: [m.index!, 'dues_before', k, 'dues', 'currency'], message: `${h.dues.currency} has no rate: add it to rates in iops.yaml (1 ${h.dues.currency} in ${org.settings.currency})` });
    });
  }
}
