import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Who last changed a user account or a staff record, so a save that lost the race
 * can say "this record was changed by [name] at [time]" as the person's record does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table users add column updated_by_name text;
alter table staff add column updated_by_name text;
`,
  );
}
