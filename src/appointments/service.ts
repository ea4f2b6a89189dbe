import { sql, type Transaction } from 'kysely';
import {
  acceptableAbsences,
  appointmentsKept,
  clashes,
  failuresToComply,
  nextAppointment,
  outsideTheOrder,
  rarDaysUsed,
  unpaidWorkMinutesCredited,
  type Decision,
} from '../compliance/index.js';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Viewer } from '../people/index.js';
import type { Database } from '../platform/database/schema.js';
import { reviewDecisionAfterOutcomeChange, type Who } from '../enforcement/index.js';
import { progressOf, requirementsOf } from '../sentences/index.js';
import { londonClockTime } from './time.js';
import * as store from './store.js';

/** The use cases of appointments: each one transaction, its audit row included. */

export interface NewContact {
  personId: string;
  typeCode: string;
  startsAt: Date;
  date: string;
  durationMinutes: number | null;
  location: string | null;
  staffId: string | null;
  orderId: string | null;
  requirementId: string | null;
  rarActivity: boolean;
  notes: string | null;
  sensitive: boolean;
}

export async function createContact(
  db: Db,
  actor: Actor,
  contact: NewContact,
  audit: { action: 'arranged-appointment' | 'added-contact'; warnings?: string[] },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('contacts')
      .values({
        person_id: contact.personId,
        contact_type: contact.typeCode,
        starts_at: contact.startsAt,
        contact_date: contact.date,
        duration_minutes: contact.durationMinutes,
        location: contact.location,
        staff_id: contact.staffId,
        order_id: contact.orderId,
        requirement_id: contact.requirementId,
        rar_activity: contact.rarActivity,
        notes: contact.notes,
        sensitive: contact.sensitive,
        created_by_name: actor.name,
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: audit.action,
      personId: contact.personId,
      subjectType: 'contact',
      subjectId: id,
      detail: {
        type: contact.typeCode,
        startsAt: contact.startsAt.toISOString(),
        durationMinutes: contact.durationMinutes,
        staffId: contact.staffId,
        requirementId: contact.requirementId,
        rarActivity: contact.rarActivity,
        sensitive: contact.sensitive,
        ...(audit.warnings?.length ? { warningsAccepted: audit.warnings } : {}),
      },
    });
    return id;
  });
}

export interface OutcomeInput {
  personId: string;
  contactId: string;
  expectedVersion: number;
  outcomeCode: string;
  notes: string | null;
  sensitive: boolean;
  minutesCredited: number | null;
  /** Why an outcome already recorded is being changed; null for a first outcome. */
  changeReason: string | null;
  staffId: string | null;
  now: Date;
  today: string;
}

export type OutcomeResult =
  | { saved: true; decisionSuperseded: boolean; warningsWithdrawn: number }
  | { saved: false; current: { outcome_code: string | null; updated_by_name: string; row_version: number } };

/** The outcome as it stood before a change, kept in the audit trail beside the new one. */
async function outcomeBefore(
  trx: Transaction<Database>,
  personId: string,
  contactId: string,
  version: number,
) {
  return trx
    .selectFrom('contacts')
    .select([
      'outcome_code',
      'notes',
      'sensitive',
      'minutes_credited',
      'outcome_recorded_by_name',
      'outcome_recorded_at',
    ])
    .where('id', '=', contactId)
    .where('person_id', '=', personId)
    .where('row_version', '=', version)
    .executeTakeFirst();
}

async function lostRace(trx: Transaction<Database>, contactId: string) {
  const current = await trx
    .selectFrom('contacts')
    .select(['outcome_code', 'updated_by_name', 'row_version'])
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  return { saved: false as const, current };
}

/**
 * Records an appointment's outcome, or amends one already recorded (with a reason),
 * if nobody changed the appointment since the officer opened it (optimistic locking
 * on row_version): two officers cannot both record. An amendment keeps the previous
 * outcome in the audit trail, and an enforcement decision the old outcome opened is
 * superseded when the new one no longer calls for it.
 */
export async function recordOutcome(db: Db, actor: Actor, input: OutcomeInput): Promise<OutcomeResult> {
  return db.transaction().execute(async (trx) => {
    const before = await outcomeBefore(trx, input.personId, input.contactId, input.expectedVersion);
    if (!before) return lostRace(trx, input.contactId);
    const updated = await trx
      .updateTable('contacts')
      .set({
        outcome_code: input.outcomeCode,
        outcome_recorded_at: input.now,
        outcome_recorded_by_name: actor.name,
        notes: input.notes,
        sensitive: input.sensitive,
        minutes_credited: input.minutesCredited,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.contactId)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return lostRace(trx, input.contactId);
    const amended = before.outcome_code !== null;
    await recordAudit(trx, actor, {
      action: amended ? 'amended-outcome' : 'recorded-outcome',
      personId: input.personId,
      subjectType: 'contact',
      subjectId: input.contactId,
      detail: {
        outcome: input.outcomeCode,
        sensitive: input.sensitive,
        minutesCredited: input.minutesCredited,
        ...(amended ? { reason: input.changeReason, previous: previousOf(before) } : {}),
      },
    });
    const review = amended
      ? await reviewDecisionAfterOutcomeChange(trx, whoOf(actor, input), {
          personId: input.personId,
          contactId: input.contactId,
          reason: input.changeReason ?? '',
        })
      : { superseded: false, warningsWithdrawn: 0 };
    return {
      saved: true as const,
      decisionSuperseded: review.superseded,
      warningsWithdrawn: review.warningsWithdrawn,
    };
  });
}

function previousOf(before: NonNullable<Awaited<ReturnType<typeof outcomeBefore>>>) {
  return {
    outcome: before.outcome_code,
    notes: before.notes,
    sensitive: before.sensitive,
    minutesCredited: before.minutes_credited,
    recordedBy: before.outcome_recorded_by_name,
    recordedAt: before.outcome_recorded_at ? new Date(before.outcome_recorded_at).toISOString() : null,
  };
}

function whoOf(actor: Actor, input: { staffId: string | null; now: Date; today: string }): Who {
  return { actor, userId: actor.userId, staffId: input.staffId, now: input.now, today: input.today };
}

/**
 * Withdraws an outcome recorded in error, with a reason: the appointment is left
 * without one (so it shows as overdue an outcome), the withdrawn outcome stays in
 * the audit trail, and an enforcement decision it opened is superseded.
 */
export async function withdrawOutcome(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    contactId: string;
    expectedVersion: number;
    reason: string;
    staffId: string | null;
    now: Date;
    today: string;
  },
): Promise<OutcomeResult> {
  return db.transaction().execute(async (trx) => {
    const before = await outcomeBefore(trx, input.personId, input.contactId, input.expectedVersion);
    if (!before || before.outcome_code === null) return lostRace(trx, input.contactId);
    const updated = await trx
      .updateTable('contacts')
      .set({
        outcome_code: null,
        outcome_recorded_at: null,
        outcome_recorded_by_name: null,
        minutes_credited: null,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.contactId)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return lostRace(trx, input.contactId);
    await recordAudit(trx, actor, {
      action: 'withdrew-outcome',
      personId: input.personId,
      subjectType: 'contact',
      subjectId: input.contactId,
      detail: { reason: input.reason, previous: previousOf(before) },
    });
    const review = await reviewDecisionAfterOutcomeChange(trx, whoOf(actor, input), {
      personId: input.personId,
      contactId: input.contactId,
      reason: input.reason,
    });
    return {
      saved: true as const,
      decisionSuperseded: review.superseded,
      warningsWithdrawn: review.warningsWithdrawn,
    };
  });
}

/**
 * What a new appointment should warn about: the officer or the person already
 * booked at that time, and a date outside the order. Warnings, not refusals.
 */
export async function appointmentWarnings(
  db: Db,
  proposal: {
    personId: string;
    staffId: string | null;
    startsAt: Date;
    date: string;
    durationMinutes: number | null;
    orderId: string | null;
  },
  viewer: Viewer,
): Promise<{ warnings: string[]; decisions: Array<Decision<unknown>> }> {
  // Anything starting up to 12 hours before could still be running.
  const from = new Date(proposal.startsAt.getTime() - 12 * 3_600_000);
  const to = new Date(proposal.startsAt.getTime() + Math.max(1, proposal.durationMinutes ?? 0) * 60_000);
  const [personBookings, staffBookings, orders] = await Promise.all([
    store.bookingsBetween(db, { personId: proposal.personId }, from, to, viewer),
    proposal.staffId
      ? store.bookingsBetween(db, { staffId: proposal.staffId }, from, to, viewer)
      : Promise.resolve([]),
    store.orderPeriods(db, proposal.personId),
  ]);
  const asBooking = (b: (typeof personBookings)[number], whose: string) => ({
    id: b.id,
    startsAt: new Date(b.starts_at),
    durationMinutes: b.duration_minutes,
    outcomeCategory: b.outcome_category,
    label: `${whose}: ${b.type_description} at ${londonClockTime(new Date(b.starts_at))}${b.duration_minutes ? ` for ${b.duration_minutes} minutes` : ''}`,
  });
  const personClash = clashes(
    proposal,
    personBookings.map((b) => asBooking(b, 'the person is already booked')),
  );
  const staffClash = clashes(
    proposal,
    staffBookings
      .filter((b) => b.person_id !== proposal.personId)
      .map((b) =>
        asBooking(
          b,
          b.visible
            ? `the officer is already booked with ${b.forename} ${b.surname} (${b.crn})`
            : 'the officer is already booked with someone else',
        ),
      ),
  );
  const relevantOrders = proposal.orderId
    ? orders.filter((o) => o.id === proposal.orderId)
    : orders.filter((o) => !o.terminatedOn);
  const outside = outsideTheOrder(proposal.date, relevantOrders);
  const warnings = [
    ...personClash.reasons.map((r) => `Clash: ${r}`),
    ...staffClash.reasons.map((r) => `Clash: ${r}`),
    ...(outside.answer ? outside.reasons.map((r) => `Outside the order: ${r}`) : []),
  ];
  return { warnings, decisions: [personClash, staffClash, outside] };
}

/** The order a new contact belongs to: its requirement's order, else the one current order that covers the date. */
export async function orderFor(
  db: Db,
  personId: string,
  requirementId: string | null,
  date: string,
): Promise<string | null> {
  if (requirementId) {
    const row = await db
      .selectFrom('requirements')
      .select('order_id')
      .where('id', '=', requirementId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row?.order_id ?? null;
  }
  const covering = (await store.orderPeriods(db, personId)).filter(
    (o) =>
      date >= o.startDate &&
      date <= (o.terminatedOn && o.terminatedOn < o.expectedEndDate ? o.terminatedOn : o.expectedEndDate),
  );
  return covering.length === 1 ? covering[0]!.id : null;
}

export interface RequirementProgress {
  id: string;
  description: string;
  typeCode: string;
  measure: 'rar-days' | 'unpaid-work' | 'time';
  used: number;
  of: number | null;
  percent: number | null;
  text: string;
  reasons: string[];
  source: string;
  terminated: boolean;
}

/**
 * Compliance at a glance for one person: every count with its reasons.
 * `evidenceWindowWorkingDays` is local policy (the configuration's enforcement settings).
 */
export async function complianceSummary(
  db: Db,
  personId: string,
  today: string,
  now: Date,
  evidenceWindowWorkingDays: number,
) {
  const [facts, breachEnded, requirements] = await Promise.all([
    store.contactFactsOf(db, personId),
    store.lastBreachEndedOn(db, personId),
    requirementsOf(db, personId),
  ]);
  const window = { today, lastBreachEndedOn: breachEnded, evidenceWindowWorkingDays };
  const progress: RequirementProgress[] = requirements.map((r) => {
    const base = {
      id: r.id,
      description: r.typeDescription,
      typeCode: r.typeCode,
      terminated: Boolean(r.terminatedOn),
    };
    if (r.typeCode === 'F') {
      const d = rarDaysUsed(facts, { id: r.id, maximumDays: r.units });
      return {
        ...base,
        measure: 'rar-days' as const,
        used: d.answer.used,
        of: d.answer.maximum,
        percent: d.answer.maximum
          ? Math.min(100, Math.floor((d.answer.used * 100) / d.answer.maximum))
          : null,
        text: `${d.answer.used} of ${d.answer.maximum ?? '?'} RAR days used`,
        reasons: d.reasons,
        source: d.source,
      };
    }
    if (r.typeCode === 'W') {
      const d = unpaidWorkMinutesCredited(facts, { id: r.id, orderedHours: r.units });
      const hours = Math.floor(d.answer.minutes / 60);
      const mins = d.answer.minutes % 60;
      return {
        ...base,
        measure: 'unpaid-work' as const,
        used: d.answer.minutes,
        of: d.answer.orderedMinutes,
        percent: d.answer.orderedMinutes
          ? Math.min(100, Math.floor((d.answer.minutes * 100) / d.answer.orderedMinutes))
          : null,
        text: `${hours} hours${mins ? ` ${mins} minutes` : ''} of ${r.units ?? '?'} hours credited`,
        reasons: d.reasons,
        source: d.source,
      };
    }
    const p = r.expectedEndDate
      ? progressOf(
          { start_date: r.startDate, expected_end_date: r.expectedEndDate, terminated_on: r.terminatedOn },
          today,
        )
      : null;
    return {
      ...base,
      measure: 'time' as const,
      used: p?.daysElapsed ?? 0,
      of: p?.daysTotal ?? null,
      percent: p?.percent ?? null,
      text: p ? `${p.daysElapsed} of ${p.daysTotal} days (${p.percent}%)` : 'No expected end date',
      reasons: p ? [`From ${r.startDate} to ${r.expectedEndDate}: ${p.status}`] : [],
      source: 'Time elapsed through the requirement',
    };
  });
  return {
    failures: failuresToComply(facts, window),
    absences: acceptableAbsences(facts, window),
    kept: appointmentsKept(facts, window),
    next: nextAppointment(facts, now),
    breachEnded,
    requirements: progress,
  };
}

export type ComplianceSummary = Awaited<ReturnType<typeof complianceSummary>>;
