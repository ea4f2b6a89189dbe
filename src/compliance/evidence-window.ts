/**
 * After failing to attend, the person has a window to give evidence of an
 * acceptable reason; until it closes the outcome is "awaiting evidence" (AFTA).
 */
import { addWorkingDays, isAfter, type IsoDate } from '../platform/calendar/index.js';
import { DEFAULT_COMPLIANCE_POLICY, type CompliancePolicy } from './policy.js';
import type { Contact } from './types.js';

/**
 * The last day the person may give evidence: the evidence window's working days,
 * counted from the day after the appointment they missed. A missed appointment on
 * Friday 1 May 2026 (Monday 4 May a bank holiday) may be explained until Monday 11 May.
 */
export function evidenceWindowClosesOn(
  missedOn: IsoDate,
  policy: CompliancePolicy = DEFAULT_COMPLIANCE_POLICY,
): IsoDate {
  return addWorkingDays(missedOn, policy.evidenceWindowWorkingDays);
}

/** Awaiting evidence, and the last day for it has passed without the outcome being changed. */
export function evidenceWindowHasClosed(
  contact: Pick<Contact, 'date' | 'outcome'>,
  today: IsoDate,
  policy: CompliancePolicy = DEFAULT_COMPLIANCE_POLICY,
): boolean {
  return (
    contact.outcome?.category === 'awaiting-evidence' &&
    isAfter(today, evidenceWindowClosesOn(contact.date, policy))
  );
}
