import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CalendarDate, GeneratedTimestamp } from '../platform/tables.js';

type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;
type NullableBytes = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export type DecidedAction = 'warn' | 'breach' | 'recall' | 'nfa';
export type WarningLevel = 'first' | 'second' | 'final' | 'community';
export type BreachState =
  | 'requested'
  | 'pack-ready'
  | 'countersigned'
  | 'submitted'
  | 'listed'
  | 'adjourned'
  | 'resolved'
  | 'withdrawn';
export type BreachOutcome = 'continued' | 'amended' | 'fine' | 'revoked' | 'withdrawn';
export type RecallState =
  'recommendation-due' | 'recommended' | 'countersigned' | 'issued' | 'returned' | 'not-recalled';

export interface EnforcementTables {
  enforcement_decisions: {
    id: Generated<string>;
    person_id: string;
    contact_id: string;
    order_id: string | null;
    action: DecidedAction;
    required_action: string;
    reasons: JSONColumnType<string[]>;
    source: string;
    officer_reasons: string;
    decided_by_user_id: string | null;
    decided_by_name: string;
    decided_on: CalendarDate;
    decided_at: GeneratedTimestamp;
    override_reason: string | null;
    /** Set when the outcome was amended or withdrawn so that it no longer opens a decision. */
    superseded_on: CalendarDate | null;
    superseded_reason: string | null;
    row_version: Generated<number>;
  };
  warnings: {
    id: Generated<string>;
    person_id: string;
    order_id: string;
    contact_id: string;
    decision_id: string;
    level: WarningLevel;
    issued_on: CalendarDate;
    issued_by_name: string;
    letter_contact_id: string | null;
    letter_text: string;
    pdf: Bytes;
    large_print: boolean;
    withdrawn_on: CalendarDate | null;
    withdrawal_reason: string | null;
    withdrawn_by_name: string | null;
    created_at: GeneratedTimestamp;
    row_version: Generated<number>;
  };
  breaches: {
    id: Generated<string>;
    person_id: string;
    order_id: string;
    decision_id: string;
    state: BreachState;
    requested_on: CalendarDate;
    pack_due_on: CalendarDate;
    assessment: string | null;
    proposal: string | null;
    pack_ready_on: CalendarDate | null;
    breach_report_pdf: NullableBytes;
    statement_pdf: NullableBytes;
    /** Whether the pack asks the court for a summons or (with the reason) a warrant. */
    court_process: 'summons' | 'warrant' | null;
    warrant_reason: string | null;
    order_and_warnings_pdf: NullableBytes;
    activity_log_pdf: NullableBytes;
    court_application_pdf: NullableBytes;
    countersigned_by_user_id: string | null;
    countersigned_by_name: string | null;
    countersigned_on: CalendarDate | null;
    submitted_on: CalendarDate | null;
    court_code: string | null;
    hearing_on: CalendarDate | null;
    adjournment_reason: string | null;
    outcome: BreachOutcome | null;
    outcome_notes: string | null;
    resolved_on: CalendarDate | null;
    created_by_name: string;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  recalls: {
    id: Generated<string>;
    person_id: string;
    order_id: string;
    decision_id: string;
    state: RecallState;
    requested_on: CalendarDate;
    recommendation_due_on: CalendarDate;
    circumstances: string | null;
    conditions_breached: JSONColumnType<string[]> | null;
    risk_now: string | null;
    alternatives: string | null;
    recall_type: 'standard' | 'emergency' | null;
    eligibility: JSONColumnType<{
      checks: Array<{ test: string; passed: boolean }>;
      reasons: string[];
      source: string;
      automaticReleaseDays: number | null;
    }> | null;
    fixed_term_eligible: boolean | null;
    fixed_term_days: number | null;
    recommended_on: CalendarDate | null;
    countersigned_by_user_id: string | null;
    countersigned_by_name: string | null;
    countersigned_on: CalendarDate | null;
    senior_countersigned_by_user_id: string | null;
    senior_countersigned_by_name: string | null;
    senior_countersigned_on: CalendarDate | null;
    decision: 'recall' | 'not-recall' | null;
    decision_reason: string | null;
    decided_on: CalendarDate | null;
    pdf: NullableBytes;
    returned_to_custody_on: CalendarDate | null;
    created_by_name: string;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
}
