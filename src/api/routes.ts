import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PRACTITIONERS } from '../organisation/roles.js';
import { decideAccess, findPersonByCrn, viewerOf } from '../people/index.js';
import { searchPeopleForApi } from './people-store.js';
import { actorOf, recordAudit } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { problemFieldErrors } from '../platform/http/openapi.js';

const personSummary = z.object({
  crn: z.string().describe('Case reference number: a letter and six digits'),
  forename: z.string(),
  surname: z.string(),
  dateOfBirth: z.string().describe('ISO date'),
  pncNumber: z.string().nullable(),
});

const personDetail = personSummary.extend({
  middleNames: z.string().nullable(),
  sex: z.string(),
  croNumber: z.string().nullable(),
  prisonNumber: z.string().nullable(),
  niNumber: z.string().nullable(),
  interpreterRequired: z.boolean(),
});

const peopleQuery = z.object({
  q: z
    .string({ message: 'Enter a name, CRN, PNC number or date of birth' })
    .trim()
    .min(1, 'Enter a name, CRN, PNC number or date of birth')
    .max(100, 'Search terms must be 100 characters or fewer'),
});

export function apiRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.get('/api/v1/openapi.json', { config: { allow: 'public', api: true } }, async () =>
    app.openapi.document(),
  );

  app.openapi.add({
    method: 'get',
    path: '/api/v1/people',
    summary: 'Search people on probation by name, CRN, PNC number or date of birth',
    allow: PRACTITIONERS,
    parameters: [
      {
        name: 'q',
        in: 'query',
        description: 'Name, CRN, PNC or date of birth (1 to 100 characters)',
        required: true,
      },
    ],
    response: z.object({ results: z.array(personSummary) }),
    problems: { 400: 'No search terms, or too many: problem details naming q' },
  });
  app.get<{ Querystring: { q?: string } }>(
    '/api/v1/people',
    { config: { allow: PRACTITIONERS, api: true } },
    async (request, reply) => {
      const parsed = peopleQuery.safeParse(request.query);
      if (!parsed.success) {
        return reply.problem(400, 'Invalid request', 'Give search terms of 1 to 100 characters in q.', {
          errors: problemFieldErrors(parsed.error),
        });
      }
      const { q } = parsed.data;
      const rows = await searchPeopleForApi(db, viewerOf(request), q);
      await recordAudit(db, actorOf(request), {
        action: 'searched-people',
        detail: { q, results: rows.length },
      });
      return { results: rows };
    },
  );

  app.openapi.add({
    method: 'get',
    path: '/api/v1/people/:crn',
    summary: "A person's identity details. Limited-access people answer 403 unless the client may see them.",
    allow: PRACTITIONERS,
    parameters: [{ name: 'crn', in: 'path', description: 'Case reference number', required: true }],
    response: personDetail,
    problems: {
      403: 'The client lacks the role, or the person is limited-access: the detail gives their access message',
      404: 'No person has that CRN',
    },
  });
  app.get<{ Params: { crn: string } }>(
    '/api/v1/people/:crn',
    { config: { allow: PRACTITIONERS, api: true } },
    async (request, reply) => {
      const person = await findPersonByCrn(db, request.params.crn);
      if (!person) return reply.problem(404, 'Not found', `No person has the CRN ${request.params.crn}.`);
      const access = await decideAccess(db, person, viewerOf(request));
      await recordAudit(db, actorOf(request), {
        action: access.allowed ? 'viewed-record' : 'refused-limited-access',
        personId: person.id,
        subjectType: 'person',
        subjectId: person.crn,
        detail: { page: 'api' },
      });
      if (!access.allowed) return reply.problem(403, 'Forbidden', access.message);
      return {
        crn: person.crn,
        forename: person.forename,
        middleNames: person.middle_names,
        surname: person.surname,
        dateOfBirth: person.date_of_birth,
        sex: person.sex,
        pncNumber: person.pnc_number,
        croNumber: person.cro_number,
        prisonNumber: person.prison_number,
        niNumber: person.ni_number,
        interpreterRequired: person.interpreter_required,
      };
    },
  );
}
