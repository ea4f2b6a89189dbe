/**
 * The sentences capability's public surface: what other capabilities (appointments,
 * enforcement, unpaid work …) may use.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';
import * as store from './store.js';

export { sentenceRoutes } from './routes.js';
export { expectedEndDate, expectedEndDateInDays, progressOf, type Decision } from './rules.js';
export { OGRS3_CATEGORIES } from './categories.js';

export interface CurrentOrder {
  id: string;
  eventId: string;
  eventNumber: number;
  orderType: 'CO' | 'SSO' | 'LIC' | 'PSS';
  orderTypeDescription: string;
  sentenceDate: string;
  startDate: string;
  expectedEndDate: string;
  lengthMonths: number | null;
}

/**
 * The person's orders that have not been terminated, soonest ending first. Given
 * `today`, only those running on it: started, and not past their expected end (a
 * licence counts until its post-sentence supervision ends).
 */
export async function currentOrdersOf(
  db: Kysely<Database>,
  personId: string,
  today?: string,
): Promise<CurrentOrder[]> {
  let query = db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .leftJoin('reference_data as t', (join) =>
      join.onRef('t.code', '=', 'orders.order_type').on('t.set_code', '=', 'order-type'),
    )
    .select([
      'orders.id',
      'orders.event_id',
      'events.event_number',
      'orders.order_type',
      't.description',
      'orders.sentence_date',
      'orders.start_date',
      'orders.expected_end_date',
      'orders.length_months',
    ])
    .where('orders.person_id', '=', personId)
    .where('orders.terminated_on', 'is', null)
    .orderBy('orders.expected_end_date');
  if (today)
    query = query
      .where('orders.start_date', '<=', today)
      .where((eb) =>
        eb.or([eb('orders.expected_end_date', '>=', today), eb('orders.pss_end_date', '>=', today)]),
      );
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventNumber: r.event_number,
    orderType: r.order_type,
    orderTypeDescription: r.description ?? r.order_type,
    sentenceDate: r.sentence_date,
    startDate: r.start_date,
    expectedEndDate: r.expected_end_date,
    lengthMonths: r.length_months,
  }));
}

export interface RequirementSummary {
  id: string;
  orderId: string;
  typeCode: string;
  typeDescription: string;
  /** hours, days, months, sessions or hours-per-day; null when the type has no unit. */
  unit: string | null;
  units: number | null;
  startDate: string;
  expectedEndDate: string | null;
  terminatedOn: string | null;
}

/** Every requirement of the person, terminated ones included (check terminatedOn). */
export async function requirementsOf(db: Kysely<Database>, personId: string): Promise<RequirementSummary[]> {
  const rows = await db
    .selectFrom('requirements')
    .innerJoin('requirement_types', 'requirement_types.code', 'requirements.type_code')
    .select([
      'requirements.id',
      'requirements.order_id',
      'requirements.type_code',
      'requirement_types.description',
      'requirement_types.unit',
      'requirements.units',
      'requirements.start_date',
      'requirements.expected_end_date',
      'requirements.terminated_on',
    ])
    .where('requirements.person_id', '=', personId)
    .orderBy('requirement_types.sort_order')
    .orderBy('requirements.start_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    typeCode: r.type_code,
    typeDescription: r.description,
    unit: r.unit,
    units: r.units,
    startDate: r.start_date,
    expectedEndDate: r.expected_end_date,
    terminatedOn: r.terminated_on,
  }));
}

export interface LicenceConditionSummary {
  id: string;
  orderId: string;
  code: string;
  description: string;
  /** Standard conditions are on every licence; additional ones are chosen for the person. */
  standard: boolean;
  detail: string | null;
  startDate: string;
  terminatedOn: string | null;
}

/** Every licence condition of the person, standard and additional, ended ones included (check terminatedOn). */
export async function licenceConditionsOf(
  db: Kysely<Database>,
  personId: string,
): Promise<LicenceConditionSummary[]> {
  const rows = await store.licenceConditionsOf(db, personId);
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    code: r.condition_code,
    description: r.description,
    standard: r.standard,
    detail: r.detail,
    startDate: r.start_date,
    terminatedOn: r.terminated_on,
  }));
}
