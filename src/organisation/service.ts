import { sql } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import { currentCaseCount } from './store.js';

export interface StaffChange {
  forename: string;
  surname: string;
  grade: string;
  teamId: string;
  email: string | null;
  active: boolean;
}

export type StaffUpdate =
  | { saved: true }
  | { saved: false; changedBy: string; changedAt: Date; current: StaffChange & { rowVersion: number } }
  | { saved: false; stillResponsibleFor: number };

/**
 * Changes a staff record unless someone else changed it since it was opened (optimistic locking).
 * Someone still the responsible officer for anyone cannot be marked as having left: a manager
 * must transfer their cases first, or those people would have nobody.
 */
export async function updateStaff(
  db: Db,
  actor: Actor,
  input: { staffId: string; expectedVersion: number; change: StaffChange },
): Promise<StaffUpdate> {
  const c = input.change;
  return db.transaction().execute(async (trx): Promise<StaffUpdate> => {
    if (!c.active) {
      const [before, cases] = await Promise.all([
        trx.selectFrom('staff').select('active').where('id', '=', input.staffId).executeTakeFirstOrThrow(),
        currentCaseCount(trx, input.staffId),
      ]);
      if (before.active && cases > 0) return { saved: false as const, stillResponsibleFor: cases };
    }
    const updated = await trx
      .updateTable('staff')
      .set({
        forename: c.forename,
        surname: c.surname,
        grade_code: c.grade,
        team_id: c.teamId,
        email: c.email,
        active: c.active,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.staffId)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const row = await trx
        .selectFrom('staff')
        .selectAll()
        .where('id', '=', input.staffId)
        .executeTakeFirstOrThrow();
      return {
        saved: false as const,
        changedBy: row.updated_by_name ?? 'someone else',
        changedAt: row.updated_at,
        current: {
          forename: row.forename,
          surname: row.surname,
          grade: row.grade_code,
          teamId: row.team_id ?? '',
          email: row.email,
          active: row.active,
          rowVersion: row.row_version,
        },
      };
    }
    await recordAudit(trx, actor, {
      action: 'staff-changed',
      subjectType: 'staff',
      subjectId: input.staffId,
      detail: { ...c },
    });
    return { saved: true as const };
  });
}
