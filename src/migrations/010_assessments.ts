import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * The layered needs and risk assessment (OASys sections 1–13 and the RoSH summary). An assessment
 * is a header with one row per section, so two people can work on different sections at once and
 * each section carries its own row_version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table assessments (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  assessment_type text not null check (assessment_type in ('initial', 'review', 'termination')),
  state text not null default 'in-progress'
    check (state in ('in-progress', 'awaiting-countersignature', 'locked')),
  previous_assessment_id uuid references assessments(id),
  reason text,
  assessor_user_id uuid references users(id),
  assessor_staff_id uuid references staff(id),
  assessor_name text not null,
  started_at timestamptz not null default now(),
  signed_at timestamptz,
  signed_by_name text,
  countersignature_required boolean not null default false,
  countersignature_reason text,
  countersigned_at timestamptz,
  countersigned_by_name text,
  returned_at timestamptz,
  returned_by_name text,
  return_reason text,
  locked_at timestamptz,
  completed_on date,
  rosh_level text check (rosh_level in ('low', 'medium', 'high', 'very-high')),
  snapshot jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create index assessments_person on assessments(person_id, started_at desc);
-- One assessment open at a time: a second officer starting one finds the first instead.
create unique index assessments_one_open on assessments(person_id) where state <> 'locked';

create table assessment_sections (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessments(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  section_code text not null,
  status text not null default 'not-started' check (status in ('not-started', 'in-progress', 'complete')),
  answers jsonb not null default '{}',
  corrections jsonb not null default '{}',
  linked_to_offending boolean,
  linked_to_harm boolean,
  evidence text,
  persons_view text,
  updated_at timestamptz not null default now(),
  updated_by_name text,
  row_version integer not null default 1,
  unique (assessment_id, section_code)
);
create index assessment_sections_person on assessment_sections(person_id);
`,
  );
}
