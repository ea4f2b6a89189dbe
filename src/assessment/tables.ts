import type { Generated, JSONColumnType } from 'kysely';
import type { CalendarDate, GeneratedTimestamp, NullableTimestamp } from '../platform/tables.js';

export type AssessmentType = 'initial' | 'review' | 'termination';
export type AssessmentState = 'in-progress' | 'awaiting-countersignature' | 'locked';
export type SectionStatus = 'not-started' | 'in-progress' | 'complete';

/** An answer as stored: an item's answer code, a fact's typed value, or a RoSH rating. */
export type StoredAnswers = Record<string, string>;

/** A fact from the record that the assessor corrected, with why. */
export interface Correction {
  value: string;
  reason: string;
  by: string;
  at: string;
}

export interface AssessmentTables {
  assessments: {
    id: Generated<string>;
    person_id: string;
    assessment_type: AssessmentType;
    state: Generated<AssessmentState>;
    previous_assessment_id: string | null;
    reason: string | null;
    assessor_user_id: string | null;
    assessor_staff_id: string | null;
    assessor_name: string;
    started_at: GeneratedTimestamp;
    signed_at: NullableTimestamp;
    signed_by_name: string | null;
    countersignature_required: Generated<boolean>;
    countersignature_reason: string | null;
    countersigned_at: NullableTimestamp;
    countersigned_by_name: string | null;
    returned_at: NullableTimestamp;
    returned_by_name: string | null;
    return_reason: string | null;
    locked_at: NullableTimestamp;
    completed_on: CalendarDate | null;
    rosh_level: 'low' | 'medium' | 'high' | 'very-high' | null;
    snapshot: JSONColumnType<Record<string, unknown>> | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  assessment_sections: {
    id: Generated<string>;
    assessment_id: string;
    person_id: string;
    section_code: string;
    status: Generated<SectionStatus>;
    answers: JSONColumnType<StoredAnswers>;
    corrections: JSONColumnType<Record<string, Correction>>;
    linked_to_offending: boolean | null;
    linked_to_harm: boolean | null;
    evidence: string | null;
    persons_view: string | null;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
    row_version: Generated<number>;
  };
}
