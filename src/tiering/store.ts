/** The SQL behind the tier of a person on probation: the record's inputs and the tier's history. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';

type Executor = Kysely<Database>;

export interface CurrentRegistration {
  type_code: string;
  description: string;
  category: string;
  level: string | null;
  registered_on: string;
}

/** The person's current registrations (not deregistered, already started). */
export function currentRegistrations(db: Executor, personId: string, today: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
    .select([
      'registrations.type_code',
      'register_types.description',
      'register_types.category',
      'registrations.level',
      'registrations.registered_on',
    ])
    .where('registrations.person_id', '=', personId)
    .where('registrations.deregistered_on', 'is', null)
    .where('registrations.registered_on', '<=', today)
    .orderBy('register_types.sort_order')
    .execute() as Promise<CurrentRegistration[]>;
}

/**
 * Requirements that restrict rather than rehabilitate, after hmpps-tier: an order holding only
 * these (or none) gives no mandate for change. Local configuration with documented defaults.
 */
export const RESTRICTIVE_REQUIREMENT_TYPES: readonly string[] = [
  'W', // unpaid work
  'PCUR', // curfew
  'PEXC', // exclusion
  'PPRO', // prohibited activity
  'PFTP', // foreign travel prohibition
  'PRES', // residence
  'PAAM', // alcohol abstinence and monitoring
];

export interface CurrentOrder {
  id: string;
  order_type: string;
  start_date: string;
  rehabilitative_requirements: number;
}

/** Orders running today, each with its count of current requirements that are not restrictive. */
export function currentOrders(db: Executor, personId: string, today: string) {
  return db
    .selectFrom('orders')
    .select((eb) => [
      'orders.id',
      'orders.order_type',
      'orders.start_date',
      eb
        .selectFrom('requirements')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('requirements.order_id', '=', 'orders.id')
        .where('requirements.terminated_on', 'is', null)
        .where('requirements.type_code', 'not in', [...RESTRICTIVE_REQUIREMENT_TYPES])
        .as('rehabilitative_requirements'),
    ])
    .where('orders.person_id', '=', personId)
    .where('orders.terminated_on', 'is', null)
    .where('orders.start_date', '<=', today)
    .where(
      sql<boolean>`greatest(orders.expected_end_date, coalesce(orders.licence_expiry_date, orders.expected_end_date), coalesce(orders.pss_end_date, orders.expected_end_date)) >= ${today}`,
    )
    .orderBy('orders.start_date')
    .execute() as Promise<CurrentOrder[]>;
}

export function personSex(db: Executor, personId: string) {
  return db
    .selectFrom('people')
    .select('sex')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
    .then((row) => row.sex);
}

export function latestTier(db: Executor, personId: string) {
  return db
    .selectFrom('tier_calculations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('calculated_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** The latest tier of each of many people, in one query, for lists such as a caseload. People with none are left out. */
export async function latestTiersOf(
  db: Executor,
  personIds: readonly string[],
): Promise<Map<string, { tier: string; calculatedAt: Date }>> {
  const tiers = new Map<string, { tier: string; calculatedAt: Date }>();
  if (!personIds.length) return tiers;
  const rows = await db
    .selectFrom('tier_calculations')
    .select(['person_id', 'tier', 'calculated_at'])
    .distinctOn('person_id')
    .where('person_id', 'in', [...personIds])
    .orderBy('person_id')
    .orderBy('calculated_at', 'desc')
    .orderBy('id')
    .execute();
  for (const r of rows) tiers.set(r.person_id, { tier: r.tier, calculatedAt: r.calculated_at });
  return tiers;
}

export function tierHistory(db: Executor, personId: string) {
  return db
    .selectFrom('tier_calculations')
    .select([
      'id',
      'calculated_at',
      'tier',
      'protect_points',
      'protect_level',
      'change_points',
      'change_level',
      'reason',
    ])
    .where('person_id', '=', personId)
    .orderBy('calculated_at', 'desc')
    .limit(200)
    .execute();
}

export function insertTier(
  db: Executor,
  row: {
    person_id: string;
    calculated_at: Date;
    protect_points: number;
    protect_level: string;
    change_points: number;
    change_level: number;
    tier: string;
    explanation: unknown[];
    inputs: Record<string, unknown>;
    reason: string;
  },
) {
  return db
    .insertInto('tier_calculations')
    .values({ ...row, explanation: JSON.stringify(row.explanation), inputs: JSON.stringify(row.inputs) })
    .execute();
}

/** The tier's inputs kept by the latest signed assessment (see assessment/summary.ts, AssessmentTierInputs). */
export interface AssessedTierInputs {
  needs: Record<string, 'none' | 'standard' | 'severe'>;
  ogrsPercent: number | null;
  rsr: number | null;
  parentingConcerns: boolean;
  impulsivityOrTemper: boolean;
}

export function latestSignedAssessment(db: Executor, personId: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'completed_on', 'assessment_type', 'snapshot'])
    .where('person_id', '=', personId)
    .where('signed_at', 'is not', null)
    .orderBy('signed_at', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((row) =>
      row && row.completed_on
        ? {
            id: row.id,
            completedOn: row.completed_on,
            type: row.assessment_type,
            inputs: (row.snapshot as { tierInputs?: AssessedTierInputs } | null)?.tierInputs ?? null,
          }
        : null,
    );
}

/** A breach requested or a recall decided on or after `since`, for the women's factor. */
export async function breachOrRecallSince(db: Executor, personId: string, since: string) {
  const [breach, recall] = await Promise.all([
    db
      .selectFrom('breaches')
      .select('requested_on')
      .where('person_id', '=', personId)
      .where('requested_on', '>=', since)
      .orderBy('requested_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('recalls')
      .select('decided_on')
      .where('person_id', '=', personId)
      .where('decision', '=', 'recall')
      .where('decided_on', '>=', since)
      .orderBy('decided_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (breach) return `a breach requested on ${breach.requested_on}`;
  if (recall?.decided_on) return `a recall on ${recall.decided_on}`;
  return null;
}
