// treasury/ against the rest: every account named exists (a chapter's or a branch's by its
// id; branch and international accounts declared in treasury/accounts.yaml, once each),
// records dated in their file's year and not before their account was opened, a transfer
// between two accounts, currencies with a rate.
import type { Organisation } from '../model.js';
import type { UnlocatedProblem } from '../problem.js';
import { closest } from '../problem.js';

export function checkTreasury(org: Organisation, nameDates: ReadonlyMap<string, string | number>, focus?: ReadonlySet<string>): UnlocatedProblem[] {
  const t = org.treasury;
  if (!t) return [];
  const out: UnlocatedProblem[] = [];
  const inFocus = (file: string) => !focus || focus.has(file);
  const declared = new Map<string, string | undefined>();
  for (const a of t.accounts) {
    if (declared.has(a.account)) {
      if (inFocus(a.file)) out.push({ file: a.file, at: [a.index!, 'account'], message: `${a.account} is listed twice; list each account once` });
    } else declared.set(a.account, a.opened);
    if (inFocus(a.file)) {
      const problem = unknownHolder(org, a.account);
      if (problem) out.push({ file: a.file, at: [a.index!, 'account'], message: problem });
    }
  }
  const accountProblem = (ref: string): string | undefined => {
    const problem = unknownHolder(org, ref);
    if (problem) return problem;
    if (!ref.startsWith('chapter/') && !declared.has(ref))
      return `${ref} has no account in treasury/accounts.yaml; add one (- account: ${ref}) before moving money through it`;
    return undefined;
  };
  const opened = (ref: string) => declared.get(ref) ?? (ref.startsWith('chapter/') ? org.chapterById.get(ref.slice(8))?.founded : undefined);
  const checkCurrency = (file: string, at: (string | number)[], currency: string) => {
    if (currency !== org.settings.currency && org.settings.rates?.[currency] === undefined)
      out.push({ file, at, message: `${currency} has no rate: add it to rates in iops.yaml (1 ${currency} in ${org.settings.currency})` });
  };
  const checkDated = (file: string, at: (string | number)[], date: string, refs: string[]) => {
    const year = nameDates.get(file);
    if (year !== undefined && Number(date.slice(0, 4)) !== year) out.push({ file, at: [...at, 'date'], message: `${date} is not in ${year}; it belongs in treasury/${date.slice(0, 4)}.yaml` });
    for (const ref of refs) {
      const from = opened(ref);
      if (from && date < from) out.push({ file, at: [...at, 'date'], message: `${date} is before ${ref} was opened (${from}); fix the date, or the account's opened date` });
    }
  };
  for (const x of t.transfers) {
    if (!inFocus(x.file)) continue;
    const at = ['transfers', x.index!];
    for (const key of ['from', 'to'] as const) {
      const problem = accountProblem(x[key]);
      if (problem) out.push({ file: x.file, at: [...at, key], message: problem });
    }
    if (x.from === x.to) out.push({ file: x.file, at: [...at, 'to'], message: 'a transfer goes from one account to another; from and to are the same' });
    checkCurrency(x.file, [...at, 'currency'], x.currency);
    checkDated(x.file, at, x.date, [x.from, x.to]);
  }
  for (const e of t.expenses) {
    if (!inFocus(e.file)) continue;
    const at = ['expenses', e.index!];
    const problem = accountProblem(e.account);
    if (problem) out.push({ file: e.file, at: [...at, 'account'], message: problem });
    checkCurrency(e.file, [...at, 'currency'], e.currency);
    checkDated(e.file, at, e.date, [e.account]);
  }
  return out;
}

/** Why an account names no chapter or branch of the organisation; undefined when it does (or is international). */
function unknownHolder(org: Organisation, ref: string): string | undefined {
  const [level, id] = ref.split('/') as [string, string | undefined];
  if (id === undefined) return undefined;
  const known = level === 'chapter' ? org.chapterById : org.branchById;
  if (known.has(id)) return undefined;
  const hint = closest(id, known.keys());
  return `no ${level} "${id}"${hint ? `; did you mean ${level}/${hint}?` : `; check the spelling, or add the ${level} first`}`;
}
