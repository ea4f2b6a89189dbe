/**
 * Forms posted after the session timed out. What was typed is kept for its owner, not thrown
 * away: they sign in again and find it back in the form, with a banner, still to be saved. A
 * held form is never applied: saving it takes a fresh post with the new session's CSRF token.
 *
 * A route opts in with `config.holdOnTimeout`, and its page at the same path (the GET) shows the
 * held fields with `takeHeldSubmission`. The post must still carry the CSRF token of the session
 * it came from: a form from elsewhere is refused as before, never held.
 */
import type { FastifyRequest } from 'fastify';
import { actorOf, recordAudit, type Actor } from '../audit/audit.js';
import type { Db } from '../database/connect.js';

/** How long a held form waits for its owner to sign in again. */
export const HELD_SUBMISSION_HOURS = 24;
/** The most forms kept for one person at a time: the latest. */
const MOST_HELD_PER_USER = 20;

export interface HoldOnTimeout {
  /**
   * The person the form is about: the held row carries their id. When it finds no one, the form
   * is about nothing that exists, and is not held.
   */
  personOf?: (request: FastifyRequest) => Promise<string | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep what a form posted after a time-out held for its owner; its GET shows it back. */
    holdOnTimeout?: HoldOnTimeout;
  }
}

export type HeldFields = Record<string, string | string[]>;

export interface HeldSubmission {
  fields: HeldFields;
  createdAt: Date;
}

/** The form's fields as posted, without its CSRF token: strings and lists of strings only. */
function fieldsOf(body: unknown): HeldFields | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const fields: HeldFields = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) fields[name] = value;
  }
  return fields;
}

/** The path a form was posted to, which is also the page that shows it. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0]!;
}

/**
 * Keeps the posted form for its owner: one held form per owner and path, the latest. Answers
 * false when the route does not hold forms or the body is not a form.
 */
export async function holdSubmission(
  db: Db,
  request: FastifyRequest,
  owner: { userId: string; name: string },
  why: 'timed-out' | 'signed-in-again',
  now: Date,
): Promise<boolean> {
  const config = request.routeOptions.config.holdOnTimeout;
  if (!config || request.method !== 'POST') return false;
  const fields = fieldsOf(request.body);
  if (!fields) return false;
  const personId = config.personOf ? await config.personOf(request) : null;
  if (config.personOf && !personId) return false;
  const path = pathOf(request);
  const expiresAt = new Date(now.getTime() + HELD_SUBMISSION_HOURS * 3_600_000);
  const actor: Actor = {
    userId: owner.userId,
    apiClientId: null,
    name: owner.name,
    address: request.ip,
    requestId: request.id,
  };
  await db.transaction().execute(async (trx) => {
    const held = await trx
      .insertInto('held_submissions')
      .values({
        user_id: owner.userId,
        person_id: personId,
        path,
        fields: JSON.stringify(fields),
        created_at: now,
        expires_at: expiresAt,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'path']).doUpdateSet({
          person_id: personId,
          fields: JSON.stringify(fields),
          created_at: now,
          expires_at: expiresAt,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .deleteFrom('held_submissions')
      .where('user_id', '=', owner.userId)
      .where(
        'id',
        'not in',
        trx
          .selectFrom('held_submissions')
          .select('id')
          .where('user_id', '=', owner.userId)
          .orderBy('created_at', 'desc')
          .limit(MOST_HELD_PER_USER),
      )
      .execute();
    // What was typed is the officer's own and goes back only to them; the trail records that
    // it was kept, and which fields, not the words.
    await recordAudit(trx, actor, {
      action: 'form-held-after-time-out',
      personId,
      subjectType: 'held-submission',
      subjectId: held.id,
      detail: { path, why, fields: Object.keys(fields) },
    });
  });
  return true;
}

/**
 * The form the signed-in user posted to this page's path after their session timed out, if
 * there is one, and only theirs. It is removed as it is taken: it is shown once.
 */
export async function takeHeldSubmission(
  db: Db,
  request: FastifyRequest,
  now: Date,
): Promise<HeldSubmission | null> {
  if (!request.user) return null;
  const row = await db
    .deleteFrom('held_submissions')
    .where('user_id', '=', request.user.id)
    .where('path', '=', pathOf(request))
    .returning(['id', 'person_id', 'fields', 'created_at', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  await recordAudit(db, actorOf(request), {
    action: 'held-form-shown',
    personId: row.person_id,
    subjectType: 'held-submission',
    subjectId: row.id,
  });
  return { fields: row.fields, createdAt: row.created_at };
}

/** Held forms nobody came back for: removed once their day is over. */
export async function removeExpiredHeldSubmissions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('held_submissions').where('expires_at', '<=', now).execute();
}

/** Whether a token is the CSRF token of another, earlier session of the same user. */
export async function isEarlierSessionToken(
  db: Db,
  userId: string,
  currentSessionId: string | undefined,
  token: string,
): Promise<boolean> {
  if (!token) return false;
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('csrf_token', '=', token)
    .where('id', '!=', currentSessionId ?? '')
    .executeTakeFirst();
  return row !== undefined;
}
