/** Enforcement: what the law requires after a failure to comply, the clocks, recall eligibility. */
export * from './rules.js';
export { ENFORCEMENT_POLICY, type EnforcementPolicy } from './policy.js';
export { versionInForce, type RuleVersion } from './versions.js';
export { enforcementRoutes } from './routes.js';
export { enforcementPicture, type EnforcementPicture } from './picture.js';
export {
  advanceBreach,
  advanceRecall,
  issueWarning,
  recordDecision,
  reviewDecisionAfterOutcomeChange,
  type Who,
} from './service.js';
export {
  enforcementFacts,
  enforcementMarksOf,
  factsByPerson,
  licenceConditionsOfOrder,
  type EnforcementFacts,
  type EnforcementMarks,
} from './store.js';
export { addresseeOf, draftWarningLetter } from './letters.js';
export { breachPackInput, renderBreachPack, renderBreachReport } from './breach-pack.js';
export { knownRecallFacts, recallReportFor } from './recall-steps.js';
export { plainText } from './documents.js';
