/** Tiering: the two-axis tier (protect A–D, change 0–3) with its explanation, and its API schemas. */
export { calculateTier } from './rules.js';
export { calculateProtect, protectLevelFor } from './protect.js';
export { calculateChange, changeLevelFor } from './change.js';
export {
  TIERING_POLICY,
  NEED_NAMES,
  NEED_SEVERITIES,
  ROSH_LEVELS,
  MAPPA_LEVELS,
  PROTECT_LEVELS,
  CHANGE_LEVELS,
  WOMEN_FACTORS,
} from './policy.js';
export type {
  TieringPolicy,
  Band,
  ComplexityRegister,
  NeedName,
  NeedSeverity,
  RoshLevel,
  MappaLevel,
  ProtectLevel,
  ChangeLevel,
  WomenFactor,
} from './policy.js';
export type { TierInput, TierResult, ExplanationStep, AxisResult, AxisOutcome, Axis } from './types.js';
export { tierRequest, tierResponse, tierRequestFieldProblems } from './schemas.js';
export type { FieldProblem } from './schemas.js';
export {
  caseRiskFacts,
  recalculateTier,
  roshLevelsOf,
  tierInputOf,
  type CaseRiskFacts,
  type Recalculation,
} from './service.js';
export { latestTier, latestTiersOf, RESTRICTIVE_REQUIREMENT_TYPES } from './store.js';
