/**
 * Test data for the compliance rules: contact types with the flags migration 005
 * seeds, and a builder for contacts. Used by tests only.
 */
import type { IsoDate } from '../platform/calendar/index.js';
import { recordedOutcome, type OutcomeCode } from './outcomes.js';
import type { Contact, ContactType } from './types.js';

export const CONTACT_TYPES = {
  officeAppointment: {
    code: 'COAP',
    description: 'Office appointment',
    nationalStandards: true,
    enforceable: true,
    attendanceRequired: true,
    rarActivityAllowed: true,
  },
  rarSession: {
    code: 'CRAR',
    description: 'Rehabilitation activity session',
    nationalStandards: true,
    enforceable: true,
    attendanceRequired: true,
    rarActivityAllowed: true,
  },
  unpaidWork: {
    code: 'CUPW',
    description: 'Unpaid work session',
    nationalStandards: true,
    enforceable: true,
    attendanceRequired: true,
    rarActivityAllowed: false,
  },
  homeVisit: {
    code: 'CHVS',
    description: 'Home visit',
    nationalStandards: true,
    enforceable: false,
    attendanceRequired: true,
    rarActivityAllowed: false,
  },
  prisonInterview: {
    code: 'CPRI',
    description: 'Prison interview',
    nationalStandards: false,
    enforceable: false,
    attendanceRequired: true,
    rarActivityAllowed: false,
  },
  phoneCall: {
    code: 'CTEL',
    description: 'Phone call',
    nationalStandards: false,
    enforceable: false,
    attendanceRequired: false,
    rarActivityAllowed: false,
  },
} satisfies Record<string, ContactType>;

export type ContactTypeName = keyof typeof CONTACT_TYPES;

export interface ContactDetails extends Partial<Omit<Contact, 'date' | 'contactType' | 'outcome'>> {
  date: IsoDate;
  type?: ContactTypeName;
  outcome?: OutcomeCode | null;
}

let lastId = 0;

export function contact({
  date,
  type = 'officeAppointment',
  outcome = null,
  ...rest
}: ContactDetails): Contact {
  lastId += 1;
  return {
    id: `contact-${lastId}`,
    date,
    contactType: CONTACT_TYPES[type],
    outcome: outcome ? recordedOutcome(outcome) : null,
    rarActivity: false,
    ...rest,
  };
}
