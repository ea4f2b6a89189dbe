import type { Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * An outcome amended or withdrawn after an enforcement decision: the decision is
 * kept, marked superseded with the reason, and a new one may open on the same
 * contact if it becomes enforceable again. Only one decision per contact is current.
 *
 * The breach pack's other documents: the order and warning letters as recorded, the
 * extract of the activity log, and the application for a summons or a warrant.
 *
 * A breach withdrawn before it reaches the court (the order was terminated, or the
 * failure amended): it ends without a court outcome, so the failure count does not restart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table enforcement_decisions add column superseded_on date;
alter table enforcement_decisions add column superseded_reason text;
alter table enforcement_decisions drop constraint enforcement_decisions_contact_id_key;
create unique index enforcement_decisions_current on enforcement_decisions(contact_id) where superseded_on is null;
alter table breaches add column court_process text check (court_process in ('summons', 'warrant'));
alter table breaches add column warrant_reason text;
alter table breaches add column order_and_warnings_pdf bytea;
alter table breaches add column activity_log_pdf bytea;
alter table breaches add column court_application_pdf bytea;
alter table breaches drop constraint breaches_state_check;
alter table breaches add constraint breaches_state_check check (state in ('requested', 'pack-ready', 'countersigned', 'submitted', 'listed', 'adjourned', 'resolved', 'withdrawn'));
`,
  );
}
