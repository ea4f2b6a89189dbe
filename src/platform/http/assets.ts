import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeModules = path.resolve(here, '../../../node_modules');
const govukDist = path.join(nodeModules, 'govuk-frontend/dist/govuk');
const mojDist = path.join(nodeModules, '@ministryofjustice/frontend/moj');

const SYSTEM_FONTS = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

/**
 * The design system's stylesheets with the GOV.UK brand font swapped for the
 * system font stack: Probity is not a GOV.UK service and may not use the brand.
 */
export function withSystemFont(css: string): string {
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replaceAll('"GDS Transport",arial,sans-serif', SYSTEM_FONTS)
    .replaceAll('GDS Transport,arial,sans-serif', SYSTEM_FONTS)
    .replaceAll('"GDS Transport"', SYSTEM_FONTS)
    .replaceAll('GDS Transport', SYSTEM_FONTS)
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

function stylesheet(): string {
  const govuk = fs.readFileSync(path.join(govukDist, 'govuk-frontend.min.css'), 'utf8');
  const moj = fs.readFileSync(path.join(mojDist, 'moj-frontend.min.css'), 'utf8');
  const own = fs.readFileSync(path.join(here, 'assets/probity.css'), 'utf8');
  return withSystemFont(`${govuk}\n${moj}\n${own}`);
}

export async function setUpStaticResources(app: FastifyInstance): Promise<void> {
  const css = stylesheet();
  app.get('/assets/probity.css', { config: { allow: 'public' } }, async (_request, reply) =>
    reply.type('text/css').header('Cache-Control', 'public, max-age=3600').send(css),
  );
  await app.register(fastifyStatic, {
    root: path.join(here, 'assets'),
    prefix: '/assets/probity/',
    decorateReply: false,
    maxAge: '1h',
  });
  await app.register(fastifyStatic, {
    root: govukDist,
    prefix: '/assets/govuk/',
    allowedPath: (pathName) => /\.(m?js|png|svg|ico|json)$/.test(pathName) && !pathName.includes('..'),
    decorateReply: false,
    maxAge: '1h',
  });
  await app.register(fastifyStatic, {
    root: mojDist,
    prefix: '/assets/moj/',
    allowedPath: (pathName) => /\.(m?js|png|svg)$/.test(pathName),
    decorateReply: false,
    maxAge: '1h',
  });
}
