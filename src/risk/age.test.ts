import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anniversary, completedYearsBetween, isRealIsoDate } from './age.js';
import { addDays, isoDate } from './fixtures.js';

describe('isRealIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2021-01-31', '2021-12-31', '1900-01-01', '0004-02-29'])(
    'accepts %s',
    (date) => {
      expect(isRealIsoDate(date)).toBe(true);
    },
  );

  it.each([
    '2021-02-30',
    '2023-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-1-01',
    '01/02/2017',
    '20170201',
    '2017-02-01T00:00:00Z',
    '',
  ])('refuses %j', (date) => {
    expect(isRealIsoDate(date)).toBe(false);
  });
});

describe('completedYearsBetween', () => {
  it('counts a year on the birthday itself, not the day before', () => {
    expect(completedYearsBetween('2000-05-10', '2020-05-10')).toBe(20);
    expect(completedYearsBetween('2000-05-10', '2020-05-09')).toBe(19);
    expect(completedYearsBetween('2000-05-10', '2020-05-11')).toBe(20);
  });

  it('is 0 from a day to itself and until the first anniversary', () => {
    expect(completedYearsBetween('2000-05-10', '2000-05-10')).toBe(0);
    expect(completedYearsBetween('2000-05-10', '2001-05-09')).toBe(0);
    expect(completedYearsBetween('2000-05-10', '2001-05-10')).toBe(1);
  });

  it('gives someone born on 29 February their year on 1 March when there is no 29 February', () => {
    expect(completedYearsBetween('2000-02-29', '2001-02-28')).toBe(0);
    expect(completedYearsBetween('2000-02-29', '2001-03-01')).toBe(1);
    expect(completedYearsBetween('2000-02-29', '2018-02-28')).toBe(17);
    expect(completedYearsBetween('2000-02-29', '2018-03-01')).toBe(18);
  });

  it('gives someone born on 29 February their year on 29 February in a leap year', () => {
    expect(completedYearsBetween('2000-02-29', '2004-02-28')).toBe(3);
    expect(completedYearsBetween('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('handles month ends without rolling into the next month', () => {
    expect(completedYearsBetween('2000-01-31', '2001-01-30')).toBe(0);
    expect(completedYearsBetween('2000-01-31', '2001-01-31')).toBe(1);
    expect(completedYearsBetween('2000-03-31', '2001-03-30')).toBe(0);
    expect(completedYearsBetween('2000-03-31', '2001-04-01')).toBe(1);
    expect(completedYearsBetween('2000-12-31', '2001-12-30')).toBe(0);
    expect(completedYearsBetween('2000-12-31', '2001-12-31')).toBe(1);
  });

  it('refuses an end before the start, and dates that do not exist', () => {
    expect(() => completedYearsBetween('2000-05-10', '2000-05-09')).toThrow(RangeError);
    expect(() => completedYearsBetween('2021-02-30', '2022-01-01')).toThrow(RangeError);
    expect(() => completedYearsBetween('2000-01-01', 'tomorrow')).toThrow(RangeError);
  });

  it('is n on the nth anniversary and n - 1 the day before, for any date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 120 }), (date, n) => {
        const nth = anniversary(date, n);
        expect(completedYearsBetween(date, nth)).toBe(n);
        expect(completedYearsBetween(date, addDays(nth, -1))).toBe(n - 1);
      }),
    );
  });

  it('never falls as the end date moves on', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 400 }),
        (from, a, b) => {
          const earlier = addDays(from, a);
          expect(completedYearsBetween(from, addDays(earlier, b))).toBeGreaterThanOrEqual(
            completedYearsBetween(from, earlier),
          );
        },
      ),
    );
  });
});

describe('anniversary', () => {
  it('is the same day and month, years later', () => {
    expect(anniversary('1997-02-01', 10)).toBe('2007-02-01');
    expect(anniversary('2000-12-31', 1)).toBe('2001-12-31');
  });

  it('moves 29 February to 1 March in a year without one', () => {
    expect(anniversary('2000-02-29', 1)).toBe('2001-03-01');
    expect(anniversary('2000-02-29', 4)).toBe('2004-02-29');
    expect(anniversary('2000-02-29', 100)).toBe('2100-03-01');
  });
});

describe('addDays, the tests’ date helper', () => {
  it('moves across month ends and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });
});
