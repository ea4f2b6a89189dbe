import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from './sessions.js';

const ANONYMOUS_CSRF_COOKIE = 'probity_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
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

export function setUpCsrfProtection(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config.api) return;
    const expected = request.csrfToken ?? request.cookies[ANONYMOUS_CSRF_COOKIE];
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!expected || typeof sent !== 'string' || !sameToken(expected, sent)) {
      request.log.warn({ url: request.url }, 'form refused: missing or wrong CSRF token');
      return reply.code(403).render('platform/http/views/csrf-failed.njk', {});
    }
  });
}
