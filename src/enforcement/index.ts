/** Enforcement: what the law requires after a failure to comply, the clocks, recall eligibility. */
export * from './rules.js';
export { ENFORCEMENT_POLICY, type EnforcementPolicy } from './policy.js';
export { versionInForce, type RuleVersion } from './versions.js';
export { enforcementRoutes } from './routes.js';
export { enforcementPicture, type EnforcementPicture } from './picture.js';
export { reviewDecisionAfterOutcomeChange, type Who } from './service.js';
export { enforcementMarksOf, type EnforcementMarks } from './store.js';
