import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, MANAGERS, PRACTITIONERS, RESPONSIBLE_OFFICERS } from '../organisation/roles.js';
import { findStaff, teamOfStaff } from '../organisation/index.js';
import {
  addOverviewPanel,
  addPersonTab,
  viewerOf,
  visibleTo,
  withPerson,
  type PersonPageContext,
} from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import { londonDateOf } from '../platform/calendar/index.js';
import { renderPdf } from '../platform/documents/index.js';
import type { AppContext } from '../platform/http/context.js';
import { formatDate } from '../platform/http/format.js';
import {
  dateParts,
  list,
  NO_ERRORS,
  singleError,
  text,
  toFormErrors,
  type FormErrors,
} from '../platform/http/forms.js';
import { decisionNotToRecallLetter, plainText, type Addressee } from './documents.js';
import { breachInProgress, enforcementPicture, type EnforcementPicture } from './picture.js';
import { addresseeOf, draftWarningLetter } from './letters.js';
import { breachPackInput, renderBreachPack, renderBreachReport, type BreachPackForm } from './breach-pack.js';
import { policyFrom } from './policy.js';
import { knownRecallFacts, recallReportFor } from './recall-steps.js';
import { fixedTermRecallEligibility, recallCountersignature } from './rules.js';
import {
  ACTIONS,
  adjournForm,
  BREACH_OUTCOMES,
  CASELOAD_CLOCKS,
  CASELOAD_KINDS,
  caseloadQuery,
  COURT_PROCESSES,
  decisionForm,
  listingForm,
  notRecallForm,
  outcomeForm,
  packForm,
  recommendationForm,
  returnedForm,
  withdrawBreachForm,
  withdrawForm,
  type ActionCode,
} from './schemas.js';
import * as enforcement from './service.js';
import * as store from './store.js';
import type { BreachState, RecallState } from './tables.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };
type IdParams = { Params: { crn: string; id: string } };
type StepParams = { Params: { crn: string; id: string; step: string } };

/** The documents of a breach pack, in the order the court reads them, and where each is stored. */
const PACK_DOCUMENTS = [
  { file: 'breach-report.pdf', text: 'Breach report', column: 'breach_report_pdf' },
  { file: 'statement-of-facts.pdf', text: 'Statement of facts', column: 'statement_pdf' },
  {
    file: 'order-and-warnings.pdf',
    text: 'The order and the warning letters',
    column: 'order_and_warnings_pdf',
  },
  { file: 'activity-log.pdf', text: 'Activity log extract', column: 'activity_log_pdf' },
  {
    file: 'court-application.pdf',
    text: 'Application for a summons or a warrant',
    column: 'court_application_pdf',
  },
] as const;

/** A breach the officer may still withdraw: it has not gone to the court. */
const BEFORE_COURT = ['requested', 'pack-ready', 'countersigned'] as const satisfies readonly BreachState[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VIEWS = 'enforcement/views';

function roles(request: FastifyRequest): string[] {
  return request.user?.roles ?? [];
}
function isManager(request: FastifyRequest): boolean {
  return roles(request).includes('manager');
}
function mayAct(request: FastifyRequest): boolean {
  return roles(request).some((r) => (CASE_EDITORS as string[]).includes(r));
}

function whoFor(request: FastifyRequest, context: AppContext): enforcement.Who {
  const now = context.now();
  return {
    actor: actorOf(request),
    userId: request.user?.id ?? null,
    staffId: request.user?.staffId ?? null,
    now,
    today: londonDateOf(now),
  };
}

async function pictureOf(context: AppContext, page: PersonPageContext) {
  const facts = await store.enforcementFacts(context.db, [page.person.id]);
  const policy = policyFrom(context.config.enforcement);
  return { facts, picture: enforcementPicture(facts, page.person.id, page.today, page.person.crn, policy) };
}

function addresseeFor(context: AppContext, page: PersonPageContext): Promise<Addressee> {
  return addresseeOf(context.db, page.person);
}

function pdfReply(reply: FastifyReply, bytes: Uint8Array, filename: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes));
}

/** The actions the law and the order type leave open for a failure. */
function allowedActions(decision: EnforcementPicture['openDecisions'][number]): ActionCode[] {
  if (!decision.order || !decision.required) return ['nfa'];
  switch (decision.required.answer) {
    case 'no-action-order-ended':
      return ['nfa'];
    case 'licence-warning-or-recall':
      return ['warn', 'recall', 'nfa'];
    case 'warn-only':
      return ['warn', 'nfa'];
    default:
      return ['warn', 'breach', 'nfa'];
  }
}

export function enforcementRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const policy = policyFrom(context.config.enforcement);
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };
  const manage = { allow: MANAGERS };
  addPersonTab({ key: 'enforcement', text: 'Enforcement', path: '/enforcement', order: 8 });
  addOverviewPanel({
    key: 'enforcement',
    order: 21,
    template: 'enforcement/views/overview-panel.njk',
    load: async (database, person, today) => {
      const facts = await store.enforcementFacts(database, [person.id]);
      const picture = enforcementPicture(facts, person.id, today, person.crn, policy);
      // Earliest due first, so the panel's clock is the most pressing one.
      picture.openDecisions.sort((a, b) => a.due.localeCompare(b.due));
      return { crn: person.crn, picture };
    },
  });

  const base = (page: PersonPageContext) => `/people/${page.person.crn}/enforcement`;
  const pageView = (page: PersonPageContext, extra: Record<string, unknown>) => ({
    person: page.person,
    record: page.record,
    today: page.today,
    tab: 'enforcement',
    base: base(page),
    ...extra,
  });
  const conflict = (reply: FastifyReply, page: PersonPageContext, message: string, code = 409) =>
    reply.code(code).render(`${VIEWS}/conflict.njk`, pageView(page, { message }));

  // ------------------------------------------------------------------ the Enforcement tab

  app.get<CrnParams>('/people/:crn/enforcement', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'enforcement', async (page) => {
      const [{ picture }, decisions] = await Promise.all([
        pictureOf(context, page),
        store.decisionsOf(db, page.person.id),
      ]);
      return reply.render(
        `${VIEWS}/enforcement.njk`,
        pageView(page, { picture, decisions, canAct: mayAct(request), actions: ACTIONS }),
      );
    }),
  );

  // ------------------------------------------------------------------ decisions

  const decisionPage = (
    reply: FastifyReply,
    request: FastifyRequest,
    page: PersonPageContext,
    decision: EnforcementPicture['openDecisions'][number],
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) =>
    reply.render(
      `${VIEWS}/decision.njk`,
      pageView(page, {
        decision,
        allowed: allowedActions(decision).map((code) => ({ code, text: ACTIONS[code] })),
        values,
        errors,
        isManager: isManager(request),
      }),
    );

  const findOpen = (picture: EnforcementPicture, contactId: string) =>
    picture.openDecisions.find((d) => d.failure.id === contactId);

  app.get<IdParams>('/people/:crn/enforcement/decisions/:id', { config: edit }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    return withPerson(context, request, reply, 'enforcement-decision', async (page) => {
      const { picture } = await pictureOf(context, page);
      const decision = findOpen(picture, request.params.id);
      if (!decision) {
        const decided = await store.decisionFor(db, request.params.id);
        if (decided && decided.person_id === page.person.id)
          return conflict(
            reply,
            page,
            `${decided.decided_by_name} has already recorded a decision on this failure.`,
            200,
          );
        return reply.callNotFound();
      }
      return decisionPage(reply, request, page, decision, {
        action: '',
        officerReasons: '',
        overrideReason: '',
      });
    });
  });

  app.post<IdParams>('/people/:crn/enforcement/decisions/:id', { config: edit }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    const body = request.body as Body;
    const values = {
      action: text(body, 'action'),
      officerReasons: text(body, 'officerReasons'),
      overrideReason: text(body, 'overrideReason'),
    };
    return withPerson(context, request, reply, 'enforcement-decision', async (page) => {
      const { picture } = await pictureOf(context, page);
      const decision = findOpen(picture, request.params.id);
      if (!decision) {
        const decided = await store.decisionFor(db, request.params.id);
        if (decided && decided.person_id === page.person.id)
          return conflict(
            reply,
            page,
            `${decided.decided_by_name} recorded a decision on this failure while you were deciding. Your decision was not saved.`,
          );
        return reply.callNotFound();
      }
      const parsed = decisionForm(allowedActions(decision)).safeParse(values);
      if (!parsed.success) {
        return decisionPage(reply.code(400), request, page, decision, values, toFormErrors(parsed.error));
      }
      const form = parsed.data;
      let overrideReason: string | null = null;
      if (form.action === 'warn' && decision.warningAllowed && !decision.warningAllowed.answer) {
        if (!isManager(request)) {
          return decisionPage(
            reply.code(400),
            request,
            page,
            decision,
            values,
            singleError(
              'action',
              'You cannot give another warning: a warning was given in the last 12 months, so the law requires a referral for breach. Only a manager may override this, with reasons.',
            ),
          );
        }
        if (!form.overrideReason) {
          return decisionPage(
            reply.code(400),
            request,
            page,
            decision,
            values,
            singleError('overrideReason', 'Enter why you are overriding the requirement to refer for breach'),
          );
        }
        overrideReason = form.overrideReason;
      }
      const result = await enforcement.recordDecision(db, whoFor(request, context), {
        personId: page.person.id,
        contactId: decision.failure.id,
        orderId: decision.order?.id ?? null,
        action: form.action,
        required: decision.required,
        officerReasons: form.officerReasons,
        overrideReason,
        policy,
      });
      if (!result.recorded) {
        return conflict(
          reply,
          page,
          `${result.decidedBy} recorded a decision on this failure while you were deciding. Your decision was not saved.`,
        );
      }
      if (form.action === 'warn')
        return reply.redirect(`${base(page)}/decisions/${decision.failure.id}/warning`);
      if (result.breachId) return reply.redirect(`${base(page)}/breaches/${result.breachId}`);
      if (result.recallId) return reply.redirect(`${base(page)}/recalls/${result.recallId}/recommendation`);
      return reply.redirect(base(page));
    });
  });

  // ------------------------------------------------------------------ warning letters

  const endedMessage = (endedOn: string) =>
    `The order was terminated on ${formatDate(endedOn)}, so a warning can no longer be given under it. Nothing was issued.`;

  /** The letter for a decision to warn, not yet issued: built from the record as it is now. */
  const draftWarning = async (request: FastifyRequest, page: PersonPageContext, contactId: string) => {
    const decided = await store.decisionFor(db, contactId);
    if (!decided || decided.person_id !== page.person.id || decided.action !== 'warn' || !decided.order_id)
      return null;
    const { facts, picture } = await pictureOf(context, page);
    if (facts.warnings.some((w) => w.decision_id === decided.id)) return { issued: true as const };
    const failure = facts.failures.find((f) => f.id === contactId)!;
    const order = facts.orders.find((o) => o.id === decided.order_id)!;
    if (order.terminated_on !== null && order.terminated_on <= page.today)
      return { issued: false as const, endedOn: order.terminated_on };
    const { model, level, letterType } = draftWarningLetter({
      to: await addresseeFor(context, page),
      order,
      failure,
      warnings: facts.warnings,
      lastBreachEnded: picture.lastBreachEnded,
      issuedOn: page.today,
      officer: actorOf(request).name,
      policy,
    });
    return { issued: false as const, decided, failure, order, model, level, letterType };
  };

  app.get<IdParams>(
    '/people/:crn/enforcement/decisions/:id/warning',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'warning-preview', async (page) => {
        const draft = await draftWarning(request, page, request.params.id);
        if (!draft) return reply.callNotFound();
        if (draft.issued)
          return conflict(reply, page, 'The warning letter for this decision has already been issued.', 200);
        if ('endedOn' in draft) return conflict(reply, page, endedMessage(draft.endedOn!), 200);
        return reply.render(`${VIEWS}/warning-preview.njk`, pageView(page, { draft, letter: draft.model }));
      });
    },
  );

  app.post<IdParams>(
    '/people/:crn/enforcement/decisions/:id/warning',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'warning-issue', async (page) => {
        const draft = await draftWarning(request, page, request.params.id);
        if (!draft) return reply.callNotFound();
        if (draft.issued)
          return conflict(reply, page, 'The warning letter for this decision has already been issued.');
        if ('endedOn' in draft) return conflict(reply, page, endedMessage(draft.endedOn!));
        const pdf = await renderPdf(draft.model);
        const result = await enforcement.issueWarning(db, whoFor(request, context), {
          personId: page.person.id,
          orderId: draft.order.id,
          contactId: draft.failure.id,
          decisionId: draft.decided.id,
          level: draft.level,
          letterType: draft.letterType,
          letterText: plainText(draft.model),
          pdf,
          largePrint: draft.model.largePrint,
        });
        if (!result.issued)
          return conflict(reply, page, 'The warning letter for this decision has already been issued.');
        return reply.redirect(`${base(page)}#warnings`);
      });
    },
  );

  app.get<IdParams>(
    '/people/:crn/enforcement/warnings/:id/letter.pdf',
    { config: view },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'warning-letter', async (page) => {
        const row = await db
          .selectFrom('warnings')
          .select(['pdf', 'issued_on'])
          .where('id', '=', request.params.id)
          .where('person_id', '=', page.person.id)
          .executeTakeFirst();
        if (!row) return reply.callNotFound();
        await enforcement.auditDownload(
          db,
          actorOf(request),
          page.person.id,
          'warning',
          request.params.id,
          'warning letter',
        );
        return pdfReply(reply, row.pdf, `warning-${page.person.crn}-${row.issued_on}.pdf`);
      });
    },
  );

  const withdrawPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    warning: store.WarningRow,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) => reply.render(`${VIEWS}/withdraw.njk`, pageView(page, { warning, values, errors }));

  const findWarning = (page: PersonPageContext, id: string) =>
    store.warningsOf(db, [page.person.id]).then((ws) => ws.find((w) => w.id === id));

  app.get<IdParams>(
    '/people/:crn/enforcement/warnings/:id/withdraw',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'warning-withdraw', async (page) => {
        const warning = await findWarning(page, request.params.id);
        if (!warning) return reply.callNotFound();
        return withdrawPage(reply, page, warning, { reason: '', rowVersion: String(warning.row_version) });
      });
    },
  );

  app.post<IdParams>(
    '/people/:crn/enforcement/warnings/:id/withdraw',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const body = request.body as Body;
      const values = { reason: text(body, 'reason'), rowVersion: text(body, 'rowVersion') };
      return withPerson(context, request, reply, 'warning-withdraw', async (page) => {
        const warning = await findWarning(page, request.params.id);
        if (!warning) return reply.callNotFound();
        const parsed = withdrawForm.safeParse(values);
        if (!parsed.success)
          return withdrawPage(reply.code(400), page, warning, values, toFormErrors(parsed.error));
        const done = await enforcement.withdrawWarning(db, whoFor(request, context), {
          personId: page.person.id,
          warningId: warning.id,
          expectedVersion: Number(values.rowVersion),
          reason: parsed.data.reason,
        });
        if (!done)
          return conflict(
            reply,
            page,
            'This warning was changed by someone else, or is already withdrawn. Nothing was saved.',
          );
        return reply.redirect(`${base(page)}#warnings`);
      });
    },
  );

  // ------------------------------------------------------------------ breach

  const loadBreach = async (page: PersonPageContext, id: string) => {
    const { facts, picture } = await pictureOf(context, page);
    const breach = picture.breaches.find((b) => b.id === id);
    return breach ? { facts, picture, breach } : null;
  };

  const courtsList = () =>
    db.selectFrom('courts').select(['code', 'name']).where('active', '=', true).orderBy('name').execute();

  const breachPage = async (
    reply: FastifyReply,
    request: FastifyRequest,
    page: PersonPageContext,
    breach: EnforcementPicture['breaches'][number],
    form: { step?: string; values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) =>
    reply.render(
      `${VIEWS}/breach.njk`,
      pageView(page, {
        breach,
        courts: await courtsList(),
        outcomes: BREACH_OUTCOMES,
        courtProcesses: COURT_PROCESSES,
        packDocuments: PACK_DOCUMENTS,
        canAct: mayAct(request),
        isManager: isManager(request),
        step: form.step ?? '',
        values: {
          assessment: breach.assessment ?? '',
          proposal: breach.proposal ?? '',
          courtProcess: breach.court_process ?? '',
          warrantReason: breach.warrant_reason ?? '',
          court: breach.court_code ?? '',
          withdrawReason: '',
          hearingOn: dateParts({}, 'hearingOn'),
          resolvedOn: dateParts({}, 'resolvedOn'),
          ...form.values,
        },
        errors: form.errors ?? NO_ERRORS,
      }),
    );

  app.get<IdParams>('/people/:crn/enforcement/breaches/:id', { config: view }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    return withPerson(context, request, reply, 'breach', async (page) => {
      const loaded = await loadBreach(page, request.params.id);
      if (!loaded) return reply.callNotFound();
      return breachPage(reply, request, page, loaded.breach);
    });
  });

  /** What the breach pack says, gathered from the record as it is now. */
  const packInput = async (
    page: PersonPageContext,
    loaded: NonNullable<Awaited<ReturnType<typeof loadBreach>>>,
    form: BreachPackForm,
  ) => breachPackInput(db, loaded.facts, loaded.breach, page.person, await addresseeFor(context, page), form);

  app.post<IdParams>(
    '/people/:crn/enforcement/breaches/:id/countersign',
    { config: manage },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const body = request.body as Body;
      return withPerson(context, request, reply, 'breach-countersign', async (page) => {
        const loaded = await loadBreach(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { breach } = loaded;
        if (Number(text(body, 'rowVersion')) !== breach.row_version)
          return conflict(reply, page, 'This breach was changed by someone else. Nothing was saved.');
        if (breach.state !== 'pack-ready') {
          return breachPage(reply.code(400), request, page, breach, {
            errors: singleError(
              'countersign',
              'The breach pack must be ready before a manager countersigns it',
            ),
          });
        }
        const who = whoFor(request, context);
        const input = await packInput(page, loaded, {
          assessment: breach.assessment!,
          proposal: breach.proposal!,
          courtProcess: breach.court_process ?? 'summons',
          warrantReason: breach.warrant_reason,
          preparedOn: breach.pack_ready_on ?? who.today,
          countersignedBy: who.actor.name,
          countersignedOn: who.today,
        });
        // Only the breach report carries the countersignature: the other documents stay as prepared.
        const report = await renderBreachReport(input);
        const done = await enforcement.advanceBreach(db, who, {
          personId: page.person.id,
          breachId: breach.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          from: ['pack-ready'],
          set: {
            state: 'countersigned',
            countersigned_by_user_id: who.userId,
            countersigned_by_name: who.actor.name,
            countersigned_on: who.today,
            breach_report_pdf: report,
          },
          audit: 'countersigned-breach',
        });
        if (!done)
          return conflict(reply, page, 'This breach was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/breaches/${breach.id}`);
      });
    },
  );

  app.post<StepParams>(
    '/people/:crn/enforcement/breaches/:id/:step',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const { step } = request.params;
      if (!['pack', 'submit', 'listed', 'adjourned', 'outcome', 'withdraw'].includes(step))
        return reply.callNotFound();
      const body = request.body as Body;
      return withPerson(context, request, reply, `breach-${step}`, async (page) => {
        const loaded = await loadBreach(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { breach } = loaded;
        if (Number(text(body, 'rowVersion')) !== breach.row_version)
          return conflict(reply, page, 'This breach was changed by someone else. Nothing was saved.');
        const who = whoFor(request, context);
        const expectedVersion = Number(text(body, 'rowVersion'));
        const refuse = (values: Record<string, unknown>, errors: FormErrors) =>
          breachPage(reply.code(400), request, page, breach, { step, values, errors });
        let done = false;
        if (step === 'pack') {
          const values = {
            assessment: text(body, 'assessment'),
            proposal: text(body, 'proposal'),
            courtProcess: text(body, 'courtProcess'),
            warrantReason: text(body, 'warrantReason'),
          };
          if (breach.state !== 'requested' && breach.state !== 'pack-ready')
            return refuse(
              values,
              singleError(
                'assessment',
                'The breach pack can no longer be changed: it has been countersigned',
              ),
            );
          const parsed = packForm.safeParse(values);
          if (!parsed.success) return refuse(values, toFormErrors(parsed.error));
          const pack = await renderBreachPack(
            await packInput(page, loaded, {
              ...parsed.data,
              preparedOn: who.today,
              countersignedBy: null,
              countersignedOn: null,
            }),
          );
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: ['requested', 'pack-ready'],
            set: {
              state: 'pack-ready',
              assessment: parsed.data.assessment,
              proposal: parsed.data.proposal,
              pack_ready_on: who.today,
              court_process: parsed.data.courtProcess,
              warrant_reason: parsed.data.courtProcess === 'warrant' ? parsed.data.warrantReason : null,
              breach_report_pdf: pack.report,
              statement_pdf: pack.statement,
              order_and_warnings_pdf: pack.orderAndWarnings,
              activity_log_pdf: pack.activityLog,
              court_application_pdf: pack.application,
            },
            audit: 'prepared-breach-pack',
          });
        } else if (step === 'withdraw') {
          const values = { withdrawReason: text(body, 'withdrawReason') };
          if (!(BEFORE_COURT as readonly string[]).includes(breach.state))
            return refuse(
              values,
              singleError(
                'withdrawReason',
                breachInProgress(breach.state)
                  ? 'The breach is with the court: record the court’s decision instead of withdrawing it'
                  : 'The breach has already ended',
              ),
            );
          const parsed = withdrawBreachForm.safeParse(values);
          if (!parsed.success) return refuse(values, toFormErrors(parsed.error));
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: BEFORE_COURT,
            set: { state: 'withdrawn', outcome: 'withdrawn', outcome_notes: parsed.data.withdrawReason },
            audit: 'withdrew-breach',
            detail: { reason: parsed.data.withdrawReason },
          });
        } else if (step === 'submit') {
          if (breach.state !== 'countersigned')
            return refuse(
              {},
              singleError(
                'submit',
                'A manager must countersign the breach pack before it is submitted to the court',
              ),
            );
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: ['countersigned'],
            set: { state: 'submitted', submitted_on: who.today },
            audit: 'submitted-breach',
          });
        } else if (step === 'listed') {
          const values = { court: text(body, 'court'), hearingOn: dateParts(body, 'hearingOn') };
          if (breach.state !== 'submitted')
            return refuse(
              values,
              singleError('court', 'The breach must be submitted before its hearing is listed'),
            );
          const courts = (await courtsList()).map((c) => c.code);
          const parsed = listingForm(courts).safeParse(values);
          if (!parsed.success) return refuse(values, toFormErrors(parsed.error, ['hearingOn']));
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: ['submitted'],
            set: { state: 'listed', court_code: parsed.data.court, hearing_on: parsed.data.hearingOn },
            audit: 'listed-breach',
          });
        } else if (step === 'adjourned') {
          const values = {
            hearingOn: dateParts(body, 'hearingOn'),
            adjournmentReason: text(body, 'adjournmentReason'),
          };
          if (breach.state !== 'listed' && breach.state !== 'adjourned')
            return refuse(values, singleError('hearingOn-day', 'Only a listed hearing can be adjourned'));
          const parsed = adjournForm().safeParse(values);
          if (!parsed.success) return refuse(values, toFormErrors(parsed.error, ['hearingOn']));
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: ['listed', 'adjourned'],
            set: {
              state: 'adjourned',
              hearing_on: parsed.data.hearingOn,
              adjournment_reason: parsed.data.adjournmentReason,
            },
            audit: 'adjourned-breach',
          });
        } else {
          const values = {
            outcome: text(body, 'outcome'),
            resolvedOn: dateParts(body, 'resolvedOn'),
            outcomeNotes: text(body, 'outcomeNotes'),
          };
          if (breach.state !== 'listed' && breach.state !== 'adjourned')
            return refuse(values, singleError('outcome', 'Record the hearing before its outcome'));
          const parsed = outcomeForm(page.today).safeParse(values);
          if (!parsed.success) return refuse(values, toFormErrors(parsed.error, ['resolvedOn']));
          done = await enforcement.advanceBreach(db, who, {
            personId: page.person.id,
            breachId: breach.id,
            expectedVersion,
            from: ['listed', 'adjourned'],
            set: {
              state: 'resolved',
              outcome: parsed.data.outcome,
              resolved_on: parsed.data.resolvedOn,
              outcome_notes: parsed.data.outcomeNotes,
            },
            audit: 'resolved-breach',
            detail: { outcome: parsed.data.outcome },
          });
        }
        if (!done)
          return conflict(reply, page, 'This breach was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/breaches/${breach.id}`);
      });
    },
  );

  app.get<{ Params: { crn: string; id: string; document: string } }>(
    '/people/:crn/enforcement/breaches/:id/documents/:document',
    { config: view },
    async (request, reply) => {
      const { id, document } = request.params;
      const column = PACK_DOCUMENTS.find((d) => d.file === document)?.column;
      if (!UUID.test(id) || !column) return reply.callNotFound();
      return withPerson(context, request, reply, 'breach-document', async (page) => {
        const row = await db
          .selectFrom('breaches')
          .select([column])
          .where('id', '=', id)
          .where('person_id', '=', page.person.id)
          .executeTakeFirst();
        const bytes = row?.[column];
        if (!bytes) return reply.callNotFound();
        await enforcement.auditDownload(db, actorOf(request), page.person.id, 'breach', id, document);
        return pdfReply(reply, bytes, `${document.replace('.pdf', '')}-${page.person.crn}.pdf`);
      });
    },
  );

  // ------------------------------------------------------------------ recall

  const loadRecall = async (page: PersonPageContext, id: string) => {
    const { facts, picture } = await pictureOf(context, page);
    const recall = picture.recalls.find((r) => r.id === id);
    return recall ? { facts, picture, recall } : null;
  };

  const recallFacts = (page: PersonPageContext, order: store.OrderRow) =>
    knownRecallFacts(db, page.person, order, page.today);

  const recommendationPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    recall: EnforcementPicture['recalls'][number],
    values: Record<string, unknown>,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const conditions = await store.licenceConditionsOfOrder(db, recall.order_id);
    const known = await recallFacts(page, recall.order!);
    return reply.render(
      `${VIEWS}/recall-recommendation.njk`,
      pageView(page, { recall, conditions, known, values, errors }),
    );
  };

  app.get<IdParams>(
    '/people/:crn/enforcement/recalls/:id/recommendation',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'recall-recommendation', async (page) => {
        const loaded = await loadRecall(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const r = loaded.recall;
        return recommendationPage(reply, page, r, {
          circumstances: r.circumstances ?? '',
          conditionsBreached: r.conditions_breached ?? [],
          riskNow: r.risk_now ?? '',
          alternatives: r.alternatives ?? '',
          recallType: r.recall_type ?? '',
          schedule19AA: '',
          terrorist: '',
          charged: '',
          rowVersion: String(r.row_version),
        });
      });
    },
  );

  app.post<IdParams>(
    '/people/:crn/enforcement/recalls/:id/recommendation',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const body = request.body as Body;
      const values = {
        circumstances: text(body, 'circumstances'),
        conditionsBreached: list(body, 'conditionsBreached'),
        riskNow: text(body, 'riskNow'),
        alternatives: text(body, 'alternatives'),
        recallType: text(body, 'recallType'),
        schedule19AA: text(body, 'schedule19AA'),
        terrorist: text(body, 'terrorist'),
        charged: text(body, 'charged'),
        rowVersion: text(body, 'rowVersion'),
      };
      return withPerson(context, request, reply, 'recall-recommendation', async (page) => {
        const loaded = await loadRecall(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { recall } = loaded;
        if (Number(text(body, 'rowVersion')) !== recall.row_version)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        if (recall.state !== 'recommendation-due' && recall.state !== 'recommended') {
          return recommendationPage(
            reply.code(400),
            page,
            recall,
            values,
            singleError(
              'circumstances',
              'The recommendation can no longer be changed: it has been countersigned',
            ),
          );
        }
        const conditions = await store.licenceConditionsOfOrder(db, recall.order_id);
        const parsed = recommendationForm(conditions.map((c) => c.code)).safeParse(values);
        if (!parsed.success)
          return recommendationPage(reply.code(400), page, recall, values, toFormErrors(parsed.error));
        const form = parsed.data;
        const known = await recallFacts(page, recall.order!);
        const eligibility = fixedTermRecallEligibility(
          {
            decisionDate: page.today,
            ...known,
            schedule19AAOffence: form.schedule19AA,
            terroristPrisoner: form.terrorist,
            recalledForCharge: form.charged,
          },
          policy,
        );
        const who = whoFor(request, context);
        const done = await enforcement.advanceRecall(db, who, {
          personId: page.person.id,
          recallId: recall.id,
          expectedVersion: Number(values.rowVersion),
          from: ['recommendation-due', 'recommended'],
          set: {
            state: 'recommended',
            circumstances: form.circumstances,
            conditions_breached: JSON.stringify(
              form.conditionsBreached.map((code) => {
                const c = conditions.find((x) => x.code === code)!;
                return `${c.description}${c.detail ? ` (${c.detail})` : ''}`;
              }),
            ),
            risk_now: form.riskNow,
            alternatives: form.alternatives,
            recall_type: form.recallType,
            eligibility: JSON.stringify({
              checks: eligibility.checks,
              reasons: eligibility.reasons,
              source: eligibility.source,
              automaticReleaseDays: eligibility.automaticReleaseDays,
            }),
            fixed_term_eligible: eligibility.eligible,
            fixed_term_days: eligibility.fixedTermDays,
            recommended_on: who.today,
            countersigned_by_user_id: null,
            countersigned_by_name: null,
            countersigned_on: null,
            senior_countersigned_by_user_id: null,
            senior_countersigned_by_name: null,
            senior_countersigned_on: null,
          },
          audit: 'recommended-recall',
          detail: { recallType: form.recallType, fixedTermEligible: eligibility.eligible },
        });
        if (!done)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/recalls/${recall.id}`);
      });
    },
  );

  const recallPage = (
    reply: FastifyReply,
    request: FastifyRequest,
    page: PersonPageContext,
    recall: EnforcementPicture['recalls'][number],
    form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) =>
    reply.render(
      `${VIEWS}/recall.njk`,
      pageView(page, {
        recall,
        canAct: mayAct(request),
        isManager: isManager(request),
        values: { returnedOn: dateParts({}, 'returnedOn'), reason: '', ...form.values },
        errors: form.errors ?? NO_ERRORS,
      }),
    );

  app.get<IdParams>('/people/:crn/enforcement/recalls/:id', { config: view }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    return withPerson(context, request, reply, 'recall', async (page) => {
      const loaded = await loadRecall(page, request.params.id);
      if (!loaded) return reply.callNotFound();
      return recallPage(reply, request, page, loaded.recall);
    });
  });

  app.post<IdParams>(
    '/people/:crn/enforcement/recalls/:id/countersign',
    { config: manage },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const body = request.body as Body;
      return withPerson(context, request, reply, 'recall-countersign', async (page) => {
        const loaded = await loadRecall(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { recall } = loaded;
        if (Number(text(body, 'rowVersion')) !== recall.row_version)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        const who = whoFor(request, context);
        const refuse = (message: string) =>
          recallPage(reply.code(400), request, page, recall, { errors: singleError('countersign', message) });
        if (recall.state !== 'recommended')
          return refuse('The recall must be recommended before a manager countersigns it');
        const staff = who.staffId ? await findStaff(db, who.staffId) : undefined;
        const signature = recallCountersignature(
          recall.recall_type!,
          { manager: recall.countersigned_by_user_id, seniorManager: recall.senior_countersigned_by_user_id },
          {
            userId: who.userId ?? '',
            seniorManager: staff !== undefined && policy.seniorManagerGrades.includes(staff.grade_code),
          },
        );
        if (!signature.answer) return refuse(signature.reasons[0]!);
        const state = signature.answer.complete ? ('countersigned' as const) : ('recommended' as const);
        const set =
          signature.answer.fills === 'manager'
            ? {
                state,
                countersigned_by_user_id: who.userId,
                countersigned_by_name: who.actor.name,
                countersigned_on: who.today,
              }
            : {
                state,
                senior_countersigned_by_user_id: who.userId,
                senior_countersigned_by_name: who.actor.name,
                senior_countersigned_on: who.today,
              };
        const done = await enforcement.advanceRecall(db, who, {
          personId: page.person.id,
          recallId: recall.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          from: ['recommended'],
          set,
          audit: 'countersigned-recall',
          detail: { as: signature.answer.fills, complete: signature.answer.complete },
        });
        if (!done)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/recalls/${recall.id}`);
      });
    },
  );

  app.post<IdParams>(
    '/people/:crn/enforcement/recalls/:id/not-recalled',
    { config: manage },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const body = request.body as Body;
      const values = { reason: text(body, 'reason') };
      return withPerson(context, request, reply, 'recall-not-recalled', async (page) => {
        const loaded = await loadRecall(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { recall } = loaded;
        if (Number(text(body, 'rowVersion')) !== recall.row_version)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        // Once the licence has ended there is nothing to recommend: the decision may come first.
        const from: RecallState[] = recall.orderEnded
          ? ['recommendation-due', 'recommended', 'countersigned']
          : ['recommended', 'countersigned'];
        if (!from.includes(recall.state))
          return recallPage(reply.code(400), request, page, recall, {
            values,
            errors: singleError('reason', 'A decision not to recall follows a recommendation'),
          });
        const parsed = notRecallForm.safeParse(values);
        if (!parsed.success)
          return recallPage(reply.code(400), request, page, recall, {
            values,
            errors: toFormErrors(parsed.error),
          });
        const who = whoFor(request, context);
        const pdf = await renderPdf(
          decisionNotToRecallLetter({
            to: await addresseeFor(context, page),
            decidedOn: who.today,
            reason: parsed.data.reason,
            manager: who.actor.name,
          }),
        );
        const done = await enforcement.advanceRecall(db, who, {
          personId: page.person.id,
          recallId: recall.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          from,
          set: {
            state: 'not-recalled',
            decision: 'not-recall',
            decision_reason: parsed.data.reason,
            decided_on: who.today,
            pdf,
          },
          audit: 'decided-not-to-recall',
        });
        if (!done)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/recalls/${recall.id}`);
      });
    },
  );

  app.post<StepParams>(
    '/people/:crn/enforcement/recalls/:id/:step',
    { config: edit },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const { step } = request.params;
      if (step !== 'issue' && step !== 'returned') return reply.callNotFound();
      const body = request.body as Body;
      return withPerson(context, request, reply, `recall-${step}`, async (page) => {
        const loaded = await loadRecall(page, request.params.id);
        if (!loaded) return reply.callNotFound();
        const { recall } = loaded;
        if (Number(text(body, 'rowVersion')) !== recall.row_version)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        const who = whoFor(request, context);
        const expectedVersion = Number(text(body, 'rowVersion'));
        let done: boolean;
        if (step === 'issue') {
          if (recall.state !== 'countersigned') {
            return recallPage(reply.code(400), request, page, recall, {
              errors: singleError(
                'issue',
                recall.recall_type === 'emergency'
                  ? 'An emergency recall needs a manager and a senior manager to countersign it before it is issued'
                  : 'A manager must countersign the recall before it is issued',
              ),
            });
          }
          const pdf = await renderPdf(
            recallReportFor(recall, await addresseeFor(context, page), page.person.date_of_birth),
          );
          done = await enforcement.advanceRecall(db, who, {
            personId: page.person.id,
            recallId: recall.id,
            expectedVersion,
            from: ['countersigned'],
            set: { state: 'issued', decision: 'recall', decided_on: who.today, pdf },
            audit: 'issued-recall',
          });
        } else {
          const values = { returnedOn: dateParts(body, 'returnedOn') };
          if (recall.state !== 'issued')
            return recallPage(reply.code(400), request, page, recall, {
              values,
              errors: singleError(
                'returnedOn-day',
                'Issue the recall before recording the return to custody',
              ),
            });
          const parsed = returnedForm(page.today).safeParse(values);
          if (!parsed.success)
            return recallPage(reply.code(400), request, page, recall, {
              values,
              errors: toFormErrors(parsed.error, ['returnedOn']),
            });
          done = await enforcement.advanceRecall(db, who, {
            personId: page.person.id,
            recallId: recall.id,
            expectedVersion,
            from: ['issued'],
            set: { state: 'returned', returned_to_custody_on: parsed.data.returnedOn },
            audit: 'recorded-return-to-custody',
          });
        }
        if (!done)
          return conflict(reply, page, 'This recall was changed by someone else. Nothing was saved.');
        return reply.redirect(`${base(page)}/recalls/${recall.id}`);
      });
    },
  );

  app.get<IdParams>(
    '/people/:crn/enforcement/recalls/:id/document.pdf',
    { config: view },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      return withPerson(context, request, reply, 'recall-document', async (page) => {
        const row = await db
          .selectFrom('recalls')
          .select(['pdf', 'state'])
          .where('id', '=', request.params.id)
          .where('person_id', '=', page.person.id)
          .executeTakeFirst();
        if (!row?.pdf) return reply.callNotFound();
        await enforcement.auditDownload(
          db,
          actorOf(request),
          page.person.id,
          'recall',
          request.params.id,
          row.state,
        );
        return pdfReply(
          reply,
          row.pdf,
          `${row.state === 'not-recalled' ? 'decision-not-to-recall' : 'recall-report'}-${page.person.crn}.pdf`,
        );
      });
    },
  );

  // ------------------------------------------------------------------ the enforcement caseload

  app.get<{ Querystring: Record<string, string> }>(
    '/enforcement',
    { config: { allow: [...RESPONSIBLE_OFFICERS, ...MANAGERS] } },
    async (request, reply) => {
      const staffId = request.user?.staffId ?? null;
      const manager = isManager(request);
      const team = manager ? await teamOfStaff(db, staffId) : undefined;
      const query = caseloadQuery.parse(request.query);
      const people =
        staffId === null || (manager && !team)
          ? []
          : await db
              .selectFrom('allocations')
              .innerJoin('people', 'people.id', 'allocations.person_id')
              .innerJoin('staff', 'staff.id', 'allocations.staff_id')
              .select([
                'people.id',
                'people.crn',
                'people.forename',
                'people.surname',
                'staff.id as officer_id',
                'staff.forename as officer_forename',
                'staff.surname as officer_surname',
              ])
              .where('allocations.ended_at', 'is', null)
              .where(
                manager ? 'allocations.team_id' : 'allocations.staff_id',
                '=',
                manager ? team!.id : staffId!,
              )
              .where(visibleTo(viewerOf(request)))
              .execute();
      const officers = [
        ...new Map(people.map((p) => [p.officer_id, `${p.officer_forename} ${p.officer_surname}`] as const)),
      ].sort((a, b) => a[1].localeCompare(b[1]));
      const shown = manager && query.officer ? people.filter((p) => p.officer_id === query.officer) : people;
      const today = londonDateOf(context.now());
      const facts = store.factsByPerson(
        await store.enforcementFacts(
          db,
          shown.map((p) => p.id),
        ),
      );
      let items = shown.flatMap((p) =>
        enforcementPicture(facts(p.id), p.id, today, p.crn, policy).items.map((item) => ({
          ...item,
          person: p,
        })),
      );
      if (query.state) items = items.filter((i) => i.kind === query.state);
      if (query.clock) items = items.filter((i) => i.clock?.state === query.clock);
      const name = (i: (typeof items)[number]) => `${i.person.surname} ${i.person.forename}`;
      const officer = (i: (typeof items)[number]) =>
        `${i.person.officer_surname} ${i.person.officer_forename}`;
      const due = (i: (typeof items)[number]) => i.due ?? '9999-12-31';
      items.sort((a, b) =>
        query.sort === 'person'
          ? name(a).localeCompare(name(b)) || due(a).localeCompare(due(b))
          : query.sort === 'officer'
            ? officer(a).localeCompare(officer(b)) || due(a).localeCompare(due(b))
            : due(a).localeCompare(due(b)) || name(a).localeCompare(name(b)),
      );
      return reply.render(`${VIEWS}/caseload.njk`, {
        title: manager ? `Enforcement: ${team?.name ?? 'your team'}` : 'Enforcement: your cases',
        items,
        query,
        manager,
        officers,
        kinds: CASELOAD_KINDS,
        clocks: CASELOAD_CLOCKS,
      });
    },
  );
}
