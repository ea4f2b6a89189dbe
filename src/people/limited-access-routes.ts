import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { listStaffForSelection } from '../organisation/index.js';
import { MANAGERS } from '../organisation/roles.js';
import { actorOf, recordAudit } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { withPerson, type PersonPageContext } from './routes.js';

type CrnParams = { Params: { crn: string } };

function addForm(staffIds: string[]) {
  return z.object({
    list: z.enum(['exclusion', 'restriction'], { message: 'Select the list' }),
    staffId: z.string().refine((v) => staffIds.includes(v), 'Select a staff member'),
    message: z.string().trim().max(500, 'The message must be 500 characters or fewer'),
  });
}

/**
 * Managers keep a person's exclusion list (named staff may not see them) and
 * restriction list (only named staff may), with the message shown to those refused.
 */
export function limitedAccessRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  const page = async (
    reply: FastifyReply,
    p: PersonPageContext,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [entries, staff] = await Promise.all([
      db
        .selectFrom('limited_access')
        .innerJoin('staff', 'staff.id', 'limited_access.staff_id')
        .select([
          'limited_access.list',
          'limited_access.staff_id',
          'staff.forename',
          'staff.surname',
          'limited_access.added_at',
        ])
        .where('limited_access.person_id', '=', p.person.id)
        .orderBy('limited_access.list')
        .execute(),
      listStaffForSelection(db),
    ]);
    return reply.code(errors.summary.length ? 400 : 200).render('people/views/limited-access.njk', {
      ...p,
      tab: 'limited-access',
      entries,
      staff,
      values,
      errors,
    });
  };

  app.get<CrnParams>('/people/:crn/limited-access', { config: { allow: MANAGERS } }, async (request, reply) =>
    withPerson(context, request, reply, 'limited-access', (p) =>
      page(reply, p, { list: '', staffId: '', message: '' }),
    ),
  );

  app.post<CrnParams>(
    '/people/:crn/limited-access',
    { config: { allow: MANAGERS } },
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const values = {
        list: text(body, 'list'),
        staffId: text(body, 'staffId'),
        message: text(body, 'message'),
      };
      return withPerson(context, request, reply, 'limited-access', async (p) => {
        const staff = await listStaffForSelection(db);
        const parsed = addForm(staff.map((s) => s.id)).safeParse(values);
        if (!parsed.success) return page(reply, p, values, toFormErrors(parsed.error));
        const { list, staffId, message } = parsed.data;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('limited_access')
            .values({ person_id: p.person.id, staff_id: staffId, list })
            .onConflict((oc) => oc.doNothing())
            .execute();
          if (message) {
            await trx
              .updateTable('people')
              .set(list === 'exclusion' ? { exclusion_message: message } : { restriction_message: message })
              .where('id', '=', p.person.id)
              .execute();
          }
          await recordAudit(trx, actorOf(request), {
            action: `added-to-${list}-list`,
            personId: p.person.id,
            subjectType: 'limited-access',
            detail: { staffId, message },
          });
        });
        return reply.redirect(`/people/${p.person.crn}/limited-access`);
      });
    },
  );

  app.post<{ Params: { crn: string; list: string; staffId: string } }>(
    '/people/:crn/limited-access/:list/:staffId/remove',
    { config: { allow: MANAGERS } },
    async (request, reply) =>
      withPerson(context, request, reply, 'limited-access', async (p) => {
        const list = request.params.list === 'restriction' ? 'restriction' : 'exclusion';
        await db.transaction().execute(async (trx) => {
          await trx
            .deleteFrom('limited_access')
            .where('person_id', '=', p.person.id)
            .where('list', '=', list)
            .where('staff_id', '=', request.params.staffId)
            .execute();
          await recordAudit(trx, actorOf(request), {
            action: `removed-from-${list}-list`,
            personId: p.person.id,
            subjectType: 'limited-access',
            detail: { staffId: request.params.staffId },
          });
        });
        return reply.redirect(`/people/${p.person.crn}/limited-access`);
      }),
  );
}
