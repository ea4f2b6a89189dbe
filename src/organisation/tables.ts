import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from '../platform/tables.js';

export interface OrganisationTables {
  regions: { id: Generated<string>; code: string; name: string };
  probation_delivery_units: { id: Generated<string>; region_id: string; code: string; name: string };
  teams: {
    id: Generated<string>;
    pdu_id: string;
    code: string;
    name: string;
    row_version: Generated<number>;
  };
  staff_grades: { code: string; description: string; sort_order: number };
  staff: {
    id: Generated<string>;
    staff_code: string;
    forename: string;
    surname: string;
    grade_code: string;
    team_id: string | null;
    email: string | null;
    active: Generated<boolean>;
    row_version: Generated<number>;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
  };
}
