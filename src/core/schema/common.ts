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
        : `expected ${what}, found ${describe(iss.input)}; put it in quotes if it is meant as text`,
  });

export function describe(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

export const Id = str('an id').regex(ID_PATTERN, {
  error: (iss) =>
    `${JSON.stringify(iss.input)} is not a valid id: use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters`,
});

export const CalendarDate = str('a date (YYYY-MM-DD)').refine(isCalendarDate, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a calendar date (write YYYY-MM-DD)`,
});

export const Month = str('a month (YYYY-MM)').refine(isMonth, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a month (write YYYY-MM)`,
});

export const Country = str('a country code').refine((c) => COUNTRIES.has(c), {
  error: (iss) => `${JSON.stringify(iss.input)} is not an ISO 3166-1 alpha-2 country code (such as GB, DE, US)`,
});

export const Currency = str('a currency code').refine((c) => CURRENCIES.has(c), {
  error: (iss) => `${JSON.stringify(iss.input)} is not an ISO 4217 currency code (such as USD, GBP, EUR)`,
});

export const Bool = z.boolean({
  error: (iss) => `expected true or false, found ${describe(iss.input)}`,
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
