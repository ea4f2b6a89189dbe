import type { Kysely } from 'kysely';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';

type Reader = Kysely<Database>;

export interface Option {
  code: string;
  description: string;
}

export interface SentenceLists {
  courts: Option[];
  offences: Array<Option & { ogrs3_category: string }>;
  requirementTypes: Array<{
    code: string;
    description: string;
    unit: string | null;
    minimum_units: number | null;
    maximum_units: number | null;
  }>;
  conditionTypes: Array<Option & { standard: boolean }>;
  appearanceTypes: Option[];
  terminationReasons: Option[];
  orderTypes: Option[];
}

async function referenceSet(db: Reader, setCode: string): Promise<Option[]> {
  return db
    .selectFrom('reference_data')
    .select(['code', 'description'])
    .where('set_code', '=', setCode)
    .where('active', '=', true)
    .orderBy('sort_order')
    .execute();
}

/** Every list the sentence pages choose from. */
export async function sentenceLists(db: Reader): Promise<SentenceLists> {
  const [
    courts,
    offences,
    requirementTypes,
    conditionTypes,
    appearanceTypes,
    terminationReasons,
    orderTypes,
  ] = await Promise.all([
    db
      .selectFrom('courts')
      .select(['code', 'name as description'])
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('offences')
      .select(['code', 'description', 'ogrs3_category'])
      .where('active', '=', true)
      .orderBy('description')
      .execute(),
    db
      .selectFrom('requirement_types')
      .select(['code', 'description', 'unit', 'minimum_units', 'maximum_units'])
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('licence_condition_types')
      .select(['code', 'description', 'standard'])
      .orderBy('code')
      .execute(),
    referenceSet(db, 'appearance-type'),
    referenceSet(db, 'termination-reason'),
    referenceSet(db, 'order-type'),
  ]);
  return {
    courts,
    offences,
    requirementTypes,
    conditionTypes,
    appearanceTypes,
    terminationReasons,
    orderTypes,
  };
}

export async function eventsOf(db: Reader, personId: string) {
  return db
    .selectFrom('events')
    .innerJoin('courts', 'courts.code', 'events.court_code')
    .select([
      'events.id',
      'events.event_number',
      'events.conviction_date',
      'events.court_code',
      'courts.name as court_name',
      'events.notes',
      'events.row_version',
    ])
    .where('events.person_id', '=', personId)
    .orderBy('events.event_number', 'desc')
    .execute();
}

export async function findEvent(db: Reader, personId: string, eventId: string) {
  return db
    .selectFrom('events')
    .innerJoin('courts', 'courts.code', 'events.court_code')
    .select(['events.id', 'events.event_number', 'events.conviction_date', 'courts.name as court_name'])
    .where('events.person_id', '=', personId)
    .where('events.id', '=', eventId)
    .executeTakeFirst();
}

export async function offencesOf(db: Reader, personId: string) {
  return db
    .selectFrom('event_offences')
    .innerJoin('offences', 'offences.code', 'event_offences.offence_code')
    .select([
      'event_offences.event_id',
      'event_offences.offence_code',
      'offences.description',
      'offences.ogrs3_category',
      'event_offences.main',
      'event_offences.offence_count',
    ])
    .where('event_offences.person_id', '=', personId)
    .orderBy('event_offences.main', 'desc')
    .orderBy('offences.description')
    .execute();
}

export async function appearancesOf(db: Reader, personId: string) {
  return db
    .selectFrom('court_appearances')
    .innerJoin('courts', 'courts.code', 'court_appearances.court_code')
    .leftJoin('reference_data as t', (join) =>
      join.onRef('t.code', '=', 'court_appearances.appearance_type').on('t.set_code', '=', 'appearance-type'),
    )
    .select([
      'court_appearances.id',
      'court_appearances.event_id',
      'court_appearances.appearance_date',
      'courts.name as court_name',
      'court_appearances.appearance_type',
      't.description as appearance_type_description',
      'court_appearances.outcome',
    ])
    .where('court_appearances.person_id', '=', personId)
    .orderBy('court_appearances.appearance_date')
    .execute();
}

const ORDER_COLUMNS = [
  'orders.id',
  'orders.person_id',
  'orders.event_id',
  'orders.order_type',
  'orders.sentence_date',
  'orders.start_date',
  'orders.length_months',
  'orders.expected_end_date',
  'orders.custodial_term_months',
  'orders.custodial_term_days',
  'orders.supervision_months',
  'orders.release_date',
  'orders.licence_expiry_date',
  'orders.sentence_expiry_date',
  'orders.pss_end_date',
  'orders.terminated_on',
  'orders.termination_reason',
  'orders.row_version',
  'orders.updated_by_name',
  'orders.updated_at',
] as const;

export async function ordersOf(db: Reader, personId: string) {
  return db
    .selectFrom('orders')
    .leftJoin('reference_data as r', (join) =>
      join.onRef('r.code', '=', 'orders.termination_reason').on('r.set_code', '=', 'termination-reason'),
    )
    .select([...ORDER_COLUMNS, 'r.description as termination_reason_description'])
    .where('orders.person_id', '=', personId)
    .orderBy('orders.start_date', 'desc')
    .execute();
}

export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export async function findOrder(db: Reader, personId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .select([...ORDER_COLUMNS, 'events.conviction_date', 'events.event_number'])
    .where('orders.person_id', '=', personId)
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
}

const REQUIREMENT_COLUMNS = [
  'requirements.id',
  'requirements.order_id',
  'requirements.type_code',
  'requirement_types.description as type_description',
  'requirement_types.unit',
  'requirements.units',
  'requirements.length_months',
  'requirements.days_per_week',
  'requirements.electronic_monitoring',
  'requirements.detail',
  'requirements.start_date',
  'requirements.expected_end_date',
  'requirements.terminated_on',
  'requirements.termination_reason',
  'requirements.row_version',
  'requirements.updated_by_name',
] as const;

export async function requirementRows(db: Reader, personId: string) {
  return db
    .selectFrom('requirements')
    .innerJoin('requirement_types', 'requirement_types.code', 'requirements.type_code')
    .leftJoin('reference_data as r', (join) =>
      join
        .onRef('r.code', '=', 'requirements.termination_reason')
        .on('r.set_code', '=', 'termination-reason'),
    )
    .select([...REQUIREMENT_COLUMNS, 'r.description as termination_reason_description'])
    .where('requirements.person_id', '=', personId)
    .orderBy('requirement_types.sort_order')
    .orderBy('requirements.start_date')
    .execute();
}

export async function findRequirement(db: Reader, personId: string, requirementId: string) {
  return db
    .selectFrom('requirements')
    .innerJoin('requirement_types', 'requirement_types.code', 'requirements.type_code')
    .select(REQUIREMENT_COLUMNS)
    .where('requirements.person_id', '=', personId)
    .where('requirements.id', '=', requirementId)
    .executeTakeFirst();
}

export async function licenceConditionsOf(db: Reader, personId: string) {
  return db
    .selectFrom('licence_conditions')
    .innerJoin('licence_condition_types as t', 't.code', 'licence_conditions.condition_code')
    .select([
      'licence_conditions.id',
      'licence_conditions.order_id',
      'licence_conditions.condition_code',
      't.description',
      't.standard',
      'licence_conditions.detail',
      'licence_conditions.start_date',
      'licence_conditions.terminated_on',
    ])
    .where('licence_conditions.person_id', '=', personId)
    .orderBy('t.standard', 'desc')
    .orderBy('licence_conditions.condition_code')
    .execute();
}

/** Everything on the person's sentence page, in one read. */
export async function sentenceRecord(db: Db, personId: string) {
  const [events, offences, appearances, orders, requirements, conditions] = await Promise.all([
    eventsOf(db, personId),
    offencesOf(db, personId),
    appearancesOf(db, personId),
    ordersOf(db, personId),
    requirementRows(db, personId),
    licenceConditionsOf(db, personId),
  ]);
  return { events, offences, appearances, orders, requirements, conditions };
}

export async function offenceCodeTaken(db: Reader, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('offences').select('code').where('code', '=', code).executeTakeFirst());
}

export async function allOffences(db: Reader) {
  return db
    .selectFrom('offences')
    .select(['code', 'description', 'ogrs3_category', 'active'])
    .orderBy('code')
    .execute();
}
