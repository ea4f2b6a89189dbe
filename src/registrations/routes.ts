import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { addOverviewPanel, addPersonTab, withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import {
  dateParts,
  NO_ERRORS,
  text,
  toFormErrors,
  type DateParts,
  type FormErrors,
} from '../platform/http/forms.js';
import { describeCategory, describeLevel, flagOrder, REGISTRATION_POLICY, reviewStatus } from './rules.js';
import {
  ADD_DATE_FIELDS,
  ADD_FIELDS,
  addRegistrationForm,
  REMOVE_DATE_FIELDS,
  removeForm,
  REVIEW_DATE_FIELDS,
  reviewForm,
} from './schemas.js';
import * as registrations from './service.js';
import * as store from './store.js';

type Body = Record<string, unknown>;
type Values = Record<string, string | DateParts>;
type CrnParams = { Params: { crn: string } };
type RegistrationParams = { Params: { crn: string; id: string } };

const VIEWS = 'registrations/views';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TAG_CLASSES: Record<string, string> = {
  red: 'govuk-tag--red',
  orange: 'govuk-tag--orange',
  yellow: 'govuk-tag--yellow',
  blue: 'govuk-tag--blue',
  purple: 'govuk-tag--purple',
  grey: 'govuk-tag--grey',
};

function valuesFrom(body: Body, fields: readonly string[], dates: readonly string[]): Values {
  const values: Values = {};
  for (const f of fields) values[f] = text(body, f);
  for (const f of dates) values[f] = dateParts(body, f);
  return values;
}

/** Problems found by the rules after the form parsed, as GOV.UK errors on their fields. */
function problemErrors(problems: Array<{ field: string; message: string }>): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const p of problems) {
    if (!errors.fields[p.field]) errors.fields[p.field] = { text: p.message };
    errors.summary.push({ text: p.message, href: `#${p.field}` });
  }
  return errors;
}

function mayEdit(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).some((r) => (CASE_EDITORS as string[]).includes(r));
}

/** A registration as pages show it: level and category in words, its review status today. */
function describe(row: store.RegistrationRow, today: string) {
  return {
    ...row,
    levelText: describeLevel(row.level),
    categoryText: describeCategory(row.category),
    tagClass: TAG_CLASSES[row.flag_colour] ?? 'govuk-tag--grey',
    review: row.deregistered_on ? null : reviewStatus(row.next_review_on, today),
  };
}

export function registrationRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };
  addPersonTab({ key: 'registrations', text: 'Registrations', path: '/registrations', order: 15 });

  addOverviewPanel({
    key: 'flags',
    order: 10,
    template: `${VIEWS}/flags-panel.njk`,
    load: async (database, person, today) => {
      const rows = await store.personRegistrations(database, person.id);
      const current = rows
        .filter((r) => r.deregistered_on === null)
        .map((r) => ({ ...describe(r, today), category: r.type_category }));
      return { crn: person.crn, flags: flagOrder(current) };
    },
  });

  const pageView = (page: PersonPageContext, extra: Record<string, unknown>) => ({
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'registrations',
    ...extra,
  });

  app.get<CrnParams>('/people/:crn/registrations', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'registrations', async (page) => {
      const [rows, reviews, types] = await Promise.all([
        store.personRegistrations(db, page.person.id),
        store.reviewsOf(db, page.person.id),
        store.registerTypes(db),
      ]);
      const all = rows.map((r) => ({
        ...describe(r, page.today),
        category: r.type_category,
        reviews: reviews.filter((v) => v.registration_id === r.id),
      }));
      return reply.render(
        `${VIEWS}/registrations.njk`,
        pageView(page, {
          current: flagOrder(all.filter((r) => r.deregistered_on === null)),
          past: all.filter((r) => r.deregistered_on !== null),
          types,
          canEdit: mayEdit(request),
          dueWithinDays: REGISTRATION_POLICY.reviewDueWithinDays,
        }),
      );
    }),
  );

  // ---------------------------------------------------------------- add

  const addPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const types = await store.registerTypes(db);
    return reply.code(errors.summary.length ? 400 : 200).render(
      `${VIEWS}/add.njk`,
      pageView(page, {
        types,
        levels: [...new Set(types.flatMap((t) => t.levels))].map((code) => ({
          code,
          description: describeLevel(code),
        })),
        categories: [...new Set(types.flatMap((t) => t.categories))].map((code) => ({
          code,
          description: describeCategory(code),
        })),
        withLevels: types.filter((t) => t.levels.length || t.categories.length),
        values,
        errors,
      }),
    );
  };

  app.get<CrnParams>('/people/:crn/registrations/new', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'add-registration', (page) =>
      addPage(reply, page, valuesFrom({}, ADD_FIELDS, ADD_DATE_FIELDS)),
    ),
  );

  app.post<CrnParams>('/people/:crn/registrations/new', { config: edit }, async (request, reply) => {
    const values = valuesFrom(request.body as Body, ADD_FIELDS, ADD_DATE_FIELDS);
    return withPerson(context, request, reply, 'add-registration', async (page) => {
      const types = await store.registerTypes(db);
      const parsed = addRegistrationForm(
        page.today,
        types.map((t) => t.code),
      ).safeParse(values);
      if (!parsed.success) return addPage(reply, page, values, toFormErrors(parsed.error, ADD_DATE_FIELDS));
      const result = await registrations.addRegistration(db, actorOf(request), {
        personId: page.person.id,
        typeCode: parsed.data.type,
        level: parsed.data.level,
        category: parsed.data.category,
        registeredOn: parsed.data.registeredOn!,
        notes: parsed.data.notes,
        staffId: request.user?.staffId ?? null,
        today: page.today,
        now: context.now(),
      });
      if (!result.saved) return addPage(reply, page, values, problemErrors(result.problems));
      return reply.redirect(`/people/${page.person.crn}/registrations?added=${parsed.data.type}`);
    });
  });

  // ---------------------------------------------------------------- review and remove

  const onRegistration = (
    request: FastifyRequest<RegistrationParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, registration: store.RegistrationRow) => Promise<unknown> | unknown,
  ) =>
    withPerson(context, request, reply, pageName, async (page) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const registration = await store.findRegistration(db, page.person.id, request.params.id);
      if (!registration) return reply.callNotFound();
      return render(page, registration);
    });

  const changePage = (
    reply: FastifyReply,
    what: 'review' | 'remove',
    page: PersonPageContext,
    registration: store.RegistrationRow,
    values: Values,
    rowVersion: number,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply
      .code(errors.summary.length ? (errors.fields.form ? 409 : 400) : 200)
      .render(
        `${VIEWS}/${what}.njk`,
        pageView(page, { registration: describe(registration, page.today), values, rowVersion, errors }),
      );

  for (const what of ['review', 'remove'] as const) {
    const fields = what === 'review' ? ['notes'] : ['reason'];
    const dates = what === 'review' ? REVIEW_DATE_FIELDS : REMOVE_DATE_FIELDS;
    const path = `/people/:crn/registrations/:id/${what}`;

    app.get<RegistrationParams>(path, { config: edit }, async (request, reply) =>
      onRegistration(request, reply, `${what}-registration`, (page, registration) =>
        changePage(reply, what, page, registration, valuesFrom({}, fields, dates), registration.row_version),
      ),
    );

    app.post<RegistrationParams>(path, { config: edit }, async (request, reply) => {
      const body = request.body as Body;
      const values = valuesFrom(body, fields, dates);
      const expectedVersion = Number(text(body, 'rowVersion'));
      return onRegistration(request, reply, `${what}-registration`, async (page, registration) => {
        if (registration.deregistered_on !== null) {
          return changePage(
            reply,
            what,
            page,
            registration,
            values,
            expectedVersion,
            problemErrors([
              {
                field: 'form',
                message: `This registration was removed on ${registration.deregistered_on}: it cannot be changed`,
              },
            ]),
          );
        }
        const clock = { today: page.today, now: context.now() };
        const actor = actorOf(request);
        let result: registrations.ChangeOutcome;
        if (what === 'review') {
          const parsed = reviewForm(page.today, registration.registered_on).safeParse(values);
          if (!parsed.success)
            return changePage(
              reply,
              what,
              page,
              registration,
              values,
              expectedVersion,
              toFormErrors(parsed.error, dates),
            );
          result = await registrations.reviewRegistration(db, actor, {
            personId: page.person.id,
            registration,
            expectedVersion,
            reviewedOn: parsed.data.reviewedOn!,
            notes: parsed.data.notes,
            ...clock,
          });
        } else {
          const parsed = removeForm(page.today, registration.registered_on).safeParse(values);
          if (!parsed.success)
            return changePage(
              reply,
              what,
              page,
              registration,
              values,
              expectedVersion,
              toFormErrors(parsed.error, dates),
            );
          result = await registrations.removeRegistration(db, actor, {
            personId: page.person.id,
            registration,
            expectedVersion,
            deregisteredOn: parsed.data.deregisteredOn!,
            reason: parsed.data.reason,
            ...clock,
          });
        }
        if (!result.saved) {
          const fresh = (await store.findRegistration(db, page.person.id, registration.id)) ?? registration;
          return changePage(
            reply,
            what,
            page,
            fresh,
            values,
            fresh.row_version,
            problemErrors(result.problems),
          );
        }
        return reply.redirect(`/people/${page.person.crn}/registrations`);
      });
    });
  }
}
