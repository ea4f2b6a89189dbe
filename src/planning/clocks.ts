/**
 * Each person's sentence plan and risk management plan clocks, for one person or a whole caseload
 * in a handful of queries, each bounded by the people asked about (indexed by person).
 */
import { londonDateOf } from '../platform/calendar/london.js';
import type { Db } from '../platform/database/connect.js';
import { latestTiersOf, roshLevelsOf } from '../tiering/index.js';
import { PLANNING_POLICY, type PlanningPolicy } from './policy.js';
import { riskPlanClock, sentencePlanClock, type RiskPlanClock, type SentencePlanClock } from './rules.js';
import * as store from './store.js';

export interface PlanClocks {
  sentencePlan: SentencePlanClock;
  /** A sentence plan was started (agreed or not). */
  planStarted: boolean;
  riskPlan: RiskPlanClock;
}

type Facts = Awaited<ReturnType<typeof store.planClockFacts>>;

/** The clock's input for one person, from the facts read for many. */
export function sentencePlanInput(facts: Facts, personId: string, today: string) {
  const orders = facts.orders.filter((o) => o.person_id === personId);
  const current = orders.filter(
    (o) =>
      o.terminated_on === null &&
      o.start_date <= today &&
      (o.expected_end_date >= today || (o.pss_end_date !== null && o.pss_end_date >= today)),
  );
  const supervisionStart =
    current
      .map((o) => o.start_date)
      .sort()
      .at(-1) ?? null;
  const plan = facts.plans.find((p) => p.person_id === personId);
  return {
    today,
    supervisionStart,
    plan: plan
      ? { startedOn: plan.started_on, agreedOn: plan.completed_on, lastReviewedOn: plan.last_reviewed_on }
      : null,
    changes: [
      ...orders
        .filter((o) => o.start_date <= today)
        .map((o) => ({ on: o.start_date, what: `a new order (event ${o.event_number})` })),
      ...facts.assessments
        .filter((a) => a.person_id === personId && a.completed_on !== null)
        .map((a) => ({ on: a.completed_on!, what: 'a new signed assessment' })),
    ],
  };
}

export async function planClocksFor(
  db: Db,
  personIds: readonly string[],
  today: string,
  policy: PlanningPolicy = PLANNING_POLICY,
): Promise<Map<string, PlanClocks>> {
  const clocks = new Map<string, PlanClocks>();
  if (!personIds.length) return clocks;
  const [facts, riskPlans, rosh, tiers] = await Promise.all([
    store.planClockFacts(db, personIds),
    store.riskPlansOf(db, personIds),
    roshLevelsOf(db, personIds, today),
    latestTiersOf(db, personIds),
  ]);
  for (const id of personIds) {
    const riskPlan = riskPlans.find((p) => p.person_id === id);
    const tier = tiers.get(id);
    clocks.set(id, {
      sentencePlan: sentencePlanClock(
        {
          ...sentencePlanInput(facts, id, today),
          tier: tier ? { tier: tier.tier, on: londonDateOf(tier.calculatedAt) } : null,
        },
        policy,
      ),
      planStarted: facts.plans.some((p) => p.person_id === id),
      riskPlan: riskPlanClock(
        {
          today,
          rosh: rosh.get(id) ?? null,
          plan: riskPlan
            ? { completedOn: riskPlan.completed_on, nextReviewOn: riskPlan.next_review_on }
            : null,
        },
        policy,
      ),
    });
  }
  return clocks;
}
