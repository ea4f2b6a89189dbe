import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { actorOf } from '../platform/audit/audit.js';
import { londonDateOf as todayInLondon } from '../platform/calendar/london.js';
import type { AppContext } from '../platform/http/context.js';
import { dateParts, NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { aliasForm, disabilityForm, personalContactForm, searchQuery } from './schemas.js';
import { ageOn } from './rules.js';
import { codesFrom, rawValues, sectionNamed, valuesFromPerson, type RawValues } from './sections.js';
import * as people from './service.js';
import * as store from './store.js';
import { personCreationRoutes } from './create-routes.js';
import { limitedAccessRoutes } from './limited-access-routes.js';
import { addressRoutes } from './address-routes.js';
import { detailRoutes } from './detail-routes.js';
import { DETAILS } from './details.js';
import { addDetail } from './details-service.js';
import { employmentRoutes } from './employment-routes.js';
import { loadOverviewPanels } from './tabs.js';
import { viewerOf } from './viewer.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };

export interface PersonPageContext {
  person: store.PersonRow;
  record: Awaited<ReturnType<typeof store.personRecord>>;
  lists: store.ReferenceLists;
  today: string;
}

/**
 * Loads a person for a page: 404 for an unknown CRN, the access message for a
 * limited-access person the viewer may not see (audited), else the record.
 */
export async function withPerson(
  context: AppContext,
  request: FastifyRequest<CrnParams>,
  reply: FastifyReply,
  page: string,
  render: (page: PersonPageContext) => Promise<unknown> | unknown,
) {
  const lookup = await people.openPerson(
    context.db,
    actorOf(request),
    viewerOf(request),
    request.params.crn,
    page,
  );
  if (!lookup.found) return reply.callNotFound();
  if (!lookup.access.allowed) {
    return reply.code(403).render('people/views/access-refused.njk', { message: lookup.access.message });
  }
  const [record, lists] = await Promise.all([
    store.personRecord(context.db, lookup.person.id),
    store.referenceCodes(context.db),
  ]);
  return render({ person: lookup.person, record, lists, today: todayInLondon(context.now()) });
}

function personView(page: PersonPageContext, extra: Record<string, unknown> = {}) {
  return {
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    age: ageOn(page.person.date_of_birth, page.today),
    ...extra,
  };
}

export function peopleRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };

  app.get<{ Querystring: Record<string, string> }>('/search', { config: view }, async (request, reply) => {
    const parsed = searchQuery.safeParse(request.query);
    const q = parsed.success ? parsed.data.q : String(request.query.q ?? '').slice(0, 100);
    const sort = parsed.success && request.query.sort ? parsed.data.sort : undefined;
    const descending = parsed.success && parsed.data.order === 'descending';
    const results = q ? await store.searchPeople(db, viewerOf(request), q, sort, descending) : [];
    return reply.render('people/views/search.njk', {
      q,
      sort,
      order: descending ? 'descending' : 'ascending',
      results,
      searched: q !== '',
      errors: parsed.success ? NO_ERRORS : toFormErrors(parsed.error),
      title: q ? `Search results for ${q}` : 'Find a person on probation',
    });
  });

  app.get<CrnParams>('/people/:crn', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'overview', async (page) =>
      reply.render(
        'people/views/overview.njk',
        personView(page, { tab: 'overview', panels: await loadOverviewPanels(db, page.person, page.today) }),
      ),
    ),
  );

  app.get<CrnParams>('/people/:crn/personal-details', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'personal-details', async (page) =>
      reply.render(
        'people/views/personal-details.njk',
        personView(page, {
          tab: 'personal-details',
          removed: await store.removedDetails(db, page.person.id),
        }),
      ),
    ),
  );

  app.get<CrnParams>('/people/:crn/contacts', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'contacts', async (page) =>
      reply.render(
        'people/views/contacts.njk',
        personView(page, { tab: 'contacts', removed: await store.removedDetails(db, page.person.id) }),
      ),
    ),
  );

  app.get<CrnParams>('/people/:crn/audit', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'who-has-looked', async (page) =>
      reply.render(
        'people/views/who-has-looked.njk',
        personView(page, { tab: 'audit', events: await store.recordViewers(db, page.person.id) }),
      ),
    ),
  );

  const sectionPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    sectionName: string,
    values: RawValues,
    errors: FormErrors = NO_ERRORS,
    extra: Record<string, unknown> = {},
  ) =>
    reply.render(
      'people/views/edit-section.njk',
      personView(page, {
        section: sectionNamed(sectionName),
        values,
        errors,
        rowVersion: page.person.row_version,
        ...extra,
      }),
    );

  app.get<{ Params: { crn: string; section: string } }>(
    '/people/:crn/edit/:section',
    { config: edit },
    async (request, reply) => {
      const section = sectionNamed(request.params.section);
      if (!section || section.name === 'address') return reply.callNotFound();
      return withPerson(context, request, reply, `edit-${section.name}`, (page) =>
        sectionPage(reply, page, section.name, valuesFromPerson(section, page.person)),
      );
    },
  );

  app.post<{ Params: { crn: string; section: string } }>(
    '/people/:crn/edit/:section',
    { config: edit },
    async (request, reply) => {
      const section = sectionNamed(request.params.section);
      if (!section || section.name === 'address') return reply.callNotFound();
      const body = request.body as Body;
      const values = rawValues(section, body);
      const expectedVersion = Number(text(body, 'rowVersion'));
      return withPerson(context, request, reply, `edit-${section.name}`, async (page) => {
        const parsed = section.schema(page.today, codesFrom(page.lists)).safeParse(values);
        if (!parsed.success) {
          return sectionPage(
            reply.code(400),
            page,
            section.name,
            values,
            toFormErrors(parsed.error, section.dateFields),
            {
              rowVersion: expectedVersion,
            },
          );
        }
        const result = await people.updateSection(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion,
          section: section.name as people.SectionName,
          values: parsed.data as never,
        });
        if (!result.saved) {
          return reply.code(409).render(
            'people/views/edit-conflict.njk',
            personView(page, {
              section,
              yours: values,
              theirs: valuesFromPerson(section, result.current),
              changedBy: result.current.updated_by_name,
              changedAt: result.current.updated_at,
              values,
              rowVersion: result.current.row_version,
              errors: NO_ERRORS,
            }),
          );
        }
        return reply.redirect(`/people/${page.person.crn}/personal-details`);
      });
    },
  );

  const additions = {
    address: {
      template: 'people/views/add-address.njk',
      dateFields: ['fromDate'],
      fields: ['status', 'building', 'street', 'district', 'town', 'county', 'postcode'],
      back: 'personal-details',
    },
    alias: {
      template: 'people/views/add-alias.njk',
      dateFields: ['dateOfBirth'],
      fields: ['forename', 'surname'],
      back: 'personal-details',
    },
    disability: {
      template: 'people/views/add-disability.njk',
      dateFields: [],
      fields: ['disability', 'reasonableAdjustments'],
      back: 'personal-details',
    },
    contact: {
      template: 'people/views/add-contact.njk',
      dateFields: [],
      fields: ['relationship', 'name', 'telephone', 'email', 'address', 'notes'],
      back: 'contacts',
    },
  } as const;
  type Addition = keyof typeof additions;

  const schemaFor = (what: Addition, page: PersonPageContext) => {
    const codes = codesFrom(page.lists);
    switch (what) {
      case 'address':
        return sectionNamed('address')!.schema(page.today, codes);
      case 'alias':
        return aliasForm(page.today);
      case 'disability':
        return disabilityForm(codes);
      case 'contact':
        return personalContactForm(codes);
    }
  };

  for (const what of Object.keys(additions) as Addition[]) {
    const spec = additions[what];
    const path = `/people/:crn/${what === 'contact' ? 'contacts' : what === 'alias' ? 'aliases' : what === 'disability' ? 'disabilities' : 'addresses'}/new`;
    app.get<CrnParams>(path, { config: edit }, async (request, reply) =>
      withPerson(context, request, reply, `add-${what}`, (page) =>
        reply.render(
          spec.template,
          personView(page, {
            values: Object.fromEntries([
              ...spec.fields.map((f) => [f, '']),
              ...spec.dateFields.map((f) => [f, dateParts({}, f)]),
            ]),
            errors: NO_ERRORS,
          }),
        ),
      ),
    );
    app.post<CrnParams>(path, { config: edit }, async (request, reply) => {
      const body = request.body as Body;
      const values: RawValues = {};
      for (const f of spec.fields) values[f] = text(body, f);
      for (const f of spec.dateFields) values[f] = dateParts(body, f);
      return withPerson(context, request, reply, `add-${what}`, async (page) => {
        const parsed = schemaFor(what, page).safeParse(values);
        if (!parsed.success) {
          return reply
            .code(400)
            .render(
              spec.template,
              personView(page, { values, errors: toFormErrors(parsed.error, spec.dateFields) }),
            );
        }
        if (what === 'address')
          await people.addAddress(db, actorOf(request), page.person.id, parsed.data as never);
        else
          await addDetail(
            db,
            actorOf(request),
            DETAILS[what === 'contact' ? 'personal-contact' : what],
            page.person.id,
            parsed.data as Record<string, unknown>,
          );
        return reply.redirect(`/people/${page.person.crn}/${spec.back}`);
      });
    });
  }

  personCreationRoutes(app, context);
  limitedAccessRoutes(app, context);
  addressRoutes(app, context);
  detailRoutes(app, context);
  employmentRoutes(app, context);
}
