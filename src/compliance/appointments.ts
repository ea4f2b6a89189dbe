/**
 * Appointments at a glance: kept, acceptable absences, the next one, and those still
 * waiting for an outcome.
 */
import { compareDates, isBefore, longDate, todayInLondon, type IsoDate } from '../platform/calendar/index.js';
import {
  COMPLIANCE_WINDOW_SOURCE,
  complianceWindow,
  isInWindow,
  type ComplianceWindowInput,
} from './compliance-window.js';
import type { Contact, OutcomeCategory, Reasoned, WindowedCount } from './types.js';
import { countOf } from './wording.js';

export interface AppointmentCountInput extends ComplianceWindowInput {
  contacts: readonly Contact[];
}

function isAppointment(contact: Contact): boolean {
  return contact.contactType.attendanceRequired;
}

function byDateThenStart(a: Contact, b: Contact): number {
  return (
    compareDates(a.date, b.date) ||
    (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function countAppointmentsWith(
  category: OutcomeCategory,
  { contacts, today, breachPeriodEndedOn }: AppointmentCountInput,
  describe: (count: number, window: string) => string,
  source: string,
): WindowedCount {
  const window = complianceWindow({ today, breachPeriodEndedOn });
  const counted = contacts
    .filter((c) => isAppointment(c) && c.outcome?.category === category && isInWindow(c.date, window))
    .sort(byDateThenStart);
  return {
    count: counted.length,
    windowStart: window.start,
    windowStartsBecause: window.startsBecause,
    contactIds: counted.map((c) => c.id),
    reason: describe(counted.length, window.description),
    source: `${source}; ${COMPLIANCE_WINDOW_SOURCE}`,
  };
}

/**
 * Appointments kept in the compliance window: attended and complied, including a
 * failure judged acceptable (AFDA) and being sent home for the service's own reasons
 * (ATSS). Each appointment counts, even two on one day; attending but failing to
 * comply (AFTC, ATSH) is a failure, not a kept appointment.
 *
 * Source: nDelius compliance summary, appointments complied with in the compliance
 * period (the last 12 months, or since the last breach ended).
 */
export function countAppointmentsKept(input: AppointmentCountInput): WindowedCount {
  return countAppointmentsWith(
    'attended',
    input,
    (count, window) => `${countOf(count, 'appointment', 'appointments')} kept ${window}.`,
    'nDelius compliance summary: appointments complied with',
  );
}

/**
 * Acceptable absences in the compliance window: each appointment missed for an
 * acceptable reason (AAxx codes, CO05 professional judgement).
 *
 * Source: nDelius compliance summary, acceptable absences in the compliance period
 * (the last 12 months, or since the last breach ended).
 */
export function countAcceptableAbsences(input: AppointmentCountInput): WindowedCount {
  return countAppointmentsWith(
    'acceptable-absence',
    input,
    (count, window) => `${countOf(count, 'acceptable absence', 'acceptable absences')} ${window}.`,
    'nDelius compliance summary: acceptable absences',
  );
}

export interface AppointmentTimingInput {
  contacts: readonly Contact[];
  now: Date;
}

/**
 * Has the appointment started by `now`? With a start time that decides it; without
 * one only the date can, so an appointment later today (or earlier today, with no
 * time recorded) has not yet passed.
 */
function hasStarted(contact: Contact, now: Date): boolean {
  if (contact.startsAt) return contact.startsAt.getTime() < now.getTime();
  return isBefore(contact.date, todayInLondon(now));
}

function isAwaitingOutcome(contact: Contact): boolean {
  return isAppointment(contact) && contact.outcome === null;
}

export interface NextAppointment extends Reasoned {
  appointment: Contact | null;
  date: IsoDate | null;
}

/**
 * The first appointment still to come: one that has not started by `now` and has no
 * outcome. A rescheduled appointment has its outcome (RSSR, RSOF) and is replaced by
 * the new one, so it is never "next".
 *
 * Source: nDelius "next appointment date": the earliest future appointment.
 */
export function nextAppointment({ contacts, now }: AppointmentTimingInput): NextAppointment {
  const upcoming = contacts.filter((c) => isAwaitingOutcome(c) && !hasStarted(c, now)).sort(byDateThenStart);
  const next = upcoming[0] ?? null;
  return {
    appointment: next,
    date: next?.date ?? null,
    reason: next ? `The next appointment is on ${longDate(next.date)}.` : 'No appointments are booked.',
    source: 'nDelius next appointment date: the earliest appointment still to come without an outcome',
  };
}

export interface OverdueOutcomes extends Reasoned {
  count: number;
  /** Oldest first. */
  appointments: Contact[];
}

/**
 * Appointments that have started (see `hasStarted`) with no outcome recorded yet:
 * the officer's list of outcomes to record. Contacts that are not appointments
 * (letters, phone calls, case notes) never need one.
 *
 * Source: probation practice: an outcome is recorded for every appointment once it
 * has happened, so that compliance is counted (nDelius "appointments without an outcome").
 */
export function overdueOutcomes({ contacts, now }: AppointmentTimingInput): OverdueOutcomes {
  const overdue = contacts.filter((c) => isAwaitingOutcome(c) && hasStarted(c, now)).sort(byDateThenStart);
  const oldest = overdue[0];
  return {
    count: overdue.length,
    appointments: overdue,
    reason: oldest
      ? `${countOf(overdue.length, 'appointment needs', 'appointments need')} an outcome, the oldest from ${longDate(oldest.date)}.`
      : 'Every past appointment has an outcome.',
    source: 'Probation practice: an outcome is recorded for every appointment once it has happened',
  };
}
