import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database/connect.js';
import { holdSubmission, isEarlierSessionToken, pathOf } from './held-submissions.js';
import { newToken } from './sessions.js';

const ANONYMOUS_CSRF_COOKIE = 'probity_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The token a form must send back. Signed-in users have one per session; before
 * sign-in a cookie carries it (double submit), so the sign-in form is covered too.
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): string {
  if (request.csrfToken) return request.csrfToken;
  const existing = request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (existing) return existing;
  const token = newToken();
  reply.setCookie(ANONYMOUS_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
  });
  request.cookies[ANONYMOUS_CSRF_COOKIE] = token;
  return token;
}

/**
 * Every form post must carry its session's token. One exception keeps a person's words: a form
 * that opted in to holding, posted from a page opened before they signed in again (another tab),
 * carries the token of their own earlier session. It is held, not applied, and the page shows it
 * back with the new session's token, to be saved with a fresh post.
 */
export function setUpCsrfProtection(app: FastifyInstance, options: { db: Db; now: () => Date }): void {
  app.addHook('preHandler', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!UNSAFE_METHODS.has(request.method) || config.api) return;
    const expected = request.csrfToken ?? request.cookies[ANONYMOUS_CSRF_COOKIE];
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!expected || typeof sent !== 'string' || !sameToken(expected, sent)) {
      if (
        request.user &&
        config.holdOnTimeout &&
        typeof sent === 'string' &&
        (await isEarlierSessionToken(options.db, request.user.id, request.sessionId, sent)) &&
        (await holdSubmission(
          options.db,
          request,
          { userId: request.user.id, name: request.user.displayName },
          'signed-in-again',
          options.now(),
        ))
      ) {
        request.log.info({ url: request.url }, 'form from an earlier session held for its owner');
        return reply.redirect(pathOf(request));
      }
      request.log.warn({ url: request.url }, 'form refused: missing or wrong CSRF token');
      if (config.json)
        return reply.code(403).send({
          saved: false,
          reason: 'form-expired',
          message: 'This form has expired. Reload the page to carry on.',
        });
      return reply.code(403).render('platform/http/views/csrf-failed.njk', {});
    }
  });
}
