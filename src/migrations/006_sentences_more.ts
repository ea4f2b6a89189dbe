import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * What 004 could not hold: a suspended sentence's custodial term can be as short as
 * 14 days (so it is kept in days when the court gave it in days or weeks), its
 * supervision period, and a curfew's length and days a week (the weekly cap of 112
 * hours depends on them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table orders add column custodial_term_days integer check (custodial_term_days is null or custodial_term_days > 0);
alter table orders add column supervision_months integer check (supervision_months is null or supervision_months > 0);
alter table requirements add column length_months integer check (length_months is null or length_months > 0);
alter table requirements add column days_per_week integer check (days_per_week is null or days_per_week between 1 and 7);
`,
  );
}
