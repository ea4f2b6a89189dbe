import { sql } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import { expectedEndDate, requirementWithinOrder } from './rules.js';
import type { NewOrder, NewRequirement, OffenceForm } from './schemas.js';

export interface NewEvent {
  convictionDate: string;
  court: string;
  mainOffence: string;
  additionalOffences: string[];
  notes: string | null;
}

/** Records a conviction with its offences: the event number is the person's next. */
export async function addEvent(db: Db, actor: Actor, personId: string, input: NewEvent): Promise<string> {
  return db.transaction().execute(async (trx) => {
    // Serialise event numbering for this person.
    await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const { next } = await trx
      .selectFrom('events')
      .select(sql<number>`coalesce(max(event_number), 0)::int + 1`.as('next'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('events')
      .values({
        person_id: personId,
        event_number: next,
        conviction_date: input.convictionDate,
        court_code: input.court,
        notes: input.notes,
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('event_offences')
      .values([
        { person_id: personId, event_id: id, offence_code: input.mainOffence, main: true },
        ...input.additionalOffences.map((code) => ({
          person_id: personId,
          event_id: id,
          offence_code: code,
          main: false,
        })),
      ])
      .execute();
    await recordAudit(trx, actor, {
      action: 'event-added',
      personId,
      subjectType: 'event',
      subjectId: id,
      detail: { eventNumber: next, ...input },
    });
    return id;
  });
}

export interface NewAppearance {
  appearanceDate: string;
  court: string;
  appearanceType: string;
  outcome: string | null;
}

export async function addAppearance(
  db: Db,
  actor: Actor,
  personId: string,
  eventId: string,
  input: NewAppearance,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('court_appearances')
      .values({
        person_id: personId,
        event_id: eventId,
        appearance_date: input.appearanceDate,
        court_code: input.court,
        appearance_type: input.appearanceType,
        outcome: input.outcome,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'court-appearance-added',
      personId,
      subjectType: 'court-appearance',
      subjectId: id,
      detail: { eventId, ...input },
    });
  });
}

/** When an order is expected to end: from its length, or its licence or supervision end date. */
export function orderExpectedEnd(order: NewOrder): string {
  switch (order.orderType) {
    case 'CO':
    case 'SSO':
      return expectedEndDate(order.startDate, order.lengthMonths!);
    case 'LIC':
      return order.licenceExpiryDate!;
    case 'PSS':
      return order.pssEndDate!;
  }
}

export async function addOrder(
  db: Db,
  actor: Actor,
  personId: string,
  eventId: string,
  order: NewOrder,
): Promise<string> {
  const expected = orderExpectedEnd(order);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('orders')
      .values({
        person_id: personId,
        event_id: eventId,
        order_type: order.orderType,
        sentence_date: order.sentenceDate,
        start_date: order.startDate,
        length_months: order.lengthMonths,
        expected_end_date: expected,
        custodial_term_months: order.custodialTermMonths,
        custodial_term_days: order.custodialTermDays,
        supervision_months: order.supervisionMonths,
        release_date: order.releaseDate,
        licence_expiry_date: order.licenceExpiryDate,
        sentence_expiry_date: order.sentenceExpiryDate,
        pss_end_date: order.pssEndDate,
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'order-added',
      personId,
      subjectType: 'order',
      subjectId: id,
      detail: { eventId, expectedEndDate: expected, ...order },
    });
    return id;
  });
}

export type AddResult = { saved: true; id: string } | { saved: false; reason: string };

/**
 * Adds a requirement, checking again inside the transaction, with the order locked,
 * that the order is still live: someone may have terminated it since the page opened.
 */
export async function addRequirement(
  db: Db,
  actor: Actor,
  personId: string,
  orderId: string,
  requirement: NewRequirement,
): Promise<AddResult> {
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['start_date', 'expected_end_date', 'terminated_on'])
      .where('id', '=', orderId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const within = requirementWithinOrder(order, requirement.startDate, requirement.expectedEndDate);
    if (!within.allowed) return { saved: false as const, reason: within.reason };
    const { id } = await trx
      .insertInto('requirements')
      .values({
        person_id: personId,
        order_id: orderId,
        type_code: requirement.typeCode,
        units: requirement.units,
        length_months: requirement.lengthMonths,
        days_per_week: requirement.daysPerWeek,
        electronic_monitoring: requirement.electronicMonitoring,
        detail: requirement.detail,
        start_date: requirement.startDate,
        expected_end_date: requirement.expectedEndDate,
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'requirement-added',
      personId,
      subjectType: 'requirement',
      subjectId: id,
      detail: { orderId, ...requirement },
    });
    return { saved: true as const, id };
  });
}

/** Adds every standard licence condition the licence does not have yet, from the licence's start. */
export async function addStandardConditions(
  db: Db,
  actor: Actor,
  personId: string,
  orderId: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['start_date', 'terminated_on'])
      .where('id', '=', orderId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (order.terminated_on) return 0;
    const missing = await trx
      .selectFrom('licence_condition_types as t')
      .select('t.code')
      .where('t.standard', '=', true)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('licence_conditions as c')
              .select('c.id')
              .whereRef('c.condition_code', '=', 't.code')
              .where('c.order_id', '=', orderId),
          ),
        ),
      )
      .orderBy('t.code')
      .execute();
    if (missing.length === 0) return 0;
    await trx
      .insertInto('licence_conditions')
      .values(
        missing.map((m) => ({
          person_id: personId,
          order_id: orderId,
          condition_code: m.code,
          start_date: order.start_date,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'licence-conditions-added',
      personId,
      subjectType: 'order',
      subjectId: orderId,
      detail: { standard: missing.map((m) => m.code) },
    });
    return missing.length;
  });
}

export async function addAdditionalCondition(
  db: Db,
  actor: Actor,
  personId: string,
  orderId: string,
  input: { conditionCode: string; detail: string; startDate: string },
): Promise<AddResult> {
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['terminated_on'])
      .where('id', '=', orderId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (order.terminated_on)
      return { saved: false as const, reason: 'The licence has been terminated: conditions cannot be added' };
    const { id } = await trx
      .insertInto('licence_conditions')
      .values({
        person_id: personId,
        order_id: orderId,
        condition_code: input.conditionCode,
        detail: input.detail,
        start_date: input.startDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'licence-condition-added',
      personId,
      subjectType: 'licence-condition',
      subjectId: id,
      detail: { orderId, ...input },
    });
    return { saved: true as const, id };
  });
}

export interface Termination {
  terminatedOn: string;
  reason: string;
}

export type TerminateResult = { saved: true } | { saved: false; changedBy: string };

/**
 * Terminates an order if nobody changed it since the page opened (optimistic
 * locking on row_version). Its open requirements and licence conditions end with it.
 */
export async function terminateOrder(
  db: Db,
  actor: Actor,
  personId: string,
  orderId: string,
  expectedVersion: number,
  input: Termination,
): Promise<TerminateResult> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('orders')
      .set({
        terminated_on: input.terminatedOn,
        termination_reason: input.reason,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', orderId)
      .where('person_id', '=', personId)
      .where('row_version', '=', expectedVersion)
      .where('terminated_on', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom('orders')
        .select('updated_by_name')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      return { saved: false as const, changedBy: current.updated_by_name };
    }
    const endedRequirements = await trx
      .updateTable('requirements')
      .set({
        terminated_on: sql`greatest(start_date, ${input.terminatedOn}::date)`,
        termination_reason: input.reason,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('order_id', '=', orderId)
      .where('terminated_on', 'is', null)
      .returning('id')
      .execute();
    await trx
      .updateTable('licence_conditions')
      .set({ terminated_on: sql`greatest(start_date, ${input.terminatedOn}::date)` })
      .where('order_id', '=', orderId)
      .where('terminated_on', 'is', null)
      .execute();
    await recordAudit(trx, actor, {
      action: 'order-terminated',
      personId,
      subjectType: 'order',
      subjectId: orderId,
      detail: { ...input, requirementsEnded: endedRequirements.map((r) => r.id) },
    });
    return { saved: true as const };
  });
}

export async function terminateRequirement(
  db: Db,
  actor: Actor,
  personId: string,
  requirementId: string,
  expectedVersion: number,
  input: Termination,
): Promise<TerminateResult> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('requirements')
      .set({
        terminated_on: input.terminatedOn,
        termination_reason: input.reason,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', requirementId)
      .where('person_id', '=', personId)
      .where('row_version', '=', expectedVersion)
      .where('terminated_on', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom('requirements')
        .select('updated_by_name')
        .where('id', '=', requirementId)
        .executeTakeFirstOrThrow();
      return { saved: false as const, changedBy: current.updated_by_name };
    }
    await recordAudit(trx, actor, {
      action: 'requirement-terminated',
      personId,
      subjectType: 'requirement',
      subjectId: requirementId,
      detail: { ...input },
    });
    return { saved: true as const };
  });
}

/** Adds an offence to the reference list, for administrators. */
export async function addOffence(db: Db, actor: Actor, offence: OffenceForm): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('offences')
      .values({ code: offence.code, description: offence.description, ogrs3_category: offence.category })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (!added) return false;
    await recordAudit(trx, actor, {
      action: 'offence-added',
      subjectType: 'offence',
      subjectId: offence.code,
      detail: { ...offence },
    });
    return true;
  });
}
