/**
 * The compliance window: the dates whose failures (and appointments) count today.
 */
import {
  addDays,
  addMonths,
  compareDates,
  isAfter,
  longDate,
  type IsoDate,
} from '../platform/calendar/index.js';
import type { WindowStart } from './types.js';

/** Statute, not policy: Sentencing Code Sch 10 para 6(2) and (4)(c); Sch 16 para 6 for SSOs. */
export const FAILURE_PERIOD_MONTHS = 12;

export const COMPLIANCE_WINDOW_SOURCE =
  'Sentencing Code Sch 10 para 6(2) and (4)(c): "the period of 12 months beginning with" the date; ' +
  'the count restarts after a breach is resolved (nDelius national standards counting)';

export interface ComplianceWindow {
  /** The first date that counts. */
  start: IsoDate;
  /** The last date that counts: today. */
  end: IsoDate;
  startsBecause: WindowStart;
  /** 'since 12 May 2025 (the last 12 months)', for use inside a reason. */
  description: string;
}

export interface ComplianceWindowInput {
  today: IsoDate;
  /** The day the last breach was resolved, if there has been one on this order. */
  breachPeriodEndedOn?: IsoDate | null;
}

/**
 * The later of two starts:
 *
 * - 12 months: a date counts while today is still inside the 12 months beginning
 *   with it, so on 11 May 2026 the window starts on 12 May 2025. A failure exactly
 *   12 months ago (11 May 2025) no longer counts; the day after it still does. The
 *   statute's "period of 12 months beginning with" a date ends the day before its
 *   anniversary, the same convention as `periodEndDate` in the calendar.
 * - breach: the count restarts after a breach is resolved, so the window starts the
 *   day after the breach ended. A failure on the day itself is treated as part of the
 *   breach just resolved and does not count again.
 */
export function complianceWindow({ today, breachPeriodEndedOn }: ComplianceWindowInput): ComplianceWindow {
  const twelveMonthsStart = addDays(addMonths(today, -FAILURE_PERIOD_MONTHS), 1);
  const afterBreach = breachPeriodEndedOn ? addDays(breachPeriodEndedOn, 1) : null;
  if (afterBreach && isAfter(afterBreach, twelveMonthsStart)) {
    return {
      start: afterBreach,
      end: today,
      startsBecause: 'breach-ended',
      description: `since ${longDate(afterBreach)} (the day after the last breach ended)`,
    };
  }
  return {
    start: twelveMonthsStart,
    end: today,
    startsBecause: 'twelve-months',
    description: `since ${longDate(twelveMonthsStart)} (the last 12 months)`,
  };
}

export function isInWindow(date: IsoDate, window: ComplianceWindow): boolean {
  return compareDates(date, window.start) >= 0 && compareDates(date, window.end) <= 0;
}
