import type { FastifyInstance } from 'fastify';
import { PRACTITIONERS } from '../organisation/roles.js';
import { addOverviewPanel, addPersonTab, withPerson } from '../people/index.js';
import type { AppContext } from '../platform/http/context.js';
import { jsonPost } from '../platform/http/openapi.js';
import { calculateTier } from './rules.js';
import { tierRequest, tierRequestFieldProblems, tierResponse } from './schemas.js';
import { upToDateTier } from './service.js';
import * as store from './store.js';

export function tieringRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  addPersonTab({ key: 'tier', text: 'Tier', path: '/tier', order: 12 });
  addOverviewPanel({
    key: 'tier',
    order: 15,
    template: 'tiering/views/tier-panel.njk',
    load: async (database, person, today) => ({
      crn: person.crn,
      tier: (await upToDateTier(database, person.id, today, context.now()))?.tier,
    }),
  });

  app.get<{ Params: { crn: string } }>(
    '/people/:crn/tier',
    { config: { allow: PRACTITIONERS } },
    async (request, reply) =>
      withPerson(context, request, reply, 'tier', async (page) => {
        // A sentence or personal detail can change outside this capability: bring the tier up to
        // date before showing it. Nothing is stored when neither the tier nor its inputs changed.
        const latest = await upToDateTier(db, page.person.id, page.today, context.now());
        const history = await store.tierHistory(db, page.person.id);
        return reply.render('tiering/views/tier.njk', { ...page, tab: 'tier', latest, history });
      }),
  );

  jsonPost(
    app,
    {
      path: '/api/v1/calculators/tier',
      summary: 'Work out a tier (protect level A–D, change level 0–3) from its inputs, with the explanation',
      description:
        'Each input and the points it gave are listed in the explanation. Unknown register codes give no points and are listed as ignored.',
      allow: 'signed-in',
      body: tierRequest,
      response: tierResponse,
      fieldProblems: tierRequestFieldProblems,
      handle: (_request, _reply, body) => calculateTier(body),
    },
    tierRequest,
  );
}
