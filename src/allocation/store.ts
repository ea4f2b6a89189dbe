import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { addDays } from '../platform/calendar/index.js';
import { visibleTo, type Viewer } from '../people/index.js';
import { ROLE_BOUNDARY_TASK } from './boundary.js';

/** How many days before its date a registration review shows as due (see src/registrations/rules.ts). */
const REVIEW_DUE_WITHIN_DAYS = 28;

/**
 * Adds to a caseload query, in the same SQL: the latest tier (a lateral join, no query per row),
 * the counts of registration reviews overdue and due, and whether the case needs a probation officer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withCaseFlags<QB extends SelectQueryBuilder<Database, 'people' | 'allocations', any>>(
  query: QB,
  today: string,
) {
  const dueBy = addDays(today, REVIEW_DUE_WITHIN_DAYS);
  return query
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('tier_calculations')
          .select('tier_calculations.tier')
          .whereRef('tier_calculations.person_id', '=', 'people.id')
          .orderBy('tier_calculations.calculated_at', 'desc')
          .limit(1)
          .as('latest_tier'),
      (join) => join.onTrue(),
    )
    .select([
      'latest_tier.tier',
      sql<number>`(select count(*)::int from registrations r where r.person_id = people.id and r.deregistered_on is null and r.next_review_on < ${today})`.as(
        'reviews_overdue',
      ),
      sql<number>`(select count(*)::int from registrations r where r.person_id = people.id and r.deregistered_on is null and r.next_review_on >= ${today} and r.next_review_on <= ${dueBy})`.as(
        'reviews_due',
      ),
      sql<boolean>`exists (select 1 from case_tasks ct where ct.person_id = people.id and ct.kind = ${ROLE_BOUNDARY_TASK} and ct.resolved_at is null)`.as(
        'needs_probation_officer',
      ),
    ]) as unknown as QB;
}

export function caseloadOfStaff(db: Db, staffId: string, viewer: Viewer, today: string) {
  const query = db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .leftJoin('person_addresses as main_address', (join) =>
      join.onRef('main_address.person_id', '=', 'people.id').on('main_address.status', '=', 'main'),
    )
    .select([
      'people.id',
      'people.crn',
      'people.forename',
      'people.surname',
      'people.date_of_birth',
      'main_address.town',
      'allocations.allocated_at',
    ])
    .where('allocations.staff_id', '=', staffId)
    .where('allocations.ended_at', 'is', null)
    .where(visibleTo(viewer))
    .orderBy('people.surname')
    .orderBy('people.forename');
  return withCaseFlags(query, today).execute() as Promise<
    Array<Awaited<ReturnType<typeof query.execute>>[number] & CaseFlags>
  >;
}

export interface CaseFlags {
  tier: string | null;
  reviews_overdue: number;
  reviews_due: number;
  needs_probation_officer: boolean;
}

export function teamCaseCounts(db: Db, teamId: string) {
  return db
    .selectFrom('staff')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .leftJoin('allocations', (join) =>
      join.onRef('allocations.staff_id', '=', 'staff.id').on('allocations.ended_at', 'is', null),
    )
    .select([
      'staff.id',
      'staff.forename',
      'staff.surname',
      'staff_grades.description as grade',
      sql<number>`count(allocations.id)::int`.as('cases'),
    ])
    .where('staff.team_id', '=', teamId)
    .where('staff.active', '=', true)
    .groupBy(['staff.id', 'staff.forename', 'staff.surname', 'staff_grades.description'])
    .orderBy('staff.surname')
    .execute();
}

export function teamCaseload(db: Db, teamId: string, viewer: Viewer, today: string, staffId?: string) {
  let query = db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'people.id',
      'people.crn',
      'people.forename',
      'people.surname',
      'people.date_of_birth',
      'staff.id as staff_id',
      'staff.forename as staff_forename',
      'staff.surname as staff_surname',
      'staff.grade_code as staff_grade',
      'allocations.allocated_at',
    ])
    .where('allocations.team_id', '=', teamId)
    .where('allocations.ended_at', 'is', null)
    .where(visibleTo(viewer));
  if (staffId) query = query.where('allocations.staff_id', '=', staffId);
  const ordered = query.orderBy('staff.surname').orderBy('people.surname').limit(500);
  return withCaseFlags(ordered, today).execute() as Promise<
    Array<Awaited<ReturnType<typeof ordered.execute>>[number] & CaseFlags>
  >;
}

/** People with no responsible officer: new records waiting for a manager to allocate them. */
export function awaitingAllocation(db: Db, viewer: Viewer) {
  return db
    .selectFrom('people')
    .select(['people.crn', 'people.forename', 'people.surname', 'people.created_at'])
    .where('people.awaiting_allocation', '=', true)
    .where(visibleTo(viewer))
    .orderBy('people.created_at', 'desc')
    .limit(50)
    .execute();
}

export function allocationHistory(db: Db, personId: string) {
  return db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .innerJoin('teams', 'teams.id', 'allocations.team_id')
    .select([
      'allocations.id',
      'allocations.allocated_at',
      'allocations.ended_at',
      'allocations.reason',
      'allocations.allocated_by_name',
      'allocations.boundary_override_reason',
      'staff.forename',
      'staff.surname',
      'teams.name as team_name',
    ])
    .where('allocations.person_id', '=', personId)
    .orderBy('allocations.allocated_at', 'desc')
    .execute();
}

/** Staff working alongside the responsible officer, current first. */
export function coWorkersOf(db: Db, personId: string) {
  return db
    .selectFrom('co_workers')
    .innerJoin('staff', 'staff.id', 'co_workers.staff_id')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .select([
      'co_workers.id',
      'co_workers.from_date',
      'co_workers.to_date',
      'co_workers.notes',
      'co_workers.added_by_name',
      'staff.forename',
      'staff.surname',
      'staff_grades.description as grade',
    ])
    .where('co_workers.person_id', '=', personId)
    .orderBy(sql`co_workers.to_date is null`, 'desc')
    .orderBy('co_workers.from_date', 'desc')
    .execute();
}
