import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { complianceForPeople, londonClockTime } from '../appointments/index.js';
import { listCaseHoldingStaff, teamOfStaff } from '../organisation/index.js';
import { MANAGERS, PRACTITIONERS, RESPONSIBLE_OFFICERS } from '../organisation/roles.js';
import {
  addOverviewPanel,
  referenceCodes,
  viewerOf,
  withPerson,
  type PersonPageContext,
} from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import { londonDateOf } from '../platform/calendar/index.js';
import type { AppContext } from '../platform/http/context.js';
import {
  dateParts,
  NO_ERRORS,
  singleError,
  text,
  toFormErrors,
  type FormErrors,
} from '../platform/http/forms.js';
import { caseRiskFacts } from '../tiering/index.js';
import { loadCaseloadColumns } from './caseload-columns.js';
import { openBoundaryTask, openTasksOfTeam, resolveTaskByManager, taskOfTeam } from './boundary.js';
import { decideAllocation, needsProbationOfficer, ROLE_BOUNDARY_POLICY } from './role-boundary.js';
import { coWorkerForm, resolveTaskForm, transferForm } from './schemas.js';
import { addCoWorker, allocate, endCoWorker } from './service.js';
import * as store from './store.js';

type CrnParams = { Params: { crn: string } };
type Body = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who may add and end co-workers: managers and probation officers (who direct a PSO co-worker). */
const CO_WORKER_EDITORS = ['manager', 'probation-officer'];

function mayEditCoWorkers(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).some((r) => CO_WORKER_EDITORS.includes(r));
}

export function allocationRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const today = () => londonDateOf(context.now());

  addOverviewPanel({
    key: 'role-boundary',
    order: 1,
    template: 'allocation/views/boundary-panel.njk',
    load: async (database, person) => {
      const task = await openBoundaryTask(database, person.id);
      return task ? { crn: person.crn, task } : null;
    },
  });

  app.get(
    '/caseload',
    { config: { allow: [...RESPONSIBLE_OFFICERS, 'manager'] } },
    async (request, reply) => {
      const staffId = request.user?.staffId;
      const rows = staffId ? await store.caseloadOfStaff(db, staffId, viewerOf(request), today()) : [];
      // Failures to comply and the next appointment for the whole caseload in one query (appointments).
      const compliance = await complianceForPeople(
        db,
        rows.map((c) => c.id),
        today(),
        context.now(),
      );
      const columns = await loadCaseloadColumns(
        db,
        rows.map((c) => c.id),
        today(),
      );
      const cases = rows.map((c) => {
        const next = compliance.get(c.id)?.nextAppointment ?? null;
        return {
          ...c,
          cells: columns.cells.get(c.id) ?? [],
          failures: compliance.get(c.id)?.failures ?? 0,
          nextAppointment: next ? { date: londonDateOf(next), time: londonClockTime(next) } : null,
        };
      });
      return reply.render('allocation/views/caseload.njk', {
        cases,
        headings: columns.headings,
        hasStaffRecord: Boolean(staffId),
      });
    },
  );

  app.get<{ Querystring: { officer?: string } }>(
    '/team',
    { config: { allow: MANAGERS } },
    async (request, reply) => {
      const team = await teamOfStaff(db, request.user?.staffId ?? null);
      if (!team) return reply.render('allocation/views/team.njk', { team: null });
      const officer = request.query.officer;
      const [counts, rows, unallocated, tasks] = await Promise.all([
        store.teamCaseCounts(db, team.id),
        store.teamCaseload(db, team.id, viewerOf(request), today(), officerFilter(officer)),
        store.awaitingAllocation(db, viewerOf(request)),
        openTasksOfTeam(db, team.id, viewerOf(request)),
      ]);
      const columns = await loadCaseloadColumns(
        db,
        rows.map((c) => c.id),
        today(),
      );
      const cases = rows.map((c) => ({ ...c, cells: columns.cells.get(c.id) ?? [] }));
      return reply.render('allocation/views/team.njk', {
        team,
        counts,
        cases,
        unallocated,
        tasks,
        headings: columns.headings,
        officer,
        total: counts.reduce((sum, c) => sum + c.cases, 0),
      });
    },
  );

  // ---------------------------------------------------------------- manager tasks

  type TaskParams = { Params: { id: string } };
  const taskPage = async (
    request: FastifyRequest<TaskParams>,
    reply: FastifyReply,
    handle: (task: NonNullable<Awaited<ReturnType<typeof taskOfTeam>>>) => Promise<unknown>,
  ) => {
    const team = await teamOfStaff(db, request.user?.staffId ?? null);
    if (!team || !UUID.test(request.params.id)) return reply.callNotFound();
    const task = await taskOfTeam(db, request.params.id, team.id, viewerOf(request));
    if (!task) return reply.callNotFound();
    return handle(task);
  };

  app.get<TaskParams>('/team/tasks/:id/resolve', { config: { allow: MANAGERS } }, async (request, reply) =>
    taskPage(request, reply, async (task) =>
      reply.render('allocation/views/resolve-task.njk', {
        task,
        values: { resolution: '' },
        errors: NO_ERRORS,
      }),
    ),
  );

  app.post<TaskParams>('/team/tasks/:id/resolve', { config: { allow: MANAGERS } }, async (request, reply) =>
    taskPage(request, reply, async (task) => {
      const values = { resolution: text(request.body as Body, 'resolution') };
      const parsed = resolveTaskForm.safeParse(values);
      const again = (errors: FormErrors) =>
        reply.code(400).render('allocation/views/resolve-task.njk', { task, values, errors });
      if (!parsed.success) return again(toFormErrors(parsed.error));
      if (task.resolved_at) return again(singleError('resolution', 'This task has already been resolved'));
      const resolved = await db.transaction().execute((trx) =>
        resolveTaskByManager(trx, actorOf(request), {
          taskId: task.id,
          personId: task.person_id,
          today: today(),
          now: context.now(),
          resolution: parsed.data.resolution,
        }),
      );
      if (!resolved) return again(singleError('resolution', 'This task has already been resolved'));
      return reply.redirect('/team');
    }),
  );

  // ---------------------------------------------------------------- history and co-workers

  const historyPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: PersonPageContext,
    values: Record<string, unknown> = {},
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [history, coWorkers, staff] = await Promise.all([
      store.allocationHistory(db, page.person.id),
      store.coWorkersOf(db, page.person.id),
      listCaseHoldingStaff(db),
    ]);
    return reply.code(errors.summary.length ? 400 : 200).render('allocation/views/history.njk', {
      ...page,
      tab: 'allocation',
      history,
      coWorkers,
      staff,
      canEditCoWorkers: mayEditCoWorkers(request),
      values: { staffId: '', notes: '', fromDate: dateParts({}, 'fromDate'), ...values },
      errors,
    });
  };

  app.get<CrnParams>(
    '/people/:crn/allocation',
    { config: { allow: PRACTITIONERS } },
    async (request, reply) =>
      withPerson(context, request, reply, 'allocation-history', (page) => historyPage(request, reply, page)),
  );

  app.post<CrnParams>(
    '/people/:crn/co-workers',
    { config: { allow: CO_WORKER_EDITORS } },
    async (request, reply) => {
      const body = request.body as Body;
      const values = {
        staffId: text(body, 'staffId'),
        notes: text(body, 'notes'),
        fromDate: dateParts(body, 'fromDate'),
      };
      return withPerson(context, request, reply, 'add-co-worker', async (page) => {
        const staff = await listCaseHoldingStaff(db);
        const parsed = coWorkerForm(staff.map((s) => s.id)).safeParse(values);
        if (!parsed.success)
          return historyPage(request, reply, page, values, toFormErrors(parsed.error, ['fromDate']));
        if (parsed.data.staffId === page.record.allocation?.staff_id) {
          return historyPage(
            request,
            reply,
            page,
            values,
            singleError('staffId', 'The responsible officer cannot also be a co-worker: choose someone else'),
          );
        }
        const added = await addCoWorker(db, actorOf(request), {
          personId: page.person.id,
          staffId: parsed.data.staffId,
          fromDate: parsed.data.fromDate!,
          notes: parsed.data.notes || null,
        });
        if (!added)
          return historyPage(
            request,
            reply,
            page,
            values,
            singleError('staffId', 'That person is already a co-worker on this case'),
          );
        return reply.redirect(`/people/${page.person.crn}/allocation`);
      });
    },
  );

  app.post<{ Params: { crn: string; id: string } }>(
    '/people/:crn/co-workers/:id/end',
    { config: { allow: CO_WORKER_EDITORS } },
    async (request, reply) =>
      withPerson(context, request, reply, 'end-co-worker', async (page) => {
        if (!UUID.test(request.params.id)) return reply.callNotFound();
        const ended = await endCoWorker(db, actorOf(request), {
          personId: page.person.id,
          id: request.params.id,
          today: page.today,
        });
        if (!ended) return reply.callNotFound();
        return reply.redirect(`/people/${page.person.crn}/allocation`);
      }),
  );

  // ---------------------------------------------------------------- transfer

  const transferPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [staff, lists, facts] = await Promise.all([
      listCaseHoldingStaff(db),
      referenceCodes(db),
      caseRiskFacts(db, page.person.id, page.today),
    ]);
    const reasons = await db
      .selectFrom('reference_data')
      .select(['code', 'description'])
      .where('set_code', '=', 'allocation-reason')
      .orderBy('sort_order')
      .execute();
    return reply.code(errors.summary.length ? 400 : 200).render('allocation/views/transfer.njk', {
      ...page,
      lists,
      tab: 'allocation',
      staff,
      reasons,
      boundary: needsProbationOfficer(facts),
      restrictedGrades: ROLE_BOUNDARY_POLICY.restrictedGrades,
      values: { expectedCurrentId: page.record.allocation?.id ?? '', ...values },
      errors,
    });
  };

  app.get<CrnParams>(
    '/people/:crn/allocation/transfer',
    { config: { allow: MANAGERS } },
    async (request, reply) =>
      withPerson(context, request, reply, 'transfer', (page) => transferPage(reply, page, {})),
  );

  app.post<CrnParams>(
    '/people/:crn/allocation/transfer',
    { config: { allow: MANAGERS } },
    async (request, reply) => {
      const body = request.body as Body;
      const values = {
        staffId: text(body, 'staffId'),
        reason: text(body, 'reason'),
        notes: text(body, 'notes'),
        expectedCurrentId: text(body, 'expectedCurrentId'),
        override: text(body, 'override'),
        overrideReason: text(body, 'overrideReason'),
      };
      return withPerson(context, request, reply, 'transfer', async (page) => {
        const staff = await listCaseHoldingStaff(db);
        const reasons = await db
          .selectFrom('reference_data')
          .select('code')
          .where('set_code', '=', 'allocation-reason')
          .execute();
        const parsed = transferForm(
          staff.map((s) => s.id),
          reasons.map((r) => r.code),
        ).safeParse(values);
        if (!parsed.success) return transferPage(reply, page, values, toFormErrors(parsed.error));
        const officer = staff.find((s) => s.id === parsed.data.staffId)!;
        const facts = await caseRiskFacts(db, page.person.id, page.today);
        const decision = decideAllocation({
          grade: officer.grade_code,
          facts,
          override: parsed.data.override ? { reason: parsed.data.overrideReason } : null,
        });
        if (!decision.allowed) {
          const field = parsed.data.override ? 'overrideReason' : 'staffId';
          const message = parsed.data.override
            ? 'Enter why this case may stay with a probation services officer'
            : decision.message;
          return transferPage(reply, page, values, singleError(field, message));
        }
        const reasonText = parsed.data.notes
          ? `${parsed.data.reason}: ${parsed.data.notes}`
          : parsed.data.reason;
        const result = await allocate(db, actorOf(request), {
          personId: page.person.id,
          staffId: officer.id,
          teamId: officer.team_id,
          reason: reasonText,
          expectedCurrentId: parsed.data.expectedCurrentId || null,
          now: context.now(),
          boundaryOverride: decision.overridden
            ? { reason: decision.overrideReason, reasons: decision.reasons }
            : null,
        });
        if (!result.allocated) {
          const message =
            result.reason === 'same-officer'
              ? 'This person is already allocated to that officer: choose a different officer'
              : 'Someone else changed this person’s allocation while you were working. Check the current officer and try again';
          const fresh = await store.allocationHistory(db, page.person.id);
          const currentId = fresh.find((a) => a.ended_at === null)?.id ?? '';
          return transferPage(
            reply,
            page,
            { ...values, expectedCurrentId: currentId },
            singleError('staffId', message),
          );
        }
        return reply.redirect(`/people/${page.person.crn}/allocation`);
      });
    },
  );
}

function officerFilter(officer: string | undefined): string | undefined {
  return officer && /^[0-9a-f-]{36}$/i.test(officer) ? officer : undefined;
}
