import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database/connect.js';

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

declare module 'fastify' {
  interface FastifyRequest {
    user?: SignedInUser;
    sessionId?: string;
    csrfToken?: string;
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

export async function loadSession(db: Db, request: FastifyRequest, policy: SessionPolicy, now: Date) {
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
  const idleExpiry = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  const absoluteExpiry = row.created_at.getTime() + policy.absoluteHours * 3_600_000;
  if (row.disabled || now.getTime() > idleExpiry || now.getTime() > absoluteExpiry) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return;
  }
  if (now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  request.sessionId = id;
  request.csrfToken = row.csrf_token;
  request.user = {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    staffId: row.staff_id,
    mustChangePassword: row.must_change_password,
  };
}

export async function startSession(
  db: Db,
  reply: FastifyReply,
  userId: string,
  policy: SessionPolicy,
  now: Date,
) {
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
