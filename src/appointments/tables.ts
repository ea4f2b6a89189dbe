import type { Generated } from 'kysely';
import type { CalendarDate, GeneratedTimestamp, NullableTimestamp, Timestamp } from '../platform/tables.js';

export interface AppointmentTables {
  contact_types: {
    code: string;
    description: string;
    national_standards: boolean;
    attendance_required: boolean;
    enforceable: boolean;
    rar_activity_allowed: boolean;
    active: Generated<boolean>;
  };
  contact_outcomes: {
    code: string;
    description: string;
    category: 'attended' | 'acceptable-absence' | 'unacceptable' | 'awaiting-evidence' | 'rescheduled';
    enforceable: boolean;
    counts_as_kept: boolean;
  };
  contact_type_outcomes: { contact_type: string; outcome_code: string };
  contacts: {
    id: Generated<string>;
    person_id: string;
    contact_type: string;
    starts_at: Timestamp;
    contact_date: CalendarDate;
    duration_minutes: number | null;
    location: string | null;
    staff_id: string | null;
    order_id: string | null;
    requirement_id: string | null;
    rar_activity: Generated<boolean>;
    outcome_code: string | null;
    outcome_recorded_at: NullableTimestamp;
    outcome_recorded_by_name: string | null;
    minutes_credited: number | null;
    notes: string | null;
    sensitive: Generated<boolean>;
    created_at: GeneratedTimestamp;
    created_by_name: string;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
}
