import { sql, type Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/** The employment statuses a person can have, as the reference list offers them. Codes are Probity's own. */
const EMPLOYMENT_STATUSES: Array<[code: string, description: string]> = [
  ['FULL-TIME', 'Employed full-time'],
  ['PART-TIME', 'Employed part-time'],
  ['SELF-EMPLOYED', 'Self-employed'],
  ['UNEMPLOYED', 'Unemployed and available for work'],
  ['LONG-TERM-SICK', 'Not available for work: long-term sick or disabled'],
  ['CARER', 'Not available for work: carer'],
  ['STUDENT', 'Student, or in education or training'],
  ['RETIRED', 'Retired'],
  ['CUSTODY', 'In custody, or not applicable'],
];

/**
 * The person's employment status with its history: the current one is the latest without an end
 * date, and recording a new one ends it the day before, so the history stays. The assessment fills
 * in its employment item from the current one.
 *
 * Sentence plan objectives may also be linked to one of the person's additional licence
 * conditions, as they are to a requirement of an order: the condition's words are kept with the
 * link, so the plan still reads when the licence ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table employment_statuses (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  status text not null,
  employer text,
  from_date date not null,
  to_date date,
  notes text,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  check (to_date is null or to_date >= from_date)
);
create index employment_statuses_person on employment_statuses(person_id);

alter table plan_objectives add column licence_condition_id uuid references licence_conditions(id);
alter table plan_objectives add column licence_condition_text text;
alter table plan_objectives drop constraint plan_objectives_check;
alter table plan_objectives add constraint plan_objectives_linked check (need is not null or requirement_id is not null or licence_condition_id is not null);
`,
  );
  for (const [index, [code, description]] of EMPLOYMENT_STATUSES.entries()) {
    await sql`insert into reference_data (set_code, code, description, sort_order)
      values ('employment-status', ${code}, ${description}, ${index * 10})`.execute(db);
  }
}
