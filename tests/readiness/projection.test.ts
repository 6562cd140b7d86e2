// The projection method: least squares over month ends, read at the deadline.
import { describe, expect, it } from 'vitest';
import { crossing, fitLine, project, rangeOf, sampleDates, valueOn } from '../../src/core/projection.js';
import { addDays, toDay } from '../../src/core/dates.js';

describe('sampleDates', () => {
  it('is the ends of the five months before A, then A', () => {
    expect(sampleDates('2013-06-15')).toEqual(['2013-01-31', '2013-02-28', '2013-03-31', '2013-04-30', '2013-05-31', '2013-06-15']);
    expect(sampleDates('2012-03-31')).toEqual(['2011-10-31', '2011-11-30', '2011-12-31', '2012-01-31', '2012-02-29', '2012-03-31']);
  });
});

describe('fitLine and project', () => {
  const linear = (start: string, perDay: number, base: number) =>
    sampleDates(start).map((date) => ({ date, value: base + perDay * (toDay(date) - toDay('2013-01-01')) }));

  it('recovers an exact line and reads it at the deadline', () => {
    const series = linear('2013-06-30', 2, 100);
    const line = fitLine(series);
    expect(line.slope).toBeCloseTo(2, 9);
    expect(valueOn(line, '2013-08-31')).toBeCloseTo(100 + 2 * (toDay('2013-08-31') - toDay('2013-01-01')), 6);
  });

  it('finds the first day the trend meets a minimum, after the deadline if need be', () => {
    const series = linear('2013-06-30', 1, 0); // value = days since 2013-01-01
    const p = project(series, { min: 500 }, '2013-08-31', false, Math.round);
    expect(p.on_track).toBe(false);
    expect(p.at_deadline).toBe(toDay('2013-08-31') - toDay('2013-01-01'));
    expect(p.reaches_target_on).toBe(addDays('2013-01-01', 500));
  });

  it('is on track when the trend meets the target by the deadline', () => {
    const p = project(linear('2013-06-30', 1, 0), { min: 200 }, '2013-08-31', false, Math.round);
    expect(p).toEqual({ at_deadline: 242, on_track: true, reaches_target_on: addDays('2013-01-01', 200) });
  });

  it('never reaches a minimum on a flat or falling trend', () => {
    expect(project(linear('2013-06-30', 0, 10), { min: 20 }, '2013-08-31', false, Math.round).reaches_target_on).toBeNull();
    expect(project(linear('2013-06-30', -1, 300), { min: 400 }, '2013-08-31', false, Math.round).reaches_target_on).toBeNull();
  });

  it('handles a maximum: falling toward it', () => {
    const p = project(linear('2013-06-30', -1, 300), { max: 100 }, '2013-08-31', false, Math.round);
    expect(p.reaches_target_on).toBe(addDays('2013-01-01', 200));
    expect(p.on_track).toBe(true);
  });

  it('a goal already met is on track, reached on the as-of date', () => {
    expect(project(linear('2013-06-30', -5, 10_000), { min: 10 }, '2013-08-31', true, Math.round)).toMatchObject({ on_track: true, reaches_target_on: '2013-06-30' });
  });

  it('crossing starts no earlier than the day given', () => {
    expect(crossing({ slope: 1, intercept: -toDay('2013-01-01') }, { min: 10 }, '2013-02-01')).toBe('2013-02-01');
  });
});

describe('the projection stays within what the metric can be', () => {
  const COUNT = rangeOf('count');
  const SHARE = rangeOf('share');
  const share4 = (n: number) => Math.round(n * 1e4) / 1e4;
  const series = (values: number[]) => sampleDates('2012-08-31').map((date, i) => ({ date, value: values[i]! }));

  it('a falling count is projected at 0 at the deadline, never below', () => {
    const falling = series([30, 24, 18, 12, 6, 0]);
    expect(valueOn(fitLine(falling), '2013-08-31')).toBeLessThan(0);
    expect(project(falling, { min: 100 }, '2013-08-31', false, Math.round, COUNT)).toEqual({ at_deadline: 0, on_track: false, reaches_target_on: null });
  });

  it('a rising share is projected at 100% at most', () => {
    const rising = series([0.2, 0.35, 0.5, 0.65, 0.8, 0.95]);
    expect(valueOn(fitLine(rising), '2013-08-31')).toBeGreaterThan(1);
    expect(project(rising, { min: 0.99 }, '2013-08-31', false, share4, SHARE)).toMatchObject({ at_deadline: 1, on_track: true });
  });

  it('a falling share is projected at 0% at least', () => {
    const p = project(series([0.9, 0.7, 0.5, 0.3, 0.1, 0.05]), { min: 0.4 }, '2013-08-31', false, share4, SHARE);
    expect(p).toEqual({ at_deadline: 0, on_track: false, reaches_target_on: null });
  });

  it('a target outside the range is never reached, however steep the line', () => {
    const rising = series([0.3, 0.32, 0.34, 0.36, 0.38, 0.39]);
    expect(project(rising, { min: 40 }, '2013-08-31', false, share4, SHARE)).toEqual({ at_deadline: 0.6164, on_track: false, reaches_target_on: null });
    const falling = series([30, 24, 18, 12, 6, 1]);
    expect(project(falling, { max: -1 }, '2013-08-31', false, Math.round, COUNT).reaches_target_on).toBeNull();
  });

  it('a bound at the edge of the range is met however the line falls', () => {
    const falling = series([30, 24, 18, 12, 6, 1]);
    expect(project(falling, { max: 0 }, '2013-08-31', false, Math.round, COUNT)).toMatchObject({ at_deadline: 0, on_track: true });
    const line = fitLine(falling);
    expect(crossing(line, { min: 0, max: 5 }, '2012-09-01', COUNT)).toBe(crossing(line, { max: 5 }, '2012-09-01'));
  });

  it('a crossing inside the range is where the unclamped line crosses', () => {
    const falling = series([30, 24, 18, 12, 6, 1]);
    const line = fitLine(falling);
    expect(crossing(line, { max: 3 }, '2012-09-01', COUNT)).toBe(crossing(line, { max: 3 }, '2012-09-01'));
    expect(crossing(line, { max: 3 }, '2012-08-01', COUNT)).not.toBeNull();
  });
});
