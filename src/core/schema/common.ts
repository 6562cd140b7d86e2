// Building blocks shared by every file's schema: ids, dates, countries, currencies.
import { z } from 'zod';
import { ID_PATTERN } from '../paths.js';
import { isCalendarDate, isMonth } from '../dates.js';

const COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const str = (what: string) =>
  z.string({
    error: (iss) =>
      iss.input === undefined
        ? `${what} is required`
        : iss.input === null
          ? `expected ${what}, found nothing; write it after the colon`
          : `expected ${what}, found ${describe(iss.input)}${typeof iss.input === 'number' || typeof iss.input === 'boolean' ? '; put it in quotes if it is meant as text' : ''}`,
  });

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text ${quote(v)}`;
  return `${typeof v} ${String(v)}`;
}

/** A value as a message shows it: quoted, escaped, cut short (an error never echoes a whole field). */
export function quote(v: unknown): string {
  const s = String(v);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const Id = str('an id').regex(ID_PATTERN, {
  error: (iss) =>
    `${quote(iss.input)} is not a valid id: use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters`,
});

/** Text of a shape (a pattern JSON Schema can carry) and a meaning (a check zod runs). */
function shaped(what: string, pattern: RegExp, ok: (s: string) => boolean, problem: (s: string) => string) {
  const error = (iss: { input: unknown }) => problem(quote(iss.input));
  return str(what).regex(pattern, { error, abort: true }).refine(ok, { error });
}

// zod checks a date's shape with a short pattern and its day with isCalendarDate (fast, on every
// date of every file); editors only read the JSON Schema, so it carries the whole rule as one
// pattern: the month's length, and February 29 in leap years only (every 4th year, not
// centuries unless divisible by 400). tests/validate/jsonSchemaDates.test.ts checks that the
// two agree on every day of every year.
const LEAP_YEAR = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
export const CALENDAR_DATE_PATTERN = `^(?:\\d{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`;
export const MONTH_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])$';

export const CalendarDate = shaped('a date (YYYY-MM-DD)', /^\d{4}-\d{2}-\d{2}$/, isCalendarDate, (s) => `${s} is not a calendar date (write YYYY-MM-DD)`).meta({
  pattern: CALENDAR_DATE_PATTERN,
});

export const Month = shaped('a month (YYYY-MM)', /^\d{4}-\d{2}$/, isMonth, (s) => `${s} is not a month (write YYYY-MM)`).meta({ pattern: MONTH_PATTERN });

// The JSON Schemas list the codes zod accepts (editors then also offer them as completions);
// the pattern stays so that a message about the shape comes first.
export const Country = shaped('a country code', /^[A-Z]{2}$/, (c) => COUNTRIES.has(c), (s) => `${s} is not an ISO 3166-1 alpha-2 country code (such as GB, DE, US)`).meta({
  enum: [...COUNTRIES].sort(),
});

export const Currency = shaped('a currency code', /^[A-Z]{3}$/, (c) => CURRENCIES.has(c), (s) => `${s} is not an ISO 4217 currency code (such as USD, GBP, EUR)`).meta({
  enum: [...CURRENCIES].sort(),
});

export const Bool = z.boolean({
  error: (iss) => `expected true or false, found ${describe(iss.input)}${typeof iss.input === 'string' ? '; write true or false (yes, no, on and off are text)' : ''}`,
});

export const Text = str('text');

export const PositiveInt = z
  .number({ error: (iss) => `expected a whole number, found ${describe(iss.input)}` })
  .int({ error: 'expected a whole number' });

export const Fraction = z
  .number({ error: (iss) => `expected a fraction between 0 and 1 (such as 0.4), found ${describe(iss.input)}` })
  .min(0, { error: 'expected a fraction between 0 and 1' })
  .max(1, { error: 'expected a fraction between 0 and 1 (write 40% as 0.4)' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) => `expected ${what}: one of ${values.join(', ')}; found ${describe(iss.input)}`,
  });
}

export const GENDERS = ['woman', 'man', 'non-binary', 'undisclosed'] as const;
export const Gender = oneOf(GENDERS, 'a gender');
export const AGE_BANDS = ['under-25', '25-34', '35-44', '45-54', '55-64', '65-plus'] as const;
export const AgeBand = oneOf(AGE_BANDS, 'an age band');
export const MODES = ['in-person', 'online', 'hybrid'] as const;
export const TOPICS = ['education', 'outreach', 'campaign', 'recruitment', 'organisational', 'social', 'fundraising'] as const;
export const DUES_SCHEMES = ['sliding-scale', 'fixed', 'day-wage', 'voluntary', 'none'] as const;

export const isCountry = (c: string) => COUNTRIES.has(c);
export const isCurrency = (c: string) => CURRENCIES.has(c);
/** Every ISO 4217 code zod accepts (ICU's list, as Node ships it). */
export const currencyCodes = (): string[] => [...CURRENCIES].sort();
