import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { ADMINISTRATORS } from '../organisation/roles.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, toFormErrors } from '../platform/http/forms.js';

const PAGE_SIZE = 50;

const auditQuery = z.object({
  crn: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^[A-Z]\d{6}$/.test(v), 'Enter a CRN as a letter and six digits, like X123456')
    .default(''),
  actor: z.string().trim().max(100, 'Name must be 100 characters or fewer').default(''),
  action: z.string().trim().max(60).default(''),
  from: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v),
      'Enter the from date as YYYY-MM-DD, like 2026-03-01',
    )
    .default(''),
  to: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v),
      'Enter the to date as YYYY-MM-DD, like 2026-03-31',
    )
    .default(''),
  page: z.coerce.number().int().min(1).default(1),
});

export function auditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get<{ Querystring: Record<string, string> }>(
    '/admin/audit',
    { config: { allow: ADMINISTRATORS } },
    async (request, reply) => {
      const parsed = auditQuery.safeParse(request.query);
      if (!parsed.success) {
        return reply.code(400).render('audit-trail/views/search.njk', {
          filters: request.query,
          errors: toFormErrors(parsed.error),
          events: [],
          page: 1,
        });
      }
      const f = parsed.data;
      let query = context.db
        .selectFrom('audit_events')
        .leftJoin('people', 'people.id', 'audit_events.person_id')
        .select([
          'audit_events.occurred_at',
          'audit_events.actor_name',
          'audit_events.action',
          'audit_events.detail',
          'audit_events.address',
          'audit_events.subject_type',
          'people.crn',
        ]);
      if (f.crn) query = query.where('people.crn', '=', f.crn);
      if (f.actor)
        query = query.where(
          sql<boolean>`lower(audit_events.actor_name) like ${`%${f.actor.toLowerCase()}%`}`,
        );
      if (f.action) query = query.where('audit_events.action', '=', f.action);
      if (f.from) query = query.where('audit_events.occurred_at', '>=', new Date(`${f.from}T00:00:00Z`));
      if (f.to)
        query = query.where(
          'audit_events.occurred_at',
          '<',
          new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000),
        );
      const events = await query
        .orderBy('audit_events.occurred_at', 'desc')
        .limit(PAGE_SIZE + 1)
        .offset((f.page - 1) * PAGE_SIZE)
        .execute();
      const params = new URLSearchParams({
        crn: f.crn,
        actor: f.actor,
        action: f.action,
        from: f.from,
        to: f.to,
      });
      return reply.render('audit-trail/views/search.njk', {
        filters: f,
        errors: NO_ERRORS,
        events: events.slice(0, PAGE_SIZE),
        page: f.page,
        previous: f.page > 1 ? `/admin/audit?${params}&page=${f.page - 1}` : null,
        next: events.length > PAGE_SIZE ? `/admin/audit?${params}&page=${f.page + 1}` : null,
      });
    },
  );
}
