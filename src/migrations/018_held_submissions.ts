import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * What an officer typed into a form when their session had timed out, kept for a day so it can
 * be shown back to them (and only them) after they sign in again. Never applied by itself: it
 * goes back into the form, and a fresh post with a valid CSRF token saves it.
 *
 * A session that times out is now marked expired rather than deleted, so that a form posted from
 * another tab afterwards still says whose it was; expired rows are removed once the cookie that
 * carries them has expired too (the absolute time-out).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table sessions add column expired_at timestamptz;
create index sessions_created on sessions(created_at);

create table held_submissions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  path text not null,
  fields jsonb not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create unique index held_submissions_user_path on held_submissions(user_id, path);
create index held_submissions_expiry on held_submissions(expires_at);
create index held_submissions_person on held_submissions(person_id);
`,
  );
}
