/** The SQL for registrations (flags) and their types. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';
import type { RegisterType } from './rules.js';

type Executor = Kysely<Database>;

export function registerTypes(db: Executor): Promise<Array<RegisterType & { sort_order: number }>> {
  return db
    .selectFrom('register_types')
    .select([
      'code',
      'description',
      'category',
      'review_period_months',
      'flag_colour',
      'levels',
      'categories',
      'sort_order',
    ])
    .where('active', '=', true)
    .orderBy('sort_order')
    .execute();
}

export function registerType(db: Executor, code: string) {
  return db
    .selectFrom('register_types')
    .select([
      'code',
      'description',
      'category',
      'review_period_months',
      'flag_colour',
      'levels',
      'categories',
      'sort_order',
    ])
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

function registrationsQuery(db: Executor, personId: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
    .leftJoin('staff', 'staff.id', 'registrations.registered_by_staff_id')
    .select([
      'registrations.id',
      'registrations.type_code',
      'registrations.level',
      'registrations.category',
      'registrations.registered_on',
      'registrations.registered_by_name',
      'registrations.notes',
      'registrations.next_review_on',
      'registrations.deregistered_on',
      'registrations.deregistration_reason',
      'registrations.deregistered_by_name',
      'registrations.row_version',
      'register_types.description',
      'register_types.category as type_category',
      'register_types.flag_colour',
      'register_types.sort_order',
      'register_types.review_period_months',
    ])
    .where('registrations.person_id', '=', personId);
}

export type RegistrationRow = Awaited<ReturnType<typeof personRegistrations>>[number];

export function personRegistrations(db: Executor, personId: string) {
  return registrationsQuery(db, personId)
    .orderBy('registrations.deregistered_on', 'desc')
    .orderBy('registrations.registered_on', 'desc')
    .execute();
}

export function findRegistration(db: Executor, personId: string, id: string) {
  return registrationsQuery(db, personId).where('registrations.id', '=', id).executeTakeFirst();
}

export function reviewsOf(db: Executor, personId: string) {
  return db
    .selectFrom('registration_reviews')
    .select(['id', 'registration_id', 'reviewed_on', 'reviewed_by_name', 'notes', 'next_review_on'])
    .where('person_id', '=', personId)
    .orderBy('reviewed_on', 'desc')
    .execute();
}

/** The current registrations of the same category (RoSH, MAPPA), for replacing on add. */
export function currentOfCategory(db: Executor, personId: string, category: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('register_types', 'register_types.code', 'registrations.type_code')
    .select(['registrations.id', 'registrations.type_code'])
    .where('registrations.person_id', '=', personId)
    .where('register_types.category', '=', category as never)
    .where('registrations.deregistered_on', 'is', null)
    .execute();
}
