/** The SQL of the assessment capability. */
import { sql, type Kysely } from 'kysely';
import { currentEmploymentOf } from '../people/index.js';
import type { Database } from '../platform/database/schema.js';
import type { CaseRecordFacts, RecordEvent } from './record.js';
import type { SectionState } from './rules.js';

type Reader = Kysely<Database>;

export function assessmentsOf(db: Reader, personId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('started_at', 'desc')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOf>>[number];

export function findAssessment(db: Reader, personId: string, id: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function openAssessment(db: Reader, personId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('state', '<>', 'locked')
    .executeTakeFirst();
}

/** The latest signed assessment (locked, or awaiting countersignature). */
export function latestCompleted(db: Reader, personId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('signed_at', 'is not', null)
    .orderBy('signed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function latestLocked(db: Reader, personId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('state', '=', 'locked')
    .orderBy('locked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function sectionRows(db: Reader, assessmentId: string) {
  return db.selectFrom('assessment_sections').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export type SectionRow = Awaited<ReturnType<typeof sectionRows>>[number];

export function toSectionState(row: SectionRow): SectionState {
  return {
    code: row.section_code,
    status: row.status,
    answers: row.answers,
    corrections: row.corrections,
    linkedToOffending: row.linked_to_offending,
    linkedToHarm: row.linked_to_harm,
    evidence: row.evidence,
    personsView: row.persons_view,
  };
}

/** What the assessment fills itself in with: events and offences, the current order, the main address, the flags, the employment status. */
export async function caseRecordFacts(db: Reader, personId: string, today: string): Promise<CaseRecordFacts> {
  const [eventRows, offenceRows, order, address, registrations, employment] = await Promise.all([
    db
      .selectFrom('events')
      .select(['id', 'event_number', 'conviction_date'])
      .where('person_id', '=', personId)
      .execute(),
    db
      .selectFrom('event_offences')
      .innerJoin('offences', 'offences.code', 'event_offences.offence_code')
      .select([
        'event_offences.event_id',
        'offences.description',
        'offences.ogrs3_category',
        'event_offences.offence_date',
        'event_offences.main',
      ])
      .where('event_offences.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('orders')
      .leftJoin('reference_data as t', (join) =>
        join.onRef('t.code', '=', 'orders.order_type').on('t.set_code', '=', 'order-type'),
      )
      .select(['orders.order_type', 't.description', 'orders.start_date'])
      .where('orders.person_id', '=', personId)
      .where('orders.terminated_on', 'is', null)
      .where('orders.start_date', '<=', today)
      .where(
        sql<boolean>`greatest(orders.expected_end_date, coalesce(orders.pss_end_date, orders.expected_end_date)) >= ${today}`,
      )
      .orderBy('orders.start_date', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('person_addresses')
      .select(['from_date', 'building', 'street', 'town', 'postcode'])
      .where('person_id', '=', personId)
      .where('status', '=', 'main')
      .executeTakeFirst(),
    db
      .selectFrom('registrations')
      .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
      .select(['registrations.type_code', 'register_types.description', 'registrations.registered_on'])
      .where('registrations.person_id', '=', personId)
      .where('registrations.deregistered_on', 'is', null)
      .orderBy('register_types.sort_order')
      .execute(),
    currentEmploymentOf(db, personId),
  ]);
  const events: RecordEvent[] = eventRows.map((e) => ({
    eventNumber: e.event_number,
    convictionDate: e.conviction_date,
    offences: offenceRows
      .filter((o) => o.event_id === e.id)
      .map((o) => ({
        description: o.description,
        category: o.ogrs3_category,
        offenceDate: o.offence_date,
        main: o.main,
      })),
  }));
  return {
    events,
    currentOrder: order
      ? {
          orderType: order.order_type,
          description: order.description ?? order.order_type,
          startDate: order.start_date,
        }
      : null,
    mainAddress: address
      ? {
          since: address.from_date,
          summary: [address.building, address.street, address.town, address.postcode]
            .filter(Boolean)
            .join(', '),
        }
      : null,
    registrations: registrations.map((r) => ({
      code: r.type_code,
      description: r.description,
      since: r.registered_on,
    })),
    employment: employment
      ? {
          description: employment.description,
          employer: employment.employer,
          since: employment.since,
          kind: employment.kind,
        }
      : null,
  };
}

export function personFacts(db: Reader, personId: string) {
  return db
    .selectFrom('people')
    .select(['sex', 'date_of_birth'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
    .then((p) => ({
      sex: p.sex === 'F' ? ('female' as const) : ('male' as const),
      dateOfBirth: p.date_of_birth,
    }));
}

/** Significant changes since a date, for the review clock: new convictions and registrations. */
export async function significantChanges(
  db: Reader,
  personId: string,
  registerTypes: readonly string[],
): Promise<Array<{ on: string; what: string }>> {
  const [events, registrations] = await Promise.all([
    db
      .selectFrom('events')
      .select(['event_number', 'conviction_date'])
      .where('person_id', '=', personId)
      .execute(),
    db
      .selectFrom('registrations')
      .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
      .select(['registrations.registered_on', 'register_types.description'])
      .where('registrations.person_id', '=', personId)
      .where('registrations.type_code', 'in', [...registerTypes])
      .execute(),
  ]);
  return [
    ...events.map((e) => ({ on: e.conviction_date, what: `a new conviction (event ${e.event_number})` })),
    ...registrations.map((r) => ({ on: r.registered_on, what: `a ${r.description} registration` })),
  ];
}
