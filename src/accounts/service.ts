import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import { hashToken, newToken } from '../platform/http/sessions.js';
import { hashPassword, spendTimeLikeAVerify, verifyPassword } from './passwords.js';
import { afterFailedSignIn, isLocked, oneTimePassword, type LockoutPolicy } from './rules.js';

export type SignInResult =
  | { outcome: 'signed-in'; userId: string; mustChangePassword: boolean }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'locked'; lockedUntil: Date }
  | { outcome: 'too-many-attempts' };

interface SignInPolicy extends LockoutPolicy {
  attemptsPerAddressPer15Minutes: number;
}

async function failedAttemptsFromAddressRecently(db: Db, address: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 15 * 60_000);
  const row = await db
    .selectFrom('sign_in_attempts')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('address', '=', address)
    .where('attempted_at', '>', since)
    .where('succeeded', '=', false)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function signIn(
  db: Db,
  input: { username: string; password: string; address: string; now: Date; policy: SignInPolicy },
): Promise<SignInResult> {
  const { now, address, policy } = input;
  const username = input.username.trim().toLowerCase();
  // Every attempt is written down first, as a failure until it succeeds, and only then counted:
  // attempts sent all at once each see the others, so none slips under the limit.
  const attempt = await db
    .insertInto('sign_in_attempts')
    .values({ address, username, attempted_at: now, succeeded: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  if ((await failedAttemptsFromAddressRecently(db, address, now)) > policy.attemptsPerAddressPer15Minutes) {
    return { outcome: 'too-many-attempts' };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'password_hash', 'locked_until', 'disabled', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirst();
  const actor: Actor = {
    userId: user?.id ?? null,
    apiClientId: null,
    name: user?.display_name ?? username,
    address,
    requestId: null,
  };

  if (!user || user.disabled) {
    await spendTimeLikeAVerify(input.password);
    return { outcome: 'wrong-credentials' };
  }
  if (isLocked(user.locked_until, now)) return { outcome: 'locked', lockedUntil: user.locked_until! };
  // Take one of the attempts the account allows before the (slow) password check, in one
  // statement: guesses sent all at once are then counted as they arrive, and no more than
  // the limit are ever checked before the lock.
  const claimed = await db
    .updateTable('users')
    .set({ failed_sign_ins: sql`failed_sign_ins + 1` })
    .where('id', '=', user.id)
    .where('failed_sign_ins', '<', policy.maxFailuresBeforeLock)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_sign_ins')
    .executeTakeFirst();
  if (!claimed) {
    const current = await db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    return {
      outcome: 'locked',
      lockedUntil: current.locked_until ?? new Date(now.getTime() + policy.lockMinutes * 60_000),
    };
  }
  const correct = await verifyPassword(user.password_hash, input.password);
  return db.transaction().execute(async (trx) => {
    if (!correct) {
      // This failure is already counted (the claim); lock when it was the last one allowed.
      const next = afterFailedSignIn(claimed.failed_sign_ins - 1, now, policy);
      if (next.lockedUntil) {
        await trx
          .updateTable('users')
          .set({ failed_sign_ins: next.failures, locked_until: next.lockedUntil })
          .where('id', '=', user.id)
          .execute();
      }
      await recordAudit(trx, actor, {
        action: next.lockedUntil ? 'account-locked' : 'sign-in-failed',
        subjectType: 'user',
        subjectId: user.id,
      });
      return next.lockedUntil
        ? { outcome: 'locked' as const, lockedUntil: next.lockedUntil }
        : { outcome: 'wrong-credentials' as const };
    }
    await trx
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: now })
      .where('id', '=', user.id)
      .execute();
    await trx.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attempt.id).execute();
    await recordAudit(trx, actor, { action: 'signed-in', subjectType: 'user', subjectId: user.id });
    return { outcome: 'signed-in' as const, userId: user.id, mustChangePassword: user.must_change_password };
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string | undefined },
): Promise<'changed' | 'wrong-current-password'> {
  const user = await db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) return 'wrong-current-password';
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: false,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.userId)
      .execute();
    // A changed password ends every other session of the account.
    let others = trx.deleteFrom('sessions').where('user_id', '=', input.userId);
    if (input.keepSessionId) others = others.where('id', '!=', input.keepSessionId);
    await others.execute();
    await recordAudit(trx, actor, {
      action: 'password-changed',
      subjectType: 'user',
      subjectId: input.userId,
    });
  });
  return 'changed';
}

export function newOneTimePassword(): string {
  return oneTimePassword(randomBytes(16));
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { username: string; displayName: string; staffId: string | null; roles: string[] },
): Promise<{ userId: string; oneTimePassword: string }> {
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        username: input.username.toLowerCase(),
        display_name: input.displayName,
        staff_id: input.staffId,
        roles: input.roles,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'user-created',
      subjectType: 'user',
      subjectId: id,
      detail: { username: input.username, roles: input.roles, staffId: input.staffId },
    });
    return { userId: id, oneTimePassword: password };
  });
}

export async function resetPassword(db: Db, actor: Actor, userId: string): Promise<string> {
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_sign_ins: 0,
        locked_until: null,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, { action: 'password-reset', subjectType: 'user', subjectId: userId });
  });
  return password;
}

export async function setUserDisabled(
  db: Db,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        disabled,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', userId)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, {
      action: disabled ? 'user-disabled' : 'user-enabled',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

export async function createApiClient(
  db: Db,
  actor: Actor,
  input: { clientId: string; name: string; roles: string[] },
): Promise<{ secret: string }> {
  const secret = newToken();
  const secretHash = await hashPassword(secret);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('api_clients')
      .values({ client_id: input.clientId, name: input.name, roles: input.roles, secret_hash: secretHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'api-client-created',
      subjectType: 'api-client',
      subjectId: id,
      detail: input,
    });
  });
  return { secret };
}

export async function setApiClientDisabled(
  db: Db,
  actor: Actor,
  id: string,
  disabled: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('api_clients')
      .set({
        disabled,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', id)
      .execute();
    if (disabled) await trx.deleteFrom('api_tokens').where('api_client_id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: disabled ? 'api-client-disabled' : 'api-client-enabled',
      subjectType: 'api-client',
      subjectId: id,
    });
  });
}

export type ApiClientUpdate =
  | { saved: true }
  | {
      saved: false;
      changedAt: Date;
      changedBy: string;
      current: { name: string; roles: string[]; rowVersion: number };
    };

/**
 * Changes an API client's name and roles unless someone changed it since it was opened.
 * Its tokens end, so new roles take effect at once: the client asks for a new token.
 */
export async function updateApiClient(
  db: Db,
  actor: Actor,
  input: { id: string; expectedVersion: number; name: string; roles: string[] },
): Promise<ApiClientUpdate> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('api_clients')
      .set({
        name: input.name,
        roles: input.roles,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.id)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom('api_clients')
        .select(['name', 'roles', 'row_version', 'updated_at', 'updated_by_name'])
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow();
      return {
        saved: false as const,
        changedAt: current.updated_at,
        changedBy: current.updated_by_name ?? 'someone else',
        current: { name: current.name, roles: current.roles, rowVersion: current.row_version },
      };
    }
    await trx.deleteFrom('api_tokens').where('api_client_id', '=', input.id).execute();
    await recordAudit(trx, actor, {
      action: 'api-client-changed',
      subjectType: 'api-client',
      subjectId: input.id,
      detail: { name: input.name, roles: input.roles },
    });
    return { saved: true as const };
  });
}

/** OAuth 2 client credentials: a short-lived bearer token for a known, enabled client with the right secret. */
export async function issueApiToken(
  db: Db,
  input: { clientId: string; secret: string; now: Date; lifetimeMinutes: number; address: string },
): Promise<{ accessToken: string; expiresIn: number } | null> {
  const client = await db
    .selectFrom('api_clients')
    .select(['id', 'secret_hash', 'disabled', 'client_id'])
    .where('client_id', '=', input.clientId)
    .executeTakeFirst();
  if (!client || client.disabled) {
    await spendTimeLikeAVerify(input.secret);
    return null;
  }
  if (!(await verifyPassword(client.secret_hash, input.secret))) return null;
  const token = newToken();
  const expiresAt = new Date(input.now.getTime() + input.lifetimeMinutes * 60_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('api_tokens')
      .where('api_client_id', '=', client.id)
      .where('expires_at', '<', input.now)
      .execute();
    await trx
      .insertInto('api_tokens')
      .values({
        token_hash: hashToken(token),
        api_client_id: client.id,
        issued_at: input.now,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(
      trx,
      {
        userId: null,
        apiClientId: client.id,
        name: `API client ${client.client_id}`,
        address: input.address,
        requestId: null,
      },
      { action: 'api-token-issued', subjectType: 'api-client', subjectId: client.id },
    );
  });
  return { accessToken: token, expiresIn: input.lifetimeMinutes * 60 };
}

export interface UserVersion {
  displayName: string;
  staffId: string | null;
  roles: string[];
}

export type UserUpdate =
  | { saved: true }
  | { saved: false; changedAt: Date; changedBy: string; current: UserVersion & { rowVersion: number } };

/** Changes a user's name, staff link and roles, unless someone else changed the account since it was opened. */
export async function updateUser(
  db: Db,
  actor: Actor,
  input: {
    userId: string;
    expectedVersion: number;
    displayName: string;
    staffId: string | null;
    roles: string[];
  },
): Promise<UserUpdate> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        display_name: input.displayName,
        staff_id: input.staffId,
        roles: input.roles,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.userId)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom('users')
        .select(['updated_at', 'updated_by_name', 'display_name', 'staff_id', 'roles', 'row_version'])
        .where('id', '=', input.userId)
        .executeTakeFirstOrThrow();
      return {
        saved: false as const,
        changedAt: current.updated_at,
        changedBy: current.updated_by_name ?? 'someone else',
        current: {
          displayName: current.display_name,
          staffId: current.staff_id,
          roles: current.roles,
          rowVersion: current.row_version,
        },
      };
    }
    // New roles take effect at the next sign-in: end the user's sessions now.
    await trx.deleteFrom('sessions').where('user_id', '=', input.userId).execute();
    await recordAudit(trx, actor, {
      action: 'user-changed',
      subjectType: 'user',
      subjectId: input.userId,
      detail: { displayName: input.displayName, staffId: input.staffId, roles: input.roles },
    });
    return { saved: true as const };
  });
}
