/**
 * Calendar dates in Europe/London, England and Wales bank holidays and working days.
 * Pure: no clock; `todayInLondon(now)` turns the instant the caller read into a date.
 */
export {
  addDays,
  addMonths,
  addYears,
  compareDates,
  completedYears,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  earlierOf,
  isAfter,
  isBefore,
  isIsoDate,
  isLeapYear,
  isoDate,
  isWeekend,
  laterOf,
  longDate,
  parseIsoDate,
  periodEndDate,
  todayInLondon,
  type IsoDate,
  type PeriodLength,
} from './dates.js';
export {
  bankHolidays,
  easterSunday,
  isBankHoliday,
  namedBankHolidays,
  ONE_OFF_CHANGES,
  type BankHoliday,
  type OneOffChange,
} from './bank-holidays.js';
export { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.js';
/** @deprecated the earlier name of `todayInLondon`. */
export { londonDateOf } from './london.js';
