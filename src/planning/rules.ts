/**
 * The planning decisions, pure (no I/O, no clock: `today` is passed in): when the initial sentence
 * plan and its reviews fall due, whether a risk management plan is needed and when it is reviewed,
 * what an objective or an action must have, which actions are overdue, and the order of objectives.
 */
import { addDays, addWorkingDays, longDate } from '../platform/calendar/index.js';
import { ROSH_LEVELS, type NeedSeverity, type RoshLevel } from '../tiering/index.js';
import { PLANNING_POLICY, type PlanningPolicy } from './policy.js';

export interface FieldMessage {
  field: string;
  message: string;
}

export type DueStatus = 'overdue' | 'due-soon' | 'not-yet';

function statusOf(dueOn: string, today: string, policy: PlanningPolicy): DueStatus {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, policy.dueSoonDays) ? 'due-soon' : 'not-yet';
}

// ---------------------------------------------------------------- the sentence plan's clock

export interface SentencePlanClockInput {
  today: string;
  /** When the current supervision began: the latest current order's start (sentence or release). Null with none. */
  supervisionStart: string | null;
  /** The plan as it stands, or null when none was started. */
  plan: { startedOn: string; agreedOn: string | null; lastReviewedOn: string | null } | null;
  /** Changes that call for a review: signed assessments and new orders, with their dates. */
  changes: ReadonlyArray<{ on: string; what: string }>;
  /** The person's latest tier and the day it was worked out; absent or null when none was. */
  tier?: { tier: string; on: string } | null;
}

export type SentencePlanClock =
  | { due: false; reason: string }
  | {
      due: true;
      kind: 'initial' | 'review';
      dueOn: string;
      status: DueStatus;
      /** Why it falls due then, in words, with the policy that set the timescale. */
      reason: string;
    };

/** Working days from sentence or release to the initial plan: fewer for the highest tier, with why. */
export function initialPlanTimescale(
  tier: SentencePlanClockInput['tier'],
  policy: PlanningPolicy = PLANNING_POLICY,
): { workingDays: number; why: string | null } {
  if (tier?.tier !== policy.highestTier) return { workingDays: policy.initialPlanWorkingDays, why: null };
  return {
    workingDays: policy.initialPlanHighestTierWorkingDays,
    why: `not ${policy.initialPlanWorkingDays}, because the case is in the highest tier, ${tier.tier} (worked out ${longDate(tier.on)})`,
  };
}

/**
 * The initial plan is due a number of working days after sentence or release (15 by default, 5 in
 * the highest tier) until it is agreed. After that a review falls due on the cycle from the last review (or the agreement),
 * or sooner: within some working days of a change after it, a newly signed assessment or a new
 * order, whichever date comes first.
 */
export function sentencePlanClock(
  input: SentencePlanClockInput,
  policy: PlanningPolicy = PLANNING_POLICY,
): SentencePlanClock {
  const { plan, today } = input;
  if (!plan?.agreedOn) {
    if (!input.supervisionStart) return { due: false, reason: 'No current order or licence' };
    const timescale = initialPlanTimescale(input.tier, policy);
    const dueOn = addWorkingDays(input.supervisionStart, timescale.workingDays);
    return {
      due: true,
      kind: 'initial',
      dueOn,
      status: statusOf(dueOn, today, policy),
      reason: `Initial sentence plan: due ${timescale.workingDays} working days after sentence or release (${longDate(input.supervisionStart)})${timescale.why ? `, ${timescale.why}` : ''}`,
    };
  }
  const since =
    plan.lastReviewedOn && plan.lastReviewedOn > plan.agreedOn ? plan.lastReviewedOn : plan.agreedOn;
  const sinceWhat =
    since === plan.agreedOn && !plan.lastReviewedOn ? 'the plan was agreed' : 'the last review';
  const cycleDue = addDays(since, policy.planReviewCycleWeeks * 7);
  const change = [...input.changes].filter((c) => c.on > since).sort((a, b) => a.on.localeCompare(b.on))[0];
  const changeDue = change ? addWorkingDays(change.on, policy.planReviewAfterChangeWorkingDays) : null;
  if (change && changeDue && changeDue < cycleDue)
    return {
      due: true,
      kind: 'review',
      dueOn: changeDue,
      status: statusOf(changeDue, today, policy),
      reason: `Review after a change: ${change.what} on ${longDate(change.on)} (due within ${policy.planReviewAfterChangeWorkingDays} working days)`,
    };
  return {
    due: true,
    kind: 'review',
    dueOn: cycleDue,
    status: statusOf(cycleDue, today, policy),
    reason: `Review: every ${policy.planReviewCycleWeeks} weeks after ${sinceWhat} (${longDate(since)})`,
  };
}

// ---------------------------------------------------------------- the risk management plan's clock

export interface RiskPlanClockInput {
  today: string;
  rosh: RoshLevel | null;
  plan: { completedOn: string | null; nextReviewOn: string | null } | null;
}

export type RiskPlanState =
  'not-required' | 'missing' | 'not-complete' | 'review-overdue' | 'review-due-soon' | 'current';

export interface RiskPlanClock {
  required: boolean;
  state: RiskPlanState;
  nextReviewOn: string | null;
  reason: string;
}

function roshText(level: RoshLevel): string {
  return level === 'very-high' ? 'very high' : level;
}

/** True when the RoSH level calls for a risk management plan (medium and above by default). */
export function riskPlanRequired(rosh: RoshLevel | null, policy: PlanningPolicy = PLANNING_POLICY): boolean {
  return rosh !== null && ROSH_LEVELS.indexOf(rosh) >= ROSH_LEVELS.indexOf(policy.riskPlanFromRosh);
}

/** Whether a risk management plan is needed, and whether the one there is complete and reviewed in time. */
export function riskPlanClock(
  input: RiskPlanClockInput,
  policy: PlanningPolicy = PLANNING_POLICY,
): RiskPlanClock {
  const required = riskPlanRequired(input.rosh, policy);
  const why = input.rosh
    ? `RoSH is ${roshText(input.rosh)}: a plan is needed from ${roshText(policy.riskPlanFromRosh)} up`
    : 'No current RoSH registration';
  const completed = input.plan?.completedOn ? input.plan : null;
  if (!completed) {
    if (!required) return { required, state: 'not-required', nextReviewOn: null, reason: why };
    return {
      required,
      state: input.plan ? 'not-complete' : 'missing',
      nextReviewOn: null,
      reason: why,
    };
  }
  const nextReviewOn = completed.nextReviewOn;
  if (!required || !nextReviewOn)
    return { required, state: required ? 'current' : 'not-required', nextReviewOn, reason: why };
  const status = statusOf(nextReviewOn, input.today, policy);
  return {
    required,
    state: status === 'overdue' ? 'review-overdue' : status === 'due-soon' ? 'review-due-soon' : 'current',
    nextReviewOn,
    reason: why,
  };
}

/** The next review of a risk management plan completed or reviewed on a date. */
export function nextRiskPlanReview(from: string, policy: PlanningPolicy = PLANNING_POLICY): string {
  return addDays(from, policy.riskPlanReviewCycleWeeks * 7);
}

// ---------------------------------------------------------------- objectives and actions

export interface ObjectiveLinks {
  need: string | null;
  requirementId: string | null;
  licenceConditionId?: string | null;
}

export interface LinkChoices {
  /** The needs of the latest signed assessment that may be chosen. */
  needs: readonly string[];
  /** The requirements of the current orders that may be chosen. */
  requirementIds: readonly string[];
  /** The additional conditions of a current licence that may be chosen. */
  licenceConditionIds?: readonly string[];
}

export const NO_LINK_MESSAGE =
  'Link the objective to a need from the assessment or to a requirement of the order or a licence condition: an objective with none of these cannot be added';

/**
 * An objective serves a need from the latest signed assessment, a requirement of a current order,
 * an additional condition of a current licence, or more than one of them: never none. A link must
 * be to something the person has now.
 */
export function objectiveLinkProblems(links: ObjectiveLinks, choices: LinkChoices): FieldMessage[] {
  if (!links.need && !links.requirementId && !links.licenceConditionId)
    return [{ field: 'need', message: NO_LINK_MESSAGE }];
  const problems: FieldMessage[] = [];
  if (links.need && !choices.needs.includes(links.need))
    problems.push({
      field: 'need',
      message: choices.needs.length
        ? 'Choose a need from the latest signed assessment'
        : 'There is no signed assessment to take a need from: link the objective to a requirement instead',
    });
  if (links.requirementId && !choices.requirementIds.includes(links.requirementId))
    problems.push({ field: 'requirementId', message: 'Choose a requirement of a current order' });
  if (links.licenceConditionId && !(choices.licenceConditionIds ?? []).includes(links.licenceConditionId))
    problems.push({
      field: 'licenceConditionId',
      message: 'Choose an additional condition of a current licence',
    });
  return problems;
}

/** An action's target date cannot be before the plan starts. */
export function actionDateProblems(targetDate: string, planStartedOn: string): FieldMessage[] {
  return targetDate < planStartedOn
    ? [
        {
          field: 'targetDate',
          message: `The target date must be on or after the day the plan started, ${longDate(planStartedOn)}`,
        },
      ]
    : [];
}

export interface ActionState {
  id: string;
  targetDate: string;
  doneOn: string | null;
}

/** Actions whose target date has passed and that are not done, oldest target first. */
export function overdueActions<A extends ActionState>(actions: readonly A[], today: string): A[] {
  return actions
    .filter((a) => a.doneOn === null && a.targetDate < today)
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate));
}

/** What must be in place before the person's agreement completes the plan. */
export function agreementProblems(plan: {
  objectives: ReadonlyArray<{ officersWords: string; actions: number }>;
  strengths: string | null;
  desistanceFactors: string | null;
}): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (!plan.objectives.length)
    problems.push({
      field: 'plan',
      message: 'Add at least one objective before recording the agreement',
    });
  for (const o of plan.objectives)
    if (!o.actions)
      problems.push({
        field: 'plan',
        message: `Add an action to the objective “${o.officersWords}” before recording the agreement`,
      });
  if (!plan.strengths?.trim() || !plan.desistanceFactors?.trim())
    problems.push({
      field: 'plan',
      message:
        'Write the person’s strengths and what helps them stop offending before recording the agreement',
    });
  return problems;
}

/** The sequence after moving one objective up or down one place; unchanged at either end. */
export function moveInSequence(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const order = [...ids];
  const at = order.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) return order;
  [order[at], order[to]] = [order[to]!, order[at]!];
  return order;
}

/** Needs in the order to choose from: severe, then standard, then those assessed as no need. */
export function needsForChoice<N extends { severity: NeedSeverity }>(needs: readonly N[]): N[] {
  const rank: Record<NeedSeverity, number> = { severe: 0, standard: 1, none: 2 };
  return needs
    .map((need, index) => ({ need, index }))
    .sort((a, b) => rank[a.need.severity] - rank[b.need.severity] || a.index - b.index)
    .map((n) => n.need);
}

// ---------------------------------------------------------------- the risk management plan's parts

export const RISK_PLAN_PARTS = [
  {
    key: 'supervision',
    title: 'Supervision',
    hint: 'How often and where the person is seen, home visits, who else supervises them and how you share information',
  },
  {
    key: 'monitoring-and-control',
    title: 'Monitoring and control',
    hint: 'Requirements or licence conditions that restrict, checks with the police and other agencies, electronic monitoring, approved premises',
  },
  {
    key: 'interventions-and-treatment',
    title: 'Interventions and treatment',
    hint: 'Programmes, treatment and other work that reduce the risk, and who delivers them',
  },
  {
    key: 'victim-safety-planning',
    title: 'Victim safety planning',
    hint: 'Who may be at risk and what protects them: victim liaison, MARAC, child safeguarding, exclusion zones',
  },
  {
    key: 'contingency',
    title: 'Contingency',
    hint: 'What to do if the risk rises: the warning signs, who acts, and how quickly (recall, breach, police, safeguarding)',
  },
] as const;

export type RiskPlanPart = (typeof RISK_PLAN_PARTS)[number]['key'];

export function isRiskPlanPart(value: string): value is RiskPlanPart {
  return RISK_PLAN_PARTS.some((p) => p.key === value);
}

/** A risk management plan is complete only with every part written. */
export function riskPlanProblems(parts: Readonly<Record<RiskPlanPart, string | null>>): FieldMessage[] {
  return RISK_PLAN_PARTS.filter((p) => !parts[p.key]?.trim()).map((p) => ({
    field: `part-${p.key}`,
    message: `Write the ${p.title.toLowerCase()} part before completing the plan`,
  }));
}
