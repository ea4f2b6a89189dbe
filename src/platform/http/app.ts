import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { isAllowed, requireEveryRouteToDeclareAccess, sendForbidden } from './access.js';
import { loadApiClient } from './api-auth.js';
import { setUpStaticResources } from './assets.js';
import type { AppContext } from './context.js';
import { sameToken, setUpCsrfProtection } from './csrf.js';
import { isDatabaseUnavailable, sendUnavailable, setUpErrorHandling } from './errors.js';
import { holdSubmission, pathOf } from './held-submissions.js';
import { OpenApiRegistry } from './openapi.js';
import { setUpProblemDetails } from './problem.js';
import { setUpWebSecurity } from './security.js';
import { loadSession } from './sessions.js';
import { createTemplateEnvironment, setUpViews, type NavigationItem } from './views.js';

export type RouteModule = (app: FastifyInstance, context: AppContext) => void | Promise<void>;

export interface AppOptions {
  context: AppContext;
  routes: RouteModule[];
  navigation: NavigationItem[];
  /** Functions and values every template may use. */
  templateGlobals?: Record<string, unknown>;
  logger?: FastifyServerOptions['logger'];
}

function setUpHealthCheck(app: FastifyInstance, context: AppContext) {
  app.get('/health', { config: { allow: 'public' } }, async (_request, reply) => {
    try {
      await context.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok', database: 'reachable' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}

/** Who is asking: a session cookie for pages, a bearer token for the API. */
function setUpIdentity(app: FastifyInstance, context: AppContext) {
  const policy = {
    idleMinutes: context.config.session.idleMinutes,
    absoluteHours: context.config.session.absoluteHours,
    cookieSecure: context.config.cookieSecure,
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url === '/health') return;
    try {
      if (request.url.startsWith('/api/')) await loadApiClient(context.db, request, context.now());
      else
        await loadSession(context.db, request, policy, context.now(), {
          touch: !request.routeOptions.config.sessionProbe,
        });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return sendUnavailable(request, reply);
      throw error;
    }
  });
}

/** Where sign-in should lead back to: the page itself, or home when the request was a post with no page. */
function returnPathFor(app: FastifyInstance, request: FastifyRequest): string {
  if (request.method === 'GET') return request.url;
  const page = request.routeOptions.url;
  return page && app.hasRoute({ method: 'GET', url: page }) ? pathOf(request) : '/';
}

/**
 * A form posted from a session that has timed out, with that session's own CSRF token, on a
 * route that holds forms: what was typed is kept for the session's owner.
 */
async function holdForOwnerOfExpiredSession(context: AppContext, request: FastifyRequest): Promise<boolean> {
  const expired = request.expiredSession;
  if (!expired || request.method !== 'POST' || !request.routeOptions.config.holdOnTimeout) return false;
  const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || !sameToken(expired.csrfToken, sent)) return false;
  return holdSubmission(
    context.db,
    request,
    { userId: expired.userId, name: expired.userName },
    'timed-out',
    context.now(),
  );
}

function setUpAuthorisation(app: FastifyInstance, context: AppContext) {
  app.addHook('preHandler', async (request, reply) => {
    const config = request.routeOptions.config;
    const allow = config.allow ?? 'public';
    if (allow === 'public') return;
    if (!request.user && !request.apiClient) {
      if (config.api) {
        reply.header('WWW-Authenticate', 'Bearer');
        return reply.problem(401, 'Unauthorised', 'Send a bearer token from POST /api/v1/oauth/token.');
      }
      if (config.json)
        return reply
          .code(401)
          .send({ saved: false, reason: 'signed-out', message: 'You have been signed out.' });
      if (await holdForOwnerOfExpiredSession(context, request)) {
        return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(pathOf(request))}&timedOut=kept`);
      }
      const timedOut = request.expiredSession ? '&timedOut=yes' : '';
      return reply.redirect(
        `/sign-in?returnTo=${encodeURIComponent(returnPathFor(app, request))}${timedOut}`,
      );
    }
    if (request.user?.mustChangePassword && !config.allowDuringPasswordChange) {
      return reply.redirect('/change-password');
    }
    if (!isAllowed(allow, request)) return sendForbidden(request, reply);
  });
}

/** The start-up order reads as a list of small steps; each lives in its own file. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { context } = options;
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    // Only the configured proxies may say who the client is (PROBITY_TRUST_PROXY).
    trustProxy: context.config.trustProxy,
    bodyLimit: 1_048_576,
  };
  const app = Fastify(serverOptions);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  requireEveryRouteToDeclareAccess(app);
  app.decorate('openapi', new OpenApiRegistry());
  setUpProblemDetails(app);
  setUpWebSecurity(app, { secureCookies: context.config.cookieSecure });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await setUpStaticResources(app);
  setUpViews(app, {
    navigation: options.navigation,
    secureCookies: context.config.cookieSecure,
    environment: createTemplateEnvironment(options.templateGlobals),
    sessionIdleMinutes: context.config.session.idleMinutes,
  });
  setUpHealthCheck(app, context);
  setUpIdentity(app, context);
  setUpAuthorisation(app, context);
  setUpCsrfProtection(app, { db: context.db, now: () => context.now() });
  setUpErrorHandling(app);
  for (const routes of options.routes) await routes(app, context);
  return app;
}
