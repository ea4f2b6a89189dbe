/**
 * Registrations use cases. Each runs in one transaction: the change, its audit row, the tier
 * recalculated from the new record and the role boundary checked, so they stand or fall together.
 */
import { sql, type Kysely } from 'kysely';
import { checkRoleBoundary, type BoundaryCheck } from '../allocation/index.js';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { recalculateTier, type Recalculation } from '../tiering/index.js';
import { checkLevelAndCategory, nextReviewDate, replacesOnAdd, type FieldMessage } from './rules.js';
import * as store from './store.js';

type Trx = Kysely<Database>;

export interface Clock {
  today: string;
  now: Date;
}

export type ChangeOutcome =
  | { saved: true; id: string; tier: Recalculation; boundary: BoundaryCheck }
  | { saved: false; problems: Array<{ field: string; message: string }> };

async function afterChange(trx: Trx, actor: Actor, personId: string, cause: string, clock: Clock) {
  const tier = await recalculateTier(trx, personId, cause, clock.today, clock.now);
  const boundary = await checkRoleBoundary(trx, actor, {
    personId,
    today: clock.today,
    now: clock.now,
    cause,
  });
  return { tier, boundary };
}

export interface NewRegistration extends Clock {
  personId: string;
  typeCode: string;
  level: string | null;
  category: string | null;
  registeredOn: string;
  notes: string | null;
  staffId: string | null;
}

export async function addRegistration(db: Db, actor: Actor, input: NewRegistration): Promise<ChangeOutcome> {
  return db.transaction().execute((trx) => addRegistrationWithin(trx, actor, input));
}

/**
 * Adds a registration inside the caller's transaction (an assessment's RoSH summary registers the
 * level it worked out), with the tier and role boundary checked in the same transaction.
 */
export async function addRegistrationWithin(
  trx: Trx,
  actor: Actor,
  input: NewRegistration,
): Promise<ChangeOutcome> {
  // One change to a person's registrations at a time, so two officers cannot add the same flag twice.
  await trx
    .selectFrom('people')
    .select('id')
    .where('id', '=', input.personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const type = await store.registerType(trx, input.typeCode);
  if (!type)
    return {
      saved: false as const,
      problems: [{ field: 'type', message: 'Select the type of registration' }],
    };
  const problems: FieldMessage[] = checkLevelAndCategory(type, input);
  if (problems.length) return { saved: false as const, problems };
  const sameCategory = replacesOnAdd(type)
    ? await store.currentOfCategory(trx, input.personId, type.category)
    : [];
  const current = await trx
    .selectFrom('registrations')
    .select('id')
    .where('person_id', '=', input.personId)
    .where('type_code', '=', type.code)
    .where('deregistered_on', 'is', null)
    .executeTakeFirst();
  if (current && !replacesOnAdd(type)) {
    return {
      saved: false as const,
      problems: [
        {
          field: 'type',
          message: `This person already has a current ${type.description} registration: review it instead of adding another`,
        },
      ],
    };
  }
  for (const replaced of sameCategory) {
    await trx
      .updateTable('registrations')
      .set({
        deregistered_on: input.registeredOn,
        deregistration_reason: `Replaced by ${type.code}${input.level ? ` ${input.level}` : ''}`,
        deregistered_by_name: actor.name,
        updated_at: input.now,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', replaced.id)
      .execute();
  }
  const { id } = await trx
    .insertInto('registrations')
    .values({
      person_id: input.personId,
      type_code: type.code,
      level: input.level,
      category: input.category,
      registered_on: input.registeredOn,
      registered_by_staff_id: input.staffId,
      registered_by_name: actor.name,
      notes: input.notes,
      next_review_on: nextReviewDate(input.registeredOn, type),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'registration-added',
    personId: input.personId,
    subjectType: 'registration',
    subjectId: id,
    detail: {
      type: type.code,
      level: input.level,
      category: input.category,
      registeredOn: input.registeredOn,
      replaced: sameCategory.map((r) => r.type_code),
    },
  });
  const cause = `Registration ${type.code}${input.level ? ` ${input.level}` : ''} added by ${actor.name}`;
  return { saved: true as const, id, ...(await afterChange(trx, actor, input.personId, cause, input)) };
}

type Existing = NonNullable<Awaited<ReturnType<typeof store.findRegistration>>>;

async function lockCurrent(trx: Trx, personId: string, id: string, expectedVersion: number) {
  const row = await trx
    .selectFrom('registrations')
    .select(['id', 'row_version', 'deregistered_on'])
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return 'missing' as const;
  if (row.row_version !== expectedVersion || row.deregistered_on !== null) return 'changed' as const;
  return 'ok' as const;
}

const CHANGED_MESSAGE =
  'This registration was changed by someone else while you were working. Check it and try again';

export async function reviewRegistration(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    registration: Existing;
    expectedVersion: number;
    reviewedOn: string;
    notes: string | null;
  } & Clock,
): Promise<ChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const lock = await lockCurrent(trx, input.personId, input.registration.id, input.expectedVersion);
    if (lock !== 'ok')
      return { saved: false as const, problems: [{ field: 'form', message: CHANGED_MESSAGE }] };
    const next = nextReviewDate(input.reviewedOn, input.registration);
    await trx
      .insertInto('registration_reviews')
      .values({
        person_id: input.personId,
        registration_id: input.registration.id,
        reviewed_on: input.reviewedOn,
        reviewed_by_name: actor.name,
        notes: input.notes,
        next_review_on: next,
      })
      .execute();
    await trx
      .updateTable('registrations')
      .set({ next_review_on: next, updated_at: input.now, row_version: sql`row_version + 1` })
      .where('id', '=', input.registration.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'registration-reviewed',
      personId: input.personId,
      subjectType: 'registration',
      subjectId: input.registration.id,
      detail: { type: input.registration.type_code, reviewedOn: input.reviewedOn, nextReviewOn: next },
    });
    const cause = `Registration ${input.registration.type_code} reviewed by ${actor.name}`;
    return {
      saved: true as const,
      id: input.registration.id,
      ...(await afterChange(trx, actor, input.personId, cause, input)),
    };
  });
}

export async function removeRegistration(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    registration: Existing;
    expectedVersion: number;
    deregisteredOn: string;
    reason: string;
  } & Clock,
): Promise<ChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const lock = await lockCurrent(trx, input.personId, input.registration.id, input.expectedVersion);
    if (lock !== 'ok')
      return { saved: false as const, problems: [{ field: 'form', message: CHANGED_MESSAGE }] };
    await trx
      .updateTable('registrations')
      .set({
        deregistered_on: input.deregisteredOn,
        deregistration_reason: input.reason,
        deregistered_by_name: actor.name,
        updated_at: input.now,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.registration.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'registration-removed',
      personId: input.personId,
      subjectType: 'registration',
      subjectId: input.registration.id,
      detail: {
        type: input.registration.type_code,
        deregisteredOn: input.deregisteredOn,
        reason: input.reason,
      },
    });
    const cause = `Registration ${input.registration.type_code} removed by ${actor.name}`;
    return {
      saved: true as const,
      id: input.registration.id,
      ...(await afterChange(trx, actor, input.personId, cause, input)),
    };
  });
}
