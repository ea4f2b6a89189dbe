/**
 * Planning use cases. Each runs in one transaction with its audit row. An edit names the
 * row_version the officer saw; one that lost a race is refused with who changed the record and
 * when, never silently overwritten.
 */
import { sql, type Kysely } from 'kysely';
import { latestAssessedNeeds } from '../assessment/index.js';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import { longDate } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { currentOrdersOf, licenceConditionsOf, requirementsOf } from '../sentences/index.js';
import { PLANNING_POLICY } from './policy.js';
import {
  actionDateProblems,
  agreementProblems,
  moveInSequence,
  nextRiskPlanReview,
  objectiveLinkProblems,
  riskPlanProblems,
  RISK_PLAN_PARTS,
  type FieldMessage,
  type RiskPlanPart,
} from './rules.js';
import * as store from './store.js';
import type { ActionOwner, Agreement, ObjectiveSource, Progress } from './tables.js';

type Trx = Kysely<Database>;

export interface Clock {
  today: string;
  now: Date;
}

export interface Conflict<T> {
  by: string;
  at: Date;
  theirs: T;
}

export type Outcome<T = { id: string }> =
  | ({ saved: true } & T)
  | { saved: false; problems: FieldMessage[] }
  | { saved: false; conflict: Conflict<Record<string, unknown>> };

/** Who wrote a new row and when: it is also the last change. */
function stamps(actor: Actor, now: Date) {
  return { created_at: now, created_by_name: actor.name, updated_at: now, updated_by_name: actor.name };
}

/** Who changed an editable row, for a refused save. */
function changedBy<R extends { updated_by_name: string; updated_at: Date }>(
  row: R,
  theirs: Record<string, unknown> = row,
) {
  return { saved: false as const, conflict: { by: row.updated_by_name, at: row.updated_at, theirs } };
}

const NO_PLAN: FieldMessage[] = [{ field: 'form', message: 'Start the sentence plan first' }];

// ---------------------------------------------------------------- what an objective may link to

export interface LinkOption {
  value: string;
  text: string;
  hint: string;
}

export interface LinkOptions {
  assessment: { completedOn: string; type: string } | null;
  needs: Array<LinkOption & { severity: 'none' | 'standard' | 'severe' }>;
  requirements: LinkOption[];
  /** The additional conditions of a current licence; empty for a community case. */
  licenceConditions: LinkOption[];
  /** Whether a licence is running, to say so when it has no additional conditions. */
  onLicence: boolean;
}

function severityText(severity: 'none' | 'standard' | 'severe'): string {
  return severity === 'severe' ? 'Severe need' : severity === 'standard' ? 'Need' : 'No need identified';
}

/**
 * The needs of the latest signed assessment, the requirements of the current orders and the
 * additional conditions of a current licence, to link an objective to.
 */
export async function linkOptions(db: Trx, personId: string, today: string): Promise<LinkOptions> {
  const [assessed, orders, requirements, conditions] = await Promise.all([
    latestAssessedNeeds(db, personId),
    currentOrdersOf(db, personId, today),
    requirementsOf(db, personId),
    licenceConditionsOf(db, personId),
  ]);
  const orderIds = new Map(orders.map((o) => [o.id, o]));
  const licences = new Map(orders.filter((o) => o.orderType === 'LIC').map((o) => [o.id, o]));
  return {
    assessment: assessed ? { completedOn: assessed.completedOn, type: assessed.type } : null,
    needs: (assessed?.needs ?? []).map((n) => ({
      value: n.need,
      text: n.title,
      severity: n.severity,
      hint: `${severityText(n.severity)}: ${n.reason.charAt(0).toLowerCase()}${n.reason.slice(1)}`,
    })),
    requirements: requirements
      .filter((r) => r.terminatedOn === null && orderIds.has(r.orderId))
      .map((r) => {
        const order = orderIds.get(r.orderId)!;
        return {
          value: r.id,
          text: `${r.typeDescription}${r.units !== null && r.unit ? `: ${r.units} ${r.unit}` : ''}`,
          hint: `${order.orderTypeDescription}, event ${order.eventNumber}, from ${longDate(r.startDate)}`,
        };
      }),
    licenceConditions: conditions
      .filter((c) => !c.standard && c.terminatedOn === null && licences.has(c.orderId))
      .map((c) => {
        const licence = licences.get(c.orderId)!;
        return {
          value: c.id,
          text: c.detail ? `${c.description}: ${c.detail}` : c.description,
          hint: `Additional licence condition, event ${licence.eventNumber}, from ${longDate(c.startDate)}`,
        };
      }),
    onLicence: licences.size > 0,
  };
}

// ---------------------------------------------------------------- the plan

export async function startPlan(
  db: Db,
  actor: Actor,
  input: { personId: string; startedOn: string; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('people').select('id').where('id', '=', input.personId).forUpdate().execute();
    const existing = await store.planOf(trx, input.personId);
    if (existing)
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'A sentence plan was already started' }],
      };
    const { id } = await trx
      .insertInto('sentence_plans')
      .values({
        person_id: input.personId,
        started_on: input.startedOn,
        ...stamps(actor, input.now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-started',
      personId: input.personId,
      subjectType: 'sentence-plan',
      subjectId: id,
      detail: { startedOn: input.startedOn },
    });
    return { saved: true as const, id };
  });
}

async function lockPlan(trx: Trx, personId: string) {
  return trx
    .selectFrom('sentence_plans')
    .selectAll()
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

function planConflict(plan: store.PlanRow) {
  return changedBy(plan);
}

export async function saveStrengths(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    expectedVersion: number;
    strengths: string;
    desistanceFactors: string;
    now: Date;
  },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    if (plan.row_version !== input.expectedVersion) return planConflict(plan);
    await trx
      .updateTable('sentence_plans')
      .set({
        strengths: input.strengths,
        desistance_factors: input.desistanceFactors,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-strengths-saved',
      personId: input.personId,
      subjectType: 'sentence-plan',
      subjectId: plan.id,
      detail: {
        before: { strengths: plan.strengths, desistanceFactors: plan.desistance_factors },
        after: { strengths: input.strengths, desistanceFactors: input.desistanceFactors },
      },
    });
    return { saved: true as const, id: plan.id };
  });
}

export interface AgreementInput {
  agreement: Agreement;
  on: string;
  comments: string | null;
  reason: string | null;
}

/** The person's agreement (or not, with why): recording it the first time completes the initial plan. */
export async function recordAgreement(
  db: Db,
  actor: Actor,
  input: { personId: string; expectedVersion: number; agreement: AgreementInput; now: Date },
): Promise<Outcome<{ id: string; completed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    if (plan.row_version !== input.expectedVersion) return planConflict(plan);
    const [objectives, actions] = await Promise.all([
      store.objectivesOf(trx, plan.id),
      store.actionsOf(trx, plan.id),
    ]);
    const problems = agreementProblems({
      objectives: objectives.map((o) => ({
        officersWords: o.officers_words,
        actions: actions.filter((a) => a.objective_id === o.id).length,
      })),
      strengths: plan.strengths,
      desistanceFactors: plan.desistance_factors,
    });
    if (input.agreement.on < plan.started_on)
      problems.push({
        field: 'agreementOn',
        message: 'The date of the agreement must be on or after the day the plan started',
      });
    if (problems.length) return { saved: false as const, problems };
    const completing = plan.completed_on === null;
    await trx
      .updateTable('sentence_plans')
      .set({
        agreement: input.agreement.agreement,
        agreement_on: input.agreement.on,
        persons_comments: input.agreement.comments,
        disagreement_reason: input.agreement.agreement === 'not-agreed' ? input.agreement.reason : null,
        completed_on: completing ? input.agreement.on : plan.completed_on,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-agreement-recorded',
      personId: input.personId,
      subjectType: 'sentence-plan',
      subjectId: plan.id,
      detail: { ...input.agreement, completesPlan: completing },
    });
    return { saved: true as const, id: plan.id, completed: completing };
  });
}

// ---------------------------------------------------------------- objectives

export interface ObjectiveInput {
  personsWords: string;
  officersWords: string;
  need: string | null;
  requirementId: string | null;
  /** An additional condition of a current licence; absent or null when not linked to one. */
  licenceConditionId?: string | null;
  interventions: string | null;
  source: ObjectiveSource;
  reportDate: string | null;
  reportAuthor: string | null;
}

/** Checks the links against what the person has now, and answers the words shown with them. */
async function resolveLinks(trx: Trx, personId: string, today: string, objective: ObjectiveInput) {
  const options = await linkOptions(trx, personId, today);
  const problems = objectiveLinkProblems(
    {
      need: objective.need,
      requirementId: objective.requirementId,
      licenceConditionId: objective.licenceConditionId ?? null,
    },
    {
      needs: options.needs.map((n) => n.value),
      requirementIds: options.requirements.map((r) => r.value),
      licenceConditionIds: options.licenceConditions.map((c) => c.value),
    },
  );
  return {
    problems,
    needTitle: options.needs.find((n) => n.value === objective.need)?.text ?? null,
    requirementText: options.requirements.find((r) => r.value === objective.requirementId)?.text ?? null,
    licenceConditionText:
      options.licenceConditions.find((c) => c.value === objective.licenceConditionId)?.text ?? null,
  };
}

function objectiveColumns(
  objective: ObjectiveInput,
  links: { needTitle: string | null; requirementText: string | null; licenceConditionText: string | null },
) {
  return {
    persons_words: objective.personsWords,
    officers_words: objective.officersWords,
    need: objective.need,
    need_title: links.needTitle,
    requirement_id: objective.requirementId,
    requirement_text: links.requirementText,
    licence_condition_id: objective.licenceConditionId ?? null,
    licence_condition_text: links.licenceConditionText,
    interventions: objective.interventions,
    source: objective.source,
    report_date: objective.source === 'post-programme-report' ? objective.reportDate : null,
    report_author: objective.source === 'post-programme-report' ? objective.reportAuthor : null,
  };
}

async function insertObjectives(
  trx: Trx,
  actor: Actor,
  plan: store.PlanRow,
  objectives: readonly ObjectiveInput[],
  input: { personId: string } & Clock,
): Promise<{ ids: string[] } | { problems: FieldMessage[] }> {
  const resolved = [];
  for (const [index, objective] of objectives.entries()) {
    const links = await resolveLinks(trx, input.personId, input.today, objective);
    if (links.problems.length)
      return {
        problems: links.problems.map((p) => ({
          ...p,
          message: objectives.length > 1 ? `Objective ${index + 1}: ${p.message}` : p.message,
        })),
      };
    resolved.push({ objective, links });
  }
  const last = await trx
    .selectFrom('plan_objectives')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  let position = Number(last?.position ?? 0);
  const ids: string[] = [];
  for (const { objective, links } of resolved) {
    position += 1;
    const { id } = await trx
      .insertInto('plan_objectives')
      .values({
        plan_id: plan.id,
        person_id: input.personId,
        position,
        ...objectiveColumns(objective, links),
        ...stamps(actor, input.now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
    await recordAudit(trx, actor, {
      action: 'sentence-plan-objective-added',
      personId: input.personId,
      subjectType: 'plan-objective',
      subjectId: id,
      detail: { ...objective, position },
    });
  }
  return { ids };
}

export async function addObjective(
  db: Db,
  actor: Actor,
  input: { personId: string; objective: ObjectiveInput } & Clock,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    const added = await insertObjectives(trx, actor, plan, [input.objective], input);
    if ('problems' in added) return { saved: false as const, problems: added.problems };
    return { saved: true as const, id: added.ids[0]! };
  });
}

export interface PostProgrammeReport {
  /** The date of the report. */
  date: string;
  /** Who wrote it: the programme facilitator or treatment manager. */
  author: string;
  objectives: ReadonlyArray<Omit<ObjectiveInput, 'source' | 'reportDate' | 'reportAuthor'>>;
}

/**
 * Adds the objectives a post-programme report recommends to the end of the person's sentence plan,
 * all or none, each marked with the report's date and author. For the programmes capability to call
 * when a facilitator completes a report; the plan must have been started.
 */
export async function addObjectivesFromReport(
  db: Db,
  actor: Actor,
  input: { personId: string; report: PostProgrammeReport } & Clock,
): Promise<{ saved: true; ids: string[] } | { saved: false; problems: FieldMessage[] }> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    if (!input.report.objectives.length)
      return {
        saved: false as const,
        problems: [{ field: 'objectives', message: 'The report recommends no objectives' }],
      };
    if (!input.report.author.trim() || input.report.date > input.today)
      return {
        saved: false as const,
        problems: [
          {
            field: 'report',
            message: 'A post-programme report needs its author and a date that is not in the future',
          },
        ],
      };
    const added = await insertObjectives(
      trx,
      actor,
      plan,
      input.report.objectives.map((o) => ({
        ...o,
        source: 'post-programme-report' as const,
        reportDate: input.report.date,
        reportAuthor: input.report.author,
      })),
      input,
    );
    if ('problems' in added) return { saved: false as const, problems: added.problems };
    return { saved: true as const, ids: added.ids };
  });
}

export async function updateObjective(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    objectiveId: string;
    expectedVersion: number;
    objective: ObjectiveInput;
  } & Clock,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('plan_objectives')
      .selectAll()
      .where('id', '=', input.objectiveId)
      .where('person_id', '=', input.personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.row_version !== input.expectedVersion) return changedBy(row);
    const links = await resolveLinks(trx, input.personId, input.today, input.objective);
    // A link kept from before stays valid even when the need or order has since gone.
    const problems = links.problems.filter(
      (p) =>
        !(p.field === 'need' && input.objective.need === row.need && row.need !== null) &&
        !(
          p.field === 'requirementId' &&
          input.objective.requirementId === row.requirement_id &&
          row.requirement_id !== null
        ) &&
        !(
          p.field === 'licenceConditionId' &&
          (input.objective.licenceConditionId ?? null) === row.licence_condition_id &&
          row.licence_condition_id !== null
        ),
    );
    if (problems.length) return { saved: false as const, problems };
    await trx
      .updateTable('plan_objectives')
      .set({
        ...objectiveColumns(input.objective, {
          needTitle: links.needTitle ?? (input.objective.need === row.need ? row.need_title : null),
          requirementText:
            links.requirementText ??
            (input.objective.requirementId === row.requirement_id ? row.requirement_text : null),
          licenceConditionText:
            links.licenceConditionText ??
            ((input.objective.licenceConditionId ?? null) === row.licence_condition_id
              ? row.licence_condition_text
              : null),
        }),
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-objective-changed',
      personId: input.personId,
      subjectType: 'plan-objective',
      subjectId: row.id,
      detail: {
        before: {
          personsWords: row.persons_words,
          officersWords: row.officers_words,
          need: row.need,
          requirementId: row.requirement_id,
          licenceConditionId: row.licence_condition_id,
          interventions: row.interventions,
        },
        after: input.objective,
      },
    });
    return { saved: true as const, id: row.id };
  });
}

/**
 * Moves an objective one place up or down the sequence of what must happen first, swapping it with
 * its neighbour. The move names the row_versions of both objectives as the officer saw them, and
 * the neighbour: if either has changed since, or the sequence has (someone else moved one), it is
 * refused with who changed it, writing nothing. A move changes both rows, so it bumps both versions.
 */
export async function moveObjective(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    objectiveId: string;
    direction: 'up' | 'down';
    expectedVersion: number;
    neighbourId: string;
    neighbourVersion: number;
    now: Date;
  },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    const objectives = await store.objectivesOf(trx, plan.id);
    const before = objectives.map((o) => o.id);
    const at = before.indexOf(input.objectiveId);
    if (at < 0)
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'That objective is not in this plan' }],
      };
    const objective = objectives[at]!;
    const neighbour = objectives[input.direction === 'up' ? at - 1 : at + 1];
    if (
      objective.row_version !== input.expectedVersion ||
      neighbour?.id !== input.neighbourId ||
      neighbour.row_version !== input.neighbourVersion
    ) {
      // Whoever changed the sequence or one of the two last is the one to name.
      const latest = [...objectives].sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime())[0]!;
      return changedBy(latest, { sequence: objectives.map((o) => o.officers_words) });
    }
    const after = moveInSequence(before, input.objectiveId, input.direction);
    for (const [index, id] of after.entries()) {
      const current = objectives.find((o) => o.id === id)!;
      if (current.position !== index + 1)
        await trx
          .updateTable('plan_objectives')
          .set({
            position: index + 1,
            updated_at: input.now,
            updated_by_name: actor.name,
            row_version: sql`row_version + 1`,
          })
          .where('id', '=', id)
          .execute();
    }
    await recordAudit(trx, actor, {
      action: 'sentence-plan-objective-moved',
      personId: input.personId,
      subjectType: 'plan-objective',
      subjectId: input.objectiveId,
      detail: {
        direction: input.direction,
        from: before.indexOf(input.objectiveId) + 1,
        to: after.indexOf(input.objectiveId) + 1,
        swappedWith: input.neighbourId,
      },
    });
    return { saved: true as const, id: input.objectiveId };
  });
}

// ---------------------------------------------------------------- actions

export interface ActionInput {
  description: string;
  owner: ActionOwner;
  ownerName: string | null;
  targetDate: string;
  doneOn: string | null;
}

export async function addAction(
  db: Db,
  actor: Actor,
  input: { personId: string; objectiveId: string; action: ActionInput; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    const objective = await store.findObjective(trx, input.personId, input.objectiveId);
    if (!objective || objective.plan_id !== plan.id)
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'That objective is not in this plan' }],
      };
    const problems = actionDateProblems(input.action.targetDate, plan.started_on);
    if (problems.length) return { saved: false as const, problems };
    const { id } = await trx
      .insertInto('plan_actions')
      .values({
        objective_id: objective.id,
        plan_id: plan.id,
        person_id: input.personId,
        description: input.action.description,
        owner: input.action.owner,
        owner_name: input.action.ownerName,
        target_date: input.action.targetDate,
        done_on: input.action.doneOn,
        ...stamps(actor, input.now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-action-added',
      personId: input.personId,
      subjectType: 'plan-action',
      subjectId: id,
      detail: { objectiveId: objective.id, ...input.action },
    });
    return { saved: true as const, id };
  });
}

export async function updateAction(
  db: Db,
  actor: Actor,
  input: { personId: string; actionId: string; expectedVersion: number; action: ActionInput; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    const row = await trx
      .selectFrom('plan_actions')
      .selectAll()
      .where('id', '=', input.actionId)
      .where('person_id', '=', input.personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.row_version !== input.expectedVersion) return changedBy(row);
    const problems = actionDateProblems(input.action.targetDate, plan.started_on);
    if (problems.length) return { saved: false as const, problems };
    await trx
      .updateTable('plan_actions')
      .set({
        description: input.action.description,
        owner: input.action.owner,
        owner_name: input.action.ownerName,
        target_date: input.action.targetDate,
        done_on: input.action.doneOn,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-action-changed',
      personId: input.personId,
      subjectType: 'plan-action',
      subjectId: row.id,
      detail: {
        before: {
          description: row.description,
          owner: row.owner,
          ownerName: row.owner_name,
          targetDate: row.target_date,
          doneOn: row.done_on,
        },
        after: input.action,
      },
    });
    return { saved: true as const, id: row.id };
  });
}

// ---------------------------------------------------------------- reviews

export interface ReviewInput {
  reviewedOn: string;
  notes: string | null;
  progress: ReadonlyArray<{ objectiveId: string; progress: Progress; notes: string | null }>;
}

/** A review records progress on every objective and restarts the review cycle. */
export async function recordReview(
  db: Db,
  actor: Actor,
  input: { personId: string; expectedVersion: number; review: ReviewInput; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, input.personId);
    if (!plan) return { saved: false as const, problems: NO_PLAN };
    if (plan.row_version !== input.expectedVersion) return planConflict(plan);
    if (!plan.completed_on)
      return {
        saved: false as const,
        problems: [
          { field: 'form', message: 'Record the person’s agreement to the initial plan before reviewing it' },
        ],
      };
    if (input.review.reviewedOn < plan.started_on)
      return {
        saved: false as const,
        problems: [
          { field: 'reviewedOn', message: 'The review date must be on or after the day the plan started' },
        ],
      };
    const objectives = await store.objectivesOf(trx, plan.id);
    const missing = objectives.filter((o) => !input.review.progress.some((p) => p.objectiveId === o.id));
    if (missing.length)
      return {
        saved: false as const,
        problems: missing.map((o) => ({
          field: `progress-${o.id}`,
          message: `Select the progress on “${o.officers_words}”`,
        })),
      };
    const { id } = await trx
      .insertInto('plan_reviews')
      .values({
        plan_id: plan.id,
        person_id: input.personId,
        reviewed_on: input.review.reviewedOn,
        notes: input.review.notes,
        reviewed_by_name: actor.name,
        created_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_review_progress')
      .values(
        input.review.progress.map((p) => ({
          review_id: id,
          objective_id: p.objectiveId,
          person_id: input.personId,
          progress: p.progress,
          notes: p.notes,
        })),
      )
      .execute();
    for (const p of input.review.progress)
      await trx
        .updateTable('plan_objectives')
        .set({ progress: p.progress, progress_notes: p.notes, progress_on: input.review.reviewedOn })
        .where('id', '=', p.objectiveId)
        .where('plan_id', '=', plan.id)
        .execute();
    const lastReviewedOn =
      plan.last_reviewed_on && plan.last_reviewed_on > input.review.reviewedOn
        ? plan.last_reviewed_on
        : input.review.reviewedOn;
    await trx
      .updateTable('sentence_plans')
      .set({
        last_reviewed_on: lastReviewedOn,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'sentence-plan-reviewed',
      personId: input.personId,
      subjectType: 'sentence-plan',
      subjectId: plan.id,
      detail: { reviewId: id, ...input.review },
    });
    return { saved: true as const, id };
  });
}

// ---------------------------------------------------------------- the risk management plan

export const PART_COLUMNS = {
  supervision: 'supervision',
  'monitoring-and-control': 'monitoring_and_control',
  'interventions-and-treatment': 'interventions_and_treatment',
  'victim-safety-planning': 'victim_safety_planning',
  contingency: 'contingency',
} as const satisfies Record<RiskPlanPart, string>;

export function partsOf(row: store.RiskPlanRow | undefined): Record<RiskPlanPart, string | null> {
  return Object.fromEntries(
    RISK_PLAN_PARTS.map((p) => [p.key, row ? row[PART_COLUMNS[p.key]] : null]),
  ) as Record<RiskPlanPart, string | null>;
}

async function lockRiskPlan(trx: Trx, personId: string) {
  return trx
    .selectFrom('risk_management_plans')
    .selectAll()
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

function riskPlanConflict(row: store.RiskPlanRow) {
  return changedBy(row, partsOf(row));
}

/**
 * Saves one part. The first save writes the plan (expected version 0). A completed plan keeps
 * every part: emptying one is refused.
 */
export async function saveRiskPlanPart(
  db: Db,
  actor: Actor,
  input: { personId: string; part: RiskPlanPart; text: string; expectedVersion: number; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('people').select('id').where('id', '=', input.personId).forUpdate().execute();
    const row = await lockRiskPlan(trx, input.personId);
    const column = PART_COLUMNS[input.part];
    if (row ? row.row_version !== input.expectedVersion : input.expectedVersion !== 0) {
      if (row) return riskPlanConflict(row);
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'The plan was removed: start again' }],
      };
    }
    if (!input.text && row?.completed_on)
      return {
        saved: false as const,
        problems: [
          { field: 'text', message: 'A completed plan needs every part: this part cannot be empty' },
        ],
      };
    let id: string;
    if (!row) {
      ({ id } = await trx
        .insertInto('risk_management_plans')
        .values({
          person_id: input.personId,
          [column]: input.text || null,
          ...stamps(actor, input.now),
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    } else {
      id = row.id;
      await trx
        .updateTable('risk_management_plans')
        .set({
          [column]: input.text || null,
          updated_at: input.now,
          updated_by_name: actor.name,
          row_version: sql`row_version + 1`,
        })
        .where('id', '=', row.id)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'risk-management-plan-part-saved',
      personId: input.personId,
      subjectType: 'risk-management-plan',
      subjectId: id,
      detail: { part: input.part, before: row ? row[column] : null, after: input.text || null },
    });
    return { saved: true as const, id };
  });
}

/**
 * Completing the plan (the first time) or reviewing it: every part must be written; the next
 * review falls due on the cycle from this date, and the history keeps the plan as it stood.
 */
export async function completeOrReviewRiskPlan(
  db: Db,
  actor: Actor,
  input: { personId: string; expectedVersion: number; reviewedOn: string; notes: string | null; now: Date },
): Promise<Outcome<{ id: string; kind: 'completed' | 'reviewed'; nextReviewOn: string }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockRiskPlan(trx, input.personId);
    if (!row)
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'Write the risk management plan first' }],
      };
    if (row.row_version !== input.expectedVersion) return riskPlanConflict(row);
    const parts = partsOf(row);
    const problems = riskPlanProblems(parts);
    if (problems.length) return { saved: false as const, problems };
    const kind = row.completed_on ? ('reviewed' as const) : ('completed' as const);
    if (row.completed_on && input.reviewedOn < row.completed_on)
      return {
        saved: false as const,
        problems: [
          {
            field: 'reviewedOn',
            message: 'The review date must be on or after the day the plan was completed',
          },
        ],
      };
    const nextReviewOn = nextRiskPlanReview(input.reviewedOn, PLANNING_POLICY);
    await trx
      .updateTable('risk_management_plans')
      .set({
        completed_on: row.completed_on ?? input.reviewedOn,
        last_reviewed_on: kind === 'reviewed' ? input.reviewedOn : row.last_reviewed_on,
        next_review_on: nextReviewOn,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('risk_plan_reviews')
      .values({
        plan_id: row.id,
        person_id: input.personId,
        kind,
        reviewed_on: input.reviewedOn,
        notes: input.notes,
        next_review_on: nextReviewOn,
        reviewed_by_name: actor.name,
        parts: JSON.stringify(parts),
        created_at: input.now,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: kind === 'completed' ? 'risk-management-plan-completed' : 'risk-management-plan-reviewed',
      personId: input.personId,
      subjectType: 'risk-management-plan',
      subjectId: row.id,
      detail: { reviewedOn: input.reviewedOn, notes: input.notes, nextReviewOn },
    });
    return { saved: true as const, id: row.id, kind, nextReviewOn };
  });
}
