/**
 * Risk: the actuarial predictors (OGRS3, OGP, OVP, OSP/DC, OSP/IIC, Risk Matrix 2000) as pure functions
 * that answer every score with its working, and the request and response schemas of their API; and
 * the specialist tools recorded on a person (SARA, Risk Matrix 2000), listed for the Assessments tab.
 */
export {
  calculateOgrs3,
  OGRS3_OFFENCE_CATEGORIES,
  OGRS3_OFFENCE_CATEGORY_CODES,
  OGRS3_OFFENCE_CATEGORY_TABLE,
} from './ogrs3.js';
export {
  OGRS3_AGE_SEX_COEFFICIENTS,
  OGRS3_SANCTION_COEFFICIENTS,
  OGRS3_COPAS_WEIGHT,
  OGRS3_INTERCEPTS,
} from './ogrs3.js';
export type { Ogrs3Input, Ogrs3Result, Ogrs3OffenceCategory, Ogrs3OffenceCategoryCode } from './ogrs3.js';
export { calculateOgp, OGP_CURVE, OGP_WEIGHTS } from './ogp.js';
export type { OgpInput, OgpResult } from './ogp.js';
export { calculateOvp, OVP_CURVE, OVP_TABLES, OVP_WEIGHTS, OVP_MINIMUM_AGE } from './ovp.js';
export type { OvpInput, OvpResult } from './ovp.js';
export {
  calculateOspDc,
  calculateOspIic,
  ospDcAgePoints,
  OSP_DC_TABLES,
  OSP_DC_WEIGHTS,
  OSP_DC_CURVE,
} from './osp.js';
export { OSP_DC_YEARS_FOR_REDUCTION, OSP_IIC_RULES } from './osp.js';
export type {
  OspDcInput,
  OspDcMaleInput,
  OspIicInput,
  OspIicMaleInput,
  OspFemaleInput,
  OspDcResult,
  OspDcScored,
  OspIicResult,
  OspIicScored,
  OspNotApplicable,
} from './osp.js';
export { calculateRm2000, rm2000IneligibilityReasons } from './rm2000.js';
export type {
  Rm2000Input,
  Rm2000MaleInput,
  Rm2000FemaleInput,
  Rm2000Result,
  Rm2000Scored,
  Rm2000Ineligible,
  Rm2000Scale,
  Rm2000SexualScale,
} from './rm2000.js';
export { RM2000_TABLES, RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
export type { Rm2000Tables } from './rm2000-tables.js';
export { BANDS, BAND_NAMES, OGRS3_BANDS, OGP_BANDS, OVP_BANDS, OSP_DC_BANDS } from './bands.js';
export { ogrs3Band, ogpBand, ovpBand, ospDcBand } from './bands.js';
export type { Band, BandTable } from './bands.js';
export { PROBLEM_LEVELS, MOTIVATION_LEVELS, AWARENESS_ANSWERS } from './answers.js';
export type { ProblemLevel, MotivationLevel, AwarenessAnswer } from './answers.js';
export { SEXES } from './sex.js';
export type { Sex } from './sex.js';
export { completedYearsBetween, isRealIsoDate } from './age.js';
export type { ExplanationStep } from './explanation.js';
export type { YearPair } from './arithmetic.js';
export type { Range } from './ranges.js';
export type { PointsPredictorResult } from './points-curve.js';
export {
  ogrs3Request,
  ogpRequest,
  ovpRequest,
  ospDcRequest,
  ospIicRequest,
  rm2000Request,
  riskRequestFieldProblems,
} from './schemas.js';
export type { FieldProblem } from './schemas.js';
export {
  explanationStep,
  ogrs3Response,
  ogpResponse,
  ovpResponse,
  ospDcResponse,
  ospIicResponse,
  rm2000Response,
} from './response-schemas.js';
export { specialistAssessmentsOf, specialistAssessmentsPanel } from './specialist-list.js';
export type {
  SpecialistAssessmentSummary,
  SpecialistAssessmentsPanel,
  SpecialistKind,
} from './specialist-list.js';
export { rm2000Eligibility } from './rm2000-record.js';
export type { Rm2000Eligibility, Rm2000RecordFacts } from './rm2000-record.js';
