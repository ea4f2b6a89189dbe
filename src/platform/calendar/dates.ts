/**
 * Calendar dates in England and Wales, as ISO strings 'yyyy-mm-dd'.
 *
 * A calendar date has no time zone: it is the date on a wall calendar in London.
 * Arithmetic here works on day numbers, never on instants, so clock changes cannot
 * move a date. `todayInLondon` is the one place an instant becomes a date.
 *
 * ISO dates sort as strings, so `a < b` is a correct comparison; the named helpers
 * below exist for readability at the call site.
 */

/** A calendar date, 'yyyy-mm-dd', in Europe/London. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function splitDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const valid =
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month);
  return valid ? parts : null;
}

function partsOf(date: IsoDate): DateParts {
  const parts = splitDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: "${date}" (expected yyyy-mm-dd)`);
  return parts;
}

/** Built with setUTCFullYear because Date.UTC reads years 0–99 as 1900–1999. */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function dayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return utcMidnight(year, month - 1, day).getTime() / MILLISECONDS_PER_DAY;
}

function fromDayNumber(days: number): IsoDate {
  const date = new Date(days * MILLISECONDS_PER_DAY);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** The ISO date for a year, month (1–12) and day; refuses a day the month does not have. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return parseIsoDate(`${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`);
}

/** True for a real calendar date written 'yyyy-mm-dd': '2021-02-30' and '2026-1-5' are refused. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && splitDate(value) !== null;
}

/** The value as an IsoDate, or a RangeError naming it: for input that must already be valid. */
export function parseIsoDate(value: string): IsoDate {
  partsOf(value);
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`A number of days is a whole number, not ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The same day of the month `months` later (earlier when negative). When that month
 * is too short, the answer is its last day, never a day in the month after:
 * 31 January + 1 month is 28 February (29 in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`A number of months is a whole number, not ${months}`);
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The same date `years` later; 29 February becomes 28 February in a year without one. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** A length of time as a court or a policy states it. */
export type PeriodLength = { days: number } | { weeks: number } | { months: number } | { years: number };

/**
 * The last day of a period that begins with `start` (the start day counts), the way
 * sentence lengths are counted in England and Wales: end = start + length − 1 day.
 * A 12 month order made on 15 March 2026 ends on 14 March 2027; 14 days from
 * 1 June end on 14 June.
 *
 * When the start day has no counterpart in the final month (a month from 31 January,
 * or 12 months from 29 February), the period runs to the end of that month, clamped,
 * never into the next: a month from 31 January ends on 28 February (29 in a leap
 * year). This is the corresponding date rule of Dodds v Walker [1981] 1 WLR 1441, and
 * it matches `expectedEndDate` in src/sentences/rules.ts.
 */
export function periodEndDate(start: IsoDate, length: PeriodLength): IsoDate {
  if ('days' in length) return addDays(start, positiveWhole(length.days) - 1);
  if ('weeks' in length) return addDays(start, positiveWhole(length.weeks) * 7 - 1);
  const months = 'months' in length ? positiveWhole(length.months) : positiveWhole(length.years) * 12;
  const { year, month, day } = partsOf(start);
  const monthIndex = year * 12 + (month - 1) + months;
  const endYear = Math.floor(monthIndex / 12);
  const endMonth = (monthIndex % 12) + 1;
  const lastDay = daysInMonth(endYear, endMonth);
  if (day > lastDay) return isoDate(endYear, endMonth, lastDay);
  return addDays(isoDate(endYear, endMonth, day), -1);
}

function positiveWhole(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`A period is a whole number of 1 or more, not ${n}`);
  return n;
}

/** Negative when `a` is earlier, 0 when the same day, positive when later: fits Array.sort. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function isBefore(date: IsoDate, other: IsoDate): boolean {
  return compareDates(date, other) < 0;
}

export function isAfter(date: IsoDate, other: IsoDate): boolean {
  return compareDates(date, other) > 0;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(b, a) ? b : a;
}

export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return isBefore(b, a) ? b : a;
}

/** Whole days from one date to another: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 Sunday, 1 Monday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // Day 0 of the Unix epoch, 1 January 1970, was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/**
 * Whole years from `from` to `on`, as ages are counted: someone born on 10 May 2000
 * is 25 from 10 May 2025. Someone born on 29 February completes a year on 1 March
 * when the year has no 29 February (as the Age of Legal Capacity (Scotland) Act 1991
 * s.6 states; English law is silent and practice follows it).
 */
export function completedYears(from: IsoDate, on: IsoDate): number {
  const start = partsOf(from);
  const end = partsOf(on);
  const anniversaryReached = end.month > start.month || (end.month === start.month && end.day >= start.day);
  return end.year - start.year - (anniversaryReached ? 0 : 1);
}

const londonCalendar = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in England and Wales at an instant: the one place an instant
 * becomes a date. 23:30 UTC on 30 June is already 1 July in London (BST).
 */
export function todayInLondon(now: Date): IsoDate {
  const parts = londonCalendar.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return parseIsoDate(`${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date as GOV.UK writes it in a sentence: '3 March 2026'. */
export function longDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
