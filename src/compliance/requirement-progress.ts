/**
 * Progress through requirements counted in time: rehabilitation activity days used
 * and unpaid work time credited.
 */
import { compareDates, type IsoDate } from '../platform/calendar/index.js';
import type { Contact, Reasoned } from './types.js';
import { countOf, hoursAndMinutes } from './wording.js';

export interface RequirementProgressInput {
  contacts: readonly Contact[];
  /** Only contacts for this requirement; all contacts given when absent. */
  requirementId?: string;
}

function forRequirement(contacts: readonly Contact[], requirementId: string | undefined): Contact[] {
  return requirementId === undefined
    ? [...contacts]
    : contacts.filter((c) => c.requirementId === requirementId);
}

function oldestFirst(a: Contact, b: Contact): number {
  return compareDates(a.date, b.date);
}

export interface RarDaysUsed extends Reasoned {
  days: number;
  /** The distinct days counted, oldest first. */
  dates: IsoDate[];
  /** The activities counted, oldest first: may be more than `days`. */
  contactIds: string[];
}

/**
 * A contact uses a RAR day when it is a rehabilitation activity and the person
 * attended and complied ('attended' outcomes: ATTC, AFDA, ATSS, APPK). Appointments
 * that are not activities do not count, nor does attending and failing to comply
 * (AFTC, ATSH). A contact type that cannot hold RAR activity never counts, even if a
 * contact of that type was flagged by mistake.
 */
export function usesRarDay(contact: Contact): boolean {
  return (
    contact.rarActivity &&
    contact.contactType.rarActivityAllowed !== false &&
    contact.outcome?.category === 'attended'
  );
}

/**
 * Rehabilitation activity days used: a day counts once, however many activities it
 * holds. Compare with the maximum number of days the court set.
 *
 * Source: Sentencing Code Sch 9 Part 2 (rehabilitation activity requirement: the court
 * sets the maximum number of activity days); probation-domain.md "RAR": appointments do
 * not count, a day counts once; nDelius counts attended and complied RAR activities.
 */
export function rarDaysUsed({ contacts, requirementId }: RequirementProgressInput): RarDaysUsed {
  const activities = forRequirement(contacts, requirementId).filter(usesRarDay).sort(oldestFirst);
  const dates = [...new Set(activities.map((c) => c.date))];
  const days = countOf(dates.length, 'rehabilitation activity day', 'rehabilitation activity days');
  const activitiesNote =
    activities.length > dates.length ? ` (${activities.length} activities; a day counts once)` : '';
  return {
    days: dates.length,
    dates,
    contactIds: activities.map((c) => c.id),
    reason: `${days} used${activitiesNote}.`,
    source:
      'Sentencing Code Sch 9 Part 2 (rehabilitation activity requirement); appointments do not count and a day counts once',
  };
}

export interface UnpaidWorkCredited extends Reasoned {
  minutes: number;
  /** The sessions whose time was credited, oldest first. */
  contactIds: string[];
}

/**
 * Unpaid work time credited: the minutes recorded for each session the person
 * attended (the session length less any penalty time), including a session they were
 * sent home from, for the time worked before it. Time recorded against an absence
 * is not credited. A session's credit is never below zero: a penalty cannot take away
 * time worked at other sessions.
 *
 * Source: Sentencing Code Sch 9 Part 1 (unpaid work requirement); probation-domain.md
 * "Unpaid work": credited time = session length − penalty time, only for attended
 * outcomes (nDelius sums minutes credited where attended).
 */
export function unpaidWorkMinutesCredited({
  contacts,
  requirementId,
}: RequirementProgressInput): UnpaidWorkCredited {
  const sessions = forRequirement(contacts, requirementId)
    .filter((c) => c.outcome?.attended === true && (c.minutesCredited ?? 0) > 0)
    .sort(oldestFirst);
  const minutes = sessions.reduce((total, c) => total + (c.minutesCredited ?? 0), 0);
  return {
    minutes,
    contactIds: sessions.map((c) => c.id),
    reason: `${hoursAndMinutes(minutes)} credited from ${countOf(sessions.length, 'attended session', 'attended sessions')}.`,
    source:
      'Sentencing Code Sch 9 Part 1 (unpaid work); credited time is session length less penalty time, attended sessions only',
  };
}
