import { recordAudit, type Actor } from '../platform/audit/audit.js';
import { londonDateOf } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';
import { checkRoleBoundary } from './boundary.js';

export type AllocationResult =
  { allocated: true } | { allocated: false; reason: 'changed-meanwhile' | 'same-officer' };

/**
 * Gives a person a new responsible officer: the current allocation ends and the
 * new one starts at the same instant, so the history has no gap and no overlap.
 * The caller says which allocation it saw as current; if another manager moved
 * the case meanwhile, nothing is written.
 */
export async function allocate(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    staffId: string;
    teamId: string;
    reason: string;
    expectedCurrentId: string | null;
    now: Date;
    /** A manager's override of the role boundary: why, and the boundary reasons it covers. */
    boundaryOverride?: { reason: string; reasons: string[] } | null;
  },
): Promise<AllocationResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('allocations')
      .select(['id', 'staff_id'])
      .where('person_id', '=', input.personId)
      .where('ended_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.id ?? null) !== input.expectedCurrentId)
      return { allocated: false as const, reason: 'changed-meanwhile' as const };
    if (current?.staff_id === input.staffId)
      return { allocated: false as const, reason: 'same-officer' as const };
    if (current)
      await trx
        .updateTable('allocations')
        .set({ ended_at: input.now })
        .where('id', '=', current.id)
        .execute();
    await trx
      .insertInto('allocations')
      .values({
        person_id: input.personId,
        staff_id: input.staffId,
        team_id: input.teamId,
        allocated_at: input.now,
        reason: input.reason,
        allocated_by_name: actor.name,
        boundary_override_reason: input.boundaryOverride?.reason ?? null,
        boundary_overridden: input.boundaryOverride ? JSON.stringify(input.boundaryOverride.reasons) : null,
      })
      .execute();
    if (!current)
      await trx
        .updateTable('people')
        .set({ awaiting_allocation: false })
        .where('id', '=', input.personId)
        .execute();
    await recordAudit(trx, actor, {
      action: current ? 'transferred-case' : 'allocated-case',
      personId: input.personId,
      subjectType: 'allocation',
      detail: { from: current?.staff_id ?? null, to: input.staffId, reason: input.reason },
    });
    if (input.boundaryOverride) {
      await recordAudit(trx, actor, {
        action: 'role-boundary-overridden',
        personId: input.personId,
        subjectType: 'allocation',
        detail: {
          to: input.staffId,
          reasons: input.boundaryOverride.reasons,
          why: input.boundaryOverride.reason,
        },
      });
    }
    // A transfer to a probation officer (or an override) settles an open role-boundary task.
    await checkRoleBoundary(trx, actor, {
      personId: input.personId,
      today: londonDateOf(input.now),
      now: input.now,
      cause: 'Allocation changed',
    });
    return { allocated: true as const };
  });
}

/**
 * Adds a co-worker: someone (often a PSO) delivering parts of the plan under the responsible
 * officer's direction. Refused (false) when they are already a current co-worker.
 */
export async function addCoWorker(
  db: Db,
  actor: Actor,
  input: { personId: string; staffId: string; fromDate: string; notes: string | null },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', input.personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('co_workers')
      .select('id')
      .where('person_id', '=', input.personId)
      .where('staff_id', '=', input.staffId)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (existing) return false;
    const { id } = await trx
      .insertInto('co_workers')
      .values({
        person_id: input.personId,
        staff_id: input.staffId,
        from_date: input.fromDate,
        notes: input.notes,
        added_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'co-worker-added',
      personId: input.personId,
      subjectType: 'co-worker',
      subjectId: id,
      detail: { staffId: input.staffId, fromDate: input.fromDate, notes: input.notes },
    });
    return true;
  });
}

/** Ends a current co-worker today (or on their start date, if that is later). */
export async function endCoWorker(
  db: Db,
  actor: Actor,
  input: { personId: string; id: string; today: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('co_workers')
      .select(['id', 'from_date', 'staff_id'])
      .where('id', '=', input.id)
      .where('person_id', '=', input.personId)
      .where('to_date', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    const toDate = row.from_date > input.today ? row.from_date : input.today;
    await trx.updateTable('co_workers').set({ to_date: toDate }).where('id', '=', row.id).execute();
    await recordAudit(trx, actor, {
      action: 'co-worker-ended',
      personId: input.personId,
      subjectType: 'co-worker',
      subjectId: row.id,
      detail: { staffId: row.staff_id, toDate },
    });
    return true;
  });
}
