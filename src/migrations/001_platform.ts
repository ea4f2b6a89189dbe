import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

create table reference_data (
  set_code text not null,
  code text not null,
  description text not null,
  sort_order integer not null default 0,
  active boolean not null default true,
  primary key (set_code, code)
);

create table regions (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null
);

create table probation_delivery_units (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions(id),
  code text not null unique,
  name text not null
);

create table teams (
  id uuid primary key default gen_random_uuid(),
  pdu_id uuid not null references probation_delivery_units(id),
  code text not null unique,
  name text not null,
  row_version integer not null default 1
);

create table staff_grades (
  code text primary key,
  description text not null,
  sort_order integer not null
);

create table staff (
  id uuid primary key default gen_random_uuid(),
  staff_code text not null unique,
  forename text not null,
  surname text not null,
  grade_code text not null references staff_grades(code),
  team_id uuid references teams(id),
  email text,
  active boolean not null default true,
  row_version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index staff_team on staff(team_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  staff_id uuid unique references staff(id),
  display_name text not null,
  password_hash text not null,
  roles text[] not null,
  must_change_password boolean not null default true,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1
);

create table sessions (
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index sessions_user on sessions(user_id);

create table sign_in_attempts (
  id uuid primary key default gen_random_uuid(),
  address text not null,
  username text not null,
  attempted_at timestamptz not null,
  succeeded boolean not null
);
create index sign_in_attempts_address on sign_in_attempts(address, attempted_at);

create table api_clients (
  id uuid primary key default gen_random_uuid(),
  client_id text not null unique,
  name text not null,
  secret_hash text not null,
  roles text[] not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table api_tokens (
  token_hash text primary key,
  api_client_id uuid not null references api_clients(id) on delete cascade,
  issued_at timestamptz not null,
  expires_at timestamptz not null
);

create table journey_drafts (
  session_id text not null references sessions(id) on delete cascade,
  journey text not null,
  data jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (session_id, journey)
);

create table audit_events (
  id uuid primary key default gen_random_uuid(),
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_api_client_id uuid,
  actor_name text not null,
  action text not null,
  person_id uuid,
  subject_type text,
  subject_id text,
  detail jsonb,
  address text,
  request_id text
);
create index audit_events_person on audit_events(person_id, occurred_at desc);
create index audit_events_actor on audit_events(actor_user_id, occurred_at desc);
create index audit_events_when on audit_events(occurred_at desc);

-- The audit trail is evidence: no code path may rewrite it, so the database refuses too.
create function audit_events_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only';
end
$$;

create trigger audit_events_append_only before update or delete on audit_events
  for each statement execute function audit_events_are_append_only();
`,
  );
}
