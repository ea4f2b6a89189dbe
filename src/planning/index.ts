/**
 * The planning capability: sentence plans and risk management plans. What other capabilities
 * (programmes, insights …) may use.
 */
export { planningRoutes } from './routes.js';
export { planClocksFor, type PlanClocks } from './clocks.js';
export { PLANNING_POLICY, type PlanningPolicy } from './policy.js';
export {
  riskPlanRequired,
  sentencePlanClock,
  riskPlanClock,
  type SentencePlanClock,
  type RiskPlanClock,
} from './rules.js';
export { addObjectivesFromReport, type PostProgrammeReport } from './service.js';
