// `iops dues suggest` as text, Markdown or JSON. The member's own pledge and exemption are
// never part of it; the exemption line always is.
import type { ChalkInstance } from 'chalk';
import type { DuesSuggestion, Money } from '../core/dues/suggest.js';
import { minorToNumber } from '../core/money.js';
import { moneyText } from './dues-format.js';
import { mdText, printable } from './escape.js';

const amount = (m: Money) => `${moneyText(m.minor, m.currency)} ${m.currency}`;

function lines(s: DuesSuggestion, currency: string): string[] {
  const out = [s.explanation];
  if (s.monthly) {
    const about = s.monthlyInReportingCurrency ? ` (about ${amount(s.monthlyInReportingCurrency)})` : '';
    out.push(`Suggested: ${amount(s.monthly)} a month${about}.`);
  }
  if (s.scale && s.localScale) {
    const local = s.localScale.map((m) => amount(m));
    const width = Math.max(...local.map((t) => t.length));
    const converted = s.rate !== null;
    out.push(
      converted ? `Suggested steps, a month (converted at ${s.rate}, rounded to the nearest ${amount({ minor: 1, currency: s.localScale[0]!.currency })}):` : 'Suggested steps, a month:',
      ...s.scale.map((st, i) => `  ${local[i]!.padStart(width)}  for ${st.income}${converted ? ` (${st.monthly} ${currency})` : ''}`),
    );
  }
  return out;
}

const title = (s: DuesSuggestion) => `Dues for ${s.member} (chapter ${s.chapter}, scheme ${s.scheme ?? 'not agreed'})`;

export function renderSuggestionText(suggestion: DuesSuggestion, currency: string, chalk: ChalkInstance): string {
  const s = printable(suggestion);
  return [chalk.bold(title(s)), ...lines(s, currency), '', s.exemption].join('\n');
}

export function renderSuggestionMarkdown(s: DuesSuggestion, currency: string): string {
  return [`## ${mdText(title(s))}`, '', ...lines(s, currency).map((l) => (l.startsWith('  ') ? `- ${mdText(l.trim())}` : mdText(l))), '', `> ${mdText(s.exemption)}`].join('\n');
}

export function suggestionJson(s: DuesSuggestion, currency: string): unknown {
  const money = (m: Money | null) => (m ? { amount: minorToNumber(m.minor, m.currency), currency: m.currency, every: 'month' } : null);
  return {
    member: s.member,
    chapter: s.chapter,
    country: s.country,
    scheme: s.scheme,
    suggested: money(s.monthly),
    suggested_in_reporting_currency: money(s.monthlyInReportingCurrency),
    scale:
      s.scale && s.localScale
        ? s.scale.map((st, i) => ({ band: st.band, income: st.income, ...money(s.localScale![i]!)!, in_reporting_currency: { amount: st.monthly, currency } }))
        : null,
    rate: s.rate,
    explanation: s.explanation,
    exemption: s.exemption,
  };
}
