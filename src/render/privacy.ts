// `iops privacy check` as text: what was audited, then each group given away and the figures
// that give it away. Labels hold chapter ids and category names only (ids match the id pattern).
import type { PrivacyCheck } from '../core/privacy/check.js';
import { printable } from './escape.js';

export function renderPrivacyCheck(c: PrivacyCheck): string {
  const head = `Privacy check as of ${c.as_of}${c.breakdowns_as_of !== c.as_of ? ` (report breakdowns as of ${c.breakdowns_as_of})` : ''}: ${c.figures} published breakdown figures, groups of fewer than ${c.min_group} people`;
  if (c.disclosures.length === 0) return `${head}\nOK: no such group can be worked out by adding and subtracting them.`;
  const lines = [head, `FOUND ${c.disclosures.length}:`];
  for (const d of c.disclosures) {
    lines.push(`- ${d.date}: ${d.breakdown} ${d.categories.join(' + ')} within ${printable(d.within)}: ${d.count}, from:`);
    for (const f of d.figures) lines.push(`    ${printable(f)}`);
  }
  return lines.join('\n');
}
