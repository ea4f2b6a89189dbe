import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

const DETAIL_TABLES = ['person_aliases', 'person_contacts', 'person_disabilities'];

/**
 * Aliases, personal contacts and disabilities can be changed and removed. Each carries a
 * row version and who last changed it, so a save that lost the race is refused with both
 * versions. A removal keeps the row, with when, by whom and why: the record's history stays,
 * and current lists (and letters' reasonable adjustments) leave removed rows out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    DETAIL_TABLES.map(
      (table) => `
alter table ${table} add column row_version integer not null default 1;
alter table ${table} add column updated_at timestamptz not null default now();
alter table ${table} add column updated_by_name text;
alter table ${table} add column removed_at timestamptz;
alter table ${table} add column removed_by_name text;
alter table ${table} add column removal_reason text;
alter table ${table} add constraint ${table}_removal_reason check (removed_at is null or removal_reason is not null);
`,
    ).join(''),
  );
}
