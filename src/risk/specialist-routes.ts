/**
 * The specialist tools' pages on a person's record, under /people/:crn/assessments: SARA and Risk
 * Matrix 2000. Practitioners read them; case editors start, change and complete them.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/http/context.js';
import { rm2000Routes } from './rm2000-routes.js';
import { saraRoutes } from './sara-routes.js';

export function specialistRoutes(app: FastifyInstance, context: AppContext): void {
  saraRoutes(app, context);
  rm2000Routes(app, context);
}
