// The JSON Schemas' date and month patterns say exactly what isCalendarDate and isMonth (the
// checks validate runs) say: every month and day of a set of years, and February 28–30 of
// every year from 0000 to 9999 (leap years: every 4th, centuries only when divisible by 400).
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isMonth } from '../../src/core/dates.js';
import { CALENDAR_DATE_PATTERN, MONTH_PATTERN } from '../../src/core/schema/common.js';

const date = new RegExp(CALENDAR_DATE_PATTERN);
const month = new RegExp(MONTH_PATTERN);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('the JSON Schema date pattern', () => {
  it('agrees with isCalendarDate on February 28, 29 and 30 of every year', () => {
    const disagree: string[] = [];
    for (let y = 0; y <= 9999; y++)
      for (const d of ['28', '29', '30']) {
        const s = `${pad(y, 4)}-02-${d}`;
        if (date.test(s) !== isCalendarDate(s)) disagree.push(s);
      }
    expect(disagree).toEqual([]);
  });

  it('agrees with isCalendarDate on every month 00–13 and day 00–32 of sample years', () => {
    const disagree: string[] = [];
    for (const y of [0, 1, 4, 100, 400, 1900, 1999, 2000, 2012, 2013, 2024, 2100, 2400, 9996, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (date.test(s) !== isCalendarDate(s)) disagree.push(s);
        }
    expect(disagree).toEqual([]);
    for (const s of ['2012-1-01', '12012-01-01', '2012-01-01 ', '2012/01/01', '２０１２-01-01']) expect([s, date.test(s)]).toEqual([s, isCalendarDate(s)]);
  });

  it('the month pattern agrees with isMonth', () => {
    for (let m = 0; m <= 99; m++) expect(month.test(`2013-${pad(m, 2)}`)).toBe(isMonth(`2013-${pad(m, 2)}`));
    expect(month.test('2013-1')).toBe(false);
  });
});
