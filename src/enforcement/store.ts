import { sql } from 'kysely';
import type { Db } from '../platform/database/connect.js';

/** The SQL of enforcement: its own tables, and the contacts and orders it reads. */

export async function ordersOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('orders')
    .leftJoin('reference_data as t', (join) =>
      join.onRef('t.code', '=', 'orders.order_type').on('t.set_code', '=', 'order-type'),
    )
    .leftJoin('events', 'events.id', 'orders.event_id')
    .leftJoin('courts as sentencing_court', 'sentencing_court.code', 'events.court_code')
    .select([
      'sentencing_court.name as sentencing_court',
      'orders.id',
      'orders.person_id',
      'orders.order_type',
      't.description as type_description',
      'orders.sentence_date',
      'events.conviction_date',
      'orders.start_date',
      'orders.expected_end_date',
      'orders.length_months',
      'orders.custodial_term_months',
      'orders.custodial_term_days',
      'orders.release_date',
      'orders.licence_expiry_date',
      'orders.terminated_on',
    ])
    .where('orders.person_id', 'in', personIds)
    .orderBy('orders.start_date', 'desc')
    .execute();
}
export type OrderRow = Awaited<ReturnType<typeof ordersOf>>[number];

/** Contacts with an enforceable outcome, or failed to attend awaiting evidence, with any decision made. */
export async function failuresOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('contacts')
    .innerJoin('contact_outcomes as o', 'o.code', 'contacts.outcome_code')
    .innerJoin('contact_types as ct', 'ct.code', 'contacts.contact_type')
    .leftJoin('enforcement_decisions as d', (join) =>
      join.onRef('d.contact_id', '=', 'contacts.id').on('d.superseded_on', 'is', null),
    )
    .select([
      'contacts.id',
      'contacts.person_id',
      'contacts.contact_date',
      'contacts.order_id',
      'contacts.outcome_code',
      'contacts.notes',
      'contacts.sensitive',
      'contacts.location',
      'o.description as outcome_description',
      'o.enforceable as outcome_enforceable',
      'ct.description as type_description',
      'ct.national_standards',
      'ct.enforceable as type_enforceable',
      'd.id as decision_id',
      'd.action as decided_action',
      'd.decided_on',
      'd.decided_by_name',
    ])
    .where('contacts.person_id', 'in', personIds)
    .where((eb) => eb.or([eb('o.enforceable', '=', true), eb('contacts.outcome_code', '=', 'AFTA')]))
    .orderBy('contacts.contact_date')
    .execute();
}
export type FailureRow = Awaited<ReturnType<typeof failuresOf>>[number];

export async function warningsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('warnings')
    .select([
      'id',
      'person_id',
      'order_id',
      'contact_id',
      'decision_id',
      'level',
      'issued_on',
      'issued_by_name',
      'large_print',
      'withdrawn_on',
      'withdrawal_reason',
      'withdrawn_by_name',
      'row_version',
    ])
    .where('person_id', 'in', personIds)
    .orderBy('issued_on')
    .execute();
}
export type WarningRow = Awaited<ReturnType<typeof warningsOf>>[number];

export async function breachesOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('breaches')
    .leftJoin('courts', 'courts.code', 'breaches.court_code')
    .innerJoin('enforcement_decisions as d', 'd.id', 'breaches.decision_id')
    .select([
      'd.superseded_reason as failure_amended',
      'breaches.id',
      'breaches.person_id',
      'breaches.order_id',
      'breaches.decision_id',
      'breaches.state',
      'breaches.requested_on',
      'breaches.pack_due_on',
      'breaches.assessment',
      'breaches.proposal',
      'breaches.court_process',
      'breaches.warrant_reason',
      'breaches.pack_ready_on',
      'breaches.countersigned_by_user_id',
      'breaches.countersigned_by_name',
      'breaches.countersigned_on',
      'breaches.submitted_on',
      'breaches.court_code',
      'courts.name as court_name',
      'breaches.hearing_on',
      'breaches.adjournment_reason',
      'breaches.outcome',
      'breaches.outcome_notes',
      'breaches.resolved_on',
      'breaches.created_by_name',
      'breaches.row_version',
    ])
    .where('breaches.person_id', 'in', personIds)
    .orderBy('breaches.requested_on')
    .execute();
}
export type BreachRow = Awaited<ReturnType<typeof breachesOf>>[number];

export async function recallsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('recalls')
    .innerJoin('enforcement_decisions as d', 'd.id', 'recalls.decision_id')
    .select([
      'd.superseded_reason as failure_amended',
      'recalls.id',
      'recalls.person_id',
      'recalls.order_id',
      'recalls.decision_id',
      'recalls.state',
      'recalls.requested_on',
      'recalls.recommendation_due_on',
      'recalls.circumstances',
      'recalls.conditions_breached',
      'recalls.risk_now',
      'recalls.alternatives',
      'recalls.recall_type',
      'recalls.eligibility',
      'recalls.fixed_term_eligible',
      'recalls.fixed_term_days',
      'recalls.recommended_on',
      'recalls.countersigned_by_user_id',
      'recalls.countersigned_by_name',
      'recalls.countersigned_on',
      'recalls.senior_countersigned_by_user_id',
      'recalls.senior_countersigned_by_name',
      'recalls.senior_countersigned_on',
      'recalls.decision',
      'recalls.decision_reason',
      'recalls.decided_on',
      'recalls.returned_to_custody_on',
      'recalls.created_by_name',
      'recalls.row_version',
    ])
    .where('recalls.person_id', 'in', personIds)
    .orderBy('recalls.requested_on')
    .execute();
}
export type RecallRow = Awaited<ReturnType<typeof recallsOf>>[number];

/**
 * Breach hearings recorded with an outcome on the Sentence page (court appearances of
 * type BREACH), for each order of the event: they end the breach period as a breach
 * resolved here does, as the compliance counts take them.
 */
export async function breachHearingsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('court_appearances as ca')
    .innerJoin('orders', 'orders.event_id', 'ca.event_id')
    .select(['ca.person_id', 'orders.id as order_id', 'ca.appearance_date as resolved_on'])
    .where('ca.person_id', 'in', personIds)
    .where('ca.appearance_type', '=', 'BREACH')
    .where('ca.outcome', 'is not', null)
    .execute();
}

export interface EnforcementFacts {
  orders: OrderRow[];
  failures: FailureRow[];
  warnings: WarningRow[];
  breaches: BreachRow[];
  breachHearings: Array<{ person_id: string; order_id: string; resolved_on: string }>;
  recalls: RecallRow[];
}

export async function enforcementFacts(db: Db, personIds: readonly string[]): Promise<EnforcementFacts> {
  const [orders, failures, warnings, breaches, breachHearings, recalls] = await Promise.all([
    ordersOf(db, personIds),
    failuresOf(db, personIds),
    warningsOf(db, personIds),
    breachesOf(db, personIds),
    breachHearingsOf(db, personIds),
    recallsOf(db, personIds),
  ]);
  return { orders, failures, warnings, breaches, breachHearings, recalls };
}

/** The current decision on a failure (not superseded by an amended outcome). */
/** Every decision recorded on the person's failures, newest first, including those set aside by an amended outcome. */
export function decisionsOf(db: Db, personId: string) {
  return db
    .selectFrom('enforcement_decisions as d')
    .innerJoin('contacts', 'contacts.id', 'd.contact_id')
    .innerJoin('contact_types as t', 't.code', 'contacts.contact_type')
    .select([
      'd.id',
      'd.action',
      'd.required_action',
      'd.officer_reasons',
      'd.override_reason',
      'd.decided_by_name',
      'd.decided_on',
      'd.superseded_on',
      'd.superseded_reason',
      'contacts.contact_date',
      't.description as type_description',
    ])
    .where('d.person_id', '=', personId)
    .orderBy('d.decided_at', 'desc')
    .execute();
}

/** The facts of many people split by person once, so a caseload does not filter every list for every person. */
export function factsByPerson(facts: EnforcementFacts): (personId: string) => EnforcementFacts {
  const groups = new Map<string, EnforcementFacts>();
  const groupOf = (personId: string) => {
    let group = groups.get(personId);
    if (!group) {
      group = { orders: [], failures: [], warnings: [], breaches: [], breachHearings: [], recalls: [] };
      groups.set(personId, group);
    }
    return group;
  };
  for (const key of ['orders', 'failures', 'warnings', 'breaches', 'breachHearings', 'recalls'] as const)
    for (const row of facts[key]) (groupOf(row.person_id)[key] as Array<typeof row>).push(row);
  return (personId) => groups.get(personId) ?? groupOf(personId);
}

/** The current decision on a failure (not superseded by an amended outcome). */
export function decisionFor(db: Db, contactId: string) {
  return db
    .selectFrom('enforcement_decisions')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('superseded_on', 'is', null)
    .executeTakeFirst();
}

/** The person's current main address, for letters. */
export function mainAddress(db: Db, personId: string) {
  return db
    .selectFrom('person_addresses')
    .select(['building', 'street', 'district', 'town', 'county', 'postcode'])
    .where('person_id', '=', personId)
    .where('status', '=', 'main')
    .where('to_date', 'is', null)
    .orderBy('from_date', 'desc')
    .executeTakeFirst();
}

/** Current disabilities whose reasonable adjustments mention large print; removed ones no longer count. */
export async function needsLargePrint(db: Db, personId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('person_disabilities')
    .select(['reasonable_adjustments'])
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .execute();
  return rows.some((r) => /large[\s-]*print/i.test(r.reasonable_adjustments ?? ''));
}

export function requirementsOfOrder(db: Db, orderId: string) {
  return db
    .selectFrom('requirements')
    .innerJoin('requirement_types', 'requirement_types.code', 'requirements.type_code')
    .select([
      'requirement_types.description',
      'requirements.units',
      'requirement_types.unit',
      'requirements.start_date',
      'requirements.terminated_on',
    ])
    .where('requirements.order_id', '=', orderId)
    .orderBy('requirement_types.sort_order')
    .execute();
}

export function licenceConditionsOfOrder(db: Db, orderId: string) {
  return db
    .selectFrom('licence_conditions')
    .innerJoin('licence_condition_types as t', 't.code', 'licence_conditions.condition_code')
    .select(['licence_conditions.id', 't.code', 't.description', 'licence_conditions.detail'])
    .where('licence_conditions.order_id', '=', orderId)
    .where('licence_conditions.terminated_on', 'is', null)
    .orderBy('t.code')
    .execute();
}

/** Compliance to date on an order: appointments kept and failures, for the breach report. */
export async function complianceToDate(db: Db, personId: string, orderId: string) {
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('contact_outcomes as o', 'o.code', 'contacts.outcome_code')
    .select(['o.counts_as_kept', 'o.category'])
    .where('contacts.person_id', '=', personId)
    .where((eb) => eb.or([eb('contacts.order_id', '=', orderId), eb('contacts.order_id', 'is', null)]))
    .execute();
  return {
    kept: rows.filter((r) => r.counts_as_kept).length,
    acceptable: rows.filter((r) => r.category === 'acceptable-absence').length,
    unacceptable: rows.filter((r) => r.category === 'unacceptable').length,
  };
}

export async function mappaLevel(db: Db, personId: string): Promise<1 | 2 | 3 | null> {
  const row = await db
    .selectFrom('registrations')
    .select(['level'])
    .where('person_id', '=', personId)
    .where('type_code', '=', 'MAPP')
    .where('deregistered_on', 'is', null)
    .orderBy('registered_on', 'desc')
    .executeTakeFirst();
  const level = Number(/(\d)/.exec(row?.level ?? '')?.[1] ?? NaN);
  return level === 1 || level === 2 || level === 3 ? level : null;
}

export async function officerOf(db: Db, personId: string) {
  return db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select(['staff.forename', 'staff.surname', 'allocations.team_id', 'allocations.staff_id'])
    .where('allocations.person_id', '=', personId)
    .where('allocations.ended_at', 'is', null)
    .executeTakeFirst();
}

export interface EnforcementMarks {
  /** An order of the person has a breach in progress (requested, not yet resolved or withdrawn). */
  inBreach: boolean;
  /** A recall is in progress: recommended, countersigned or issued, the person not yet returned to custody. */
  recallInProgress: boolean;
}

/** Breach and recall in progress for many people in one query, for the caseloads. */
export async function enforcementMarksOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, EnforcementMarks>> {
  const marks = new Map<string, EnforcementMarks>();
  if (personIds.length === 0) return marks;
  const rows = await db
    .selectFrom('breaches')
    .select(['person_id', sql<string>`'breach'`.as('kind')])
    .where('person_id', 'in', personIds)
    .where('state', 'not in', ['resolved', 'withdrawn'])
    .union(
      db
        .selectFrom('recalls')
        .select(['person_id', sql<string>`'recall'`.as('kind')])
        .where('person_id', 'in', personIds)
        .where('state', 'not in', ['returned', 'not-recalled']),
    )
    .execute();
  for (const row of rows) {
    const mark = marks.get(row.person_id) ?? { inBreach: false, recallInProgress: false };
    if (row.kind === 'breach') mark.inBreach = true;
    else mark.recallInProgress = true;
    marks.set(row.person_id, mark);
  }
  return marks;
}

/** The stored text of the warning letters given under an order and not withdrawn, oldest first. */
export function warningLettersOfOrder(db: Db, personId: string, orderId: string) {
  return db
    .selectFrom('warnings')
    .select(['issued_on', 'level', 'letter_text'])
    .where('person_id', '=', personId)
    .where('order_id', '=', orderId)
    .where('withdrawn_on', 'is', null)
    .orderBy('issued_on')
    .execute();
}

/**
 * The activity log on an order between two dates: its own contacts, and the
 * person's contacts linked to no order. Oldest first.
 */
export function activityOfOrder(db: Db, personId: string, orderId: string, from: string, to: string) {
  return db
    .selectFrom('contacts')
    .innerJoin('contact_types as t', 't.code', 'contacts.contact_type')
    .leftJoin('contact_outcomes as o', 'o.code', 'contacts.outcome_code')
    .select([
      'contacts.contact_date',
      't.description as type_description',
      'o.description as outcome_description',
      'contacts.notes',
      'contacts.sensitive',
    ])
    .where('contacts.person_id', '=', personId)
    .where((eb) => eb.or([eb('contacts.order_id', '=', orderId), eb('contacts.order_id', 'is', null)]))
    .where('contacts.contact_date', '>=', from)
    .where('contacts.contact_date', '<=', to)
    .orderBy('contacts.starts_at')
    .execute();
}
