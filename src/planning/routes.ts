import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addCaseloadColumn, type CaseloadCell } from '../allocation/index.js';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { addOverviewPanel, addPersonTab, withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { formatDate, formatDateTime } from '../platform/http/format.js';
import { datePartsFromIso, NO_ERRORS, problemErrors, text, type FormErrors } from '../platform/http/forms.js';
import { caseRiskFacts } from '../tiering/index.js';
import { planClocksFor, type PlanClocks } from './clocks.js';
import { planningPolicyFrom, type PlanningPolicy } from './policy.js';
import {
  isRiskPlanPart,
  nextRiskPlanReview,
  overdueActions,
  needsForChoice,
  RISK_PLAN_PARTS,
  type RiskPlanPart,
} from './rules.js';
import {
  OWNERS,
  PROGRESS,
  readAction,
  readAgreement,
  readObjective,
  readReview,
  readRiskPart,
  readRiskReview,
  readStartPlan,
  readStrengths,
  type Values,
} from './schemas.js';
import * as planning from './service.js';
import * as store from './store.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };
type IdParams = { Params: { crn: string; id: string } };
type PartParams = { Params: { crn: string; part: string } };

const VIEWS = 'planning/views';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OWNER_TEXT: Record<string, string> = {
  person: 'The person',
  'responsible-officer': 'The responsible officer',
  'partner-agency': 'A partner agency',
  other: 'Someone else',
};

const PROGRESS_TEXT = Object.fromEntries(PROGRESS.map((p) => [p.value, p.text]));

interface FormState {
  values?: Values;
  errors?: FormErrors;
  conflict?: ConflictView;
  rowVersion?: number;
}

interface ConflictView {
  by: string;
  at: Date;
  differences: Array<{ label: string; theirs: string; yours: string }>;
}

/** The form again after a lost race: what was typed, the saved version's row_version, and what differs. */
function lostRace(
  conflict: { by: string; at: Date },
  values: Values,
  rowVersion: number,
  rows: Array<[string, unknown, unknown]>,
): FormState {
  return {
    values,
    rowVersion,
    conflict: { by: conflict.by, at: conflict.at, differences: differences(rows) },
  };
}

/** The rows of a conflict table: only what differs between the saved version and the one typed. */
function differences(rows: Array<[string, unknown, unknown]>): ConflictView['differences'] {
  const show = (v: unknown) =>
    v === null || v === undefined ? '' : /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDate(v) : String(v);
  return rows
    .map(([label, theirs, yours]) => ({ label, theirs: show(theirs), yours: show(yours) }))
    .filter((d) => d.theirs !== d.yours);
}

function mayEdit(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).some((r) => (CASE_EDITORS as string[]).includes(r));
}

function partTitle(part: RiskPlanPart): string {
  return RISK_PLAN_PARTS.find((p) => p.key === part)!.title;
}

/** The caseload's Plans cell: the sentence plan's next deadline and the risk management plan's state. */
export function caseloadCell(clocks: PlanClocks): CaseloadCell {
  const parts: string[] = [];
  const { sentencePlan: plan, riskPlan: risk } = clocks;
  let overdue = false;
  let soon = false;
  if (plan.due) {
    const what = plan.kind === 'initial' ? 'Initial plan' : 'Plan review';
    parts.push(`${what} by ${formatDate(plan.dueOn)}`);
    overdue ||= plan.status === 'overdue';
    soon ||= plan.status === 'due-soon';
  }
  if (risk.state === 'missing') parts.push('RMP missing');
  else if (risk.state === 'not-complete') parts.push('RMP not complete');
  else if (risk.required && risk.nextReviewOn) {
    parts.push(`RMP review by ${formatDate(risk.nextReviewOn)}`);
    overdue ||= risk.state === 'review-overdue';
    soon ||= risk.state === 'review-due-soon';
  }
  const missing = risk.state === 'missing' || risk.state === 'not-complete';
  const text = parts.join('; ') || 'None due';
  if (overdue) return { text, tag: { text: 'Overdue', colour: 'red' } };
  if (missing) return { text, tag: { text: 'Missing', colour: 'red' } };
  if (soon) return { text, tag: { text: 'Due soon', colour: 'yellow' } };
  return { text };
}

/** Everything the Plans tab shows for one person. */
async function loadPlans(context: AppContext, page: PersonPageContext, policy: PlanningPolicy) {
  const { db } = context;
  const [plan, riskPlan, clocks, rosh] = await Promise.all([
    store.planOf(db, page.person.id),
    store.riskPlanOf(db, page.person.id),
    planClocksFor(db, [page.person.id], page.today, policy),
    caseRiskFacts(db, page.person.id, page.today),
  ]);
  const [objectives, actions, reviews, riskReviews] = await Promise.all([
    plan ? store.objectivesOf(db, plan.id) : [],
    plan ? store.actionsOf(db, plan.id) : [],
    plan ? store.reviewsOf(db, plan.id) : [],
    riskPlan ? store.riskPlanReviewsOf(db, riskPlan.id) : [],
  ]);
  const overdue = overdueActions(
    actions.map((a) => ({ ...a, targetDate: a.target_date, doneOn: a.done_on })),
    page.today,
  );
  const overdueIds = new Set(overdue.map((a) => a.id));
  const words = new Map(objectives.map((o, i) => [o.id, `${i + 1}. ${o.officers_words}`]));
  return {
    plan,
    clocks: clocks.get(page.person.id)!,
    rosh: rosh.rosh,
    objectives: objectives.map((o, index) => ({
      ...o,
      number: index + 1,
      progressText: PROGRESS_TEXT[o.progress],
      actions: actions
        .filter((a) => a.objective_id === o.id)
        .map((a) => ({
          ...a,
          ownerText: a.owner_name ?? OWNER_TEXT[a.owner],
          overdue: overdueIds.has(a.id),
        })),
    })),
    overdue: overdue.map((a) => ({ ...a, objective: words.get(a.objective_id) })),
    reviews: reviews.map((r) => ({
      ...r,
      progress: r.progress.map((p) => ({
        ...p,
        // In words, not by number: the sequence may have changed since the review.
        objective: objectives.find((o) => o.id === p.objective_id)?.officers_words ?? 'An objective',
        progressText: PROGRESS_TEXT[p.progress],
      })),
    })),
    riskPlan: riskPlan ?? null,
    riskParts: RISK_PLAN_PARTS.map((p) => ({ ...p, text: planning.partsOf(riskPlan)[p.key] })),
    riskReviews,
  };
}

export function planningRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };
  const policy = planningPolicyFrom(context.config.planning);
  addPersonTab({ key: 'plans', text: 'Plans', path: '/plans', order: 19 });
  addOverviewPanel({
    key: 'plans',
    order: 32,
    template: `${VIEWS}/overview-panel.njk`,
    load: async (database, person, today) => {
      const [clocks, plan] = await Promise.all([
        planClocksFor(database, [person.id], today, policy),
        store.planOf(database, person.id),
      ]);
      const actions = plan ? await store.actionsOf(database, plan.id) : [];
      return {
        crn: person.crn,
        clocks: clocks.get(person.id),
        overdueActions: overdueActions(
          actions.map((a) => ({ id: a.id, targetDate: a.target_date, doneOn: a.done_on })),
          today,
        ).length,
      };
    },
  });
  addCaseloadColumn({
    key: 'plans',
    heading: 'Plans',
    order: 12,
    load: async (database, personIds, today) => {
      const clocks = await planClocksFor(database, personIds, today, policy);
      return new Map([...clocks].map(([id, c]) => [id, caseloadCell(c)]));
    },
  });

  const pageView = (page: PersonPageContext, extra: Record<string, unknown>) => ({
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'plans',
    policy,
    ...extra,
  });
  /**
   * A form page: 409 after a lost race, 400 with errors, else 200; what was typed (or what is
   * saved, the first time), the errors, the other person's version and the row_version to send.
   */
  const formPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    template: string,
    form: FormState,
    saved: { values: Values; rowVersion: number },
    extra: Record<string, unknown> = {},
  ) =>
    reply.code(form.conflict ? 409 : form.errors?.summary.length ? 400 : 200).render(
      `${VIEWS}/${template}`,
      pageView(page, {
        ...extra,
        values: form.values ?? saved.values,
        errors: form.errors ?? NO_ERRORS,
        conflict: form.conflict ?? null,
        rowVersion: form.rowVersion ?? saved.rowVersion,
      }),
    );
  const plansUrl = (page: PersonPageContext, fragment = '') => `/people/${page.person.crn}/plans${fragment}`;

  // ---------------------------------------------------------------- the Plans tab

  const plansPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: PersonPageContext,
    form: { values?: Values; errors?: FormErrors; status?: number } = {},
  ) => {
    const loaded = await loadPlans(context, page, policy);
    const errors = form.errors ?? NO_ERRORS;
    return reply.code(form.status ?? (errors.summary.length ? 400 : 200)).render(
      `${VIEWS}/plans.njk`,
      pageView(page, {
        ...loaded,
        canEdit: mayEdit(request),
        values: form.values ?? { startedOn: datePartsFromIso(page.today) },
        errors,
        done: (request.query as Record<string, string>).done ?? null,
      }),
    );
  };

  app.get<CrnParams>('/people/:crn/plans', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'plans', (page) => plansPage(request, reply, page)),
  );

  app.post<CrnParams>('/people/:crn/plans/sentence-plan', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'start-sentence-plan', async (page) => {
      const form = readStartPlan(request.body as Body, page.today);
      if (form.errors) return plansPage(request, reply, page, form);
      const outcome = await planning.startPlan(db, actorOf(request), {
        personId: page.person.id,
        startedOn: form.data.startedOn,
        now: context.now(),
      });
      if (!outcome.saved && 'problems' in outcome)
        return plansPage(request, reply, page, {
          values: form.values,
          errors: problemErrors(outcome.problems),
        });
      return reply.redirect(plansUrl(page, '?done=started'));
    }),
  );

  /** A page that needs the plan: without one, back to the Plans tab to start it. */
  const withPlan = (
    request: FastifyRequest<CrnParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, plan: store.PlanRow) => Promise<unknown>,
  ) =>
    withPerson(context, request, reply, pageName, async (page) => {
      const plan = await store.planOf(db, page.person.id);
      if (!plan) return reply.redirect(plansUrl(page));
      return render(page, plan);
    });

  // ---------------------------------------------------------------- strengths and desistance

  const strengthsPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    plan: store.PlanRow,
    form: FormState = {},
  ) =>
    formPage(reply, page, 'strengths.njk', form, {
      values: {
        strengths: plan.strengths ?? '',
        desistanceFactors: plan.desistance_factors ?? '',
      },
      rowVersion: plan.row_version,
    });

  app.get<CrnParams>('/people/:crn/plans/sentence-plan/strengths', { config: edit }, async (request, reply) =>
    withPlan(request, reply, 'sentence-plan-strengths', async (page, plan) =>
      strengthsPage(reply, page, plan),
    ),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/sentence-plan/strengths',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-strengths', async (page, plan) => {
        const body = request.body as Body;
        const form = readStrengths(body);
        if (form.errors) return strengthsPage(reply, page, plan, form);
        const outcome = await planning.saveStrengths(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          ...form.data,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.planOf(db, page.person.id))!;
          return strengthsPage(
            reply,
            page,
            plan,
            lostRace(outcome.conflict, form.values, fresh.row_version, [
              ['Strengths', fresh.strengths, form.data.strengths],
              ['What helps them stop offending', fresh.desistance_factors, form.data.desistanceFactors],
            ]),
          );
        }
        if (!outcome.saved)
          return strengthsPage(reply, page, plan, {
            values: form.values,
            errors: problemErrors(outcome.problems),
          });
        return reply.redirect(plansUrl(page, '?done=strengths#strengths'));
      }),
  );

  // ---------------------------------------------------------------- objectives

  const objectivePage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    plan: store.PlanRow,
    objective: store.ObjectiveRow | null,
    form: FormState = {},
  ) => {
    const options = await planning.linkOptions(db, page.person.id, page.today);
    // A link kept from before stays on offer even if the need or requirement has since gone.
    if (objective?.need && !options.needs.some((n) => n.value === objective.need))
      options.needs.push({
        value: objective.need,
        text: objective.need_title ?? objective.need,
        severity: 'none',
        hint: 'From an earlier assessment',
      });
    if (objective?.requirement_id && !options.requirements.some((r) => r.value === objective.requirement_id))
      options.requirements.push({
        value: objective.requirement_id,
        text: objective.requirement_text ?? 'A requirement',
        hint: 'No longer current',
      });
    if (
      objective?.licence_condition_id &&
      !options.licenceConditions.some((c) => c.value === objective.licence_condition_id)
    )
      options.licenceConditions.push({
        value: objective.licence_condition_id,
        text: objective.licence_condition_text ?? 'A licence condition',
        hint: 'No longer current',
      });
    const values = form.values ?? {
      personsWords: objective?.persons_words ?? '',
      officersWords: objective?.officers_words ?? '',
      need: objective?.need ?? '',
      requirementId: objective?.requirement_id ?? '',
      licenceConditionId: objective?.licence_condition_id ?? '',
      interventions: objective?.interventions ?? '',
      source: objective?.source ?? 'officer',
      reportDate: datePartsFromIso(objective?.report_date),
      reportAuthor: objective?.report_author ?? '',
    };
    return formPage(
      reply,
      page,
      'objective.njk',
      form,
      { values, rowVersion: objective?.row_version ?? 0 },
      {
        plan,
        objective,
        assessment: options.assessment,
        needs: needsForChoice(options.needs),
        requirements: options.requirements,
        licenceConditions: options.licenceConditions,
        onLicence: options.onLicence,
      },
    );
  };

  app.get<CrnParams>(
    '/people/:crn/plans/sentence-plan/objectives/new',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-objective', (page, plan) =>
        objectivePage(reply, page, plan, null),
      ),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/sentence-plan/objectives/new',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-objective', async (page, plan) => {
        const form = readObjective(request.body as Body, page.today);
        if (form.errors) return objectivePage(reply, page, plan, null, form);
        const outcome = await planning.addObjective(db, actorOf(request), {
          personId: page.person.id,
          objective: form.data,
          today: page.today,
          now: context.now(),
        });
        if (!outcome.saved && 'problems' in outcome)
          return objectivePage(reply, page, plan, null, {
            values: form.values,
            errors: problemErrors(outcome.problems),
          });
        return reply.redirect(plansUrl(page, `?done=objective#objective-${(outcome as { id: string }).id}`));
      }),
  );

  const withObjective = (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, plan: store.PlanRow, objective: store.ObjectiveRow) => Promise<unknown>,
  ) =>
    withPlan(request, reply, pageName, async (page, plan) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const objective = await store.findObjective(db, page.person.id, request.params.id);
      if (!objective) return reply.callNotFound();
      return render(page, plan, objective);
    });

  app.get<IdParams>(
    '/people/:crn/plans/sentence-plan/objectives/:id',
    { config: edit },
    async (request, reply) =>
      withObjective(request, reply, 'sentence-plan-objective', (page, plan, objective) =>
        objectivePage(reply, page, plan, objective),
      ),
  );

  app.post<IdParams>(
    '/people/:crn/plans/sentence-plan/objectives/:id',
    { config: edit },
    async (request, reply) =>
      withObjective(request, reply, 'sentence-plan-objective', async (page, plan, objective) => {
        const body = request.body as Body;
        const form = readObjective(body, page.today);
        if (form.errors)
          return objectivePage(reply, page, plan, objective, {
            values: form.values,
            errors: form.errors,
            rowVersion: Number(text(body, 'rowVersion')),
          });
        const outcome = await planning.updateObjective(db, actorOf(request), {
          personId: page.person.id,
          objectiveId: objective.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          objective: form.data,
          today: page.today,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.findObjective(db, page.person.id, objective.id))!;
          const options = await planning.linkOptions(db, page.person.id, page.today);
          const needTitle = (need: string | null) =>
            need === null ? null : (options.needs.find((n) => n.value === need)?.text ?? need);
          const requirementText = (id: string | null) =>
            id === null
              ? null
              : (options.requirements.find((r) => r.value === id)?.text ?? 'A requirement no longer current');
          const conditionText = (id: string | null | undefined) =>
            !id
              ? null
              : (options.licenceConditions.find((c) => c.value === id)?.text ??
                'A licence condition no longer current');
          return objectivePage(
            reply,
            page,
            plan,
            fresh,
            lostRace(outcome.conflict, form.values, fresh.row_version, [
              ['In the person’s words', fresh.persons_words, form.data.personsWords],
              ['In your words', fresh.officers_words, form.data.officersWords],
              ['Need', fresh.need_title ?? needTitle(fresh.need), needTitle(form.data.need)],
              [
                'Requirement',
                fresh.requirement_text ?? requirementText(fresh.requirement_id),
                requirementText(form.data.requirementId),
              ],
              [
                'Licence condition',
                fresh.licence_condition_text ?? conditionText(fresh.licence_condition_id),
                conditionText(form.data.licenceConditionId),
              ],
              ['Interventions', fresh.interventions, form.data.interventions],
            ]),
          );
        }
        if (!outcome.saved)
          return objectivePage(reply, page, plan, objective, {
            values: form.values,
            errors: problemErrors(outcome.problems),
          });
        return reply.redirect(plansUrl(page, `?done=objective#objective-${objective.id}`));
      }),
  );

  app.post<IdParams>(
    '/people/:crn/plans/sentence-plan/objectives/:id/move',
    { config: edit },
    async (request, reply) =>
      withObjective(request, reply, 'sentence-plan-move', async (page, _plan, objective) => {
        const direction = text(request.body as Body, 'direction');
        if (direction !== 'up' && direction !== 'down')
          return plansPage(request, reply, page, {
            errors: problemErrors([
              { field: 'objectives', message: 'Choose to move the objective up or down' },
            ]),
          });
        const body = request.body as Body;
        const outcome = await planning.moveObjective(db, actorOf(request), {
          personId: page.person.id,
          objectiveId: objective.id,
          direction,
          expectedVersion: Number(text(body, 'rowVersion')),
          neighbourId: text(body, 'neighbourId'),
          neighbourVersion: Number(text(body, 'neighbourVersion')),
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome)
          return plansPage(request, reply, page, {
            status: 409,
            errors: problemErrors([
              {
                field: 'objectives',
                message: `The objectives were changed by ${outcome.conflict.by} at ${formatDateTime(outcome.conflict.at)} after you opened the page, so nothing was moved: check the order below and move the objective again`,
              },
            ]),
          });
        if (!outcome.saved)
          return plansPage(request, reply, page, { errors: problemErrors(outcome.problems) });
        return reply.redirect(plansUrl(page, `?done=moved#objective-${objective.id}`));
      }),
  );

  // ---------------------------------------------------------------- actions

  const actionPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    plan: store.PlanRow,
    objective: store.ObjectiveRow,
    action: store.ActionRow | null,
    form: FormState = {},
  ) => {
    const values = form.values ?? {
      description: action?.description ?? '',
      owner: action?.owner ?? '',
      ownerName: action?.owner_name ?? '',
      targetDate: datePartsFromIso(action?.target_date),
      doneOn: datePartsFromIso(action?.done_on),
    };
    return formPage(
      reply,
      page,
      'action.njk',
      form,
      { values, rowVersion: action?.row_version ?? 0 },
      { plan, objective, action, owners: OWNERS.map((o) => ({ value: o, text: OWNER_TEXT[o] })) },
    );
  };

  app.get<IdParams>(
    '/people/:crn/plans/sentence-plan/objectives/:id/actions/new',
    { config: edit },
    async (request, reply) =>
      withObjective(request, reply, 'sentence-plan-action', async (page, plan, objective) =>
        actionPage(reply, page, plan, objective, null),
      ),
  );

  app.post<IdParams>(
    '/people/:crn/plans/sentence-plan/objectives/:id/actions/new',
    { config: edit },
    async (request, reply) =>
      withObjective(request, reply, 'sentence-plan-action', async (page, plan, objective) => {
        const form = readAction(request.body as Body, page.today);
        if (form.errors) return actionPage(reply, page, plan, objective, null, form);
        const outcome = await planning.addAction(db, actorOf(request), {
          personId: page.person.id,
          objectiveId: objective.id,
          action: form.data,
          now: context.now(),
        });
        if (!outcome.saved && 'problems' in outcome)
          return actionPage(reply, page, plan, objective, null, {
            values: form.values,
            errors: problemErrors(outcome.problems, ['targetDate']),
          });
        return reply.redirect(plansUrl(page, `?done=action#objective-${objective.id}`));
      }),
  );

  const withAction = (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    render: (
      page: PersonPageContext,
      plan: store.PlanRow,
      objective: store.ObjectiveRow,
      action: store.ActionRow,
    ) => Promise<unknown>,
  ) =>
    withPlan(request, reply, 'sentence-plan-action', async (page, plan) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const action = await store.findAction(db, page.person.id, request.params.id);
      if (!action) return reply.callNotFound();
      const objective = (await store.findObjective(db, page.person.id, action.objective_id))!;
      return render(page, plan, objective, action);
    });

  app.get<IdParams>(
    '/people/:crn/plans/sentence-plan/actions/:id',
    { config: edit },
    async (request, reply) =>
      withAction(request, reply, async (page, plan, objective, action) =>
        actionPage(reply, page, plan, objective, action),
      ),
  );

  app.post<IdParams>(
    '/people/:crn/plans/sentence-plan/actions/:id',
    { config: edit },
    async (request, reply) =>
      withAction(request, reply, async (page, plan, objective, action) => {
        const body = request.body as Body;
        const form = readAction(body, page.today);
        if (form.errors)
          return actionPage(reply, page, plan, objective, action, {
            values: form.values,
            errors: form.errors,
            rowVersion: Number(text(body, 'rowVersion')),
          });
        const outcome = await planning.updateAction(db, actorOf(request), {
          personId: page.person.id,
          actionId: action.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          action: form.data,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.findAction(db, page.person.id, action.id))!;
          return actionPage(
            reply,
            page,
            plan,
            objective,
            fresh,
            lostRace(outcome.conflict, form.values, fresh.row_version, [
              ['What will be done', fresh.description, form.data.description],
              [
                'Who does it',
                fresh.owner_name ?? OWNER_TEXT[fresh.owner],
                form.data.ownerName ?? OWNER_TEXT[form.data.owner],
              ],
              ['Target date', fresh.target_date, form.data.targetDate],
              ['Date done', fresh.done_on, form.data.doneOn],
            ]),
          );
        }
        if (!outcome.saved)
          return actionPage(reply, page, plan, objective, action, {
            values: form.values,
            errors: problemErrors(outcome.problems, ['targetDate']),
          });
        return reply.redirect(plansUrl(page, `?done=action#objective-${objective.id}`));
      }),
  );

  // ---------------------------------------------------------------- the person's agreement

  const agreementPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    plan: store.PlanRow,
    form: FormState = {},
  ) =>
    formPage(
      reply,
      page,
      'agreement.njk',
      form,
      {
        values: {
          agreement: plan.agreement ?? '',
          agreementOn: datePartsFromIso(plan.agreement_on ?? page.today),
          comments: plan.persons_comments ?? '',
          reason: plan.disagreement_reason ?? '',
        },
        rowVersion: plan.row_version,
      },
      { plan },
    );

  app.get<CrnParams>('/people/:crn/plans/sentence-plan/agreement', { config: edit }, async (request, reply) =>
    withPlan(request, reply, 'sentence-plan-agreement', async (page, plan) =>
      agreementPage(reply, page, plan),
    ),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/sentence-plan/agreement',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-agreement', async (page, plan) => {
        const body = request.body as Body;
        const form = readAgreement(body, page.today);
        if (form.errors)
          return agreementPage(reply, page, plan, {
            values: form.values,
            errors: form.errors,
            rowVersion: Number(text(body, 'rowVersion')),
          });
        const outcome = await planning.recordAgreement(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          agreement: form.data,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.planOf(db, page.person.id))!;
          return agreementPage(
            reply,
            page,
            fresh,
            lostRace(outcome.conflict, form.values, fresh.row_version, [
              ['Agreement', fresh.agreement, form.data.agreement],
              ['Date', fresh.agreement_on, form.data.on],
              ['The person’s comments', fresh.persons_comments, form.data.comments],
              ['Why not', fresh.disagreement_reason, form.data.reason],
            ]),
          );
        }
        if (!outcome.saved)
          return agreementPage(reply, page, plan, {
            values: form.values,
            errors: problemErrors(outcome.problems, ['agreementOn']),
          });
        return reply.redirect(
          plansUrl(page, `?done=${outcome.completed ? 'agreed' : 'agreement'}#agreement`),
        );
      }),
  );

  // ---------------------------------------------------------------- reviews

  const reviewPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    plan: store.PlanRow,
    form: FormState = {},
  ) => {
    const [objectives, actions] = await Promise.all([
      store.objectivesOf(db, plan.id),
      store.actionsOf(db, plan.id),
    ]);
    const values: Values = form.values ?? { reviewedOn: datePartsFromIso(page.today), notes: '' };
    if (!form.values)
      for (const o of objectives) {
        values[`progress-${o.id}`] = o.progress;
        values[`notes-${o.id}`] = '';
      }
    return formPage(
      reply,
      page,
      'review.njk',
      form,
      { values, rowVersion: plan.row_version },
      {
        plan,
        objectives: objectives.map((o, i) => ({
          ...o,
          number: i + 1,
          overdue: overdueActions(
            actions
              .filter((a) => a.objective_id === o.id)
              .map((a) => ({ ...a, targetDate: a.target_date, doneOn: a.done_on })),
            page.today,
          ),
        })),
        progressOptions: PROGRESS,
      },
    );
  };

  app.get<CrnParams>(
    '/people/:crn/plans/sentence-plan/reviews/new',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-review', async (page, plan) => reviewPage(reply, page, plan)),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/sentence-plan/reviews/new',
    { config: edit },
    async (request, reply) =>
      withPlan(request, reply, 'sentence-plan-review', async (page, plan) => {
        const body = request.body as Body;
        const objectives = await store.objectivesOf(db, plan.id);
        const form = readReview(
          body,
          page.today,
          objectives.map((o) => ({ id: o.id, officersWords: o.officers_words })),
        );
        const rowVersion = Number(text(body, 'rowVersion'));
        if (form.errors)
          return reviewPage(reply, page, plan, { values: form.values, errors: form.errors, rowVersion });
        const outcome = await planning.recordReview(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion: rowVersion,
          review: form.data,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.planOf(db, page.person.id))!;
          return reviewPage(
            reply,
            page,
            fresh,
            lostRace(outcome.conflict, form.values, fresh.row_version, [
              ['Last reviewed', fresh.last_reviewed_on, form.data.reviewedOn],
              ['Agreement', fresh.agreement, plan.agreement],
            ]),
          );
        }
        if (!outcome.saved)
          return reviewPage(reply, page, plan, {
            values: form.values,
            errors: problemErrors(outcome.problems, ['reviewedOn']),
            rowVersion,
          });
        return reply.redirect(plansUrl(page, '?done=reviewed#reviews'));
      }),
  );

  // ---------------------------------------------------------------- the risk management plan

  const partPage = async (
    reply: FastifyReply,
    page: PersonPageContext,
    part: RiskPlanPart,
    form: FormState = {},
  ) => {
    const plan = await store.riskPlanOf(db, page.person.id);
    const definition = RISK_PLAN_PARTS.find((p) => p.key === part)!;
    return formPage(
      reply,
      page,
      'risk-part.njk',
      form,
      { values: { text: planning.partsOf(plan)[part] ?? '' }, rowVersion: plan?.row_version ?? 0 },
      { part: definition, position: RISK_PLAN_PARTS.indexOf(definition) + 1, count: RISK_PLAN_PARTS.length },
    );
  };

  const withPart = (
    request: FastifyRequest<PartParams>,
    reply: FastifyReply,
    render: (page: PersonPageContext, part: RiskPlanPart) => Promise<unknown>,
  ) =>
    withPerson(context, request, reply, 'risk-management-plan-part', async (page) => {
      const part = request.params.part;
      if (!isRiskPlanPart(part)) return reply.callNotFound();
      return render(page, part);
    });

  app.get<PartParams>(
    '/people/:crn/plans/risk-management-plan/parts/:part',
    { config: edit },
    async (request, reply) => withPart(request, reply, (page, part) => partPage(reply, page, part)),
  );

  app.post<PartParams>(
    '/people/:crn/plans/risk-management-plan/parts/:part',
    { config: edit },
    async (request, reply) =>
      withPart(request, reply, async (page, part) => {
        const body = request.body as Body;
        const rowVersion = Number(text(body, 'rowVersion'));
        const form = readRiskPart(body, partTitle(part));
        if (form.errors)
          return partPage(reply, page, part, { values: form.values, errors: form.errors, rowVersion });
        const outcome = await planning.saveRiskPlanPart(db, actorOf(request), {
          personId: page.person.id,
          part,
          text: form.data.text,
          expectedVersion: rowVersion,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.riskPlanOf(db, page.person.id))!;
          const theirs = planning.partsOf(fresh);
          return partPage(reply, page, part, {
            values: form.values,
            rowVersion: fresh.row_version,
            conflict: {
              by: outcome.conflict.by,
              at: outcome.conflict.at,
              differences: differences([[partTitle(part), theirs[part], form.data.text]]),
            },
          });
        }
        if (!outcome.saved)
          return partPage(reply, page, part, {
            values: form.values,
            errors: problemErrors(outcome.problems),
            rowVersion,
          });
        // Writing the plan part by part: on to the next part that is still empty.
        const saved = await store.riskPlanOf(db, page.person.id);
        const parts = planning.partsOf(saved);
        const next = RISK_PLAN_PARTS.find((p) => !parts[p.key]?.trim());
        if (next && !saved?.completed_on && text(body, 'action') === 'next')
          return reply.redirect(`/people/${page.person.crn}/plans/risk-management-plan/parts/${next.key}`);
        return reply.redirect(plansUrl(page, '?done=risk-part#risk-management-plan'));
      }),
  );

  const riskReviewPage = async (reply: FastifyReply, page: PersonPageContext, form: FormState = {}) => {
    const plan = await store.riskPlanOf(db, page.person.id);
    if (!plan) return reply.redirect(plansUrl(page, '#risk-management-plan'));
    return formPage(
      reply,
      page,
      'risk-review.njk',
      form,
      { values: { reviewedOn: datePartsFromIso(page.today), notes: '' }, rowVersion: plan.row_version },
      {
        plan,
        parts: RISK_PLAN_PARTS.map((p) => ({ ...p, text: planning.partsOf(plan)[p.key] })),
        nextReviewIfToday: nextRiskPlanReview(page.today),
      },
    );
  };

  app.get<CrnParams>(
    '/people/:crn/plans/risk-management-plan/reviews/new',
    { config: edit },
    async (request, reply) =>
      withPerson(context, request, reply, 'risk-management-plan-review', (page) =>
        riskReviewPage(reply, page),
      ),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/risk-management-plan/reviews/new',
    { config: edit },
    async (request, reply) =>
      withPerson(context, request, reply, 'risk-management-plan-review', async (page) => {
        const body = request.body as Body;
        const rowVersion = Number(text(body, 'rowVersion'));
        const form = readRiskReview(body, page.today);
        if (form.errors)
          return riskReviewPage(reply, page, { values: form.values, errors: form.errors, rowVersion });
        const outcome = await planning.completeOrReviewRiskPlan(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion: rowVersion,
          reviewedOn: form.data.reviewedOn,
          notes: form.data.notes,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome) {
          const fresh = (await store.riskPlanOf(db, page.person.id))!;
          return riskReviewPage(reply, page, {
            values: form.values,
            rowVersion: fresh.row_version,
            conflict: {
              by: outcome.conflict.by,
              at: outcome.conflict.at,
              differences: RISK_PLAN_PARTS.map((p) => ({
                label: p.title,
                theirs: planning.partsOf(fresh)[p.key] ?? '',
                yours: 'As shown when you opened the page',
              })),
            },
          });
        }
        if (!outcome.saved)
          return riskReviewPage(reply, page, {
            values: form.values,
            errors: problemErrors(outcome.problems, ['reviewedOn']),
            rowVersion,
          });
        return reply.redirect(plansUrl(page, `?done=risk-${outcome.kind}#risk-management-plan`));
      }),
  );

  app.post<CrnParams>(
    '/people/:crn/plans/risk-management-plan/complete',
    { config: edit },
    async (request, reply) =>
      withPerson(context, request, reply, 'risk-management-plan-complete', async (page) => {
        const outcome = await planning.completeOrReviewRiskPlan(db, actorOf(request), {
          personId: page.person.id,
          expectedVersion: Number(text(request.body as Body, 'rowVersion')),
          reviewedOn: page.today,
          notes: null,
          now: context.now(),
        });
        if (!outcome.saved && 'conflict' in outcome)
          return plansPage(request, reply, page, {
            status: 409,
            errors: problemErrors([
              {
                field: 'risk-management-plan',
                message: `The risk management plan was changed by ${outcome.conflict.by} at ${formatDateTime(outcome.conflict.at)} after you opened it: check it below and complete it again`,
              },
            ]),
          });
        if (!outcome.saved)
          return plansPage(request, reply, page, { errors: problemErrors(outcome.problems) });
        return reply.redirect(plansUrl(page, '?done=risk-completed#risk-management-plan'));
      }),
  );
}
