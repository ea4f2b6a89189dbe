import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  completedYears,
  dayOfWeek,
  daysBetween,
  earlierOf,
  isAfter,
  isBefore,
  isIsoDate,
  isoDate,
  laterOf,
  longDate,
  parseIsoDate,
  periodEndDate,
  todayInLondon,
} from './dates.js';

/** Dates from 1990 to 2049, built without the code under test. */
const calendarDate = fc
  .integer({ min: 0, max: 60 * 366 })
  .map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

describe('recognising a calendar date', () => {
  it.each(['2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2021-02-30',
    '2021-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-5',
    '5/1/2026',
    '',
    '2026-01-01T00:00',
  ])('refuses %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('names the bad value when parsing', () => {
    expect(() => parseIsoDate('2021-02-30')).toThrow('Not a calendar date: "2021-02-30"');
    expect(parseIsoDate('2021-02-28')).toBe('2021-02-28');
  });

  it('builds a date from its parts and refuses a day the month lacks', () => {
    expect(isoDate(2026, 3, 3)).toBe('2026-03-03');
    expect(() => isoDate(2026, 2, 29)).toThrow(RangeError);
  });
});

describe('adding days', () => {
  it('crosses month and year ends, backwards too', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('is not moved by the clock change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('agrees with daysBetween', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -2000, max: 2000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('refuses part days', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('adding months and years', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('moves 29 February to 28 February in a year without one', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('the last day of a period, as sentence lengths are counted', () => {
  it.each([
    ['2026-03-15', { months: 12 }, '2027-03-14'],
    ['2026-01-31', { months: 12 }, '2027-01-30'],
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2026-01-30', { months: 1 }, '2026-02-28'],
    ['2026-01-28', { months: 1 }, '2026-02-27'],
    ['2026-02-01', { months: 1 }, '2026-02-28'],
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2024-03-01', { years: 1 }, '2025-02-28'],
    ['2026-06-01', { days: 14 }, '2026-06-14'],
    ['2026-06-01', { days: 1 }, '2026-06-01'],
    ['2026-06-01', { weeks: 12 }, '2026-08-23'],
    ['2026-05-11', { years: 3 }, '2029-05-10'],
  ] as const)('from %s for %o ends on %s', (start, length, expected) => {
    expect(periodEndDate(start, length)).toBe(expected);
  });

  it('refuses an empty or fractional length', () => {
    expect(() => periodEndDate('2026-01-01', { months: 0 })).toThrow(RangeError);
    expect(() => periodEndDate('2026-01-01', { years: 1.5 })).toThrow(RangeError);
  });

  it('never ends before it starts, and a later start never ends earlier', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, fc.integer({ min: 1, max: 36 }), (a, b, months) => {
        const [first, second] = a <= b ? [a, b] : [b, a];
        expect(periodEndDate(first, { months }) >= first).toBe(true);
        expect(periodEndDate(first, { months }) <= periodEndDate(second, { months })).toBe(true);
      }),
    );
  });

  it('ends the day before the same date N months on, when that date exists', () => {
    fc.assert(
      fc.property(
        calendarDate.filter((d) => Number(d.slice(8)) <= 28),
        fc.integer({ min: 1, max: 36 }),
        (start, months) => {
          expect(addDays(periodEndDate(start, { months }), 1)).toBe(addMonths(start, months));
        },
      ),
    );
  });
});

describe('comparing dates', () => {
  it('orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(isBefore('2025-12-31', '2026-01-01')).toBe(true);
    expect(isAfter('2025-12-31', '2026-01-01')).toBe(false);
    expect(laterOf('2026-03-01', '2026-02-01')).toBe('2026-03-01');
    expect(earlierOf('2026-03-01', '2026-02-01')).toBe('2026-02-01');
  });

  it('knows the day of the week, before 1970 too', () => {
    expect(dayOfWeek('2026-05-11')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});

describe('completed years', () => {
  it.each([
    ['2000-05-10', '2025-05-09', 24],
    ['2000-05-10', '2025-05-10', 25],
    ['2004-02-29', '2025-02-28', 20],
    ['2004-02-29', '2025-03-01', 21],
    ['2004-02-29', '2028-02-29', 24],
    ['2026-01-01', '2026-12-31', 0],
  ])('from %s on %s is %i', (from, on, expected) => {
    expect(completedYears(from, on)).toBe(expected);
  });

  it('agrees with counting anniversaries one by one', () => {
    fc.assert(
      fc.property(
        calendarDate.filter((d) => !d.endsWith('-02-29')),
        calendarDate,
        (from, on) => {
          fc.pre(from <= on);
          let years = 0;
          while (`${Number(from.slice(0, 4)) + years + 1}${from.slice(4)}` <= on) years += 1;
          expect(completedYears(from, on)).toBe(years);
        },
      ),
    );
  });
});

describe('today in London', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2026-03-28T23:30:00Z', '2026-03-28'],
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-10-24T23:30:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'],
  ])('at %s it is %s', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid instant', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('writing a date in a sentence', () => {
  it('writes it the GOV.UK way', () => {
    expect(longDate('2026-03-03')).toBe('3 March 2026');
    expect(longDate('2026-12-25')).toBe('25 December 2026');
  });
});
