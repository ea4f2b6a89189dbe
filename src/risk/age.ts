/** Calendar dates as ISO strings (yyyy-mm-dd) and ages in whole completed years. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function partsOf(iso: string): DateParts | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** yyyy-mm-dd naming a day that exists: 2024-02-29 is one, 2021-02-30 is not. */
export function isRealIsoDate(value: string): boolean {
  return partsOf(value) !== null;
}

function requireParts(iso: string): DateParts {
  const parts = partsOf(iso);
  if (!parts) throw new RangeError(`"${iso}" is not a real date in the form yyyy-mm-dd`);
  return parts;
}

/**
 * Whole years completed from `fromIso` to `toIso`, as an age is counted: a year is completed on the
 * anniversary. Someone born on 29 February completes a year on 1 March when the year has no 29 February,
 * the usual reading in England and Wales, because 28 February comes before the anniversary day.
 */
export function completedYearsBetween(fromIso: string, toIso: string): number {
  const from = requireParts(fromIso);
  const to = requireParts(toIso);
  if (toIso < fromIso) throw new RangeError(`${toIso} is before ${fromIso}`);
  const anniversaryReached = to.month > from.month || (to.month === from.month && to.day >= from.day);
  return to.year - from.year - (anniversaryReached ? 0 : 1);
}

/** The date `years` after `iso`; from 29 February to a year without one, the anniversary is 1 March. */
export function anniversary(iso: string, years: number): string {
  const { year, month, day } = requireParts(iso);
  const targetYear = year + years;
  const [m, d] = day > daysInMonth(targetYear, month) ? [month + 1, 1] : [month, day];
  return `${String(targetYear).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
