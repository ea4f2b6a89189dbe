import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayRecordOutcome, maximumMinutesCredited, overdueOutcomes } from '../compliance/index.js';
import { listStaffForSelection, teamOfStaff } from '../organisation/index.js';
import { CASE_EDITORS, MANAGERS, PRACTITIONERS } from '../organisation/roles.js';
import {
  addOverviewPanel,
  addPersonTab,
  viewerOf,
  withPerson,
  type PersonPageContext,
} from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import { addDays, dayOfWeek, isIsoDate, londonDateOf } from '../platform/calendar/index.js';
import type { AppContext } from '../platform/http/context.js';
import {
  dateParts,
  NO_ERRORS,
  singleError,
  text,
  toFormErrors,
  type FormErrors,
} from '../platform/http/forms.js';
import { requirementsOf } from '../sentences/index.js';
import {
  activityQuery,
  arrangeForm,
  contactForm,
  diaryQuery,
  outcomeForm,
  withdrawOutcomeForm,
} from './schemas.js';
import {
  appointmentWarnings,
  complianceSummary,
  createContact,
  orderFor,
  recordOutcome,
  withdrawOutcome,
} from './service.js';
import * as store from './store.js';
import { londonClockTime, londonInstant } from './time.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };
type ContactParams = { Params: { crn: string; contactId: string } };

const PAGE_SIZE = 20;
const VIEW = { allow: PRACTITIONERS };
const EDIT = { allow: CASE_EDITORS };

function personView(page: PersonPageContext, extra: Record<string, unknown> = {}) {
  return { person: page.person, record: page.record, lists: page.lists, today: page.today, ...extra };
}

/** Adds the display time to rows carrying starts_at. */
function withTimes<T extends { starts_at: Date }>(rows: T[]) {
  return rows.map((r) => ({ ...r, time: londonClockTime(new Date(r.starts_at)) }));
}

function timeValues(body: Body, name: string) {
  return {
    hour: text(body, `${name}-hour`),
    minute: text(body, `${name}-minute`),
    period: text(body, `${name}-period`),
  };
}

function readArrange(body: Body) {
  return {
    type: text(body, 'type'),
    date: dateParts(body, 'date'),
    time: timeValues(body, 'time'),
    duration: text(body, 'duration'),
    location: text(body, 'location'),
    staffId: text(body, 'staffId'),
    requirementId: text(body, 'requirementId'),
    rarActivity: text(body, 'rarActivity'),
    notes: text(body, 'notes'),
  };
}
type ArrangeRaw = ReturnType<typeof readArrange>;

function readContact(body: Body) {
  return {
    type: text(body, 'type'),
    date: dateParts(body, 'date'),
    time: timeValues(body, 'time'),
    requirementId: text(body, 'requirementId'),
    notes: text(body, 'notes'),
    sensitive: text(body, 'sensitive'),
  };
}
type ContactRaw = ReturnType<typeof readContact>;

/** Where to go back to after recording an outcome: only this service's own pages. */
function safeReturn(value: string, fallback: string): string {
  return /^\/(overdue|team\/overdue|diary|enforcement|people\/[A-Z]\d{6}\/enforcement)(\?[\w=&%.-]*)?$/.test(
    value,
  )
    ? value
    : fallback;
}

function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** GOV.UK pagination: previous, next, and the numbered pages around the current one. */
export function paginationFor(page: number, total: number, pageSize: number, href: (n: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const items: Array<Record<string, unknown>> = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 1)
      items.push({ number: n, href: href(n), current: n === page });
    else if (items.length && !items[items.length - 1]!.ellipsis) items.push({ ellipsis: true });
  }
  return {
    pages,
    items: pages > 1 ? items : [],
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}

export function appointmentRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  addPersonTab({ key: 'compliance', text: 'Compliance', path: '/compliance', order: 5 });
  addPersonTab({ key: 'activity', text: 'Activity log', path: '/activity', order: 20 });
  addOverviewPanel({
    key: 'compliance',
    order: 20,
    template: 'appointments/views/compliance-summary.njk',
    load: async (database, person, today) => {
      const summary = await complianceSummary(
        database,
        person.id,
        today,
        context.now(),
        context.config.enforcement.evidenceWindowWorkingDays,
      );
      return {
        crn: person.crn,
        summary,
        nextTime: summary.next.answer ? londonClockTime(summary.next.answer.startsAt) : null,
      };
    },
  });

  // ---- choices for the forms ----

  async function arrangeChoices(page: PersonPageContext) {
    const [types, staff, requirements] = await Promise.all([
      store.contactTypes(db),
      listStaffForSelection(db),
      requirementsOf(db, page.person.id),
    ]);
    const current = requirements.filter((r) => !r.terminatedOn);
    return {
      types,
      staff,
      requirements: current,
      choices: {
        today: page.today,
        typeCodes: types.filter((t) => t.attendance_required).map((t) => t.code),
        rarTypeCodes: types.filter((t) => t.rar_activity_allowed).map((t) => t.code),
        staffIds: staff.map((s) => s.id),
        requirementIds: current.map((r) => r.id),
        rarRequirementIds: current.filter((r) => r.typeCode === 'F').map((r) => r.id),
      },
    };
  }

  // ---- arrange an appointment ----

  const arrangePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    values: ArrangeRaw,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const { types, staff, requirements } = await arrangeChoices(page);
    return reply.code(errors.summary.length ? 400 : 200).render(
      'appointments/views/arrange.njk',
      personView(page, {
        tab: 'activity',
        types: types.filter((t) => t.attendance_required),
        staff,
        requirements,
        values,
        errors,
      }),
    );
  };

  app.get<CrnParams>('/people/:crn/appointments/new', { config: EDIT }, async (request, reply) =>
    withPerson(context, request, reply, 'arrange-appointment', (page) =>
      arrangePage(reply, page, {
        ...readArrange({}),
        duration: '60',
        staffId: page.record.allocation?.staff_id ?? request.user?.staffId ?? '',
      }),
    ),
  );

  app.post<CrnParams>('/people/:crn/appointments/new', { config: EDIT }, async (request, reply) => {
    const body = request.body as Body;
    const values = readArrange(body);
    return withPerson(context, request, reply, 'arrange-appointment', async (page) => {
      if (text(body, 'action') === 'change') return arrangePage(reply, page, values);
      const { choices, types, staff, requirements } = await arrangeChoices(page);
      const parsed = arrangeForm(choices).safeParse(values);
      if (!parsed.success) return arrangePage(reply, page, values, toFormErrors(parsed.error, ['date']));
      const v = parsed.data;
      const startsAt = londonInstant(v.date!, v.time.hour, v.time.minute);
      const orderId = await orderFor(db, page.person.id, v.requirementId, v.date!);
      const { warnings } = await appointmentWarnings(
        db,
        {
          personId: page.person.id,
          staffId: v.staffId,
          startsAt,
          date: v.date!,
          durationMinutes: v.duration,
          orderId,
        },
        viewerOf(request),
      );
      if (warnings.length && text(body, 'confirmed') !== 'yes') {
        const officer = staff.find((s) => s.id === v.staffId);
        return reply.render(
          'appointments/views/arrange-confirm.njk',
          personView(page, {
            tab: 'activity',
            warnings,
            values,
            summary: {
              type: types.find((t) => t.code === v.type)?.description,
              date: v.date,
              time: londonClockTime(startsAt),
              duration: v.duration,
              location: v.location,
              officer: officer ? `${officer.forename} ${officer.surname}` : '',
              requirement: requirements.find((r) => r.id === v.requirementId)?.typeDescription,
              rarActivity: v.rarActivity,
            },
          }),
        );
      }
      await createContact(
        db,
        actorOf(request),
        {
          personId: page.person.id,
          typeCode: v.type,
          startsAt,
          date: v.date!,
          durationMinutes: v.duration,
          location: v.location,
          staffId: v.staffId,
          orderId,
          requirementId: v.requirementId,
          rarActivity: v.rarActivity,
          notes: v.notes,
          sensitive: false,
        },
        { action: 'arranged-appointment', warnings },
      );
      return reply.redirect(`/people/${page.person.crn}/activity?done=arranged`);
    });
  });

  // ---- add a contact that is not an appointment ----

  const contactChoices = async (page: PersonPageContext) => {
    const [types, requirements] = await Promise.all([
      store.contactTypes(db),
      requirementsOf(db, page.person.id),
    ]);
    return {
      types: types.filter((t) => !t.attendance_required),
      requirements: requirements.filter((r) => !r.terminatedOn),
    };
  };

  const contactPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    values: ContactRaw,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const { types, requirements } = await contactChoices(page);
    return reply
      .code(errors.summary.length ? 400 : 200)
      .render(
        'appointments/views/add-contact.njk',
        personView(page, { tab: 'activity', types, requirements, values, errors }),
      );
  };

  app.get<CrnParams>('/people/:crn/activity/new', { config: EDIT }, async (request, reply) =>
    withPerson(context, request, reply, 'add-contact', (page) => contactPage(reply, page, readContact({}))),
  );

  app.post<CrnParams>('/people/:crn/activity/new', { config: EDIT }, async (request, reply) => {
    const values = readContact(request.body as Body);
    return withPerson(context, request, reply, 'add-contact', async (page) => {
      const { types, requirements } = await contactChoices(page);
      const parsed = contactForm({
        today: page.today,
        typeCodes: types.map((t) => t.code),
        requirementIds: requirements.map((r) => r.id),
      }).safeParse(values);
      if (!parsed.success) return contactPage(reply, page, values, toFormErrors(parsed.error, ['date']));
      const v = parsed.data;
      const startsAt = londonInstant(v.date!, v.time.hour, v.time.minute);
      if (startsAt.getTime() > context.now().getTime()) {
        return contactPage(
          reply,
          page,
          values,
          singleError('time', 'Time of the contact must be in the past'),
        );
      }
      await createContact(
        db,
        actorOf(request),
        {
          personId: page.person.id,
          typeCode: v.type,
          startsAt,
          date: v.date!,
          durationMinutes: null,
          location: null,
          staffId: request.user?.staffId ?? null,
          orderId: await orderFor(db, page.person.id, v.requirementId, v.date!),
          requirementId: v.requirementId,
          rarActivity: false,
          notes: v.notes,
          sensitive: v.sensitive,
        },
        { action: 'added-contact' },
      );
      return reply.redirect(`/people/${page.person.crn}/activity?done=added`);
    });
  });

  // ---- record an outcome ----

  const outcomePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    contact: NonNullable<Awaited<ReturnType<typeof store.findContact>>>,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
    status?: number,
  ) => {
    const outcomes = await store.outcomesForType(db, contact.contact_type);
    const future = new Date(contact.starts_at).getTime() > context.now().getTime();
    return reply.code(status ?? (errors.summary.length ? 400 : 200)).render(
      'appointments/views/outcome.njk',
      personView(page, {
        tab: 'activity',
        contact: { ...contact, time: londonClockTime(new Date(contact.starts_at)) },
        outcomes,
        future,
        creditsTime: contact.contact_type === 'CUPW',
        values,
        errors,
      }),
    );
  };

  app.get<ContactParams & { Querystring: { returnTo?: string } }>(
    '/people/:crn/activity/:contactId/outcome',
    { config: EDIT },
    async (request, reply) =>
      withPerson(context, request, reply, 'record-outcome', async (page) => {
        const contact = await store.findContact(db, page.person.id, request.params.contactId);
        if (!contact || !contact.attendance_required) return reply.callNotFound();
        return outcomePage(reply, page, contact, {
          outcome: contact.outcome_code ?? '',
          changeReason: '',
          withdrawReason: '',
          notes: contact.notes ?? '',
          sensitive: contact.sensitive ? 'yes' : '',
          minutesCredited:
            contact.minutes_credited !== null
              ? String(contact.minutes_credited)
              : contact.contact_type === 'CUPW' && contact.duration_minutes
                ? String(contact.duration_minutes)
                : '',
          rowVersion: String(contact.row_version),
          returnTo: safeReturn(String(request.query.returnTo ?? ''), ''),
        });
      }),
  );

  /** The answer to a user who worked on an appointment someone else changed meanwhile. */
  const changedMeanwhile = async (
    reply: FastifyReply,
    page: PersonPageContext,
    contact: NonNullable<Awaited<ReturnType<typeof store.findContact>>>,
    values: Record<string, string>,
    current: { outcome_code: string | null; updated_by_name: string; row_version: number },
  ) => {
    const outcomes = await store.outcomesForType(db, contact.contact_type);
    const now = outcomes.find((o) => o.code === current.outcome_code);
    return outcomePage(
      reply,
      page,
      { ...contact, outcome_code: current.outcome_code, row_version: current.row_version },
      { ...values, rowVersion: String(current.row_version) },
      singleError(
        'outcome',
        `${current.updated_by_name} changed this appointment while you were working${now ? `: its outcome is now “${now.description}”` : ''}. Check it and save again if it is still right`,
      ),
      409,
    );
  };

  /** Where to go after a change, saying what happened to an enforcement decision it undid. */
  const afterChange = (
    page: PersonPageContext,
    returnTo: string,
    done: string,
    result: { decisionSuperseded: boolean; warningsWithdrawn: number },
  ) => {
    if (result.decisionSuperseded)
      return `/people/${page.person.crn}/activity?done=${result.warningsWithdrawn ? 'warning-withdrawn' : 'decision-superseded'}`;
    return returnTo || `/people/${page.person.crn}/activity?done=${done}`;
  };

  app.post<ContactParams>(
    '/people/:crn/activity/:contactId/outcome',
    { config: EDIT },
    async (request, reply) => {
      const body = request.body as Body;
      const values = {
        outcome: text(body, 'outcome'),
        changeReason: text(body, 'changeReason'),
        notes: text(body, 'notes'),
        sensitive: text(body, 'sensitive'),
        minutesCredited: text(body, 'minutesCredited'),
        rowVersion: text(body, 'rowVersion'),
        returnTo: safeReturn(text(body, 'returnTo'), ''),
      };
      return withPerson(context, request, reply, 'record-outcome', async (page) => {
        const contact = await store.findContact(db, page.person.id, request.params.contactId);
        if (!contact || !contact.attendance_required) return reply.callNotFound();
        // Whether this is a change to a recorded outcome depends on the version the user saw.
        if (Number(values.rowVersion) !== contact.row_version)
          return changedMeanwhile(reply, page, contact, values, contact);
        const outcomes = await store.outcomesForType(db, contact.contact_type);
        const creditsTime = contact.contact_type === 'CUPW';
        const parsed = outcomeForm({
          outcomeCodes: outcomes.map((o) => o.code),
          attendedCodes: outcomes.filter((o) => o.category === 'attended').map((o) => o.code),
          creditsTime,
          maxMinutes: maximumMinutesCredited(contact.duration_minutes).answer,
          amending: contact.outcome_code !== null,
        }).safeParse(values);
        if (!parsed.success) return outcomePage(reply, page, contact, values, toFormErrors(parsed.error));
        const chosen = outcomes.find((o) => o.code === parsed.data.outcome)!;
        const now = context.now();
        const allowed = mayRecordOutcome({ startsAt: new Date(contact.starts_at) }, chosen, now);
        if (!allowed.answer) {
          return outcomePage(
            reply,
            page,
            contact,
            values,
            singleError(
              'outcome',
              `This appointment is in the future, so it cannot be recorded as “${chosen.description}”. You can record an acceptable absence or a reschedule now`,
            ),
          );
        }
        const result = await recordOutcome(db, actorOf(request), {
          personId: page.person.id,
          contactId: contact.id,
          expectedVersion: Number(values.rowVersion),
          outcomeCode: chosen.code,
          notes: parsed.data.notes,
          sensitive: parsed.data.sensitive,
          minutesCredited: creditsTime && chosen.category === 'attended' ? parsed.data.minutesCredited : null,
          changeReason: contact.outcome_code !== null ? parsed.data.changeReason : null,
          staffId: request.user?.staffId ?? null,
          now,
          today: page.today,
        });
        if (!result.saved) return changedMeanwhile(reply, page, contact, values, result.current);
        return reply.redirect(
          afterChange(page, values.returnTo, contact.outcome_code ? 'amended' : 'recorded', result),
        );
      });
    },
  );

  app.post<ContactParams>(
    '/people/:crn/activity/:contactId/outcome/withdraw',
    { config: EDIT },
    async (request, reply) => {
      const body = request.body as Body;
      const values = {
        withdrawReason: text(body, 'withdrawReason'),
        rowVersion: text(body, 'rowVersion'),
        returnTo: safeReturn(text(body, 'returnTo'), ''),
      };
      return withPerson(context, request, reply, 'withdraw-outcome', async (page) => {
        const contact = await store.findContact(db, page.person.id, request.params.contactId);
        if (!contact || !contact.attendance_required) return reply.callNotFound();
        const formValues = {
          outcome: contact.outcome_code ?? '',
          changeReason: '',
          notes: contact.notes ?? '',
          sensitive: contact.sensitive ? 'yes' : '',
          minutesCredited: contact.minutes_credited === null ? '' : String(contact.minutes_credited),
          ...values,
        };
        if (Number(values.rowVersion) !== contact.row_version)
          return changedMeanwhile(reply, page, contact, formValues, contact);
        if (contact.outcome_code === null)
          return outcomePage(
            reply,
            page,
            contact,
            formValues,
            singleError('withdrawReason', 'This appointment has no outcome to withdraw'),
          );
        const parsed = withdrawOutcomeForm.safeParse({ reason: values.withdrawReason });
        if (!parsed.success)
          return outcomePage(
            reply,
            page,
            contact,
            formValues,
            singleError('withdrawReason', parsed.error.issues[0]!.message),
          );
        const result = await withdrawOutcome(db, actorOf(request), {
          personId: page.person.id,
          contactId: contact.id,
          expectedVersion: contact.row_version,
          reason: parsed.data.reason,
          staffId: request.user?.staffId ?? null,
          now: context.now(),
          today: page.today,
        });
        if (!result.saved) return changedMeanwhile(reply, page, contact, formValues, result.current);
        return reply.redirect(afterChange(page, values.returnTo, 'withdrawn', result));
      });
    },
  );

  // ---- activity log ----

  app.get<CrnParams & { Querystring: Record<string, string> }>(
    '/people/:crn/activity',
    { config: VIEW },
    async (request, reply) =>
      withPerson(context, request, reply, 'activity-log', async (page) => {
        const q = request.query;
        const raw = {
          type: String(q.type ?? ''),
          outcome: String(q.outcome ?? ''),
          requirement: String(q.requirement ?? ''),
          from: dateParts(q, 'from'),
          to: dateParts(q, 'to'),
          words: String(q.words ?? ''),
          page: String(q.page ?? '1'),
        };
        const parsed = activityQuery.safeParse(raw);
        const filters = parsed.success
          ? {
              type: parsed.data.type,
              outcome: parsed.data.outcome,
              requirement: parsed.data.requirement,
              from: parsed.data.from,
              to: parsed.data.to,
              words: parsed.data.words,
            }
          : { type: raw.type.slice(0, 10), outcome: raw.outcome.slice(0, 10) };
        const pageNumber = parsed.success ? parsed.data.page : 1;
        const [types, outcomes, requirements, { rows, total }] = await Promise.all([
          store.contactTypes(db),
          store.allOutcomes(db),
          requirementsOf(db, page.person.id),
          store.activityPage(db, page.person.id, filters, pageNumber, PAGE_SIZE),
        ]);
        const linkFor = (n: number) =>
          `/people/${page.person.crn}/activity${queryString({
            type: raw.type,
            outcome: raw.outcome,
            requirement: raw.requirement,
            'from-day': raw.from.day,
            'from-month': raw.from.month,
            'from-year': raw.from.year,
            'to-day': raw.to.day,
            'to-month': raw.to.month,
            'to-year': raw.to.year,
            words: raw.words,
            page: n === 1 ? undefined : n,
          })}`;
        const now = context.now().getTime();
        return reply.code(parsed.success ? 200 : 400).render(
          'appointments/views/activity.njk',
          personView(page, {
            tab: 'activity',
            types,
            outcomes,
            requirements,
            values: raw,
            errors: parsed.success ? NO_ERRORS : toFormErrors(parsed.error, ['from', 'to']),
            rows: withTimes(rows).map((r) => ({
              ...r,
              overdue: r.attendance_required && !r.outcome_code && new Date(r.starts_at).getTime() <= now,
              future: new Date(r.starts_at).getTime() > now,
            })),
            total,
            pageNumber,
            pagination: paginationFor(pageNumber, total, PAGE_SIZE, linkFor),
            done: String(q.done ?? ''),
          }),
        );
      }),
  );

  // ---- compliance ----

  app.get<CrnParams>('/people/:crn/compliance', { config: VIEW }, async (request, reply) =>
    withPerson(context, request, reply, 'compliance', async (page) => {
      const summary = await complianceSummary(
        db,
        page.person.id,
        page.today,
        context.now(),
        context.config.enforcement.evidenceWindowWorkingDays,
      );
      return reply.render(
        'appointments/views/compliance.njk',
        personView(page, {
          tab: 'compliance',
          summary,
          nextTime: summary.next.answer ? londonClockTime(summary.next.answer.startsAt) : null,
        }),
      );
    }),
  );

  // ---- diary ----

  app.get<{ Querystring: Record<string, string> }>('/diary', { config: VIEW }, async (request, reply) => {
    const parsed = diaryQuery.parse(request.query);
    const today = londonDateOf(context.now());
    const date = parsed.date && isIsoDate(parsed.date) ? parsed.date : today;
    const view = parsed.view;
    const first = view === 'week' ? addDays(date, -((dayOfWeek(date) + 6) % 7)) : date;
    const days = view === 'week' ? 7 : 1;
    const staffId = request.user?.staffId;
    const rows = staffId
      ? await store.diaryOf(
          db,
          staffId,
          londonInstant(first, 0, 0),
          londonInstant(addDays(first, days), 0, 0),
          viewerOf(request),
        )
      : [];
    const timed = withTimes(rows);
    const now = context.now().getTime();
    const byDay = Array.from({ length: days }, (_, i) => {
      const day = addDays(first, i);
      return {
        date: day,
        appointments: timed
          .filter((r) => r.contact_date === day)
          .map((r) => ({ ...r, overdue: !r.outcome_code && new Date(r.starts_at).getTime() <= now })),
      };
    });
    const step = view === 'week' ? 7 : 1;
    return reply.render('appointments/views/diary.njk', {
      hasStaffRecord: Boolean(staffId),
      view,
      date,
      first,
      last: addDays(first, days - 1),
      byDay,
      total: rows.length,
      previous: `/diary?date=${addDays(date, -step)}&view=${view}`,
      next: `/diary?date=${addDays(date, step)}&view=${view}`,
      otherView: `/diary?date=${date}&view=${view === 'week' ? 'day' : 'week'}`,
      today,
      returnTo: `/diary?date=${date}&view=${view}`,
    });
  });

  // ---- overdue outcomes ----

  const overdueRows = async (request: FastifyRequest, staffIds: string[]) => {
    const now = context.now();
    const rows = await store.awaitingOutcome(db, staffIds, now, viewerOf(request));
    // The rule decides: an appointment is overdue once it has ended without an outcome.
    const facts = rows.map((r) => ({ ...store.toFact(r), row: r }));
    return withTimes(overdueOutcomes(facts, now).answer.map((f) => f.row));
  };

  app.get('/overdue', { config: VIEW }, async (request, reply) => {
    const staffId = request.user?.staffId;
    const rows = staffId ? await overdueRows(request, [staffId]) : [];
    return reply.render('appointments/views/overdue.njk', {
      title: 'Overdue outcomes',
      hasStaffRecord: Boolean(staffId),
      rows,
      showOfficer: false,
      returnTo: '/overdue',
    });
  });

  app.get('/team/overdue', { config: { allow: MANAGERS } }, async (request, reply) => {
    const team = await teamOfStaff(db, request.user?.staffId ?? null);
    const staff = team ? await store.staffOfTeam(db, team.id) : [];
    const rows = team
      ? await overdueRows(
          request,
          staff.map((s) => s.id),
        )
      : [];
    const counts = staff
      .map((s) => ({ ...s, overdue: rows.filter((r) => r.staff_id === s.id).length }))
      .filter((s) => s.overdue > 0);
    return reply.render('appointments/views/overdue.njk', {
      title: team ? `Overdue outcomes: ${team.name}` : 'Overdue outcomes in the team',
      hasStaffRecord: Boolean(team),
      rows,
      counts,
      showOfficer: true,
      returnTo: '/team/overdue',
    });
  });
}
