/**
 * Local policy for sentence plans and risk management plans: timescales and review cycles. Not
 * law: a probation service may change these without touching the rules. The defaults come from
 * National Standards 2007 (reference/probation-domain.md, "Timescales") where it sets one, and
 * are shown on screen wherever they drive a deadline.
 */
import type { RoshLevel } from '../tiering/index.js';

export interface PlanningPolicy {
  /** The initial sentence plan is due this many working days after sentence or release. */
  initialPlanWorkingDays: number;
  /** ... or this many for a case in the highest tier (National Standards: "within 15 working days (5)"). */
  initialPlanHighestTierWorkingDays: number;
  /**
   * The highest tier of the two-axis tier: the most protective supervision (protect level A) with
   * the most to change (change level 3).
   */
  highestTier: string;
  /** A sentence plan is reviewed this many weeks after it was agreed or last reviewed. */
  planReviewCycleWeeks: number;
  /** After a change (a new signed assessment, a new order), a review is due within this many working days. */
  planReviewAfterChangeWorkingDays: number;
  /** A risk management plan is needed from this RoSH level up. */
  riskPlanFromRosh: RoshLevel;
  /** A risk management plan is reviewed this many weeks after it was completed or last reviewed. */
  riskPlanReviewCycleWeeks: number;
  /** Deadlines show as "due soon" this many days ahead. */
  dueSoonDays: number;
}

export const PLANNING_POLICY: PlanningPolicy = {
  initialPlanWorkingDays: 15,
  initialPlanHighestTierWorkingDays: 5,
  highestTier: 'A3',
  planReviewCycleWeeks: 16,
  planReviewAfterChangeWorkingDays: 10,
  riskPlanFromRosh: 'medium',
  riskPlanReviewCycleWeeks: 16,
  dueSoonDays: 10,
};

/** The policy in force: the defaults with the local timescales read from the configuration. */
export function planningPolicyFrom(configured: Partial<PlanningPolicy>): PlanningPolicy {
  return { ...PLANNING_POLICY, ...configured };
}
