import type { Db } from '../platform/database/connect.js';
import { isUuid } from '../platform/database/ids.js';

export function listUsers(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('staff', 'staff.id', 'users.staff_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.disabled',
      'users.must_change_password',
      'users.locked_until',
      'users.last_sign_in_at',
      'staff.staff_code',
    ])
    .orderBy('users.username')
    .execute();
}

export function findUser(db: Db, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst(),
  );
}

export async function staffHasAccount(db: Db, staffId: string): Promise<boolean> {
  if (!isUuid(staffId)) return false;
  return Boolean(
    await db.selectFrom('users').select('id').where('staff_id', '=', staffId).executeTakeFirst(),
  );
}

export function listApiClients(db: Db) {
  return db
    .selectFrom('api_clients')
    .select(['id', 'client_id', 'name', 'roles', 'disabled', 'created_at'])
    .orderBy('client_id')
    .execute();
}

export function findApiClient(db: Db, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('api_clients')
    .select(['id', 'client_id', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function clientIdTaken(db: Db, clientId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('api_clients').select('id').where('client_id', '=', clientId).executeTakeFirst(),
  );
}

export function userForEditing(db: Db, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'staff_id', 'roles', 'row_version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function apiClientForEditing(db: Db, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('api_clients')
    .select(['id', 'client_id', 'name', 'roles', 'disabled', 'row_version'])
    .where('id', '=', id)
    .executeTakeFirst();
}
