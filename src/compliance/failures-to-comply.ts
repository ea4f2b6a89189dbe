/**
 * Failures to comply (FTCs): the count that decides between a warning and a breach.
 */
import { compareDates, type IsoDate } from '../platform/calendar/index.js';
import {
  COMPLIANCE_WINDOW_SOURCE,
  complianceWindow,
  isInWindow,
  type ComplianceWindowInput,
} from './compliance-window.js';
import { evidenceWindowHasClosed } from './evidence-window.js';
import { DEFAULT_COMPLIANCE_POLICY, type CompliancePolicy } from './policy.js';
import type { Contact, WindowedCount } from './types.js';
import { countOf, listOfDates } from './wording.js';

export const FAILURES_TO_COMPLY_SOURCE =
  'Sentencing Code Sch 10 para 6 (Sch 16 para 6 for suspended sentence orders); nDelius national standards counting: ' +
  'one failure a day, enforceable outcomes at enforceable national standards contacts only';

export interface FailuresToComply extends WindowedCount {
  /** The distinct dates with a failure, oldest first: `count` is their number. */
  dates: IsoDate[];
}

export interface FailuresToComplyInput extends ComplianceWindowInput {
  contacts: readonly Contact[];
  policy?: CompliancePolicy;
}

/**
 * A failure to comply as of `today`: an enforceable outcome at a contact type that is
 * both national standards and enforceable. A failure to attend awaiting evidence
 * (AFTA) becomes one when its evidence window closes without the outcome changing.
 * Acceptable absences, rescheduled appointments and unacceptable outcomes that are
 * not enforceable (ABNS, UBHV) never are.
 */
export function isFailureToComply(
  contact: Contact,
  today: IsoDate,
  policy: CompliancePolicy = DEFAULT_COMPLIANCE_POLICY,
): boolean {
  const { contactType, outcome } = contact;
  if (!contactType.nationalStandards || !contactType.enforceable || !outcome) return false;
  return outcome.enforceable || evidenceWindowHasClosed(contact, today, policy);
}

/**
 * Counted the national way: the distinct dates, within the compliance window (the
 * last 12 months, or since the last breach ended if later; see `complianceWindow`),
 * on which the person failed to comply. Two missed appointments on one day are one
 * failure. Contacts dated after today are ignored.
 *
 * Source: Sentencing Code Sch 10 para 6 (Sch 16 para 6 for SSOs): a warning within
 * the previous 12 months means the officer must refer for breach; nDelius national
 * standards counting; only national standards contact types count.
 */
export function countFailuresToComply({
  contacts,
  today,
  breachPeriodEndedOn,
  policy = DEFAULT_COMPLIANCE_POLICY,
}: FailuresToComplyInput): FailuresToComply {
  const window = complianceWindow({ today, breachPeriodEndedOn });
  const failures = contacts
    .filter((c) => isInWindow(c.date, window) && isFailureToComply(c, today, policy))
    .sort((a, b) => compareDates(a.date, b.date));
  const dates = [...new Set(failures.map((c) => c.date))];
  return {
    count: dates.length,
    dates,
    windowStart: window.start,
    windowStartsBecause: window.startsBecause,
    contactIds: failures.map((c) => c.id),
    reason: failuresReason(dates, failures, window.description, today, policy),
    source: `${FAILURES_TO_COMPLY_SOURCE}; ${COMPLIANCE_WINDOW_SOURCE}`,
  };
}

function failuresReason(
  dates: IsoDate[],
  failures: Contact[],
  windowDescription: string,
  today: IsoDate,
  policy: CompliancePolicy,
): string {
  if (dates.length === 0) return `No failures to comply ${windowDescription}.`;
  const notes = [
    failures.length > dates.length
      ? `${failures.length} failures on ${countOf(dates.length, 'day', 'days')}, and a day counts once`
      : '',
    awaitingEvidenceNote(failures, today, policy),
  ].filter(Boolean);
  const counted = `${countOf(dates.length, 'failure to comply', 'failures to comply')} ${windowDescription}`;
  return `${counted}: ${listOfDates(dates)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`;
}

function awaitingEvidenceNote(failures: Contact[], today: IsoDate, policy: CompliancePolicy): string {
  const unexplained = failures.filter(
    (c) => !c.outcome?.enforceable && evidenceWindowHasClosed(c, today, policy),
  );
  if (unexplained.length === 0) return '';
  const days = countOf(policy.evidenceWindowWorkingDays, 'working day', 'working days');
  return `${countOf(unexplained.length, 'failure to attend', 'failures to attend')} with no evidence given within ${days}`;
}
