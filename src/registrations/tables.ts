import type { Generated } from 'kysely';
import type { CalendarDate, GeneratedTimestamp } from '../platform/tables.js';

export type RegisterCategory = 'rosh' | 'mappa' | 'complexity' | 'other';

export interface RegistrationTables {
  register_types: {
    code: string;
    description: string;
    category: RegisterCategory;
    review_period_months: number;
    flag_colour: string;
    levels: Generated<string[]>;
    categories: Generated<string[]>;
    sort_order: Generated<number>;
    active: Generated<boolean>;
  };
  registrations: {
    id: Generated<string>;
    person_id: string;
    type_code: string;
    level: string | null;
    category: string | null;
    registered_on: CalendarDate;
    registered_by_staff_id: string | null;
    registered_by_name: string;
    notes: string | null;
    next_review_on: CalendarDate;
    deregistered_on: CalendarDate | null;
    deregistration_reason: string | null;
    deregistered_by_name: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    row_version: Generated<number>;
  };
  registration_reviews: {
    id: Generated<string>;
    person_id: string;
    registration_id: string;
    reviewed_on: CalendarDate;
    reviewed_by_name: string;
    notes: string | null;
    next_review_on: CalendarDate;
    created_at: GeneratedTimestamp;
  };
}
