import type { FastifyInstance, FastifyReply } from 'fastify';
import { CASE_EDITORS } from '../organisation/roles.js';
import { actorOf } from '../platform/audit/audit.js';
import { isUuid } from '../platform/database/ids.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import {
  DETAILS,
  typedValues,
  valueInWords,
  valuesFromRow,
  type DetailDefinition,
  type DetailRow,
} from './details.js';
import { changeDetail, findDetail, removeDetail } from './details-service.js';
import { withPerson, type PersonPageContext } from './routes.js';
import { removeDetailForm } from './schemas.js';
import { codesFrom, type RawValues } from './sections.js';

type Params = { Params: { crn: string; id: string } };
type Body = Record<string, unknown>;

/** What the page says after a save lost the race: who got there first, when, and what they left. */
interface Conflict {
  changedBy: string;
  changedAt: Date;
  removed: boolean;
  reason: string | null;
  noun: string;
  rows: Array<{ field: string; theirs: string; yours: string }>;
}

/**
 * Changing and removing an alias, a personal contact or a disability. The same roles
 * that may add them may change and remove them; limited-access people stay hidden
 * (withPerson). Removal keeps the row with the reason, so the record's history stays.
 */
export function detailRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const config = { allow: CASE_EDITORS };

  for (const definition of Object.values(DETAILS)) {
    const base = `/people/:crn/${definition.path}/:id`;
    const itemOf = (page: PersonPageContext, id: string) =>
      isUuid(id) ? findDetail(db, definition, page.person.id, id) : Promise.resolve(undefined);
    const back = (page: PersonPageContext) => `/people/${page.person.crn}/${definition.tab}`;
    const rowsInWords = (page: PersonPageContext, values: RawValues) =>
      [...definition.fields, ...definition.dateFields].map((field) => ({
        field: definition.labels[field] ?? field,
        value: valueInWords(definition, field, values[field], page.lists),
      }));

    const conflictOf = (page: PersonPageContext, current: DetailRow, yours: RawValues): Conflict => {
      const theirs = valuesFromRow(definition, current);
      const removed = current.removed_at !== null;
      return {
        changedBy: (removed ? current.removed_by_name : current.updated_by_name) ?? 'someone else',
        changedAt: (removed ? current.removed_at : current.updated_at) ?? current.updated_at,
        removed,
        reason: current.removal_reason,
        noun: definition.noun,
        rows: rowsInWords(page, theirs).map((row, i) => ({
          field: row.field,
          theirs: row.value,
          yours: rowsInWords(page, yours)[i]!.value,
        })),
      };
    };

    const changePage = (
      reply: FastifyReply,
      page: PersonPageContext,
      item: DetailRow,
      values: RawValues,
      rowVersion: number,
      errors: FormErrors = NO_ERRORS,
      conflict?: Conflict,
    ) =>
      reply.code(conflict ? 409 : errors.summary.length ? 400 : 200).render(definition.template, {
        person: page.person,
        record: page.record,
        lists: page.lists,
        today: page.today,
        tab: definition.tab,
        values,
        errors,
        rowVersion,
        conflict,
        formTitle: `Change ${definition.aNoun}`,
        formAction: `/people/${page.person.crn}/${definition.path}/${item.id}/change`,
        submitText: conflict ? 'Save my version' : 'Save changes',
        backHref: back(page),
      });

    app.get<Params>(`${base}/change`, { config }, async (request, reply) =>
      withPerson(context, request, reply, `change-${definition.kind}`, async (page) => {
        const item = await itemOf(page, request.params.id);
        if (!item || item.removed_at) return reply.callNotFound();
        return changePage(reply, page, item, valuesFromRow(definition, item), item.row_version);
      }),
    );

    app.post<Params>(`${base}/change`, { config }, async (request, reply) => {
      const body = request.body as Body;
      const values = typedValues(definition, body);
      const expectedVersion = Number(text(body, 'rowVersion'));
      return withPerson(context, request, reply, `change-${definition.kind}`, async (page) => {
        const item = await itemOf(page, request.params.id);
        if (!item) return reply.callNotFound();
        const parsed = definition.schema(page.today, codesFrom(page.lists)).safeParse(values);
        if (!parsed.success) {
          const errors = toFormErrors(parsed.error, definition.dateFields);
          return changePage(reply, page, item, values, expectedVersion, errors);
        }
        const result = await changeDetail(db, actorOf(request), definition, {
          personId: page.person.id,
          id: item.id,
          expectedVersion,
          values: parsed.data as Record<string, unknown>,
        });
        if (!result.saved) {
          const conflict = conflictOf(page, result.current, values);
          return changePage(reply, page, item, values, result.current.row_version, NO_ERRORS, conflict);
        }
        return reply.redirect(back(page));
      });
    });

    const removePage = (
      reply: FastifyReply,
      page: PersonPageContext,
      item: DetailRow,
      values: { reason: string },
      options: { errors?: FormErrors; changedSinceOpened?: boolean; status?: number } = {},
    ) =>
      reply
        .code(options.status ?? (options.errors?.summary.length ? 400 : 200))
        .render('people/views/remove-detail.njk', {
          person: page.person,
          record: page.record,
          lists: page.lists,
          tab: definition.tab,
          definition: pick(definition),
          item,
          itemName: definition.nameOf(item, page.lists),
          details: rowsInWords(page, valuesFromRow(definition, item)),
          values,
          errors: options.errors ?? NO_ERRORS,
          changedSinceOpened: options.changedSinceOpened ?? false,
          formAction: `/people/${page.person.crn}/${definition.path}/${item.id}/remove`,
          backHref: back(page),
        });

    app.get<Params>(`${base}/remove`, { config }, async (request, reply) =>
      withPerson(context, request, reply, `remove-${definition.kind}`, async (page) => {
        const item = await itemOf(page, request.params.id);
        if (!item || item.removed_at) return reply.callNotFound();
        return removePage(reply, page, item, { reason: '' });
      }),
    );

    app.post<Params>(`${base}/remove`, { config }, async (request, reply) => {
      const body = request.body as Body;
      const values = { reason: text(body, 'reason') };
      const expectedVersion = Number(text(body, 'rowVersion'));
      return withPerson(context, request, reply, `remove-${definition.kind}`, async (page) => {
        const item = await itemOf(page, request.params.id);
        if (!item) return reply.callNotFound();
        if (item.removed_at) return removePage(reply, page, item, values, { status: 409 });
        const parsed = removeDetailForm(definition.noun).safeParse(values);
        if (!parsed.success) {
          const errors = toFormErrors(parsed.error);
          return removePage(reply, page, { ...item, row_version: expectedVersion }, values, { errors });
        }
        const result = await removeDetail(db, actorOf(request), definition, {
          personId: page.person.id,
          id: item.id,
          expectedVersion,
          reason: parsed.data.reason,
        });
        if (!result.saved) {
          return removePage(reply, page, result.current, values, { status: 409, changedSinceOpened: true });
        }
        return reply.redirect(back(page));
      });
    });
  }
}

/** The parts of a definition a template needs. */
function pick(definition: DetailDefinition) {
  return { kind: definition.kind, noun: definition.noun, aNoun: definition.aNoun };
}
