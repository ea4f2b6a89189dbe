import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, isBankHoliday, namedBankHolidays } from './bank-holidays.js';
import { isWeekend } from './dates.js';

describe('bank holidays in England and Wales', () => {
  // The published lists at gov.uk/bank-holidays.
  it.each([
    [
      2020,
      [
        '2020-01-01',
        '2020-04-10',
        '2020-04-13',
        '2020-05-08',
        '2020-05-25',
        '2020-08-31',
        '2020-12-25',
        '2020-12-28',
      ],
    ],
    [
      2021,
      [
        '2021-01-01',
        '2021-04-02',
        '2021-04-05',
        '2021-05-03',
        '2021-05-31',
        '2021-08-30',
        '2021-12-27',
        '2021-12-28',
      ],
    ],
    [
      2022,
      [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-04-07',
        '2023-04-10',
        '2023-05-01',
        '2023-05-08',
        '2023-05-29',
        '2023-08-28',
        '2023-12-25',
        '2023-12-26',
      ],
    ],
    [
      2024,
      [
        '2024-01-01',
        '2024-03-29',
        '2024-04-01',
        '2024-05-06',
        '2024-05-27',
        '2024-08-26',
        '2024-12-25',
        '2024-12-26',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-04-18',
        '2025-04-21',
        '2025-05-05',
        '2025-05-26',
        '2025-08-25',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27',
        '2027-12-28',
      ],
    ],
  ])('matches the published list for %i', (year, expected) => {
    expect(bankHolidays(year)).toEqual(expected);
  });

  it('moves Christmas, not Boxing Day, when Christmas Day is a Sunday', () => {
    expect(namedBankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day', substitute: false },
      { date: '2022-12-27', name: 'Christmas Day', substitute: true },
    ]);
  });

  it('gives both Christmas holidays substitute days when Christmas is a Saturday', () => {
    expect(namedBankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day', substitute: true },
      { date: '2021-12-28', name: 'Boxing Day', substitute: true },
    ]);
  });

  it('names the one-off days', () => {
    expect(namedBankHolidays(2023).find((h) => h.date === '2023-05-08')?.name).toBe(
      'Bank holiday for the coronation of King Charles III',
    );
    expect(namedBankHolidays(2020).find((h) => h.date === '2020-05-08')?.name).toBe(
      'Early May bank holiday (VE day)',
    );
  });

  it('never puts a bank holiday at a weekend, nor two on one day', () => {
    for (let year = 2000; year <= 2060; year += 1) {
      const dates = bankHolidays(year);
      expect(dates.filter(isWeekend)).toEqual([]);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('answers for a single date', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true);
    expect(isBankHoliday('2026-12-26')).toBe(false);
    expect(isBankHoliday('2022-09-19')).toBe(true);
    expect(() => isBankHoliday('2026-02-30')).toThrow(RangeError);
  });
});

describe('Easter', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});
