/**
 * When each person's next assessment is due, for a whole caseload in a handful of queries, each
 * bounded by the people on it (indexed by person), so the caseload stays fast at national scale.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/database/connect.js';
import { ASSESSMENT_POLICY, type AssessmentPolicy } from './policy.js';
import { assessmentClock, type AssessmentClock } from './rules.js';

export async function assessmentClocksFor(
  db: Db,
  personIds: readonly string[],
  today: string,
  policy: AssessmentPolicy = ASSESSMENT_POLICY,
): Promise<Map<string, AssessmentClock>> {
  const clocks = new Map<string, AssessmentClock>();
  if (!personIds.length) return clocks;
  const ids = [...personIds];
  const [orders, completed, open, events, registrations] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['person_id', sql<string>`max(start_date)`.as('start_date')])
      .where('person_id', 'in', ids)
      .where('terminated_on', 'is', null)
      .where('start_date', '<=', today)
      .where(sql<boolean>`greatest(expected_end_date, coalesce(pss_end_date, expected_end_date)) >= ${today}`)
      .groupBy('person_id')
      .execute(),
    db
      .selectFrom('assessments')
      .select(['person_id', sql<string>`max(completed_on)`.as('completed_on')])
      .where('person_id', 'in', ids)
      .where('completed_on', 'is not', null)
      .groupBy('person_id')
      .execute(),
    db
      .selectFrom('assessments')
      .select(['person_id', 'started_at'])
      .where('person_id', 'in', ids)
      .where('state', '<>', 'locked')
      .execute(),
    db
      .selectFrom('events')
      .select(['person_id', 'event_number', 'conviction_date'])
      .where('person_id', 'in', ids)
      .execute(),
    db
      .selectFrom('registrations')
      .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
      .select(['registrations.person_id', 'registrations.registered_on', 'register_types.description'])
      .where('registrations.person_id', 'in', ids)
      .where('registrations.type_code', 'in', [...policy.significantRegisterTypes])
      .execute(),
  ]);
  for (const id of ids) {
    clocks.set(
      id,
      assessmentClock(
        {
          today,
          supervisionStart: orders.find((o) => o.person_id === id)?.start_date ?? null,
          lastCompletedOn: completed.find((c) => c.person_id === id)?.completed_on ?? null,
          inProgressSince: open.find((o) => o.person_id === id)?.started_at.toISOString() ?? null,
          changes: [
            ...events
              .filter((e) => e.person_id === id)
              .map((e) => ({ on: e.conviction_date, what: `a new conviction (event ${e.event_number})` })),
            ...registrations
              .filter((r) => r.person_id === id)
              .map((r) => ({ on: r.registered_on, what: `a ${r.description} registration` })),
          ],
        },
        policy,
      ),
    );
  }
  return clocks;
}
