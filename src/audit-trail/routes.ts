import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { ADMINISTRATORS } from '../organisation/roles.js';
import { addDays } from '../platform/calendar/index.js';
import type { AppContext } from '../platform/http/context.js';
import { dateField } from '../platform/http/date-field.js';
import { dateInputItems, dateParts, NO_ERRORS, toFormErrors } from '../platform/http/forms.js';
import { describeAuditDetail } from './rules.js';

const PAGE_SIZE = 50;

const auditQuery = z
  .object({
    crn: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        (v) => v === '' || /^[A-Z]\d{6}$/.test(v),
        'Enter a CRN as a letter and six digits, like X123456',
      ),
    actor: z.string().trim().max(100, 'Who must be 100 characters or fewer'),
    action: z.string().trim().max(60, 'Action must be 60 characters or fewer'),
    from: dateField({ label: 'From date', required: false }),
    to: dateField({ label: 'To date', required: false }),
    page: z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .refine((n) => n >= 1)
      .catch(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'To date must be the same as or after the from date',
  });

/** The first instant of a calendar day in Europe/London, worked out by the database. */
const londonMidnight = (date: string) => sql<Date>`(${date}::date::timestamp at time zone 'Europe/London')`;

export function auditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get<{ Querystring: Record<string, string> }>(
    '/admin/audit',
    { config: { allow: ADMINISTRATORS } },
    async (request, reply) => {
      const q = request.query;
      const raw = {
        crn: String(q.crn ?? ''),
        actor: String(q.actor ?? ''),
        action: String(q.action ?? ''),
        from: dateParts(q, 'from'),
        to: dateParts(q, 'to'),
        page: String(q.page ?? '1'),
      };
      const dateItems = (errors: ReturnType<typeof toFormErrors> | typeof NO_ERRORS) => ({
        from: dateInputItems(raw.from, Boolean(errors.fields.from)),
        to: dateInputItems(raw.to, Boolean(errors.fields.to)),
      });
      const parsed = auditQuery.safeParse(raw);
      if (!parsed.success) {
        const errors = toFormErrors(parsed.error, ['from', 'to']);
        return reply.code(400).render('audit-trail/views/search.njk', {
          filters: raw,
          dateItems: dateItems(errors),
          errors,
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
      if (f.actor) {
        const escaped = f.actor.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`);
        query = query.where(sql<boolean>`lower(audit_events.actor_name) like ${`%${escaped}%`}`);
      }
      if (f.action) query = query.where('audit_events.action', '=', f.action);
      // Days are London days: an event at 00:30 in summer time belongs to that day, not the one before.
      if (f.from) query = query.where('audit_events.occurred_at', '>=', londonMidnight(f.from));
      if (f.to) query = query.where('audit_events.occurred_at', '<', londonMidnight(addDays(f.to, 1)));
      const events = await query
        .orderBy('audit_events.occurred_at', 'desc')
        .limit(PAGE_SIZE + 1)
        .offset((f.page - 1) * PAGE_SIZE)
        .execute();
      const params = new URLSearchParams({
        crn: f.crn,
        actor: f.actor,
        action: f.action,
        'from-day': raw.from.day,
        'from-month': raw.from.month,
        'from-year': raw.from.year,
        'to-day': raw.to.day,
        'to-month': raw.to.month,
        'to-year': raw.to.year,
      });
      return reply.render('audit-trail/views/search.njk', {
        filters: f,
        dateItems: dateItems(NO_ERRORS),
        errors: NO_ERRORS,
        events: events.slice(0, PAGE_SIZE).map((e) => ({
          ...e,
          what: describeAuditDetail(e.detail as Record<string, unknown> | null),
        })),
        page: f.page,
        previous: f.page > 1 ? `/admin/audit?${params}&page=${f.page - 1}` : null,
        next: events.length > PAGE_SIZE ? `/admin/audit?${params}&page=${f.page + 1}` : null,
      });
    },
  );
}
