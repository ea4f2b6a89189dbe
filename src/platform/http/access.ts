import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Who may use a route: 'public', 'signed-in' (any role), or a list of roles. */
export type Allow = 'public' | 'signed-in' | readonly string[];

declare module 'fastify' {
  interface FastifyContextConfig {
    allow?: Allow;
    /** API routes answer problem+json and authenticate with bearer tokens. */
    api?: boolean;
    /** Pages a user who must change their password may still open. */
    allowDuringPasswordChange?: boolean;
    /**
     * Answers the page's own script in JSON (autosave, the time-out warning): signed out is 401
     * and an expired form 403, in JSON, rather than a redirect or a page.
     */
    json?: boolean;
    /** Reads the session without counting the request as activity (asking how long is left). */
    sessionProbe?: boolean;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  allow: Allow;
  api: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and who may use it: the access tests walk this list. */
    declaredRoutes: DeclaredRoute[];
  }
}

/** Every route must say who may use it; a route that forgets fails at start-up, not in production. */
export function requireEveryRouteToDeclareAccess(app: FastifyInstance): void {
  app.decorate('declaredRoutes', [] as DeclaredRoute[]);
  app.addHook('onRoute', (route) => {
    const config = route.config as { allow?: Allow; api?: boolean } | undefined;
    const isStatic = route.url.startsWith('/assets');
    if (!isStatic && config?.allow !== undefined && route.method !== 'HEAD') {
      for (const method of [route.method].flat()) {
        app.declaredRoutes.push({
          method: String(method),
          url: route.url,
          allow: config.allow,
          api: Boolean(config.api),
        });
      }
    }
    if (!isStatic && route.method !== 'HEAD' && config?.allow === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare who may use it`);
    }
  });
}

export function rolesOf(request: FastifyRequest): readonly string[] {
  return request.user?.roles ?? request.apiClient?.roles ?? [];
}

export function isAllowed(allow: Allow, request: FastifyRequest): boolean {
  if (allow === 'public') return true;
  const roles = rolesOf(request);
  if (!request.user && !request.apiClient) return false;
  if (allow === 'signed-in') return true;
  return allow.some((role) => roles.includes(role));
}

export function hasRole(request: FastifyRequest, ...roles: string[]): boolean {
  return roles.some((r) => rolesOf(request).includes(r));
}

export async function sendForbidden(request: FastifyRequest, reply: FastifyReply, message?: string) {
  if (request.routeOptions.config.api) {
    return reply.problem(403, 'Forbidden', message ?? 'This client is not allowed to use this endpoint.');
  }
  return reply.code(403).render('platform/http/views/forbidden.njk', { message });
}
