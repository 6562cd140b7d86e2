// Calendar arithmetic without Date objects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, fromDay, isCalendarDate, monthsEndingWith, toDay, withinDays } from '../../src/core/dates.js';

describe('dates', () => {
  it('round-trips day numbers for every day from 1900 to 2200', () => {
    fc.assert(fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2200-12-31') }), (d) => toDay(fromDay(d)) === d && isCalendarDate(fromDay(d))));
  });
  it('agrees with the calendar on leap days', () => {
    expect(isCalendarDate('2012-02-29')).toBe(true);
    expect(isCalendarDate('2013-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2013-02-30')).toBe(false);
    expect(addDays('2012-02-28', 1)).toBe('2012-02-29');
    expect(addDays('2013-02-28', 1)).toBe('2013-03-01');
  });
  it('months across a year boundary', () => {
    expect(monthsEndingWith('2013-01', 3)).toEqual(['2012-11', '2012-12', '2013-01']);
    expect(addMonths('2013-01', -13)).toBe('2011-12');
  });
  it('"within the last N days" is A − N < date ≤ A', () => {
    expect(withinDays('2013-06-30', '2013-06-30', 1)).toBe(true);
    expect(withinDays('2013-06-29', '2013-06-30', 1)).toBe(false);
    expect(withinDays('2013-07-01', '2013-06-30', 10)).toBe(false);
  });
});
