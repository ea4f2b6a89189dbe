import type { Db } from '../platform/database/connect.js';

export function listStaffForSelection(db: Db) {
  return db
    .selectFrom('staff')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .select([
      'staff.id',
      'staff.staff_code',
      'staff.forename',
      'staff.surname',
      'staff_grades.description as grade',
    ])
    .where('staff.active', '=', true)
    .orderBy('staff.surname')
    .orderBy('staff.forename')
    .execute();
}

/** Staff who can hold cases in a team, for allocation. */
export function listCaseHoldingStaff(db: Db) {
  return db
    .selectFrom('staff')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.staff_code',
      'staff.forename',
      'staff.surname',
      'staff.grade_code',
      'staff_grades.description as grade',
      'teams.id as team_id',
      'teams.name as team_name',
    ])
    .where('staff.active', '=', true)
    .where('staff.grade_code', 'in', ['PO', 'PSO', 'SPO', 'TPO'])
    .orderBy('teams.name')
    .orderBy('staff.surname')
    .execute();
}

export function findStaff(db: Db, id: string) {
  return db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .select([
      'staff.id',
      'staff.staff_code',
      'staff.forename',
      'staff.surname',
      'staff.grade_code',
      'staff_grades.description as grade',
      'staff.team_id',
      'teams.name as team_name',
      'staff.active',
    ])
    .where('staff.id', '=', id)
    .executeTakeFirst();
}

/** How many people a staff member is the responsible officer for now. */
export async function currentCaseCount(db: Db, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('allocations')
    .select((eb) => eb.fn.countAll<number>().as('cases'))
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.cases);
}

/** The teams a manager manages: the team of their own staff record. */
export async function teamOfStaff(db: Db, staffId: string | null) {
  if (!staffId) return undefined;
  return db
    .selectFrom('staff')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['teams.id', 'teams.name', 'teams.code'])
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
}

export function listTeams(db: Db) {
  return db
    .selectFrom('teams')
    .innerJoin('probation_delivery_units as pdu', 'pdu.id', 'teams.pdu_id')
    .innerJoin('regions', 'regions.id', 'pdu.region_id')
    .select(['teams.id', 'teams.code', 'teams.name', 'pdu.name as pdu_name', 'regions.name as region_name'])
    .orderBy('regions.name')
    .orderBy('pdu.name')
    .orderBy('teams.name')
    .execute();
}

export function listPdus(db: Db) {
  return db.selectFrom('probation_delivery_units').select(['id', 'code', 'name']).orderBy('name').execute();
}

export function listGrades(db: Db) {
  return db.selectFrom('staff_grades').select(['code', 'description']).orderBy('sort_order').execute();
}
