// Money is integers: minor units per currency (pence, cents). Amounts arrive as YAML numbers;
// their shortest decimal form — what the person typed, for any amount with up to 15
// significant digits — becomes minor units without floating-point arithmetic. Conversion to
// the reporting currency multiplies by the rate as an exact decimal fraction and rounds each
// currency's total once, half away from zero.
import type { Settings } from './schema/settings.js';

/**
 * The currencies whose minor unit is not hundredths, as ICU 78 (Node 20) gives them for every
 * currency it supports: written out, so that what an amount may hold never depends on the ICU
 * a Node was built with, and a run does not pay ICU's currency data (10 ms) to learn it.
 * tests/dues/currencyDigits.test.ts compares the table with the running ICU for every currency.
 */
const NOT_HUNDREDTHS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    'AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SLL SOS SYP UGX VND VUV XAF XOF XPF YER'.split(' ').map((c) => [c, 0]),
  ),
  ...Object.fromEntries('BHD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
};
/** The currencies ICU knows: a code it knows and the table does not name has hundredths. */
const KNOWN = new Set(Intl.supportedValuesOf('currency'));
const digitsCache = new Map<string, number>();

/** Digits after the decimal point in the currency's minor unit (the table above; ICU for a code it does not name that ICU knows). */
export function minorDigits(currency: string): number {
  const listed = Object.hasOwn(NOT_HUNDREDTHS, currency) ? NOT_HUNDREDTHS[currency] : KNOWN.has(currency) ? 2 : undefined;
  if (listed !== undefined) return listed;
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

/** A decimal number as an exact fraction: 1.58 → [158n, 100n]. */
function decimalFraction(n: number): [bigint, bigint] | undefined {
  const text = String(n);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  return [BigInt(m[1]! + frac), 10n ** BigInt(frac.length)];
}

/**
 * toMinor, remembered, for amounts already validated (each has a minor-unit value): a ledger
 * repeats the same few amounts thousands of times. By currency, then amount: no key to build.
 */
export function minorUnits(): (amount: number, currency: string) => number {
  const known = new Map<string, Map<number, number>>();
  return (amount, currency) => {
    let byAmount = known.get(currency);
    if (!byAmount) known.set(currency, (byAmount = new Map()));
    let minor = byAmount.get(amount);
    if (minor === undefined) byAmount.set(amount, (minor = toMinor(amount, currency)!));
    return minor;
  };
}

/** `12.75` in GBP → 1275; undefined when it has more decimals than the currency's minor unit. */
export function toMinor(amount: number, currency: string): number | undefined {
  const f = decimalFraction(amount);
  const digits = minorDigits(currency);
  if (!f) return undefined;
  const scaled = f[0] * 10n ** BigInt(digits);
  return scaled % f[1] === 0n ? Number(scaled / f[1]) : undefined;
}

/** 1275 GBP → "12.75". */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** 1275 GBP → 12.75 (for JSON; exact for any realistic total). */
export function minorToNumber(minor: number, currency: string): number {
  return Number(formatMinor(minor, currency));
}

/** Integer division of a/b rounded half away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
}

/** Minor units of `currency` → minor units of the reporting currency, exactly, rounded once. */
export function convertMinor(minor: number, currency: string, settings: Pick<Settings, 'currency' | 'rates'>): number {
  if (currency === settings.currency) return minor;
  const rate = settings.rates?.[currency];
  const f = rate === undefined ? undefined : decimalFraction(rate);
  if (!f) throw new Error(`no usable rate for ${currency}`); // validation guarantees one
  const shift = minorDigits(settings.currency) - minorDigits(currency);
  const num = BigInt(minor) * f[0] * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = f[1] * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return Number(divRound(num, den));
}

/** Minor units of the reporting currency → minor units of `currency`, exactly (dividing by the rate), rounded once. */
export function convertFromReporting(minor: number, currency: string, settings: Pick<Settings, 'currency' | 'rates'>): number {
  if (currency === settings.currency) return minor;
  const rate = settings.rates?.[currency];
  const f = rate === undefined ? undefined : decimalFraction(rate);
  if (!f) throw new Error(`no usable rate for ${currency}`); // callers check for one
  const shift = minorDigits(currency) - minorDigits(settings.currency);
  const num = BigInt(minor) * f[1] * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = f[0] * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return Number(divRound(num, den));
}

/** Minor units of `currency` → the exact value in minor units of the reporting currency, as a fraction num/den (den > 0). */
export function exactMinor(minor: number, currency: string, settings: Pick<Settings, 'currency' | 'rates'>): { num: bigint; den: bigint } {
  if (currency === settings.currency) return { num: BigInt(minor), den: 1n };
  const rate = settings.rates?.[currency];
  const f = rate === undefined ? undefined : decimalFraction(rate);
  if (!f) throw new Error(`no usable rate for ${currency}`); // validation guarantees one
  const shift = minorDigits(settings.currency) - minorDigits(currency);
  return { num: BigInt(minor) * f[0] * (shift > 0 ? 10n ** BigInt(shift) : 1n), den: f[1] * (shift < 0 ? 10n ** BigInt(-shift) : 1n) };
}

/** Totals per currency → one total in the reporting currency's minor units. */
export function convertTotals(totals: ReadonlyMap<string, number>, settings: Pick<Settings, 'currency' | 'rates'>): number {
  let sum = 0;
  for (const [currency, minor] of totals) sum += convertMinor(minor, currency, settings);
  return sum;
}

export function usableRate(rate: number): boolean {
  return decimalFraction(rate) !== undefined;
}
