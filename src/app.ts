import type { FastifyServerOptions } from 'fastify';
import { accountRoutes } from './accounts/routes.js';
import { assessmentRoutes } from './assessment/index.js';
import { allocationRoutes } from './allocation/routes.js';
import { apiRoutes } from './api/routes.js';
import { appointmentRoutes } from './appointments/routes.js';
import { auditRoutes } from './audit-trail/routes.js';
import { enforcementRoutes } from './enforcement/routes.js';
import { organisationRoutes } from './organisation/routes.js';
import { MANAGERS, PRACTITIONERS, RESPONSIBLE_OFFICERS, ADMINISTRATORS } from './organisation/roles.js';
import { peopleRoutes } from './people/routes.js';
import { planningRoutes } from './planning/index.js';
import { registrationRoutes } from './registrations/routes.js';
import { personTabs } from './people/tabs.js';
import { buildApp } from './platform/http/app.js';
import { riskRoutes } from './risk/routes.js';
import { sentenceRoutes } from './sentences/routes.js';
import { tieringRoutes } from './tiering/routes.js';
import type { AppContext } from './platform/http/context.js';

/** Every capability's pages and endpoints, and the navigation that leads to them. */
export function createProbity(context: AppContext, logger?: FastifyServerOptions['logger']) {
  return buildApp({
    context,
    logger,
    templateGlobals: { personTabs },
    routes: [
      accountRoutes,
      peopleRoutes,
      sentenceRoutes,
      registrationRoutes,
      appointmentRoutes,
      allocationRoutes,
      organisationRoutes,
      auditRoutes,
      tieringRoutes,
      assessmentRoutes,
      planningRoutes,
      riskRoutes,
      enforcementRoutes,
      apiRoutes,
    ],
    navigation: [
      { href: '/caseload', text: 'My cases', roles: RESPONSIBLE_OFFICERS },
      { href: '/diary', text: 'Diary', roles: RESPONSIBLE_OFFICERS },
      { href: '/overdue', text: 'Overdue outcomes', roles: RESPONSIBLE_OFFICERS },
      { href: '/team', text: 'Team caseload', roles: MANAGERS },
      { href: '/team/overdue', text: 'Team overdue outcomes', roles: MANAGERS },
      { href: '/enforcement', text: 'Enforcement', roles: [...RESPONSIBLE_OFFICERS, ...MANAGERS] },
      { href: '/search', text: 'Search', roles: PRACTITIONERS },
      { href: '/admin', text: 'Administration', roles: ADMINISTRATORS },
    ],
  });
}
