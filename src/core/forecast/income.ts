// Dues a member brings in a month, in the reporting currency's minor units, as an exact
// fraction: given (`--dues-per-month`), or observed: the receipts of the last three complete
// calendar months (the as-of month counts when the as-of date is its last day), converted
// per currency once, divided by three and by the members current at the end of those months.
import { addMonths, lastDayOfMonth, monthOf, monthsEndingWith } from '../dates.js';
import type { Organisation } from '../model.js';
import { currentMembers } from '../metrics/asof.js';
import { convertTotals, divRound } from '../money.js';
import { receivedInMonths } from '../metrics/dues.js';

export const OBSERVED_MONTHS = 3;

export interface DuesPerMember {
  /** numerator / denominator minor units a member a month. */
  numerator: bigint;
  denominator: bigint;
  source: 'given' | 'observed';
  /** For observed: the months, the receipts and the members it came from. */
  months?: string[];
  receipts?: number;
  members?: number;
}

export const givenDues = (minor: number): DuesPerMember => ({ numerator: BigInt(minor), denominator: 1n, source: 'given' });

export function observedDues(org: Organisation, asOf: string): DuesPerMember {
  const lastMonth = asOf === lastDayOfMonth(monthOf(asOf)) ? monthOf(asOf) : addMonths(monthOf(asOf), -1);
  const end = lastDayOfMonth(lastMonth);
  const months = monthsEndingWith(lastMonth, OBSERVED_MONTHS);
  const { totals, count: receipts } = receivedInMonths(org, end, months);
  const members = currentMembers(org, end).length;
  const total = convertTotals(totals, org.settings);
  return {
    numerator: BigInt(members === 0 ? 0 : total),
    denominator: BigInt(OBSERVED_MONTHS * Math.max(members, 1)),
    source: 'observed',
    months,
    receipts,
    members,
  };
}


/** Income a month from `members` members, minor units, rounded once. */
export const monthlyIncome = (members: number, dues: DuesPerMember): number => Number(divRound(BigInt(members) * dues.numerator, dues.denominator));

/** Dues a member a month, rounded to the minor unit (for display). */
export const perMember = (dues: DuesPerMember): number => Number(divRound(dues.numerator, dues.denominator));
