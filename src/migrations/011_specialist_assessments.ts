import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * The specialist tools recorded on a person: SARA (the spousal assault risk assessment) and Risk
 * Matrix 2000. Both are in progress until the assessor completes them, then locked.
 *
 * A SARA's twenty items are rows of their own, one per item, created when the SARA starts. Its two
 * summary ratings are the assessor's judgement: nothing in the database or the code works them out.
 *
 * A Risk Matrix 2000 keeps what the assessor typed and their corrections of what the record says
 * (each with its reason); the record's own values are read live while it is in progress. On
 * completion the inputs used and the calculator's answer, explanation included, are kept as a
 * snapshot, so a later change of the record or of the (approximate) tables does not change it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table sara_assessments (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  state text not null default 'in-progress' check (state in ('in-progress', 'complete')),
  risk_to_partner text check (risk_to_partner in ('low', 'medium', 'high')),
  risk_to_partner_reasons text,
  risk_to_others text check (risk_to_others in ('low', 'medium', 'high')),
  risk_to_others_reasons text,
  started_at timestamptz not null default now(),
  started_by_user_id uuid references users(id),
  started_by_name text not null,
  completed_at timestamptz,
  completed_by_user_id uuid references users(id),
  completed_by_name text,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check ((state = 'complete') = (completed_at is not null and completed_by_name is not null)),
  check (state = 'in-progress' or (risk_to_partner is not null and risk_to_others is not null))
);
create index sara_assessments_person on sara_assessments(person_id, started_at desc);
create unique index sara_assessments_one_in_progress on sara_assessments(person_id) where state = 'in-progress';

create table sara_items (
  person_id uuid not null references people(id) on delete cascade,
  sara_id uuid not null references sara_assessments(id) on delete cascade,
  item integer not null check (item between 1 and 20),
  code integer check (code in (0, 1, 2)),
  critical boolean not null default false,
  evidence text,
  primary key (sara_id, item)
);
create index sara_items_person on sara_items(person_id);

create table rm2000_assessments (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  state text not null default 'in-progress' check (state in ('in-progress', 'complete')),
  risk_commencement_date date,
  sexual_offence_against_male boolean,
  sexual_offence_against_stranger boolean,
  non_contact_sexual_conviction boolean,
  never_lived_with_adult_partner boolean,
  corrections jsonb not null default '{}',
  inputs jsonb,
  result jsonb,
  sexual_category text check (sexual_category in ('low', 'medium', 'high', 'very-high')),
  sexual_step1_category text check (sexual_step1_category in ('low', 'medium', 'high', 'very-high')),
  sexual_aggravating_factors integer check (sexual_aggravating_factors between 0 and 4),
  violence_category text check (violence_category in ('low', 'medium', 'high', 'very-high')),
  combined_category text check (combined_category in ('low', 'medium', 'high', 'very-high')),
  started_at timestamptz not null default now(),
  started_by_user_id uuid references users(id),
  started_by_name text not null,
  completed_at timestamptz,
  completed_by_user_id uuid references users(id),
  completed_by_name text,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check ((state = 'complete') = (completed_at is not null and completed_by_name is not null)),
  check (state = 'in-progress' or (inputs is not null and result is not null and combined_category is not null))
);
create index rm2000_assessments_person on rm2000_assessments(person_id, started_at desc);
create unique index rm2000_assessments_one_in_progress on rm2000_assessments(person_id) where state = 'in-progress';
`,
  );
}
