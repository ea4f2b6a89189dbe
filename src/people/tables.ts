import type { Generated } from 'kysely';
import type { CalendarDate, GeneratedTimestamp, NullableTimestamp } from '../platform/tables.js';

export interface PeopleTables {
  people: {
    id: Generated<string>;
    crn: string;
    forename: string;
    middle_names: string | null;
    surname: string;
    preferred_name: string | null;
    date_of_birth: CalendarDate;
    sex: string;
    gender_identity: string | null;
    pnc_number: string | null;
    cro_number: string | null;
    prison_number: string | null;
    ni_number: string | null;
    telephone: string | null;
    mobile: string | null;
    email: string | null;
    contact_preferences: string | null;
    ethnicity: string | null;
    religion: string | null;
    sexual_orientation: string | null;
    first_language: string | null;
    interpreter_required: Generated<boolean>;
    exclusion_message: string | null;
    restriction_message: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string;
    row_version: Generated<number>;
    /** No responsible officer yet: cleared by the allocation use case. */
    awaiting_allocation: Generated<boolean>;
  };
  person_aliases: {
    id: Generated<string>;
    person_id: string;
    forename: string;
    surname: string;
    date_of_birth: CalendarDate | null;
    created_at: GeneratedTimestamp;
    row_version: Generated<number>;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
    removed_at: NullableTimestamp;
    removed_by_name: string | null;
    removal_reason: string | null;
  };
  person_addresses: {
    id: Generated<string>;
    person_id: string;
    status: 'main' | 'previous' | 'other';
    building: string | null;
    street: string;
    district: string | null;
    town: string;
    county: string | null;
    postcode: string;
    from_date: CalendarDate;
    to_date: CalendarDate | null;
    notes: string | null;
    created_at: GeneratedTimestamp;
  };
  person_disabilities: {
    id: Generated<string>;
    person_id: string;
    disability: string;
    reasonable_adjustments: string | null;
    created_at: GeneratedTimestamp;
    row_version: Generated<number>;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
    removed_at: NullableTimestamp;
    removed_by_name: string | null;
    removal_reason: string | null;
  };
  person_contacts: {
    id: Generated<string>;
    person_id: string;
    relationship: string;
    name: string;
    telephone: string | null;
    email: string | null;
    address: string | null;
    notes: string | null;
    created_at: GeneratedTimestamp;
    row_version: Generated<number>;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
    removed_at: NullableTimestamp;
    removed_by_name: string | null;
    removal_reason: string | null;
  };
  employment_statuses: {
    id: Generated<string>;
    person_id: string;
    /** A code of the 'employment-status' reference list. */
    status: string;
    employer: string | null;
    from_date: CalendarDate;
    /** Null while it is the current status. */
    to_date: CalendarDate | null;
    notes: string | null;
    created_at: GeneratedTimestamp;
    created_by_name: string;
  };
  limited_access: {
    person_id: string;
    staff_id: string;
    list: 'exclusion' | 'restriction';
    added_at: GeneratedTimestamp;
  };
}
