import type { Generated, JSONColumnType } from 'kysely';
import type { CalendarDate, GeneratedTimestamp } from '../platform/tables.js';

export type Agreement = 'agreed' | 'not-agreed';
export type ObjectiveSource = 'officer' | 'post-programme-report';
export type Progress = 'not-started' | 'in-progress' | 'achieved' | 'no-longer-relevant';
export type ActionOwner = 'person' | 'responsible-officer' | 'partner-agency' | 'other';

interface Edited {
  created_at: GeneratedTimestamp;
  created_by_name: string;
  updated_at: GeneratedTimestamp;
  updated_by_name: string;
  row_version: Generated<number>;
}

export interface PlanningTables {
  sentence_plans: Edited & {
    id: Generated<string>;
    person_id: string;
    started_on: CalendarDate;
    strengths: string | null;
    desistance_factors: string | null;
    agreement: Agreement | null;
    agreement_on: CalendarDate | null;
    persons_comments: string | null;
    disagreement_reason: string | null;
    completed_on: CalendarDate | null;
    last_reviewed_on: CalendarDate | null;
  };
  plan_objectives: Edited & {
    id: Generated<string>;
    plan_id: string;
    person_id: string;
    position: number;
    persons_words: string;
    officers_words: string;
    need: string | null;
    need_title: string | null;
    requirement_id: string | null;
    requirement_text: string | null;
    licence_condition_id: string | null;
    licence_condition_text: string | null;
    interventions: string | null;
    source: Generated<ObjectiveSource>;
    report_date: CalendarDate | null;
    report_author: string | null;
    progress: Generated<Progress>;
    progress_notes: string | null;
    progress_on: CalendarDate | null;
  };
  plan_actions: Edited & {
    id: Generated<string>;
    objective_id: string;
    plan_id: string;
    person_id: string;
    description: string;
    owner: ActionOwner;
    owner_name: string | null;
    target_date: CalendarDate;
    done_on: CalendarDate | null;
  };
  plan_reviews: {
    id: Generated<string>;
    plan_id: string;
    person_id: string;
    reviewed_on: CalendarDate;
    notes: string | null;
    reviewed_by_name: string;
    created_at: GeneratedTimestamp;
  };
  plan_review_progress: {
    id: Generated<string>;
    review_id: string;
    objective_id: string;
    person_id: string;
    progress: Progress;
    notes: string | null;
  };
  risk_management_plans: Edited & {
    id: Generated<string>;
    person_id: string;
    supervision: string | null;
    monitoring_and_control: string | null;
    interventions_and_treatment: string | null;
    victim_safety_planning: string | null;
    contingency: string | null;
    completed_on: CalendarDate | null;
    last_reviewed_on: CalendarDate | null;
    next_review_on: CalendarDate | null;
  };
  risk_plan_reviews: {
    id: Generated<string>;
    plan_id: string;
    person_id: string;
    kind: 'completed' | 'reviewed';
    reviewed_on: CalendarDate;
    notes: string | null;
    next_review_on: CalendarDate;
    reviewed_by_name: string;
    /** The parts as they stood at this review, so the history shows what the plan said. */
    parts: JSONColumnType<Record<string, string | null>>;
    created_at: GeneratedTimestamp;
  };
}
