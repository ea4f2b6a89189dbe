/**
 * Compliance at a glance: the counting rules that sentences, appointments and
 * enforcement use. Pure: contacts in, answers with their reasons out; `today` or
 * `now` is always passed in.
 */
export type {
  Contact,
  ContactOutcome,
  ContactType,
  OutcomeCategory,
  Reasoned,
  WindowedCount,
  WindowStart,
} from './types.js';
export {
  CONTACT_OUTCOMES,
  outcomeDefinition,
  recordedOutcome,
  type Enforceability,
  type OutcomeCode,
  type OutcomeDefinition,
} from './outcomes.js';
export { DEFAULT_COMPLIANCE_POLICY, type CompliancePolicy } from './policy.js';
export {
  complianceWindow,
  FAILURE_PERIOD_MONTHS,
  isInWindow,
  type ComplianceWindow,
  type ComplianceWindowInput,
} from './compliance-window.js';
export { evidenceWindowClosesOn, evidenceWindowHasClosed } from './evidence-window.js';
export {
  countFailuresToComply,
  isFailureToComply,
  type FailuresToComply,
  type FailuresToComplyInput,
} from './failures-to-comply.js';
export {
  countAcceptableAbsences,
  countAppointmentsKept,
  nextAppointment,
  overdueOutcomes,
  type AppointmentCountInput,
  type AppointmentTimingInput,
  type NextAppointment,
  type OverdueOutcomes,
} from './appointments.js';
export {
  rarDaysUsed,
  unpaidWorkMinutesCredited,
  usesRarDay,
  type RarDaysUsed,
  type RequirementProgressInput,
  type UnpaidWorkCredited,
} from './requirement-progress.js';
