import { sql, type Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Enforcement: decisions after failures to comply, warnings, breaches and recalls.
 * Open decisions are not stored: they are derived from contacts with an enforceable
 * outcome that have no decision row yet, so no other capability has to call enforcement.
 *
 * The enforcement actions are contact types (nDelius codes, probation-domain.md,
 * Reference codes): recording one writes a contact on the person's record.
 */
const ENFORCEMENT_CONTACT_TYPES: Array<[code: string, description: string]> = [
  ['EA02', 'First warning letter sent'],
  ['EA03', 'Second warning letter sent'],
  ['EA05', 'Other enforcement letter'],
  ['LCL', 'Licence compliance letter'],
  ['EA06', 'Warning withdrawn'],
  ['NFA', 'No further action'],
  ['IBR', 'Breach/recall initiated'],
  ['BRE01', 'Breach requested'],
  ['EA11', 'Recall requested'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table enforcement_decisions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  contact_id uuid not null unique references contacts(id) on delete cascade,
  order_id uuid references orders(id),
  action text not null check (action in ('warn', 'breach', 'recall', 'nfa')),
  required_action text not null,
  reasons jsonb not null,
  source text not null,
  officer_reasons text not null,
  decided_by_user_id uuid references users(id),
  decided_by_name text not null,
  decided_on date not null,
  decided_at timestamptz not null default now(),
  override_reason text,
  row_version integer not null default 1
);
create index enforcement_decisions_person on enforcement_decisions(person_id);

create table warnings (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  order_id uuid not null references orders(id),
  contact_id uuid not null references contacts(id),
  decision_id uuid not null unique references enforcement_decisions(id),
  level text not null check (level in ('first', 'second', 'final', 'community')),
  issued_on date not null,
  issued_by_name text not null,
  letter_contact_id uuid references contacts(id),
  letter_text text not null,
  pdf bytea not null,
  large_print boolean not null,
  withdrawn_on date,
  withdrawal_reason text,
  withdrawn_by_name text,
  created_at timestamptz not null default now(),
  row_version integer not null default 1
);
create index warnings_person on warnings(person_id, issued_on);

create table breaches (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  order_id uuid not null references orders(id),
  decision_id uuid not null unique references enforcement_decisions(id),
  state text not null check (state in ('requested', 'pack-ready', 'countersigned', 'submitted', 'listed', 'adjourned', 'resolved')),
  requested_on date not null,
  pack_due_on date not null,
  assessment text,
  proposal text,
  pack_ready_on date,
  breach_report_pdf bytea,
  statement_pdf bytea,
  countersigned_by_user_id uuid references users(id),
  countersigned_by_name text,
  countersigned_on date,
  submitted_on date,
  court_code text references courts(code),
  hearing_on date,
  adjournment_reason text,
  outcome text check (outcome in ('continued', 'amended', 'fine', 'revoked', 'withdrawn')),
  outcome_notes text,
  resolved_on date,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create index breaches_person on breaches(person_id);

create table recalls (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  order_id uuid not null references orders(id),
  decision_id uuid not null unique references enforcement_decisions(id),
  state text not null check (state in ('recommendation-due', 'recommended', 'countersigned', 'issued', 'returned', 'not-recalled')),
  requested_on date not null,
  recommendation_due_on date not null,
  circumstances text,
  conditions_breached jsonb,
  risk_now text,
  alternatives text,
  recall_type text check (recall_type in ('standard', 'emergency')),
  eligibility jsonb,
  fixed_term_eligible boolean,
  fixed_term_days integer,
  recommended_on date,
  countersigned_by_user_id uuid references users(id),
  countersigned_by_name text,
  countersigned_on date,
  senior_countersigned_by_user_id uuid references users(id),
  senior_countersigned_by_name text,
  senior_countersigned_on date,
  decision text check (decision in ('recall', 'not-recall')),
  decision_reason text,
  decided_on date,
  pdf bytea,
  returned_to_custody_on date,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check (senior_countersigned_by_user_id is null or senior_countersigned_by_user_id <> countersigned_by_user_id)
);
create index recalls_person on recalls(person_id);
`,
  );
  for (const [code, description] of ENFORCEMENT_CONTACT_TYPES) {
    await sql`insert into contact_types (code, description, national_standards, attendance_required, enforceable, rar_activity_allowed)
      values (${code}, ${description}, false, false, false, false)
      on conflict (code) do nothing`.execute(db);
  }
}
