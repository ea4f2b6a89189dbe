import type { Generated } from 'kysely';
import type { CalendarDate, GeneratedTimestamp } from '../platform/tables.js';

export interface SentenceTables {
  offences: { code: string; description: string; ogrs3_category: string; active: Generated<boolean> };
  courts: { code: string; name: string; active: Generated<boolean> };
  requirement_types: {
    code: string;
    description: string;
    unit: string | null;
    minimum_units: number | null;
    maximum_units: number | null;
    sort_order: Generated<number>;
  };
  licence_condition_types: { code: string; description: string; standard: boolean };
  events: {
    id: Generated<string>;
    person_id: string;
    event_number: number;
    conviction_date: CalendarDate;
    court_code: string;
    notes: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  event_offences: {
    id: Generated<string>;
    person_id: string;
    event_id: string;
    offence_code: string;
    offence_date: CalendarDate | null;
    main: boolean;
    offence_count: Generated<number>;
  };
  court_appearances: {
    id: Generated<string>;
    person_id: string;
    event_id: string;
    appearance_date: CalendarDate;
    court_code: string;
    appearance_type: string;
    outcome: string | null;
    created_at: GeneratedTimestamp;
  };
  orders: {
    id: Generated<string>;
    person_id: string;
    event_id: string;
    order_type: 'CO' | 'SSO' | 'LIC' | 'PSS';
    sentence_date: CalendarDate;
    start_date: CalendarDate;
    length_months: number | null;
    expected_end_date: CalendarDate;
    custodial_term_months: number | null;
    custodial_term_days: number | null;
    supervision_months: number | null;
    release_date: CalendarDate | null;
    licence_expiry_date: CalendarDate | null;
    sentence_expiry_date: CalendarDate | null;
    pss_end_date: CalendarDate | null;
    terminated_on: CalendarDate | null;
    termination_reason: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  requirements: {
    id: Generated<string>;
    person_id: string;
    order_id: string;
    type_code: string;
    units: number | null;
    electronic_monitoring: boolean | null;
    length_months: number | null;
    days_per_week: number | null;
    detail: string | null;
    start_date: CalendarDate;
    expected_end_date: CalendarDate | null;
    terminated_on: CalendarDate | null;
    termination_reason: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
  };
  licence_conditions: {
    id: Generated<string>;
    person_id: string;
    order_id: string;
    condition_code: string;
    detail: string | null;
    start_date: CalendarDate;
    terminated_on: CalendarDate | null;
    created_at: GeneratedTimestamp;
  };
}
