/**
 * Working days: Monday to Friday, except England and Wales bank holidays. Timescales
 * such as "allocate within 3 working days" and "a breach pack within 10 working
 * days" are counted with these.
 */
import { isBankHoliday } from './bank-holidays.js';
import { addDays, compareDates, isWeekend, type IsoDate } from './dates.js';

export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * The date `n` working days after `date`: the deadline for something due "within n
 * working days of" it. The day itself never counts, whether or not it is a working
 * day, so a 5 working day timescale from Friday 20 November 2026 ends on Friday 27th.
 *
 * Adding 0 answers `date` itself, even at a weekend or on a bank holiday: "within 0
 * working days" means the same day, and `workingDaysBetween(d, addWorkingDays(d, n))`
 * is n for every n, 0 included. Use `nextWorkingDay` to roll a date forward instead.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`A number of working days is a whole number of 0 or more, not ${n}`);
  let current = date;
  for (let remaining = n; remaining > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** `date` if it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/**
 * The working days after `from` up to and including `to`: 5 from one Friday to the
 * next. Negative when `to` is earlier (the same count, turned round), so the counts
 * add up: between(a, b) + between(b, c) = between(a, c).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  // 0 - n, not -n: a count of none is 0, never -0.
  if (compareDates(to, from) < 0) return 0 - workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
