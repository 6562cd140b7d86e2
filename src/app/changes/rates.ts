// `iops rates set CODE RATE`: one exchange rate in iops.yaml (1 unit of CODE in the reporting
// currency), edited in place so the file's comments and layout stay. The rate is read as the
// decimal the user typed, never through a float's rounding: `1.58` is stored as 1.58, and a
// rate with more digits than a number can hold exactly is refused rather than rounded.
import { UsageError } from '../../errors.js';
import { usableRate } from '../../core/money.js';
import type { Plan } from '../transaction.js';
import { existingFile } from './files.js';
import { currency } from './values.js';

/** At most this many decimals: enough for any published rate (JPY in GBP is 0.0052). */
const MAX_DECIMALS = 10;

/** `1.58` → 1.58; a UsageError for anything but a positive plain decimal that a number holds exactly. */
export function rateValue(raw: string): number {
  const text = raw.trim();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new UsageError(`RATE: ${JSON.stringify(raw)} is not a plain decimal such as 1.58 (a dot, no thousands separators, no exponent)`);
  if ((m[2] ?? '').length > MAX_DECIMALS) throw new UsageError(`RATE: ${text} has more than ${MAX_DECIMALS} decimals`);
  const rate = Number(text);
  if (!(rate > 0)) throw new UsageError(`RATE: a rate must be more than 0 (1 unit of the currency in the reporting currency)`);
  // the number must say exactly what was typed (trailing zeros aside), or money would be converted with another rate
  const typed = `${m[1]!.replace(/^0+(?=\d)/, '')}${m[2]?.replace(/0+$/, '') ? `.${m[2].replace(/0+$/, '')}` : ''}`;
  if (String(rate) !== typed || !usableRate(rate)) throw new UsageError(`RATE: ${text} has more digits than iops can keep exactly; shorten it`);
  return rate;
}

export const ratesSet = (code: string, rawRate: string): Plan => (s) => {
  const cur = currency('CURRENCY', code);
  const reporting = s.org.settings.currency;
  if (cur === reporting) throw new UsageError(`${cur} is the reporting currency (iops.yaml currency): it needs no rate`);
  const rate = rateValue(rawRate);
  const before = s.org.settings.rates?.[cur];
  if (before === rate) throw new UsageError(`the rate of ${cur} is already ${rate}; nothing to change`);
  const file = existingFile(s, 'iops.yaml');
  file.apply({ op: 'set', path: ['rates', cur], value: rate });
  return {
    command: 'rates set',
    subject: `Rates: 1 ${cur} = ${rate} ${reporting}${before === undefined ? ' (new)' : ` (was ${before})`}`,
    entities: [],
    writes: [{ path: 'iops.yaml', text: file.toString() }],
  };
};
