import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Who last changed a user account, a staff record or an API client, so a save that lost
 * the race can say "this record was changed by [name] at [time]" as the person's record
 * does. API clients become editable (their name and roles), so they gain a row version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table users add column updated_by_name text;
alter table staff add column updated_by_name text;
alter table api_clients add column row_version integer not null default 1;
alter table api_clients add column updated_at timestamptz not null default now();
alter table api_clients add column updated_by_name text;
`,
  );
}
