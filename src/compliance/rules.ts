import { addDays, addMonths, addWorkingDays, type IsoDate } from '../platform/calendar/index.js';

/**
 * Compliance rules: how a person's contacts add up to failures to comply,
 * acceptable absences, kept appointments, RAR days and unpaid work time. Each
 * rule is a small named function answering its decision with the reasons (the
 * dates, counts and source used), so a page can say why. Pure: no I/O, no clock.
 */

export interface Decision<T> {
  answer: T;
  reasons: string[];
  source: string;
}

export type OutcomeCategory =
  'attended' | 'acceptable-absence' | 'unacceptable' | 'awaiting-evidence' | 'rescheduled';

/** One contact, with the flags of its type and outcome (migration 005's reference data). */
export interface ContactFact {
  id: string;
  /** The calendar date of the contact in Europe/London. */
  date: IsoDate;
  /** The instant it starts. */
  startsAt: Date;
  durationMinutes: number | null;
  typeCode: string;
  nationalStandards: boolean;
  /** The contact type is enforceable (a failure at it can be enforced). */
  enforceableType: boolean;
  attendanceRequired: boolean;
  outcome: {
    code: string;
    category: OutcomeCategory;
    /** The outcome is an enforceable one (AFTC, ATSH, ATFI, UAAB). */
    enforceable: boolean;
    countsAsKept: boolean;
  } | null;
  requirementId: string | null;
  rarActivity: boolean;
  minutesCredited: number | null;
}

const NATIONAL_COUNTING =
  'National counting (probation-domain.md, Rules and timescales; Sentencing Code Sch 10 paras 6–7): ' +
  'distinct dates of enforceable, national standards contacts with an enforceable outcome ' +
  '(a failure to attend once its evidence window has closed without evidence), ' +
  'within 12 months, since the end of the last breach';

/**
 * The latest failure date whose evidence window has closed by `today`: a failure
 * to attend awaiting evidence (AFTA) on or before it had its window close without
 * evidence, so it is treated as an unacceptable absence. The window closes at the
 * end of its last working day (`workingDays` after the failure).
 * Source: probation-domain.md, Reference codes (AFTA is enforceable once the evidence
 * window closes) and Rules and timescales (the window is local policy, default 5 working days).
 */
export function evidenceWindowClosedUpTo(today: IsoDate, workingDays: number): IsoDate {
  let date = addDays(today, -1);
  // addWorkingDays never goes down as the date goes up, so the first date found going back is the latest.
  while (addWorkingDays(date, workingDays) >= today) date = addDays(date, -1);
  return date;
}

/** The first day of the 12 months ending with `today`: a date exactly 12 months ago falls outside. */
export function windowStart(today: IsoDate, months = 12): IsoDate {
  return addDays(addMonths(today, -months), 1);
}

/**
 * Whether a contact is a failure to comply as nationally counted (ignoring the 12
 * months): an enforceable outcome at an enforceable national standards contact, or
 * a failure to attend (AFTA) on or before `evidenceClosedUpTo`, whose evidence
 * window closed without evidence.
 */
export function isFailureToComply(contact: ContactFact, evidenceClosedUpTo: IsoDate | null = null): boolean {
  if (!contact.nationalStandards || !contact.enforceableType || !contact.outcome) return false;
  if (contact.outcome.enforceable) return true;
  return contact.outcome.code === 'AFTA' && evidenceClosedUpTo !== null && contact.date <= evidenceClosedUpTo;
}

export interface CountingWindow {
  today: IsoDate;
  /** The day the last breach ended (its court hearing resolved it); the count restarts after it. */
  lastBreachEndedOn: IsoDate | null;
  /** Local policy: the working days a person has to give evidence after failing to attend. */
  evidenceWindowWorkingDays: number;
  months?: number;
}

function countFrom(window: CountingWindow): IsoDate {
  const start = windowStart(window.today, window.months);
  if (window.lastBreachEndedOn && window.lastBreachEndedOn >= start)
    return addDays(window.lastBreachEndedOn, 1);
  return start;
}

function windowReason(window: CountingWindow, from: IsoDate): string {
  return window.lastBreachEndedOn && from === addDays(window.lastBreachEndedOn, 1)
    ? `Counted from ${from}, the day after the last breach ended (${window.lastBreachEndedOn}), to ${window.today}`
    : `Counted over the 12 months from ${from} to ${window.today}`;
}

/**
 * Failures to comply in the last 12 months, counted the national way: distinct
 * dates (two failures on one day count once) of enforceable, national standards
 * contacts with an enforceable outcome, since the end of the last breach.
 * Source: Sentencing Code Sch 10 paras 6–7; nDelius contact type and outcome flags.
 */
export function failuresToComply(
  contacts: readonly ContactFact[],
  window: CountingWindow,
): Decision<{ count: number; dates: IsoDate[] }> {
  const from = countFrom(window);
  const closedUpTo = evidenceWindowClosedUpTo(window.today, window.evidenceWindowWorkingDays);
  const counted = contacts.filter(
    (c) => isFailureToComply(c, closedUpTo) && c.date >= from && c.date <= window.today,
  );
  const dates = [...new Set(counted.map((c) => c.date))].sort();
  const unevidenced = [...new Set(counted.filter((c) => !c.outcome!.enforceable).map((c) => c.date))].sort();
  return {
    answer: { count: dates.length, dates },
    reasons: [
      windowReason(window, from),
      dates.length
        ? `${dates.length} date${dates.length === 1 ? '' : 's'} with a failure: ${dates.join(', ')}`
        : 'No failure to comply in that period',
      ...(unevidenced.length
        ? [
            `Failed to attend with no evidence of an acceptable reason within ${window.evidenceWindowWorkingDays} working days, so treated as unacceptable: ${unevidenced.join(', ')}`,
          ]
        : []),
    ],
    source: NATIONAL_COUNTING,
  };
}

/**
 * Acceptable absences in the last 12 months (since the last breach ended): contacts
 * whose outcome is in the acceptable-absence category (AAAA … CO05, ATSS).
 * Source: nDelius contact outcome categories (probation-domain.md, Reference codes).
 */
export function acceptableAbsences(
  contacts: readonly ContactFact[],
  window: CountingWindow,
): Decision<{ count: number; dates: IsoDate[] }> {
  const from = countFrom(window);
  const dates = contacts
    .filter((c) => c.outcome?.category === 'acceptable-absence' && c.date >= from && c.date <= window.today)
    .map((c) => c.date)
    .sort();
  return {
    answer: { count: dates.length, dates },
    reasons: [
      windowReason(window, from),
      `${dates.length} acceptable absence${dates.length === 1 ? '' : 's'}`,
    ],
    source: 'nDelius acceptable-absence outcomes (probation-domain.md, Reference codes)',
  };
}

/**
 * Appointments kept in the last 12 months (since the last breach ended): contacts
 * whose outcome counts as kept (ATTC, AFDA, APPK).
 * Source: nDelius contact outcome flags (probation-domain.md, Reference codes).
 */
export function appointmentsKept(
  contacts: readonly ContactFact[],
  window: CountingWindow,
): Decision<{ count: number }> {
  const from = countFrom(window);
  const count = contacts.filter(
    (c) => c.outcome?.countsAsKept === true && c.date >= from && c.date <= window.today,
  ).length;
  return {
    answer: { count },
    reasons: [windowReason(window, from), `${count} appointment${count === 1 ? '' : 's'} kept`],
    source: 'nDelius outcomes that count as kept: ATTC, AFDA, APPK',
  };
}

/**
 * The next appointment: the earliest appointment (a type needing attendance)
 * starting at or after `now` with no outcome yet.
 * Source: Probity; an outcome (including a reschedule) closes an appointment.
 */
export function nextAppointment(contacts: readonly ContactFact[], now: Date): Decision<ContactFact | null> {
  let next: ContactFact | null = null;
  for (const c of contacts) {
    if (!c.attendanceRequired || c.outcome || c.startsAt.getTime() < now.getTime()) continue;
    if (!next || c.startsAt.getTime() < next.startsAt.getTime()) next = c;
  }
  return {
    answer: next,
    reasons: [
      next ? `Next appointment on ${next.date} (${next.typeCode})` : 'No appointment arranged from now on',
    ],
    source: 'Appointments without an outcome, from now on',
  };
}

/**
 * RAR days used: distinct dates holding at least one attended RAR activity for the
 * requirement. A day counts once whatever number of activities it holds;
 * appointments that are not RAR activities do not count.
 * Source: probation-domain.md, Rules and timescales: RAR.
 */
export function rarDaysUsed(
  contacts: readonly ContactFact[],
  requirement: { id: string; maximumDays: number | null },
): Decision<{ used: number; maximum: number | null; remaining: number | null; dates: IsoDate[] }> {
  const dates = [
    ...new Set(
      contacts
        .filter(
          (c) => c.requirementId === requirement.id && c.rarActivity && c.outcome?.category === 'attended',
        )
        .map((c) => c.date),
    ),
  ].sort();
  const maximum = requirement.maximumDays;
  return {
    answer: {
      used: dates.length,
      maximum,
      remaining: maximum === null ? null : Math.max(0, maximum - dates.length),
      dates,
    },
    reasons: [
      `${dates.length} day${dates.length === 1 ? '' : 's'} with an attended RAR activity` +
        (maximum === null ? '' : ` of the ${maximum} the court set`),
    ],
    source: 'RAR: the court sets the maximum activity days; a day counts once (probation-domain.md, RAR)',
  };
}

/**
 * Unpaid work minutes credited to the requirement: the sum of minutes credited at
 * attended sessions only.
 * Source: probation-domain.md, Rules and timescales: Unpaid work (credited time =
 * session length − penalty time, only for attended outcomes).
 */
export function unpaidWorkMinutesCredited(
  contacts: readonly ContactFact[],
  requirement: { id: string; orderedHours: number | null },
): Decision<{ minutes: number; orderedMinutes: number | null; remainingMinutes: number | null }> {
  const sessions = contacts.filter(
    (c) => c.requirementId === requirement.id && c.outcome?.category === 'attended' && c.minutesCredited,
  );
  const minutes = sessions.reduce((sum, c) => sum + (c.minutesCredited ?? 0), 0);
  const orderedMinutes = requirement.orderedHours === null ? null : requirement.orderedHours * 60;
  return {
    answer: {
      minutes,
      orderedMinutes,
      remainingMinutes: orderedMinutes === null ? null : Math.max(0, orderedMinutes - minutes),
    },
    reasons: [
      `${sessions.length} attended session${sessions.length === 1 ? '' : 's'} credited ${minutes} minutes` +
        (orderedMinutes === null ? '' : ` of ${orderedMinutes} ordered`),
    ],
    source: 'Unpaid work: credited time counts only for attended outcomes (probation-domain.md)',
  };
}

/** The largest credit an unpaid work session may carry: its length plus up to 180 minutes of travel. */
export function maximumMinutesCredited(durationMinutes: number | null): Decision<number> {
  const max = (durationMinutes ?? 0) + 180;
  return {
    answer: max,
    reasons: [`Session of ${durationMinutes ?? 0} minutes plus up to 180 minutes of travel time`],
    source: 'Unpaid work: travel time is credited by adjustment, up to 180 minutes (probation-domain.md)',
  };
}

/** When an appointment ends: its start plus its duration (zero when none was given). */
export function endOf(contact: { startsAt: Date; durationMinutes: number | null }): Date {
  return new Date(contact.startsAt.getTime() + (contact.durationMinutes ?? 0) * 60_000);
}

/**
 * Appointments overdue an outcome: appointments (types needing attendance) that
 * ended before `now` and have no outcome. Oldest first.
 * Source: Probity; every appointment needs an outcome so compliance is counted.
 */
export function overdueOutcomes<T extends ContactFact>(contacts: readonly T[], now: Date): Decision<T[]> {
  const overdue = contacts
    .filter((c) => c.attendanceRequired && !c.outcome && endOf(c).getTime() <= now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return {
    answer: overdue,
    reasons: [`${overdue.length} past appointment${overdue.length === 1 ? '' : 's'} without an outcome`],
    source: 'Appointments that have ended without an outcome',
  };
}

export interface Booking {
  id: string;
  startsAt: Date;
  durationMinutes: number | null;
  /** Rescheduled appointments no longer hold their slot. */
  outcomeCategory: OutcomeCategory | null;
  label: string;
}

/**
 * Bookings that overlap a proposed appointment. Two appointments clash when each
 * starts before the other ends; an appointment without a duration is taken as
 * lasting until its start (so it clashes only with one spanning it or starting
 * at the same moment). Rescheduled appointments do not hold their slot.
 * Source: Probity; a clash is a warning, not a refusal.
 */
export function clashes(
  proposed: { startsAt: Date; durationMinutes: number | null; ignoreId?: string },
  bookings: readonly Booking[],
): Decision<Booking[]> {
  const start = proposed.startsAt.getTime();
  const end = endOf(proposed).getTime();
  const overlapping = bookings.filter((b) => {
    if (b.id === proposed.ignoreId || b.outcomeCategory === 'rescheduled') return false;
    const bStart = b.startsAt.getTime();
    const bEnd = endOf(b).getTime();
    return bStart < Math.max(end, start + 1) && start < Math.max(bEnd, bStart + 1);
  });
  return {
    answer: overlapping,
    reasons: overlapping.map((b) => `Overlaps ${b.label}`),
    source: 'Probity: overlapping bookings',
  };
}

export interface OrderPeriod {
  startDate: IsoDate;
  expectedEndDate: IsoDate;
  terminatedOn: IsoDate | null;
  label: string;
}

/**
 * Whether a date falls outside every order given: before its start, after its
 * expected end or after it was terminated. No orders at all is outside.
 * Source: an order's requirements can be enforced only while it runs (Sentencing Code Sch 10).
 */
export function outsideTheOrder(date: IsoDate, orders: readonly OrderPeriod[]): Decision<boolean> {
  const source = 'Sentencing Code Sch 10: requirements apply while the order runs';
  if (orders.length === 0) {
    return { answer: true, reasons: ['The person has no current order'], source };
  }
  const reasons: string[] = [];
  for (const o of orders) {
    const end = o.terminatedOn && o.terminatedOn < o.expectedEndDate ? o.terminatedOn : o.expectedEndDate;
    if (date >= o.startDate && date <= end) {
      return { answer: false, reasons: [`${date} is within ${o.label} (${o.startDate} to ${end})`], source };
    }
    reasons.push(
      date < o.startDate
        ? `${date} is before ${o.label} starts on ${o.startDate}`
        : `${date} is after ${o.label} ${o.terminatedOn && o.terminatedOn === end ? 'was terminated' : 'ends'} on ${end}`,
    );
  }
  return { answer: true, reasons, source };
}

/**
 * Whether an outcome may be recorded now. A future appointment cannot be marked
 * attended (or failed): only an acceptable absence known in advance or a
 * reschedule may be recorded before it starts.
 * Source: Probity; an attendance outcome records what happened.
 */
export function mayRecordOutcome(
  appointment: { startsAt: Date },
  outcome: { code: string; category: OutcomeCategory },
  now: Date,
): Decision<boolean> {
  const source = 'An attendance outcome records what happened, so it cannot precede the appointment';
  const future = appointment.startsAt.getTime() > now.getTime();
  if (!future) return { answer: true, reasons: ['The appointment has started or passed'], source };
  if (outcome.category === 'acceptable-absence' || outcome.category === 'rescheduled') {
    return {
      answer: true,
      reasons: [`${outcome.code} may be recorded in advance of the appointment`],
      source,
    };
  }
  return {
    answer: false,
    reasons: [`The appointment has not happened yet, so ${outcome.code} cannot be recorded`],
    source,
  };
}
