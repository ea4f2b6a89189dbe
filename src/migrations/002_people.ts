import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table people (
  id uuid primary key default gen_random_uuid(),
  crn text not null unique check (crn ~ '^[A-Z][0-9]{6}$'),
  forename text not null,
  middle_names text,
  surname text not null,
  preferred_name text,
  date_of_birth date not null,
  sex text not null,
  gender_identity text,
  pnc_number text,
  cro_number text,
  prison_number text,
  ni_number text,
  telephone text,
  mobile text,
  email text,
  contact_preferences text,
  ethnicity text,
  religion text,
  sexual_orientation text,
  first_language text,
  interpreter_required boolean not null default false,
  exclusion_message text,
  restriction_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create index people_surname_trigram on people using gin (lower(surname) gin_trgm_ops);
create index people_forename_trigram on people using gin (lower(forename) gin_trgm_ops);
create index people_surname_soundex on people (soundex(surname));
create index people_date_of_birth on people (date_of_birth);
create index people_pnc on people (pnc_number);

-- CRNs are a letter and six digits; numbers come from one sequence so two officers never get the same one.
create sequence crn_numbers start with 100000 minvalue 100000 maxvalue 999999;

create table person_aliases (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  forename text not null,
  surname text not null,
  date_of_birth date,
  created_at timestamptz not null default now()
);
create index person_aliases_person on person_aliases(person_id);
create index person_aliases_surname_trigram on person_aliases using gin (lower(surname) gin_trgm_ops);

create table person_addresses (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  status text not null check (status in ('main', 'previous', 'other')),
  building text,
  street text not null,
  district text,
  town text not null,
  county text,
  postcode text not null,
  from_date date not null,
  to_date date,
  notes text,
  created_at timestamptz not null default now()
);
create index person_addresses_person on person_addresses(person_id);
create unique index person_addresses_one_main on person_addresses(person_id) where status = 'main';

create table person_disabilities (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  disability text not null,
  reasonable_adjustments text,
  created_at timestamptz not null default now()
);
create index person_disabilities_person on person_disabilities(person_id);

create table person_contacts (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  relationship text not null,
  name text not null,
  telephone text,
  email text,
  address text,
  notes text,
  created_at timestamptz not null default now()
);
create index person_contacts_person on person_contacts(person_id);

create table limited_access (
  person_id uuid not null references people(id) on delete cascade,
  staff_id uuid not null references staff(id),
  list text not null check (list in ('exclusion', 'restriction')),
  added_at timestamptz not null default now(),
  primary key (person_id, list, staff_id)
);
create index limited_access_staff on limited_access(staff_id);

create table allocations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  staff_id uuid not null references staff(id),
  team_id uuid not null references teams(id),
  allocated_at timestamptz not null default now(),
  ended_at timestamptz,
  reason text not null,
  allocated_by_name text not null
);
create unique index allocations_one_current on allocations(person_id) where ended_at is null;
create index allocations_current_by_staff on allocations(staff_id) where ended_at is null;
create index allocations_current_by_team on allocations(team_id) where ended_at is null;
create index allocations_person on allocations(person_id, allocated_at desc);
`,
  );
}
