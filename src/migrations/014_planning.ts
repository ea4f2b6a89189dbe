import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Sentence plans (objectives in sequence, their actions, reviews with progress per objective) and
 * risk management plans with their review history. One of each per person, kept up to date by
 * reviews rather than replaced, so the history stays in one place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table sentence_plans (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  started_on date not null,
  strengths text,
  desistance_factors text,
  agreement text check (agreement in ('agreed', 'not-agreed')),
  agreement_on date,
  persons_comments text,
  disagreement_reason text,
  completed_on date,
  last_reviewed_on date,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create unique index sentence_plans_person on sentence_plans(person_id);

create table plan_objectives (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references sentence_plans(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  position integer not null,
  persons_words text not null,
  officers_words text not null,
  need text,
  need_title text,
  requirement_id uuid references requirements(id),
  requirement_text text,
  interventions text,
  source text not null default 'officer' check (source in ('officer', 'post-programme-report')),
  report_date date,
  report_author text,
  progress text not null default 'not-started'
    check (progress in ('not-started', 'in-progress', 'achieved', 'no-longer-relevant')),
  progress_notes text,
  progress_on date,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check (need is not null or requirement_id is not null)
);
create index plan_objectives_plan on plan_objectives(plan_id, position);
create index plan_objectives_person on plan_objectives(person_id);

create table plan_actions (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null references plan_objectives(id) on delete cascade,
  plan_id uuid not null references sentence_plans(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  description text not null,
  owner text not null check (owner in ('person', 'responsible-officer', 'partner-agency', 'other')),
  owner_name text,
  target_date date not null,
  done_on date,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create index plan_actions_objective on plan_actions(objective_id);
create index plan_actions_person on plan_actions(person_id);

create table plan_reviews (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references sentence_plans(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  reviewed_on date not null,
  notes text,
  reviewed_by_name text not null,
  created_at timestamptz not null default now()
);
create index plan_reviews_plan on plan_reviews(plan_id, reviewed_on desc);
create index plan_reviews_person on plan_reviews(person_id);

create table plan_review_progress (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references plan_reviews(id) on delete cascade,
  objective_id uuid not null references plan_objectives(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  progress text not null
    check (progress in ('not-started', 'in-progress', 'achieved', 'no-longer-relevant')),
  notes text
);
create index plan_review_progress_review on plan_review_progress(review_id);
create index plan_review_progress_person on plan_review_progress(person_id);

create table risk_management_plans (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  supervision text,
  monitoring_and_control text,
  interventions_and_treatment text,
  victim_safety_planning text,
  contingency text,
  completed_on date,
  last_reviewed_on date,
  next_review_on date,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1
);
create unique index risk_management_plans_person on risk_management_plans(person_id);

create table risk_plan_reviews (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references risk_management_plans(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  kind text not null check (kind in ('completed', 'reviewed')),
  reviewed_on date not null,
  notes text,
  next_review_on date not null,
  reviewed_by_name text not null,
  parts jsonb not null,
  created_at timestamptz not null default now()
);
create index risk_plan_reviews_plan on risk_plan_reviews(plan_id, reviewed_on desc);
create index risk_plan_reviews_person on risk_plan_reviews(person_id);
`,
  );
}
