import { sql, type Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Registrations (flags), the tier's history, manager tasks and co-workers.
 *
 * Register types use the national case management system's (nDelius) codes. The review periods
 * are local policy, not law: these are Probity's documented defaults (6 months for RoSH and
 * MAPPA, 12 for the rest), which a probation service changes in `register_types`.
 */
type RegisterType = [
  code: string,
  description: string,
  category: 'rosh' | 'mappa' | 'complexity' | 'other',
  reviewMonths: number,
  colour: 'red' | 'orange' | 'yellow' | 'blue' | 'purple' | 'grey',
];

const REGISTER_TYPES: RegisterType[] = [
  ['RVHR', 'Very high RoSH', 'rosh', 6, 'red'],
  ['RHRH', 'High RoSH', 'rosh', 6, 'red'],
  ['RMRH', 'Medium RoSH', 'rosh', 6, 'orange'],
  ['RLRH', 'Low RoSH', 'rosh', 6, 'grey'],
  ['MAPP', 'MAPPA', 'mappa', 6, 'red'],
  ['RMDO', 'Mental health issues', 'complexity', 12, 'blue'],
  ['ALSH', 'Risk of self-harm', 'complexity', 12, 'blue'],
  ['RVLN', 'Vulnerability issues', 'complexity', 12, 'blue'],
  ['RCCO', 'Child concerns', 'complexity', 12, 'purple'],
  ['RCPR', 'Child protection', 'complexity', 12, 'purple'],
  ['RCHD', 'Risk to children', 'complexity', 12, 'purple'],
  ['RPIR', 'Public interest', 'complexity', 12, 'blue'],
  ['RVAD', 'Adult at risk', 'complexity', 12, 'blue'],
  ['STRG', 'Street gangs', 'complexity', 12, 'orange'],
  ['RTAO', 'Terrorism', 'complexity', 6, 'red'],
  ['ADVP', 'Domestic abuse perpetrator', 'other', 12, 'orange'],
  ['REG30', 'Domestic abuse history', 'other', 12, 'yellow'],
  ['ADVV', 'Domestic abuse victim', 'other', 12, 'yellow'],
  ['IMAR', 'MARAC', 'other', 12, 'orange'],
  ['IIOM', 'IOM nominal', 'other', 12, 'grey'],
  ['IRMO', 'Hate crime', 'other', 12, 'orange'],
  ['ARSO', 'Registered sex offender', 'other', 12, 'red'],
  ['ANSO', 'Non-registered sex offender', 'other', 12, 'orange'],
  ['SHPO', 'Sexual harm prevention order', 'other', 12, 'red'],
  ['SPO', 'Stalking protection order', 'other', 12, 'orange'],
  ['WEAP', 'Weapons', 'other', 12, 'orange'],
  ['AV2S2', 'Risk to staff', 'other', 12, 'red'],
  ['INVI', 'Victim contact', 'other', 12, 'grey'],
  ['RSTO', 'Restraining order', 'other', 12, 'yellow'],
  ['INLL', 'Lifer or IPP', 'other', 12, 'grey'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table register_types (
  code text primary key,
  description text not null,
  category text not null check (category in ('rosh', 'mappa', 'complexity', 'other')),
  review_period_months integer not null check (review_period_months between 1 and 60),
  flag_colour text not null,
  levels text[] not null default '{}',
  categories text[] not null default '{}',
  sort_order integer not null default 0,
  active boolean not null default true
);

create table registrations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  type_code text not null references register_types(code),
  level text,
  category text,
  registered_on date not null,
  registered_by_staff_id uuid references staff(id),
  registered_by_name text not null,
  notes text,
  next_review_on date not null,
  deregistered_on date,
  deregistration_reason text,
  deregistered_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  check (deregistered_on is null or deregistered_on >= registered_on)
);
create index registrations_person on registrations(person_id);
create index registrations_review on registrations(next_review_on) where deregistered_on is null;

create table registration_reviews (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  reviewed_on date not null,
  reviewed_by_name text not null,
  notes text,
  next_review_on date not null,
  created_at timestamptz not null default now()
);
create index registration_reviews_registration on registration_reviews(registration_id);

create table tier_calculations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  calculated_at timestamptz not null default now(),
  protect_points integer not null,
  protect_level text not null,
  change_points integer not null,
  change_level integer not null,
  tier text not null,
  explanation jsonb not null,
  inputs jsonb not null,
  reason text not null
);
create index tier_calculations_latest on tier_calculations(person_id, calculated_at desc);

create table case_tasks (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  team_id uuid not null references teams(id),
  kind text not null,
  opened_at timestamptz not null default now(),
  reason text not null,
  resolved_at timestamptz,
  resolved_by_name text,
  resolution text
);
create index case_tasks_open on case_tasks(team_id) where resolved_at is null;
create index case_tasks_person on case_tasks(person_id);

create table co_workers (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  staff_id uuid not null references staff(id),
  from_date date not null,
  to_date date,
  notes text,
  added_by_name text not null,
  created_at timestamptz not null default now(),
  check (to_date is null or to_date >= from_date)
);
create index co_workers_person on co_workers(person_id);

alter table allocations add column boundary_override_reason text;
alter table allocations add column boundary_overridden jsonb;
`,
  );
  for (const [index, [code, description, category, months, colour]] of REGISTER_TYPES.entries()) {
    const levels = code === 'MAPP' ? ['M1', 'M2', 'M3'] : [];
    const categories = code === 'MAPP' ? ['M1', 'M2', 'M3', 'M4'] : [];
    await sql`insert into register_types (code, description, category, review_period_months, flag_colour, levels, categories, sort_order)
      values (${code}, ${description}, ${category}, ${months}, ${colour}, ${levels}, ${categories}, ${index * 10})`.execute(
      db,
    );
  }
}
