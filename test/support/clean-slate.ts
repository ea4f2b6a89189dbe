import type { Db } from '../../src/platform/database/connect.js';

/**
 * Takes a demo person back to having no flags, no assessments, no tier and no manager tasks, so a
 * test about registrations, assessments or tiering starts from a known state whatever the demo
 * data gave them.
 */
export async function withoutFlagsOrTier(db: Db, personId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('registrations').where('person_id', '=', personId).execute();
    await trx.deleteFrom('assessments').where('person_id', '=', personId).execute();
    await trx.deleteFrom('tier_calculations').where('person_id', '=', personId).execute();
    await trx.deleteFrom('case_tasks').where('person_id', '=', personId).execute();
  });
}
