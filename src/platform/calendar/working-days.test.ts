import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.js';

const calendarDate = fc
  .integer({ min: 0, max: 12 * 366 })
  .map((n) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

describe('working days', () => {
  it('are weekdays that are not bank holidays', () => {
    expect(isWorkingDay('2026-05-11')).toBe(true);
    expect(isWorkingDay('2026-05-09')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
  });

  it.each([
    ['2026-04-02', 1, '2026-04-07', 'over Good Friday and Easter Monday'],
    ['2026-11-20', 5, '2026-11-27', 'one week on'],
    ['2026-12-24', 1, '2026-12-29', 'over Christmas'],
    ['2026-12-31', 1, '2027-01-04', "over New Year's Day and a weekend"],
    ['2026-05-09', 1, '2026-05-11', 'from a Saturday'],
    ['2026-05-09', 0, '2026-05-09', 'adding nothing to a Saturday'],
    ['2026-12-25', 0, '2026-12-25', 'adding nothing to Christmas Day'],
  ])('%s + %i working days is %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses to count backwards or in part days', () => {
    expect(() => addWorkingDays('2026-05-11', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-05-11', 1.5)).toThrow(RangeError);
  });

  it('rolls a date forward to a working day', () => {
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
    expect(nextWorkingDay('2026-05-11')).toBe('2026-05-11');
  });

  it('counts working days between dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(-5);
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-05-11', '2026-05-11')).toBe(0);
    expect(workingDaysBetween('2026-05-10', '2026-05-09')).toBe(0);
  });

  it('lands on a working day, n working days on', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(start, end)).toBe(n);
      }),
    );
  });

  it('adds up across an intermediate date, and turns round when reversed', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, calendarDate, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});
