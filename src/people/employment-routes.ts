import type { FastifyInstance, FastifyReply } from 'fastify';
import { CASE_EDITORS } from '../organisation/roles.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import {
  dateParts,
  NO_ERRORS,
  problemErrors,
  text,
  toFormErrors,
  type DateParts,
  type FormErrors,
} from '../platform/http/forms.js';
import { withPerson, type PersonPageContext } from './routes.js';
import { employmentForm } from './schemas.js';
import { codesFrom } from './sections.js';
import { addEmployment } from './service.js';

type CrnParams = { Params: { crn: string } };

interface EmploymentValues {
  status: string;
  employer: string;
  fromDate: DateParts;
  notes: string;
}

const FIELDS = ['status', 'employer', 'notes'] as const;

/** Recording a change of employment: the new status ends the current one, which stays in the history. */
export function employmentRoutes(app: FastifyInstance, context: AppContext): void {
  const config = { allow: CASE_EDITORS };
  const path = '/people/:crn/employment/new';

  const page = (
    reply: FastifyReply,
    p: PersonPageContext,
    values: EmploymentValues,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply.code(errors.summary.length ? 400 : 200).render('people/views/add-employment.njk', {
      person: p.person,
      record: p.record,
      lists: p.lists,
      current: p.record.currentEmployment ?? null,
      values,
      errors,
    });

  app.get<CrnParams>(path, { config }, async (request, reply) =>
    withPerson(context, request, reply, 'add-employment', (p) =>
      page(reply, p, { status: '', employer: '', fromDate: dateParts({}, 'fromDate'), notes: '' }),
    ),
  );

  app.post<CrnParams>(path, { config }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const values: EmploymentValues = {
      ...(Object.fromEntries(FIELDS.map((f) => [f, text(body, f)])) as Omit<EmploymentValues, 'fromDate'>),
      fromDate: dateParts(body, 'fromDate'),
    };
    return withPerson(context, request, reply, 'add-employment', async (p) => {
      const parsed = employmentForm(p.today, codesFrom(p.lists)).safeParse(values);
      if (!parsed.success) return page(reply, p, values, toFormErrors(parsed.error, ['fromDate']));
      const outcome = await addEmployment(context.db, actorOf(request), p.person.id, parsed.data);
      if (!outcome.saved)
        return page(
          reply,
          p,
          values,
          problemErrors([{ field: outcome.field, message: outcome.message }], ['fromDate']),
        );
      return reply.redirect(`/people/${p.person.crn}/personal-details#employment`);
    });
  });
}
