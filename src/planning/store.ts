/** The SQL of the planning capability. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';

type Reader = Kysely<Database>;

export function planOf(db: Reader, personId: string) {
  return db.selectFrom('sentence_plans').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof planOf>>>;

export function objectivesOf(db: Reader, planId: string) {
  return db
    .selectFrom('plan_objectives')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export type ObjectiveRow = Awaited<ReturnType<typeof objectivesOf>>[number];

export function findObjective(db: Reader, personId: string, id: string) {
  return db
    .selectFrom('plan_objectives')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function actionsOf(db: Reader, planId: string) {
  return db
    .selectFrom('plan_actions')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('target_date')
    .orderBy('created_at')
    .execute();
}

export type ActionRow = Awaited<ReturnType<typeof actionsOf>>[number];

export function findAction(db: Reader, personId: string, id: string) {
  return db
    .selectFrom('plan_actions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function reviewsOf(db: Reader, planId: string) {
  const [reviews, progress] = await Promise.all([
    db
      .selectFrom('plan_reviews')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('reviewed_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('plan_review_progress')
      .innerJoin('plan_reviews', 'plan_reviews.id', 'plan_review_progress.review_id')
      .select([
        'plan_review_progress.review_id',
        'plan_review_progress.objective_id',
        'plan_review_progress.progress',
        'plan_review_progress.notes',
      ])
      .where('plan_reviews.plan_id', '=', planId)
      .execute(),
  ]);
  return reviews.map((r) => ({ ...r, progress: progress.filter((p) => p.review_id === r.id) }));
}

export function riskPlanOf(db: Reader, personId: string) {
  return db
    .selectFrom('risk_management_plans')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export type RiskPlanRow = NonNullable<Awaited<ReturnType<typeof riskPlanOf>>>;

export function riskPlanReviewsOf(db: Reader, planId: string) {
  return db
    .selectFrom('risk_plan_reviews')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('reviewed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * What the sentence plan's clock reads for many people at once, in three queries bounded by the
 * people asked about: their orders, the dates their assessments were signed, and their plans.
 */
export async function planClockFacts(db: Reader, personIds: readonly string[]) {
  const ids = [...personIds];
  const [orders, assessments, plans] = await Promise.all([
    db
      .selectFrom('orders')
      .innerJoin('events', 'events.id', 'orders.event_id')
      .select([
        'orders.person_id',
        'orders.start_date',
        'orders.expected_end_date',
        'orders.pss_end_date',
        'orders.terminated_on',
        'events.event_number',
      ])
      .where('orders.person_id', 'in', ids)
      .execute(),
    db
      .selectFrom('assessments')
      .select(['person_id', 'completed_on'])
      .where('person_id', 'in', ids)
      .where('signed_at', 'is not', null)
      .where('completed_on', 'is not', null)
      .execute(),
    db
      .selectFrom('sentence_plans')
      .select(['person_id', 'started_on', 'completed_on', 'last_reviewed_on'])
      .where('person_id', 'in', ids)
      .execute(),
  ]);
  return { orders, assessments, plans };
}

export function riskPlansOf(db: Reader, personIds: readonly string[]) {
  return db
    .selectFrom('risk_management_plans')
    .select(['person_id', 'completed_on', 'next_review_on'])
    .where('person_id', 'in', [...personIds])
    .execute();
}
