import type { FastifyInstance, FastifyReply } from 'fastify';
import { CASE_EDITORS } from '../organisation/roles.js';
import { actorOf } from '../platform/audit/audit.js';
import { isUuid } from '../platform/database/ids.js';
import type { AppContext } from '../platform/http/context.js';
import { dateParts, NO_ERRORS, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { withPerson, type PersonPageContext } from './routes.js';
import { endAddressForm } from './schemas.js';
import { endAddress } from './service.js';

type Params = { Params: { crn: string; id: string } };

/** Ending a main or other address: it stays in the history as a previous one. */
export function addressRoutes(app: FastifyInstance, context: AppContext): void {
  const config = { allow: CASE_EDITORS };

  const addressOf = (page: PersonPageContext, id: string) =>
    isUuid(id) ? page.record.addresses.find((a) => a.id === id && a.status !== 'previous') : undefined;

  const page = (
    reply: FastifyReply,
    p: PersonPageContext,
    address: PersonPageContext['record']['addresses'][number],
    values: { toDate: ReturnType<typeof dateParts> },
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply.code(errors.summary.length ? 400 : 200).render('people/views/end-address.njk', {
      person: p.person,
      record: p.record,
      lists: p.lists,
      address,
      values,
      errors,
    });

  app.get<Params>('/people/:crn/addresses/:id/end', { config }, async (request, reply) =>
    withPerson(context, request, reply, 'end-address', (p) => {
      const address = addressOf(p, request.params.id);
      if (!address) return reply.callNotFound();
      return page(reply, p, address, { toDate: dateParts({}, 'toDate') });
    }),
  );

  app.post<Params>('/people/:crn/addresses/:id/end', { config }, async (request, reply) => {
    const values = { toDate: dateParts(request.body as Record<string, unknown>, 'toDate') };
    return withPerson(context, request, reply, 'end-address', async (p) => {
      const address = addressOf(p, request.params.id);
      if (!address) return reply.callNotFound();
      const parsed = endAddressForm(p.today, address.from_date).safeParse(values);
      if (!parsed.success) return page(reply, p, address, values, toFormErrors(parsed.error, ['toDate']));
      const ended = await endAddress(context.db, actorOf(request), {
        personId: p.person.id,
        addressId: address.id,
        toDate: parsed.data.toDate!,
      });
      if (!ended) {
        const message = 'This address has already been ended';
        return page(reply, p, address, values, {
          summary: [{ text: message, href: '#toDate-day' }],
          fields: { toDate: { text: message } },
        });
      }
      return reply.redirect(`/people/${p.person.crn}/personal-details`);
    });
  });
}
