import { sql, type Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Contact types with the national case management system's flags. Codes are
 * Probity's own where no public nDelius code was confirmed; the flags drive the
 * compliance counts, so they live here, in data, not in code.
 */
const CONTACT_TYPES: Array<{
  code: string;
  description: string;
  nationalStandards: boolean;
  attendance: boolean;
  enforceable: boolean;
  rar: boolean;
}> = [
  {
    code: 'CIND',
    description: 'Induction appointment',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: false,
  },
  {
    code: 'COAP',
    description: 'Office appointment',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: true,
  },
  {
    code: 'CHVS',
    description: 'Home visit',
    nationalStandards: true,
    attendance: true,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CPRI',
    description: 'Prison interview',
    nationalStandards: false,
    attendance: true,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CVLI',
    description: 'Video-link interview',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: true,
  },
  {
    code: 'CTEL',
    description: 'Phone call',
    nationalStandards: false,
    attendance: false,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CRAR',
    description: 'Rehabilitation activity session',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: true,
  },
  {
    code: 'CPRG',
    description: 'Accredited programme session',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: false,
  },
  {
    code: 'CUPW',
    description: 'Unpaid work session',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: false,
  },
  {
    code: 'CDRR',
    description: 'Drug rehabilitation appointment',
    nationalStandards: true,
    attendance: true,
    enforceable: true,
    rar: false,
  },
  {
    code: 'CLET',
    description: 'Letter',
    nationalStandards: false,
    attendance: false,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CEML',
    description: 'Email',
    nationalStandards: false,
    attendance: false,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CTXT',
    description: 'Text message',
    nationalStandards: false,
    attendance: false,
    enforceable: false,
    rar: false,
  },
  {
    code: 'CNOT',
    description: 'Case note',
    nationalStandards: false,
    attendance: false,
    enforceable: false,
    rar: false,
  },
];

type OutcomeCategory =
  'attended' | 'acceptable-absence' | 'unacceptable' | 'awaiting-evidence' | 'rescheduled';

/** The nDelius contact outcome codes (probation-domain.md, Reference codes). */
const OUTCOMES: Array<
  [code: string, description: string, category: OutcomeCategory, enforceable: boolean, kept: boolean]
> = [
  ['ATTC', 'Attended – complied', 'attended', false, true],
  ['AFTC', 'Attended – failed to comply', 'unacceptable', true, false],
  ['AFDA', 'Attended – failure deemed acceptable', 'attended', false, true],
  ['ATSH', 'Attended – sent home (behaviour)', 'unacceptable', true, false],
  ['ATSS', 'Sent home (service issues)', 'acceptable-absence', false, false],
  ['APPK', 'Appointment kept', 'attended', false, true],
  ['AAAA', 'Acceptable absence – other', 'acceptable-absence', false, false],
  ['AACL', 'Acceptable absence – court or legal', 'acceptable-absence', false, false],
  ['AAEM', 'Acceptable absence – employment', 'acceptable-absence', false, false],
  ['AAFC', 'Acceptable absence – family or childcare', 'acceptable-absence', false, false],
  ['AAHO', 'Acceptable absence – holiday', 'acceptable-absence', false, false],
  ['AAME', 'Acceptable absence – medical', 'acceptable-absence', false, false],
  ['AARC', 'Acceptable absence – remanded in custody', 'acceptable-absence', false, false],
  ['AARE', 'Acceptable absence – religious', 'acceptable-absence', false, false],
  ['AASD', 'Acceptable absence – stood down', 'acceptable-absence', false, false],
  ['CO05', 'Acceptable absence – professional judgement', 'acceptable-absence', false, false],
  ['UAAB', 'Unacceptable absence', 'unacceptable', true, false],
  ['AFTA', 'Failed to attend (awaiting evidence)', 'awaiting-evidence', false, false],
  ['ABNS', 'Failed to attend – not national standards', 'unacceptable', false, false],
  ['ATFI', 'Failed to comply with other instruction', 'unacceptable', true, false],
  ['UBHV', 'Unacceptable behaviour', 'unacceptable', false, false],
  ['RSSR', "Rescheduled at the service's request", 'rescheduled', false, false],
  ['RSOF', "Rescheduled at the person's request", 'rescheduled', false, false],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table contact_types (
  code text primary key,
  description text not null,
  national_standards boolean not null,
  attendance_required boolean not null,
  enforceable boolean not null,
  rar_activity_allowed boolean not null,
  active boolean not null default true
);

create table contact_outcomes (
  code text primary key,
  description text not null,
  category text not null check (category in ('attended', 'acceptable-absence', 'unacceptable', 'awaiting-evidence', 'rescheduled')),
  enforceable boolean not null,
  counts_as_kept boolean not null
);

create table contact_type_outcomes (
  contact_type text not null references contact_types(code),
  outcome_code text not null references contact_outcomes(code),
  primary key (contact_type, outcome_code)
);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  contact_type text not null references contact_types(code),
  starts_at timestamptz not null,
  contact_date date not null,
  duration_minutes integer check (duration_minutes is null or duration_minutes between 0 and 720),
  location text,
  staff_id uuid references staff(id),
  order_id uuid references orders(id),
  requirement_id uuid references requirements(id),
  rar_activity boolean not null default false,
  outcome_code text references contact_outcomes(code),
  outcome_recorded_at timestamptz,
  outcome_recorded_by_name text,
  minutes_credited integer,
  notes text,
  sensitive boolean not null default false,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create index contacts_person_time on contacts(person_id, starts_at desc);
create index contacts_staff_time on contacts(staff_id, starts_at);
create index contacts_requirement on contacts(requirement_id) where requirement_id is not null;
create index contacts_awaiting_outcome on contacts(staff_id, starts_at) where outcome_code is null;
`,
  );
  for (const t of CONTACT_TYPES) {
    await sql`insert into contact_types (code, description, national_standards, attendance_required, enforceable, rar_activity_allowed)
      values (${t.code}, ${t.description}, ${t.nationalStandards}, ${t.attendance}, ${t.enforceable}, ${t.rar})`.execute(
      db,
    );
  }
  for (const [code, description, category, enforceable, kept] of OUTCOMES) {
    await sql`insert into contact_outcomes (code, description, category, enforceable, counts_as_kept)
      values (${code}, ${description}, ${category}, ${enforceable}, ${kept})`.execute(db);
  }
  // Every type that needs an attendance outcome allows every outcome, except that
  // "not national standards" only fits types outside national standards and vice versa.
  await sql`insert into contact_type_outcomes (contact_type, outcome_code)
    select t.code, o.code from contact_types t cross join contact_outcomes o
    where t.attendance_required
      and (o.code <> 'ABNS' or not t.national_standards)
      and (o.code <> 'UAAB' or t.national_standards)`.execute(db);
}
