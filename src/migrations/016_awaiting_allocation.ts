import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Whether a person waits for a responsible officer, kept on the person so the managers' list of
 * cases awaiting allocation reads a small partial index instead of every person in the country.
 * The allocation use case clears it in the same transaction that allocates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table people add column awaiting_allocation boolean not null default true;
update people set awaiting_allocation = false
  where exists (select 1 from allocations a where a.person_id = people.id and a.ended_at is null);
create index people_awaiting_allocation on people (created_at desc) where awaiting_allocation;
`,
  );
}
