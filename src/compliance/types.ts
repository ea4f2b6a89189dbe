/**
 * The plain data the compliance rules count from: contacts with their type's flags
 * and their outcome, as the contacts store reads them. No behaviour here.
 */
import type { IsoDate } from '../platform/calendar/index.js';

/** What an outcome means for compliance. */
export type OutcomeCategory =
  /** Attended and complied, or a failure the officer judged acceptable. */
  | 'attended'
  | 'acceptable-absence'
  /** A failure to comply or to attend. */
  | 'unacceptable'
  /** Failed to attend; the person may still give evidence of an acceptable reason. */
  | 'awaiting-evidence'
  | 'rescheduled';

/** The flags of a contact type that the counts depend on (reference data, table contact_types). */
export interface ContactType {
  code: string;
  description?: string;
  /** A national standards contact: it counts towards compliance. */
  nationalStandards: boolean;
  /** A failure at this kind of contact can be enforced. */
  enforceable: boolean;
  /** An appointment: the person is expected to attend, so it needs an outcome once it has happened. */
  attendanceRequired: boolean;
  /** May hold rehabilitation activity (RAR) time. */
  rarActivityAllowed?: boolean;
}

/** The outcome recorded on a contact (reference data, table contact_outcomes). */
export interface ContactOutcome {
  code: string;
  category: OutcomeCategory;
  /** The person was there, whether or not they complied (nDelius "attended"). */
  attended: boolean;
  /**
   * Enforceable as recorded. An 'awaiting-evidence' outcome is recorded as not
   * enforceable and becomes so when its evidence window closes (see evidence-window.ts).
   */
  enforceable: boolean;
}

/** One contact with a person on probation, for one order. */
export interface Contact {
  id: string;
  /** The calendar date of the contact in London. */
  date: IsoDate;
  /** When it starts, if known: tells an appointment later today from one already past. */
  startsAt?: Date | null;
  contactType: ContactType;
  /** Null until an outcome is recorded. */
  outcome: ContactOutcome | null;
  /** This contact is (part of) a rehabilitation activity, not an appointment. */
  rarActivity: boolean;
  requirementId?: string | null;
  /** Unpaid work time credited for the session: its length less any penalty time. */
  minutesCredited?: number | null;
}

/** Every rule answers its decision with the reason a page can show and where the rule comes from. */
export interface Reasoned {
  /** Plain English, fit to show the officer: the dates and counts that decided it. */
  reason: string;
  source: string;
}

/** Why a compliance window starts where it does. */
export type WindowStart = 'twelve-months' | 'breach-ended';

/** A count over the compliance window: the last 12 months, or since the last breach ended. */
export interface WindowedCount extends Reasoned {
  count: number;
  /** The first date counted. */
  windowStart: IsoDate;
  windowStartsBecause: WindowStart;
  /** The contacts counted, oldest first. */
  contactIds: string[];
}
