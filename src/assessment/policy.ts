/**
 * Local policy for assessments: timescales and who needs a countersignature. Not law: a probation
 * service may change these without touching the rules. Defaults, as in
 * reference/probation-domain.md ("Timescales") and the issue that asked for them.
 */
import type { RoshRating } from './sections.js';

export interface AssessmentPolicy {
  /** The initial assessment is due this many working days after sentence or release. */
  initialDueWorkingDays: number;
  /** A review is due this many weeks after the last completed assessment. */
  reviewCycleWeeks: number;
  /** After a significant change (a new conviction, a RoSH or MAPPA registration), a review is due within this many working days. */
  reviewAfterChangeWorkingDays: number;
  /** Register types whose registration after the last assessment is a significant change. */
  significantRegisterTypes: readonly string[];
  /** A PSO's assessment whose overall RoSH is at or above this needs a countersignature. */
  countersignRoshFrom: RoshRating;
  /** Roles whose assessments are countersigned at or above that RoSH. */
  countersignedRoles: readonly string[];
  /** Due assessments show as "due soon" this many days ahead. */
  dueSoonDays: number;
}

export const ASSESSMENT_POLICY: AssessmentPolicy = {
  initialDueWorkingDays: 15,
  reviewCycleWeeks: 26,
  reviewAfterChangeWorkingDays: 10,
  significantRegisterTypes: ['RLRH', 'RMRH', 'RHRH', 'RVHR', 'MAPP', 'ADVP', 'RCPR', 'ARSO', 'SHPO'],
  countersignRoshFrom: 'medium',
  countersignedRoles: ['probation-services-officer'],
  dueSoonDays: 10,
};
