import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.code && (UNREACHABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(
      e.message ?? '',
    )
  )
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

function wantsProblemJson(request: FastifyRequest): boolean {
  return (
    Boolean(request.routeOptions.config?.api || request.routeOptions.config?.json) ||
    request.url.startsWith('/api/')
  );
}

async function sendUnavailable(request: FastifyRequest, reply: FastifyReply) {
  reply.header('Retry-After', '30');
  if (wantsProblemJson(request))
    return reply.problem(503, 'Service unavailable', 'The database cannot be reached.');
  return reply.code(503).render('platform/http/views/unavailable.njk', {});
}

/** GOV.UK-style 404, 500 and 503 pages; problem+json on the API. A stack trace never reaches a user. */
export function setUpErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler({ preHandler: undefined }, async (request, reply) => {
    if (wantsProblemJson(request))
      return reply.problem(404, 'Not found', `There is nothing at ${request.url}.`);
    return reply.code(404).render('platform/http/views/not-found.njk', {});
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return sendUnavailable(request, reply);
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected error');
    if (wantsProblemJson(request)) {
      return reply.problem(
        status,
        status === 500 ? 'Internal server error' : 'Bad request',
        status === 500 ? 'Something went wrong. It has been logged.' : error.message,
      );
    }
    if (status === 404) return reply.code(404).render('platform/http/views/not-found.njk', {});
    if (status < 500) {
      return reply.code(status).render('platform/http/views/server-error.njk', { requestId: request.id });
    }
    return reply.code(500).render('platform/http/views/server-error.njk', { requestId: request.id });
  });
}

export { sendUnavailable };
