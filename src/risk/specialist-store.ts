/** The SQL for the specialist tools on a person's record: SARA and Risk Matrix 2000. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/database/schema.js';
import type { Rm2000RecordFacts, RecordConviction } from './rm2000-record.js';
import { SEX_OFFENDER_REGISTERS } from './rm2000-record.js';
import { SARA_ITEMS } from './sara.js';
import type { SaraAnswers, SaraItemAnswer } from './sara.js';
import type { RiskTables } from './tables.js';

type Executor = Kysely<Database>;

export type SaraRow = Selectable<RiskTables['sara_assessments']>;
export type Rm2000Row = Selectable<RiskTables['rm2000_assessments']>;

export interface Who {
  userId: string | null;
  name: string;
}

// ---------------------------------------------------------------- SARA

export interface SaraRecord {
  row: SaraRow;
  answers: SaraAnswers;
}

function answersOf(row: SaraRow, items: Array<{ item: number } & SaraItemAnswer>): SaraAnswers {
  return {
    items: Object.fromEntries(
      items.map((i) => [i.item, { code: i.code, critical: i.critical, evidence: i.evidence }]),
    ),
    riskToPartner: row.risk_to_partner,
    riskToPartnerReasons: row.risk_to_partner_reasons,
    riskToOthers: row.risk_to_others,
    riskToOthersReasons: row.risk_to_others_reasons,
  };
}

/** One SARA of one person with its items; `lock` holds the row until the transaction ends. */
export async function findSara(
  db: Executor,
  personId: string,
  id: string,
  lock = false,
): Promise<SaraRecord | undefined> {
  let query = db
    .selectFrom('sara_assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const items = await db
    .selectFrom('sara_items')
    .select(['item', 'code', 'critical', 'evidence'])
    .where('person_id', '=', personId)
    .where('sara_id', '=', id)
    .orderBy('item')
    .execute();
  return { row, answers: answersOf(row, items) };
}

type AssessmentTable = 'sara_assessments' | 'rm2000_assessments';

/** The person's assessment of this kind in progress, if any: there is at most one. */
function inProgress(db: Executor, table: AssessmentTable, personId: string) {
  return db
    .selectFrom(table)
    .select(['id', 'started_at', 'started_by_name'])
    .where('person_id', '=', personId)
    .where('state', '=', 'in-progress')
    .executeTakeFirst();
}

async function insertAssessment(db: Executor, table: AssessmentTable, personId: string, by: Who) {
  const { id } = await db
    .insertInto(table)
    .values({
      person_id: personId,
      started_by_user_id: by.userId,
      started_by_name: by.name,
      updated_by_name: by.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function saraInProgress(db: Executor, personId: string) {
  return inProgress(db, 'sara_assessments', personId);
}

/** A new SARA with its twenty items uncoded. */
export async function insertSara(db: Executor, personId: string, by: Who): Promise<string> {
  const id = await insertAssessment(db, 'sara_assessments', personId, by);
  await db
    .insertInto('sara_items')
    .values(SARA_ITEMS.map((item) => ({ person_id: personId, sara_id: id, item: item.number })))
    .execute();
  return id;
}

export async function updateSaraItems(
  db: Executor,
  personId: string,
  saraId: string,
  items: Readonly<Record<number, SaraItemAnswer>>,
): Promise<void> {
  for (const [item, answer] of Object.entries(items)) {
    await db
      .updateTable('sara_items')
      .set({ code: answer.code, critical: answer.critical, evidence: answer.evidence })
      .where('person_id', '=', personId)
      .where('sara_id', '=', saraId)
      .where('item', '=', Number(item))
      .execute();
  }
}

/** Every change of a SARA goes through here: who, when, and the next row_version. */
export function touchSara(
  db: Executor,
  saraId: string,
  by: Who,
  now: Date,
  columns: Partial<{
    risk_to_partner: SaraRow['risk_to_partner'];
    risk_to_partner_reasons: string | null;
    risk_to_others: SaraRow['risk_to_others'];
    risk_to_others_reasons: string | null;
    state: 'complete';
    completed_at: Date;
    completed_by_user_id: string | null;
    completed_by_name: string;
  }> = {},
) {
  return db
    .updateTable('sara_assessments')
    .set((eb) => ({
      ...columns,
      updated_at: now,
      updated_by_name: by.name,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', saraId)
    .execute();
}

// ---------------------------------------------------------------- Risk Matrix 2000

export function findRm2000(db: Executor, personId: string, id: string, lock = false) {
  let query = db
    .selectFrom('rm2000_assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function rm2000InProgress(db: Executor, personId: string) {
  return inProgress(db, 'rm2000_assessments', personId);
}

export function insertRm2000(db: Executor, personId: string, by: Who): Promise<string> {
  return insertAssessment(db, 'rm2000_assessments', personId, by);
}

export interface Rm2000Columns {
  risk_commencement_date: string | null;
  sexual_offence_against_male: boolean | null;
  sexual_offence_against_stranger: boolean | null;
  non_contact_sexual_conviction: boolean | null;
  never_lived_with_adult_partner: boolean | null;
  corrections: Record<string, unknown>;
}

export interface Rm2000Completion {
  inputs: Record<string, unknown>;
  result: Record<string, unknown>;
  sexual_category: Rm2000Row['sexual_category'];
  sexual_step1_category: Rm2000Row['sexual_step1_category'];
  sexual_aggravating_factors: number;
  violence_category: Rm2000Row['violence_category'];
  combined_category: Rm2000Row['combined_category'];
  completed_at: Date;
  completed_by_user_id: string | null;
  completed_by_name: string;
}

export function updateRm2000(
  db: Executor,
  id: string,
  by: Who,
  now: Date,
  answers: Rm2000Columns,
  completion?: Rm2000Completion,
) {
  return db
    .updateTable('rm2000_assessments')
    .set((eb) => ({
      ...answers,
      corrections: JSON.stringify(answers.corrections),
      ...(completion
        ? {
            ...completion,
            state: 'complete' as const,
            inputs: JSON.stringify(completion.inputs),
            result: JSON.stringify(completion.result),
          }
        : {}),
      updated_at: now,
      updated_by_name: by.name,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** What the record says that bears on RM2000: sex, date of birth, each event's offences, ARSO and ANSO registrations. */
export async function rm2000Facts(db: Executor, personId: string): Promise<Rm2000RecordFacts | undefined> {
  const person = await db
    .selectFrom('people')
    .select(['sex', 'date_of_birth'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const [offences, registrations] = await Promise.all([
    db
      .selectFrom('events')
      .leftJoin('event_offences', 'event_offences.event_id', 'events.id')
      .leftJoin('offences', 'offences.code', 'event_offences.offence_code')
      .select([
        'events.id',
        'events.event_number',
        'events.conviction_date',
        'offences.description',
        'offences.ogrs3_category',
      ])
      .where('events.person_id', '=', personId)
      .orderBy('events.event_number')
      .orderBy('event_offences.main', 'desc')
      .execute(),
    db
      .selectFrom('registrations')
      .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
      .select([
        'registrations.type_code',
        'register_types.description',
        'registrations.registered_on',
        'registrations.deregistered_on',
      ])
      .where('registrations.person_id', '=', personId)
      .where('registrations.type_code', 'in', [...SEX_OFFENDER_REGISTERS])
      .orderBy('registrations.registered_on')
      .execute(),
  ]);
  const convictions = new Map<
    string,
    RecordConviction & { offences: RecordConviction['offences'][number][] }
  >();
  for (const row of offences) {
    const conviction = convictions.get(row.id) ?? {
      eventNumber: row.event_number,
      convictionDate: row.conviction_date,
      offences: [],
    };
    if (row.description && row.ogrs3_category)
      conviction.offences.push({ description: row.description, category: row.ogrs3_category });
    convictions.set(row.id, conviction);
  }
  return {
    sex: person.sex,
    dateOfBirth: person.date_of_birth,
    convictions: [...convictions.values()],
    registrations: registrations.map((r) => ({
      typeCode: r.type_code,
      description: r.description,
      registeredOn: r.registered_on,
      deregisteredOn: r.deregistered_on,
    })),
  };
}

// ---------------------------------------------------------------- both

export function saraRows(db: Executor, personId: string) {
  return db
    .selectFrom('sara_assessments')
    .select([
      'id',
      'state',
      'started_at',
      'started_by_name',
      'completed_at',
      'completed_by_name',
      'risk_to_partner',
      'risk_to_others',
    ])
    .where('person_id', '=', personId)
    .execute();
}

export function rm2000Rows(db: Executor, personId: string) {
  return db
    .selectFrom('rm2000_assessments')
    .select([
      'id',
      'state',
      'started_at',
      'started_by_name',
      'completed_at',
      'completed_by_name',
      'sexual_category',
      'sexual_step1_category',
      'sexual_aggravating_factors',
      'violence_category',
      'combined_category',
    ])
    .where('person_id', '=', personId)
    .execute();
}
