import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database/connect.js';
import { removeExpiredHeldSubmissions } from './held-submissions.js';

export const SESSION_COOKIE = 'probity_session';

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  staffId: string | null;
  mustChangePassword: boolean;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  cookieSecure: boolean;
}

/** A session that has timed out: it no longer signs anyone in, but it still says whose it was. */
export interface ExpiredSession {
  id: string;
  userId: string;
  userName: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SignedInUser;
    sessionId?: string;
    csrfToken?: string;
    /** When the signed-in session will time out unless it is used again. */
    sessionExpiresAt?: Date;
    /** The session the cookie names, when it has timed out (never set alongside `user`). */
    expiredSession?: ExpiredSession;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Refreshing last-seen on every request would write on every read; once a minute is enough for an idle time-out. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** When a session times out: after the idle time since it was last seen, or the absolute time since sign-in. */
export function sessionExpiry(
  session: { created_at: Date; last_seen_at: Date },
  policy: Pick<SessionPolicy, 'idleMinutes' | 'absoluteHours'>,
): Date {
  const idle = session.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  const absolute = session.created_at.getTime() + policy.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

/**
 * Who the session cookie says is asking. A timed-out session signs no one in; it is marked
 * expired (for good: a clock that is behind cannot bring it back) and kept, so that a form
 * posted from it can still be held for its owner. `touch: false` reads the session without
 * counting the request as activity (the time-out warning asks how long is left that way).
 */
export async function loadSession(
  db: Db,
  request: FastifyRequest,
  policy: SessionPolicy,
  now: Date,
  options: { touch: boolean } = { touch: true },
) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expired_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.staff_id',
      'users.must_change_password',
      'users.disabled',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  if (row.disabled) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return;
  }
  if (row.expired_at || now.getTime() > sessionExpiry(row, policy).getTime()) {
    if (!row.expired_at)
      await db
        .updateTable('sessions')
        .set({ expired_at: now })
        .where('id', '=', id)
        .where('expired_at', 'is', null)
        .execute();
    request.expiredSession = {
      id,
      userId: row.user_id,
      userName: row.display_name,
      csrfToken: row.csrf_token,
    };
    return;
  }
  let lastSeen = row.last_seen_at;
  if (options.touch && now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    lastSeen = now;
  }
  request.sessionId = id;
  request.csrfToken = row.csrf_token;
  request.sessionExpiresAt = sessionExpiry({ created_at: row.created_at, last_seen_at: lastSeen }, policy);
  request.user = {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    staffId: row.staff_id,
    mustChangePassword: row.must_change_password,
  };
}

/** "Stay signed in": the session counts as used now, to the second. */
export async function refreshSession(db: Db, request: FastifyRequest, policy: SessionPolicy, now: Date) {
  if (!request.sessionId) return;
  const row = await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', request.sessionId)
    .where('expired_at', 'is', null)
    .returning(['created_at', 'last_seen_at'])
    .executeTakeFirst();
  if (row) request.sessionExpiresAt = sessionExpiry(row, policy);
}

/** Seconds until the signed-in session times out, as the time-out warning counts them. */
export function secondsLeft(request: FastifyRequest, now: Date): number {
  if (!request.user || !request.sessionExpiresAt) return 0;
  return Math.max(0, Math.floor((request.sessionExpiresAt.getTime() - now.getTime()) / 1000));
}

/**
 * Sessions whose cookie has expired too (the cookie lives as long as the absolute time-out):
 * no browser can present them any more, so nothing is lost by removing them.
 */
export async function removeStaleSessions(db: Db, policy: SessionPolicy, now: Date) {
  await db
    .deleteFrom('sessions')
    .where('created_at', '<', new Date(now.getTime() - policy.absoluteHours * 3_600_000))
    .execute();
}

export async function startSession(
  db: Db,
  reply: FastifyReply,
  userId: string,
  policy: SessionPolicy,
  now: Date,
) {
  // Signing in is frequent enough to tidy up after: sessions no cookie can name, forms no one came back for.
  await removeStaleSessions(db, policy, now);
  await removeExpiredHeldSubmissions(db, now);
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: newToken(),
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.cookieSecure,
    maxAge: policy.absoluteHours * 3600,
  });
}

export async function endSession(db: Db, request: FastifyRequest, reply: FastifyReply) {
  if (request.sessionId) await db.deleteFrom('sessions').where('id', '=', request.sessionId).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
