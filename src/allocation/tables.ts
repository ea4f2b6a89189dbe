import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, GeneratedTimestamp, NullableTimestamp } from '../platform/tables.js';

export interface AllocationTables {
  allocations: {
    id: Generated<string>;
    person_id: string;
    staff_id: string;
    team_id: string;
    allocated_at: GeneratedTimestamp;
    ended_at: NullableTimestamp;
    reason: string;
    allocated_by_name: string;
    /** Why a manager allocated a case over the role boundary to a PSO; null when no override was needed. */
    boundary_override_reason: ColumnType<string | null, string | null | undefined, string | null>;
    /** The boundary reasons the override covered, so a later change adding a new one alerts the manager. */
    boundary_overridden: ColumnType<string[] | null, string | null | undefined, string | null>;
  };
  /** Work for a team's manager about one case: for example a PSO's case that now needs a probation officer. */
  case_tasks: {
    id: Generated<string>;
    person_id: string;
    team_id: string;
    kind: string;
    opened_at: GeneratedTimestamp;
    reason: string;
    resolved_at: NullableTimestamp;
    resolved_by_name: string | null;
    resolution: string | null;
  };
  /** Staff working on a case alongside the responsible officer, under their direction. */
  co_workers: {
    id: Generated<string>;
    person_id: string;
    staff_id: string;
    from_date: CalendarDate;
    to_date: CalendarDate | null;
    notes: string | null;
    added_by_name: string;
    created_at: GeneratedTimestamp;
  };
}
