import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { csrfTokenFor } from './csrf.js';
import { formatDate, formatDateTime, formatDuration } from './format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceRoot = path.resolve(here, '../..');
const nodeModules = path.resolve(sourceRoot, '../node_modules');

declare module 'fastify' {
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export interface NavigationItem {
  href: string;
  text: string;
  roles?: readonly string[];
}

export function createTemplateEnvironment(globals: Record<string, unknown> = {}): nunjucks.Environment {
  const env = nunjucks.configure(
    [
      sourceRoot,
      path.join(nodeModules, 'govuk-frontend/dist'),
      path.join(nodeModules, '@ministryofjustice/frontend'),
    ],
    { autoescape: true, throwOnUndefined: false, noCache: process.env.NODE_ENV === 'development' },
  );
  env.addFilter('date', (value: unknown) => formatDate(value));
  env.addFilter('dateTime', (value: unknown) => formatDateTime(value));
  env.addFilter('duration', (value: unknown) => formatDuration(value));
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  return env;
}

/**
 * reply.render(template, context) renders a page with what every page needs:
 * the user, the CSRF token for forms, the CSP nonce and the navigation.
 */
export function setUpViews(
  app: FastifyInstance,
  options: {
    navigation: NavigationItem[];
    secureCookies: boolean;
    environment: nunjucks.Environment;
    /** The idle time-out, for the warning the page's script shows before it. */
    sessionIdleMinutes: number;
  },
): void {
  app.decorateReply(
    'render',
    function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request;
      const roles = request.user?.roles ?? [];
      const navigation = request.user
        ? options.navigation
            .filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)))
            .map((item) => ({
              href: item.href,
              text: item.text,
              active: request.url === item.href || request.url.startsWith(`${item.href}/`),
            }))
        : [];
      const html = options.environment.render(template, {
        ...context,
        user: request.user,
        csrfToken: csrfTokenFor(request, this, options.secureCookies),
        cspNonce: request.cspNonce,
        currentUrl: request.url,
        navigation,
        sessionIdleMinutes: options.sessionIdleMinutes,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
}
