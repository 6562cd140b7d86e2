// Day arithmetic on YYYY-MM-DD strings (UTC, no clock involved).

const MS_PER_DAY = 86_400_000;

/** The as-of date the sample pictures. */
export const SNAPSHOT = '2012-08-31';

export function toDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`sample: bad date ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function daysInMonth(ym: string): number {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, m ?? 1, 0)).getUTCDate();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "July 2012" */
export function monthName(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

export function maxDate(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function minDate(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b < a ? b : a));
}
