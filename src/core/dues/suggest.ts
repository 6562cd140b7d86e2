// `iops dues suggest --member ID`: what the member's chapter's dues scheme suggests they
// pay a month. Nothing about the member is shown beyond their id and chapter: not their
// pledge, not whether they are exempt. Exemption is always possible and always said.
// Amounts are in the chapter's currency (chapterCurrency), the sliding scale's steps
// converted from the reporting currency with iops.yaml's rate, exactly, rounded once.
import type { ChapterRecord, Organisation } from '../model.js';
import { convertFromReporting, convertMinor, formatMinor, minorDigits, toMinor } from '../money.js';
import type { Chapter } from '../schema/chapter.js';
import { SLIDING_SCALE, type ScaleStep } from './scale.js';

export type DuesScheme = NonNullable<Chapter['dues']>['scheme'];

export interface Money {
  minor: number;
  currency: string;
}

export interface DuesSuggestion {
  member: string;
  chapter: string;
  chapterName: string;
  country: string;
  /** The chapter's scheme; null when it has not agreed one. */
  scheme: DuesScheme | null;
  /** The suggested dues a month, when the scheme names one amount. */
  monthly: Money | null;
  /** The same in the reporting currency, when it is another currency with a rate. */
  monthlyInReportingCurrency: Money | null;
  /** The sliding scale's steps (reporting currency), for sliding-scale and no scheme. */
  scale: readonly ScaleStep[] | null;
  /** The same steps in the chapter's currency (`scale` when that is the reporting currency). */
  localScale: readonly Money[] | null;
  /** How the steps were converted ("1 GBP = 1.58 USD"), when they were. */
  rate: string | null;
  explanation: string;
  exemption: string;
}

export const EXEMPTION =
  'Anyone who cannot pay can be exempt from dues: tell your chapter (its delegate or treasurer). ' +
  'Exemptions are counted, never shown per person.';

export function suggestDues(org: Organisation, memberId: string): DuesSuggestion | undefined {
  const member = org.memberById.get(memberId);
  const chapter = member && org.chapterById.get(member.chapter);
  if (!member || !chapter) return undefined;
  const scheme = chapter.dues?.scheme ?? null;
  const base = {
    member: member.id,
    chapter: chapter.id,
    chapterName: chapter.name,
    country: chapter.country,
    scheme,
    monthly: null,
    monthlyInReportingCurrency: null,
    scale: null,
    localScale: null,
    rate: null,
    exemption: EXEMPTION,
  };
  const currency = org.settings.currency;
  const money = (amount: number, cur: string): Pick<DuesSuggestion, 'monthly' | 'monthlyInReportingCurrency'> => {
    const minor = toMinor(amount, cur)!;
    const convertible = cur !== currency && org.settings.rates?.[cur] !== undefined;
    return {
      monthly: { minor, currency: cur },
      monthlyInReportingCurrency: convertible ? { minor: convertMinor(minor, cur, org.settings), currency } : null,
    };
  };
  const local = chapterCurrency(org, chapter);
  const unit = 10 ** minorDigits(currency);
  const localScale = SLIDING_SCALE.map((st) => ({ minor: convertFromReporting(st.monthly * unit, local, org.settings), currency: local }));
  const rate = local === currency ? null : `1 ${local} = ${org.settings.rates![local]} ${currency}`;
  const step = (m: Money) => formatMinor(m.minor, m.currency);
  const scaleText =
    rate === null
      ? `from ${step(localScale[0]!)} to ${step(localScale[localScale.length - 1]!)} ${currency} a month, by your own assessment of your income`
      : `from ${step(localScale[0]!)} to ${step(localScale[localScale.length - 1]!)} ${local} a month (${SLIDING_SCALE[0]!.monthly} to ${SLIDING_SCALE[SLIDING_SCALE.length - 1]!.monthly} ${currency} at ${rate}), by your own assessment of your income`;
  const scale = { scale: SLIDING_SCALE, localScale, rate };
  switch (scheme) {
    case null:
      return { ...base, ...scale, explanation: `${chapter.name} has not agreed on a dues scheme yet; the organisation suggests the sliding scale, ${scaleText}.` };
    case 'sliding-scale':
      return { ...base, ...scale, explanation: `${chapter.name} uses the sliding scale: choose the step that fits, ${scaleText}.` };
    case 'fixed': {
      const { amount, currency: cur } = chapter.dues!;
      return { ...base, ...money(amount!, cur!), explanation: `${chapter.name}'s dues are fixed at the same amount a month for everyone.` };
    }
    case 'day-wage': {
      const wage = org.settings.minimum_wages?.[chapter.country];
      if (!wage)
        return {
          ...base,
          explanation: `${chapter.name}'s dues are a day's minimum wage in ${chapter.country} a month, but iops.yaml has no minimum wage for ${chapter.country}: add it under minimum_wages, as ${chapter.country}: { amount: <a day's wage>, currency: ${chapterCurrency(org, chapter)} }.`,
        };
      return { ...base, ...money(wage.amount, wage.currency), explanation: `${chapter.name}'s dues are a day's minimum wage in ${chapter.country} a month (iops.yaml minimum_wages).` };
    }
    case 'voluntary':
      return { ...base, explanation: `${chapter.name}'s dues are voluntary: any amount you choose, or none.` };
    case 'none':
      return { ...base, explanation: `${chapter.name} does not collect dues.` };
  }
}

/**
 * The currency a chapter's members pay in: its fixed dues' currency; else the currency of its
 * country's minimum wage in iops.yaml; else the one most of its receipts are in, then most of
 * its members' pledges; else the reporting currency. Only a currency with a rate (or the
 * reporting currency itself) can be used; iops.yaml has no list of countries' currencies.
 */
export function chapterCurrency(org: Organisation, chapter: ChapterRecord): string {
  const usable = (c: string | undefined): c is string => c !== undefined && (c === org.settings.currency || org.settings.rates?.[c] !== undefined);
  if (usable(chapter.dues?.currency)) return chapter.dues.currency;
  const wage = org.settings.minimum_wages?.[chapter.country]?.currency;
  if (usable(wage)) return wage;
  const most = (counts: Map<string, number>) => [...counts].filter(([c]) => usable(c)).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
  const receipts = new Map<string, number>();
  for (const m of chapter.receiptMonths) receipts.set(m.currency, (receipts.get(m.currency) ?? 0) + m.count);
  const pledges = new Map<string, number>();
  for (const m of chapter.members) if (m.dues && m.dues !== 'exempt') pledges.set(m.dues.currency, (pledges.get(m.dues.currency) ?? 0) + 1);
  return most(receipts) ?? most(pledges) ?? org.settings.currency;
}
