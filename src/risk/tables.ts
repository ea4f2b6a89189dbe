import type { Generated, JSONColumnType } from 'kysely';
import type { CalendarDate, GeneratedTimestamp, NullableTimestamp } from '../platform/tables.js';
import type { Band } from './bands.js';

export type AssessmentState = 'in-progress' | 'complete';
export type SaraRating = 'low' | 'medium' | 'high';

/** The specialist tools recorded on a person: SARA and Risk Matrix 2000 (migration 011). */
export interface RiskTables {
  sara_assessments: {
    id: Generated<string>;
    person_id: string;
    state: Generated<AssessmentState>;
    risk_to_partner: SaraRating | null;
    risk_to_partner_reasons: string | null;
    risk_to_others: SaraRating | null;
    risk_to_others_reasons: string | null;
    started_at: GeneratedTimestamp;
    started_by_user_id: string | null;
    started_by_name: string;
    completed_at: NullableTimestamp;
    completed_by_user_id: string | null;
    completed_by_name: string | null;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  sara_items: {
    person_id: string;
    sara_id: string;
    item: number;
    code: 0 | 1 | 2 | null;
    critical: Generated<boolean>;
    evidence: string | null;
  };
  rm2000_assessments: {
    id: Generated<string>;
    person_id: string;
    state: Generated<AssessmentState>;
    risk_commencement_date: CalendarDate | null;
    sexual_offence_against_male: boolean | null;
    sexual_offence_against_stranger: boolean | null;
    non_contact_sexual_conviction: boolean | null;
    never_lived_with_adult_partner: boolean | null;
    /** The assessor's corrections of what the record says, each with its reason: see rm2000-record.ts. */
    corrections: JSONColumnType<Record<string, unknown>, string | undefined, string>;
    /** On completion: every input with its value and where it came from. */
    inputs: JSONColumnType<Record<string, unknown>, string | null | undefined, string | null> | null;
    /** On completion: the calculator's answer, explanation included. */
    result: JSONColumnType<Record<string, unknown>, string | null | undefined, string | null> | null;
    sexual_category: Band | null;
    sexual_step1_category: Band | null;
    sexual_aggravating_factors: number | null;
    violence_category: Band | null;
    combined_category: Band | null;
    started_at: GeneratedTimestamp;
    started_by_user_id: string | null;
    started_by_name: string;
    completed_at: NullableTimestamp;
    completed_by_user_id: string | null;
    completed_by_name: string | null;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
}
