/**
 * England and Wales bank holidays, computed by rule (Banking and Financial Dealings
 * Act 1971 and the annual royal proclamations) with a table of the one-off changes
 * the rules cannot know. Checked against the published lists at gov.uk/bank-holidays.
 */
import { addDays, daysInMonth, dayOfWeek, isoDate, isWeekend, parseIsoDate, type IsoDate } from './dates.js';

export interface BankHoliday {
  date: IsoDate;
  /** As gov.uk names it. */
  name: string;
  /** Moved to a weekday because the day itself fell at a weekend. */
  substitute: boolean;
}

/** A change proclaimed for one year: a holiday moved, or an extra one added. */
export type OneOffChange =
  | { kind: 'moved'; from: IsoDate; to: IsoDate; name: string }
  | { kind: 'added'; date: IsoDate; name: string };

/**
 * The one-off changes from 2011. Earlier ones are left out on purpose: no order
 * supervised today has deadlines that fall before 2011.
 */
export const ONE_OFF_CHANGES: readonly OneOffChange[] = [
  { kind: 'added', date: '2011-04-29', name: 'Royal wedding' },
  { kind: 'moved', from: '2012-05-28', to: '2012-06-04', name: 'Spring bank holiday' },
  { kind: 'added', date: '2012-06-05', name: 'Queen’s Diamond Jubilee' },
  { kind: 'moved', from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  { kind: 'moved', from: '2022-05-30', to: '2022-06-02', name: 'Spring bank holiday' },
  { kind: 'added', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { kind: 'added', date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { kind: 'added', date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

/** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const MONDAY = 1;

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

/**
 * Holidays falling at a weekend move to the next weekday that is not already a
 * holiday. Weekday holidays keep their day first, so when Christmas Day is a Sunday
 * Boxing Day stays on Monday 26th and Christmas moves to Tuesday 27th.
 */
function withSubstituteDays(holidays: Array<{ date: IsoDate; name: string }>): BankHoliday[] {
  const kept = holidays.filter((h) => !isWeekend(h.date)).map((h) => ({ ...h, substitute: false }));
  const taken = new Set(kept.map((h) => h.date));
  const moved = holidays
    .filter((h) => isWeekend(h.date))
    .map((h) => {
      let date = h.date;
      while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
      taken.add(date);
      return { date, name: h.name, substitute: true };
    });
  return [...kept, ...moved];
}

function byRule(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const notMoved = (date: IsoDate, name: string): BankHoliday => ({ date, name, substitute: false });
  return [
    ...withSubstituteDays([{ date: isoDate(year, 1, 1), name: 'New Year’s Day' }]),
    notMoved(addDays(easter, -2), 'Good Friday'),
    notMoved(addDays(easter, 1), 'Easter Monday'),
    notMoved(firstMonday(year, 5), 'Early May bank holiday'),
    notMoved(lastMonday(year, 5), 'Spring bank holiday'),
    notMoved(lastMonday(year, 8), 'Summer bank holiday'),
    ...withSubstituteDays([
      { date: isoDate(year, 12, 25), name: 'Christmas Day' },
      { date: isoDate(year, 12, 26), name: 'Boxing Day' },
    ]),
  ];
}

function applyOneOffChanges(year: number, holidays: BankHoliday[]): BankHoliday[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  let result = holidays;
  for (const change of ONE_OFF_CHANGES) {
    if (change.kind === 'moved' && change.from.startsWith(prefix)) {
      result = result.filter((h) => h.date !== change.from);
      result.push({ date: change.to, name: change.name, substitute: false });
    }
    if (change.kind === 'added' && change.date.startsWith(prefix)) {
      result.push({ date: change.date, name: change.name, substitute: false });
    }
  }
  return result;
}

/** The bank holidays of a year with their names, in date order. */
export function namedBankHolidays(year: number): BankHoliday[] {
  return applyOneOffChanges(year, byRule(year)).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The bank holiday dates of a year, in order. */
export function bankHolidays(year: number): IsoDate[] {
  return namedBankHolidays(year).map((h) => h.date);
}

const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function holidaySet(year: number): ReadonlySet<IsoDate> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(bankHolidays(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isBankHoliday(date: IsoDate): boolean {
  return holidaySet(Number(parseIsoDate(date).slice(0, 4))).has(date);
}
