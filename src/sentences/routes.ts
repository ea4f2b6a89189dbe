import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ADMINISTRATORS, CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { addPersonTab, withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import {
  dateParts,
  NO_ERRORS,
  singleError,
  text,
  toFormErrors,
  type DateParts,
  type FormErrors,
} from '../platform/http/forms.js';
import { describeCategory, OGRS3_CATEGORIES } from './categories.js';
import { orderTakesRequirements, progressOf, unitText, CURFEW_CODE } from './rules.js';
import {
  additionalConditionForm,
  ADDITIONAL_OFFENCE_FIELDS,
  appearanceForm,
  APPEARANCE_DATE_FIELDS,
  CONDITION_DATE_FIELDS,
  DETAIL_REQUIRED,
  eventForm,
  EVENT_DATE_FIELDS,
  offenceForm,
  orderForm,
  orderTypeChoice,
  ORDER_FIELDS,
  ORDER_TYPES,
  requirementForm,
  requirementTypeChoice,
  REQUIREMENT_DATE_FIELDS,
  REQUIREMENT_FIELDS,
  terminationForm,
  TERMINATION_DATE_FIELDS,
  unitQuestion,
  type OrderType,
} from './schemas.js';
import * as sentences from './service.js';
import * as store from './store.js';

type Body = Record<string, unknown>;
type Values = Record<string, string | DateParts>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VIEWS = 'sentences/views';

/** Reads a form's text and date fields as typed, to validate and to show again. */
function valuesFrom(body: Body, fields: readonly string[], dates: readonly string[]): Values {
  const values: Values = {};
  for (const f of fields) values[f] = text(body, f);
  for (const f of dates) values[f] = dateParts(body, f);
  return values;
}

function emptyValues(fields: readonly string[], dates: readonly string[]): Values {
  return valuesFrom({}, fields, dates);
}

/** One message on a field, linked from the summary to `anchor` (a date input's day box). */
function fieldError(field: string, message: string, anchor = field): FormErrors {
  return { summary: [{ text: message, href: `#${anchor}` }], fields: { [field]: { text: message } } };
}

function mayEdit(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).some((r) => (CASE_EDITORS as string[]).includes(r));
}

function pageView(page: PersonPageContext, extra: Record<string, unknown>) {
  return {
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'sentence',
    ...extra,
  };
}

export function sentenceRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };
  const admin = { allow: ADMINISTRATORS };
  addPersonTab({ key: 'sentence', text: 'Sentence', path: '/sentence', order: 10 });

  const onPerson = (
    request: FastifyRequest<{ Params: { crn: string } }>,
    reply: FastifyReply,
    page: string,
    render: (page: PersonPageContext) => Promise<unknown> | unknown,
  ) => withPerson(context, request, reply, page, render);

  const sentencePath = (page: PersonPageContext) => `/people/${page.person.crn}/sentence`;

  // ---------------------------------------------------------------- the sentence page

  app.get<{ Params: { crn: string } }>('/people/:crn/sentence', { config: view }, async (request, reply) =>
    onPerson(request, reply, 'sentence', async (page) => {
      const record = await store.sentenceRecord(db, page.person.id);
      const events = record.events.map((event) => ({
        ...event,
        offences: record.offences.filter((o) => o.event_id === event.id),
        appearances: record.appearances.filter((a) => a.event_id === event.id),
        orders: record.orders
          .filter((o) => o.event_id === event.id)
          .map((order) => ({
            ...order,
            progress: progressOf(order, page.today),
            custodialText: order.custodial_term_months
              ? `${order.custodial_term_months} months`
              : order.custodial_term_days
                ? order.custodial_term_days % 7 === 0
                  ? `${order.custodial_term_days / 7} weeks`
                  : `${order.custodial_term_days} days`
                : 'Not recorded',
            requirements: record.requirements
              .filter((r) => r.order_id === order.id)
              .map((r) => ({
                ...r,
                unitsText:
                  r.units === null
                    ? ''
                    : r.type_code === CURFEW_CODE
                      ? `${unitText(r.unit, r.units)}, ${r.days_per_week} days a week, for ${r.length_months} months`
                      : unitText(r.unit, r.units),
              })),
            conditions: record.conditions.filter((c) => c.order_id === order.id),
            takesRequirements: orderTakesRequirements(order.order_type).allowed,
          })),
      }));
      const lists = await store.sentenceLists(db);
      return reply.render(
        `${VIEWS}/sentence.njk`,
        pageView(page, {
          events,
          canEdit: mayEdit(request),
          orderTypeName: Object.fromEntries(lists.orderTypes.map((t) => [t.code, t.description])),
          describeCategory,
        }),
      );
    }),
  );

  // ---------------------------------------------------------------- add an event

  const EVENT_FIELDS = ['court', 'mainOffence', ...ADDITIONAL_OFFENCE_FIELDS, 'notes'];
  const eventPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply
      .code(errors.summary.length ? 400 : 200)
      .render(
        `${VIEWS}/add-event.njk`,
        pageView(page, { values, errors, options: await store.sentenceLists(db) }),
      );

  app.get<{ Params: { crn: string } }>(
    '/people/:crn/sentence/events/new',
    { config: edit },
    async (request, reply) =>
      onPerson(request, reply, 'add-event', (page) =>
        eventPage(reply, page, emptyValues(EVENT_FIELDS, EVENT_DATE_FIELDS)),
      ),
  );

  app.post<{ Params: { crn: string } }>(
    '/people/:crn/sentence/events/new',
    { config: edit },
    async (request, reply) =>
      onPerson(request, reply, 'add-event', async (page) => {
        const values = valuesFrom(request.body as Body, EVENT_FIELDS, EVENT_DATE_FIELDS);
        const lists = await store.sentenceLists(db);
        const parsed = eventForm(page.today, {
          courts: lists.courts.map((c) => c.code),
          offences: lists.offences.map((o) => o.code),
        }).safeParse(values);
        if (!parsed.success)
          return eventPage(reply, page, values, toFormErrors(parsed.error, EVENT_DATE_FIELDS));
        const v = parsed.data;
        const eventId = await sentences.addEvent(db, actorOf(request), page.person.id, {
          convictionDate: v.convictionDate!,
          court: v.court,
          mainOffence: v.mainOffence,
          additionalOffences: [v.additionalOffence1, v.additionalOffence2, v.additionalOffence3].filter(
            (c): c is string => c !== null,
          ),
          notes: v.notes,
        });
        // The journey continues with the order the court imposed.
        return reply.redirect(`${sentencePath(page)}/events/${eventId}/orders/new`);
      }),
  );

  /** Loads an event of this person, or answers 404. */
  const withEvent = async (
    request: FastifyRequest<{ Params: { crn: string; eventId: string } }>,
    reply: FastifyReply,
    pageName: string,
    render: (
      page: PersonPageContext,
      event: NonNullable<Awaited<ReturnType<typeof store.findEvent>>>,
    ) => unknown,
  ) => {
    if (!UUID.test(request.params.eventId)) return reply.callNotFound();
    return onPerson(request, reply, pageName, async (page) => {
      const event = await store.findEvent(db, page.person.id, request.params.eventId);
      if (!event) return reply.callNotFound();
      return render(page, event);
    });
  };

  // ---------------------------------------------------------------- add a court appearance

  const APPEARANCE_FIELDS = ['court', 'appearanceType', 'outcome'];
  const appearancePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    event: { id: string; event_number: number },
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply
      .code(errors.summary.length ? 400 : 200)
      .render(
        `${VIEWS}/add-appearance.njk`,
        pageView(page, { event, values, errors, options: await store.sentenceLists(db) }),
      );

  type EventParams = { Params: { crn: string; eventId: string } };
  app.get<EventParams>(
    '/people/:crn/sentence/events/:eventId/appearances/new',
    { config: edit },
    async (request, reply) =>
      withEvent(request, reply, 'add-court-appearance', (page, event) =>
        appearancePage(reply, page, event, emptyValues(APPEARANCE_FIELDS, APPEARANCE_DATE_FIELDS)),
      ),
  );

  app.post<EventParams>(
    '/people/:crn/sentence/events/:eventId/appearances/new',
    { config: edit },
    async (request, reply) =>
      withEvent(request, reply, 'add-court-appearance', async (page, event) => {
        const values = valuesFrom(request.body as Body, APPEARANCE_FIELDS, APPEARANCE_DATE_FIELDS);
        const lists = await store.sentenceLists(db);
        const parsed = appearanceForm({
          courts: lists.courts.map((c) => c.code),
          appearanceTypes: lists.appearanceTypes.map((t) => t.code),
        }).safeParse(values);
        if (!parsed.success)
          return appearancePage(
            reply,
            page,
            event,
            values,
            toFormErrors(parsed.error, APPEARANCE_DATE_FIELDS),
          );
        await sentences.addAppearance(db, actorOf(request), page.person.id, event.id, {
          ...parsed.data,
          appearanceDate: parsed.data.appearanceDate!,
        });
        return reply.redirect(`${sentencePath(page)}#event-${event.event_number}`);
      }),
  );

  // ---------------------------------------------------------------- add an order to an event

  const orderTypePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    event: { id: string; event_number: number },
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply
      .code(errors.summary.length ? 400 : 200)
      .render(
        `${VIEWS}/order-type.njk`,
        pageView(page, { event, values, errors, options: await store.sentenceLists(db) }),
      );

  app.get<EventParams>(
    '/people/:crn/sentence/events/:eventId/orders/new',
    { config: edit },
    async (request, reply) =>
      withEvent(request, reply, 'add-order', (page, event) =>
        orderTypePage(reply, page, event, { orderType: '' }),
      ),
  );

  app.post<EventParams>(
    '/people/:crn/sentence/events/:eventId/orders/new',
    { config: edit },
    async (request, reply) =>
      withEvent(request, reply, 'add-order', (page, event) => {
        const values = { orderType: text(request.body as Body, 'orderType') };
        const parsed = orderTypeChoice.safeParse(values);
        if (!parsed.success) return orderTypePage(reply, page, event, values, toFormErrors(parsed.error));
        return reply.redirect(`${sentencePath(page)}/events/${event.id}/orders/new/${parsed.data.orderType}`);
      }),
  );

  type OrderTypeParams = { Params: { crn: string; eventId: string; orderType: string } };
  const orderPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    event: { id: string; event_number: number; conviction_date: string },
    orderType: OrderType,
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const lists = await store.sentenceLists(db);
    return reply.code(errors.summary.length ? 400 : 200).render(
      `${VIEWS}/add-order.njk`,
      pageView(page, {
        event,
        orderType,
        orderTypeName: lists.orderTypes.find((t) => t.code === orderType)?.description ?? orderType,
        values,
        errors,
      }),
    );
  };
  const isOrderType = (v: string): v is OrderType => (ORDER_TYPES as readonly string[]).includes(v);

  app.get<OrderTypeParams>(
    '/people/:crn/sentence/events/:eventId/orders/new/:orderType',
    { config: edit },
    async (request, reply) => {
      const { orderType } = request.params;
      if (!isOrderType(orderType)) return reply.callNotFound();
      return withEvent(request, reply, 'add-order', (page, event) => {
        const fields = ORDER_FIELDS[orderType];
        const values = emptyValues(fields.text, fields.dates);
        if (orderType === 'SSO') values.custodialTermUnit = 'months';
        return orderPage(reply, page, event, orderType, values);
      });
    },
  );

  app.post<OrderTypeParams>(
    '/people/:crn/sentence/events/:eventId/orders/new/:orderType',
    { config: edit },
    async (request, reply) => {
      const { orderType } = request.params;
      if (!isOrderType(orderType)) return reply.callNotFound();
      return withEvent(request, reply, 'add-order', async (page, event) => {
        const fields = ORDER_FIELDS[orderType];
        const values = valuesFrom(request.body as Body, fields.text, fields.dates);
        const parsed = orderForm(orderType, page.today, event.conviction_date).safeParse(values);
        if (!parsed.success)
          return orderPage(reply, page, event, orderType, values, toFormErrors(parsed.error, fields.dates));
        await sentences.addOrder(db, actorOf(request), page.person.id, event.id, parsed.data);
        return reply.redirect(`${sentencePath(page)}#event-${event.event_number}`);
      });
    },
  );

  /** Loads an order of this person, or answers 404. */
  const withOrder = async (
    request: FastifyRequest<{ Params: { crn: string; orderId: string } }>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, order: store.OrderRow) => unknown,
  ) => {
    if (!UUID.test(request.params.orderId)) return reply.callNotFound();
    return onPerson(request, reply, pageName, async (page) => {
      const order = await store.findOrder(db, page.person.id, request.params.orderId);
      if (!order) return reply.callNotFound();
      return render(page, order);
    });
  };

  // ---------------------------------------------------------------- add a requirement

  type OrderParams = { Params: { crn: string; orderId: string } };
  const requirementTypePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    order: store.OrderRow,
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const lists = await store.sentenceLists(db);
    const takes = orderTakesRequirements(order.order_type);
    const refusal = !takes.allowed
      ? takes.reason
      : order.terminated_on
        ? 'This order has been terminated: requirements cannot be added'
        : null;
    return reply
      .code(errors.summary.length ? 400 : refusal ? 409 : 200)
      .render(
        `${VIEWS}/requirement-type.njk`,
        pageView(page, { order, values, errors, refusal, options: lists }),
      );
  };

  app.get<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/requirements/new',
    { config: edit },
    async (request, reply) =>
      withOrder(request, reply, 'add-requirement', (page, order) =>
        requirementTypePage(reply, page, order, { typeCode: '' }),
      ),
  );

  app.post<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/requirements/new',
    { config: edit },
    async (request, reply) =>
      withOrder(request, reply, 'add-requirement', async (page, order) => {
        const values = { typeCode: text(request.body as Body, 'typeCode') };
        const lists = await store.sentenceLists(db);
        const parsed = requirementTypeChoice(lists.requirementTypes.map((t) => t.code)).safeParse(values);
        if (!parsed.success)
          return requirementTypePage(reply, page, order, values, toFormErrors(parsed.error));
        return reply.redirect(
          `${sentencePath(page)}/orders/${order.id}/requirements/new/${parsed.data.typeCode}`,
        );
      }),
  );

  type RequirementTypeParams = { Params: { crn: string; orderId: string; typeCode: string } };
  const requirementPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    order: store.OrderRow,
    type: store.SentenceLists['requirementTypes'][number],
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply.code(errors.summary.length ? 400 : 200).render(
      `${VIEWS}/add-requirement.njk`,
      pageView(page, {
        order,
        type,
        curfew: type.code === CURFEW_CODE,
        unitQuestion: unitQuestion(type.unit),
        limits:
          type.minimum_units !== null && type.maximum_units !== null
            ? `Between ${unitText(type.unit, type.minimum_units)} and ${unitText(type.unit, type.maximum_units)}`
            : type.minimum_units !== null
              ? `At least ${unitText(type.unit, type.minimum_units)}`
              : '',
        detailRequired: Boolean(DETAIL_REQUIRED[type.code]),
        values,
        errors,
      }),
    );

  const requirementRoute = async (
    request: FastifyRequest<RequirementTypeParams>,
    reply: FastifyReply,
    handle: (
      page: PersonPageContext,
      order: store.OrderRow,
      type: store.SentenceLists['requirementTypes'][number],
    ) => unknown,
  ) =>
    withOrder(request, reply, 'add-requirement', async (page, order) => {
      const lists = await store.sentenceLists(db);
      const type = lists.requirementTypes.find((t) => t.code === request.params.typeCode);
      if (!type) return reply.callNotFound();
      if (!orderTakesRequirements(order.order_type).allowed || order.terminated_on)
        return requirementTypePage(reply, page, order, { typeCode: '' });
      return handle(page, order, type);
    });

  app.get<RequirementTypeParams>(
    '/people/:crn/sentence/orders/:orderId/requirements/new/:typeCode',
    { config: edit },
    async (request, reply) =>
      requirementRoute(request, reply, (page, order, type) =>
        requirementPage(reply, page, order, type, emptyValues(REQUIREMENT_FIELDS, REQUIREMENT_DATE_FIELDS)),
      ),
  );

  app.post<RequirementTypeParams>(
    '/people/:crn/sentence/orders/:orderId/requirements/new/:typeCode',
    { config: edit },
    async (request, reply) =>
      requirementRoute(request, reply, async (page, order, type) => {
        const values = valuesFrom(request.body as Body, REQUIREMENT_FIELDS, REQUIREMENT_DATE_FIELDS);
        const parsed = requirementForm(type, order, order.conviction_date).safeParse(values);
        if (!parsed.success)
          return requirementPage(
            reply,
            page,
            order,
            type,
            values,
            toFormErrors(parsed.error, REQUIREMENT_DATE_FIELDS),
          );
        const result = await sentences.addRequirement(
          db,
          actorOf(request),
          page.person.id,
          order.id,
          parsed.data,
        );
        if (!result.saved)
          return requirementPage(
            reply,
            page,
            order,
            type,
            values,
            fieldError('startDate', result.reason, 'startDate-day'),
          );
        return reply.redirect(`${sentencePath(page)}#order-${order.id}`);
      }),
  );

  // ---------------------------------------------------------------- licence conditions

  const conditionPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    order: store.OrderRow,
    values: Values,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const lists = await store.sentenceLists(db);
    const refusal =
      order.order_type !== 'LIC'
        ? 'Licence conditions can only be added to a licence'
        : order.terminated_on
          ? 'This licence has been terminated: conditions cannot be added'
          : null;
    return reply.code(errors.summary.length ? 400 : refusal ? 409 : 200).render(
      `${VIEWS}/add-licence-condition.njk`,
      pageView(page, {
        order,
        refusal,
        values,
        errors,
        standard: lists.conditionTypes.filter((c) => c.standard),
        additional: lists.conditionTypes.filter((c) => !c.standard),
      }),
    );
  };

  const CONDITION_FIELDS = ['conditionCode', 'detail'];
  app.get<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/licence-conditions/new',
    { config: edit },
    async (request, reply) =>
      withOrder(request, reply, 'add-licence-condition', (page, order) => {
        const values = emptyValues(CONDITION_FIELDS, CONDITION_DATE_FIELDS);
        values.startDate = dateParts(
          {
            'startDate-day': String(Number(order.start_date.slice(8, 10))),
            'startDate-month': String(Number(order.start_date.slice(5, 7))),
            'startDate-year': order.start_date.slice(0, 4),
          },
          'startDate',
        );
        return conditionPage(reply, page, order, values);
      }),
  );

  app.post<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/licence-conditions/new',
    { config: edit },
    async (request, reply) =>
      withOrder(request, reply, 'add-licence-condition', async (page, order) => {
        const values = valuesFrom(request.body as Body, CONDITION_FIELDS, CONDITION_DATE_FIELDS);
        if (order.order_type !== 'LIC') return conditionPage(reply, page, order, values);
        const lists = await store.sentenceLists(db);
        const parsed = additionalConditionForm(
          lists.conditionTypes.filter((c) => !c.standard).map((c) => c.code),
          order,
        ).safeParse(values);
        if (!parsed.success)
          return conditionPage(reply, page, order, values, toFormErrors(parsed.error, CONDITION_DATE_FIELDS));
        const result = await sentences.addAdditionalCondition(
          db,
          actorOf(request),
          page.person.id,
          order.id,
          {
            ...parsed.data,
            startDate: parsed.data.startDate!,
          },
        );
        if (!result.saved)
          return conditionPage(reply, page, order, values, singleError('conditionCode', result.reason));
        return reply.redirect(`${sentencePath(page)}#order-${order.id}`);
      }),
  );

  app.post<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/licence-conditions/standard',
    { config: edit },
    async (request, reply) =>
      withOrder(request, reply, 'add-licence-condition', async (page, order) => {
        if (order.order_type !== 'LIC' || order.terminated_on)
          return conditionPage(reply, page, order, emptyValues(CONDITION_FIELDS, CONDITION_DATE_FIELDS));
        await sentences.addStandardConditions(db, actorOf(request), page.person.id, order.id);
        return reply.redirect(`${sentencePath(page)}#order-${order.id}`);
      }),
  );

  // ---------------------------------------------------------------- termination

  const terminatePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    what: 'order' | 'requirement',
    subject: { id: string; title: string; start_date: string; terminated_on: string | null },
    action: string,
    rowVersion: number,
    values: Values,
    errors: FormErrors = NO_ERRORS,
    status?: number,
  ) => {
    const lists = await store.sentenceLists(db);
    return reply.code(status ?? (errors.summary.length ? 400 : 200)).render(
      `${VIEWS}/terminate.njk`,
      pageView(page, {
        what,
        subject,
        action,
        rowVersion,
        values,
        errors,
        reasons: lists.terminationReasons,
      }),
    );
  };
  const TERMINATE_FIELDS = ['reason'];

  const terminateOrderRoute = (request: FastifyRequest<OrderParams>, reply: FastifyReply, posting: boolean) =>
    withOrder(request, reply, 'terminate-order', async (page, order) => {
      const lists = await store.sentenceLists(db);
      const subject = {
        id: order.id,
        title: `${lists.orderTypes.find((t) => t.code === order.order_type)?.description ?? order.order_type} (event ${order.event_number})`,
        start_date: order.start_date,
        terminated_on: order.terminated_on,
      };
      const action = `${sentencePath(page)}/orders/${order.id}/terminate`;
      if (!posting)
        return terminatePage(
          reply,
          page,
          'order',
          subject,
          action,
          order.row_version,
          emptyValues(TERMINATE_FIELDS, TERMINATION_DATE_FIELDS),
        );
      const body = request.body as Body;
      const values = valuesFrom(body, TERMINATE_FIELDS, TERMINATION_DATE_FIELDS);
      const expectedVersion = Number(text(body, 'rowVersion'));
      const conflict = (changedBy: string) =>
        terminatePage(
          reply,
          page,
          'order',
          subject,
          action,
          order.row_version,
          values,
          fieldError(
            'terminatedOn',
            `This order was changed by ${changedBy} since you opened it. Check the order on the sentence page before terminating it`,
            'terminatedOn-day',
          ),
          409,
        );
      if (expectedVersion !== order.row_version) return conflict(order.updated_by_name);
      const parsed = terminationForm(
        lists.terminationReasons.map((r) => r.code),
        order,
        page.today,
        'order',
      ).safeParse(values);
      if (!parsed.success)
        return terminatePage(
          reply,
          page,
          'order',
          subject,
          action,
          expectedVersion,
          values,
          toFormErrors(parsed.error, TERMINATION_DATE_FIELDS),
        );
      const result = await sentences.terminateOrder(
        db,
        actorOf(request),
        page.person.id,
        order.id,
        expectedVersion,
        {
          terminatedOn: parsed.data.terminatedOn!,
          reason: parsed.data.reason,
        },
      );
      if (!result.saved) return conflict(result.changedBy);
      return reply.redirect(`${sentencePath(page)}#order-${order.id}`);
    });

  app.get<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/terminate',
    { config: edit },
    async (request, reply) => terminateOrderRoute(request, reply, false),
  );
  app.post<OrderParams>(
    '/people/:crn/sentence/orders/:orderId/terminate',
    { config: edit },
    async (request, reply) => terminateOrderRoute(request, reply, true),
  );

  type RequirementParams = { Params: { crn: string; requirementId: string } };
  const terminateRequirementRoute = (
    request: FastifyRequest<RequirementParams>,
    reply: FastifyReply,
    posting: boolean,
  ) => {
    if (!UUID.test(request.params.requirementId)) return reply.callNotFound();
    return onPerson(request, reply, 'terminate-requirement', async (page) => {
      const requirement = await store.findRequirement(db, page.person.id, request.params.requirementId);
      if (!requirement) return reply.callNotFound();
      const lists = await store.sentenceLists(db);
      const subject = {
        id: requirement.id,
        title: requirement.type_description,
        start_date: requirement.start_date,
        terminated_on: requirement.terminated_on,
      };
      const action = `${sentencePath(page)}/requirements/${requirement.id}/terminate`;
      if (!posting)
        return terminatePage(
          reply,
          page,
          'requirement',
          subject,
          action,
          requirement.row_version,
          emptyValues(TERMINATE_FIELDS, TERMINATION_DATE_FIELDS),
        );
      const body = request.body as Body;
      const values = valuesFrom(body, TERMINATE_FIELDS, TERMINATION_DATE_FIELDS);
      const expectedVersion = Number(text(body, 'rowVersion'));
      const conflict = (changedBy: string) =>
        terminatePage(
          reply,
          page,
          'requirement',
          subject,
          action,
          requirement.row_version,
          values,
          fieldError(
            'terminatedOn',
            `This requirement was changed by ${changedBy} since you opened it. Check it on the sentence page before terminating it`,
            'terminatedOn-day',
          ),
          409,
        );
      if (expectedVersion !== requirement.row_version) return conflict(requirement.updated_by_name);
      const parsed = terminationForm(
        lists.terminationReasons.map((r) => r.code),
        requirement,
        page.today,
        'requirement',
      ).safeParse(values);
      if (!parsed.success)
        return terminatePage(
          reply,
          page,
          'requirement',
          subject,
          action,
          expectedVersion,
          values,
          toFormErrors(parsed.error, TERMINATION_DATE_FIELDS),
        );
      const result = await sentences.terminateRequirement(
        db,
        actorOf(request),
        page.person.id,
        requirement.id,
        expectedVersion,
        { terminatedOn: parsed.data.terminatedOn!, reason: parsed.data.reason },
      );
      if (!result.saved) return conflict(result.changedBy);
      return reply.redirect(`${sentencePath(page)}#order-${requirement.order_id}`);
    });
  };

  app.get<RequirementParams>(
    '/people/:crn/sentence/requirements/:requirementId/terminate',
    { config: edit },
    async (request, reply) => terminateRequirementRoute(request, reply, false),
  );
  app.post<RequirementParams>(
    '/people/:crn/sentence/requirements/:requirementId/terminate',
    { config: edit },
    async (request, reply) => terminateRequirementRoute(request, reply, true),
  );

  // ---------------------------------------------------------------- offences (administrators)

  const offencesPage = async (reply: FastifyReply, values: Values, errors: FormErrors = NO_ERRORS) =>
    reply.code(errors.summary.length ? 400 : 200).render(`${VIEWS}/offences.njk`, {
      offences: await store.allOffences(db),
      categories: OGRS3_CATEGORIES,
      describeCategory,
      values,
      errors,
    });

  app.get('/admin/offences', { config: admin }, async (_request, reply) =>
    offencesPage(reply, { code: '', description: '', category: '' }),
  );

  app.post('/admin/offences', { config: admin }, async (request, reply) => {
    const values = valuesFrom(request.body as Body, ['code', 'description', 'category'], []);
    const parsed = offenceForm.safeParse(values);
    if (!parsed.success) return offencesPage(reply, values, toFormErrors(parsed.error));
    const added = await sentences.addOffence(db, actorOf(request), parsed.data);
    if (!added)
      return offencesPage(
        reply,
        values,
        singleError(
          'code',
          `Offence code ${parsed.data.code} is already in the list: enter a different code`,
        ),
      );
    return reply.redirect('/admin/offences');
  });
}
