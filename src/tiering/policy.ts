/**
 * The points tables of the two-axis tier. They are local policy, not law: the defaults follow
 * ministryofjustice/hmpps-tier (see reference/risk-instruments.md, "Tiering"), and a probation
 * service may change them without touching the rules, by passing its own policy to the calculator.
 */

export const NEED_NAMES = [
  'accommodation',
  'education-training-employability',
  'relationships',
  'lifestyle',
  'drugs',
  'alcohol',
  'thinking-behaviour',
  'attitudes',
  'finance',
  'emotional-wellbeing',
] as const;

export type NeedName = (typeof NEED_NAMES)[number];

export const NEED_SEVERITIES = ['none', 'standard', 'severe'] as const;

export type NeedSeverity = (typeof NEED_SEVERITIES)[number];

export const ROSH_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;

export type RoshLevel = (typeof ROSH_LEVELS)[number];

export const MAPPA_LEVELS = [1, 2, 3] as const;

export type MappaLevel = (typeof MAPPA_LEVELS)[number];

/** Highest first: A is the most protective supervision. */
export const PROTECT_LEVELS = ['A', 'B', 'C', 'D'] as const;

export type ProtectLevel = (typeof PROTECT_LEVELS)[number];

export const CHANGE_LEVELS = [0, 1, 2, 3] as const;

export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

export const WOMEN_FACTORS = [
  'parentingConcerns',
  'impulsivityOrTemper',
  'breachOrRecallInLastYear',
] as const;

export type WomenFactor = (typeof WOMEN_FACTORS)[number];

/** A score at or above `from` falls in this band, unless a band with a higher `from` also fits. */
export interface Band<T> {
  from: number;
  value: T;
}

export interface ComplexityRegister {
  label: string;
  points: number;
}

export interface TieringPolicy {
  /** RSR percentage bands to protect points. */
  rsrPoints: readonly Band<number>[];
  roshPoints: Readonly<Record<RoshLevel, number>>;
  mappaPoints: Readonly<Record<MappaLevel, number>>;
  /** Keyed by the nDelius register code, upper case. A code not listed here gives no points. */
  complexityRegisters: Readonly<Record<string, ComplexityRegister>>;
  womenFactors: Readonly<Record<WomenFactor, ComplexityRegister>>;
  protectLevels: readonly Band<ProtectLevel>[];
  needWeights: Readonly<Record<NeedName, number>>;
  needSeverityScores: Readonly<Record<NeedSeverity, number>>;
  /** OGRS points are floor(OGRS3 two-year % / this). */
  ogrsPercentPerPoint: number;
  iomNominalPoints: number;
  changeLevels: readonly Band<ChangeLevel>[];
  /** The change level forced by each exception, whatever the points. */
  noMandateForChangeLevel: ChangeLevel;
  noValidAssessmentLevel: ChangeLevel;
}

export const TIERING_POLICY: TieringPolicy = {
  rsrPoints: [
    { from: 7, value: 20 },
    { from: 3, value: 10 },
    { from: 0, value: 0 },
  ],
  roshPoints: { low: 0, medium: 10, high: 20, 'very-high': 150 },
  mappaPoints: { 1: 5, 2: 150, 3: 150 },
  complexityRegisters: {
    RMDO: { label: 'Mental health', points: 2 },
    ALSH: { label: 'Self-harm', points: 2 },
    RVLN: { label: 'Vulnerability', points: 2 },
    RCCO: { label: 'Child concerns', points: 2 },
    RCPR: { label: 'Child protection', points: 2 },
    RCHD: { label: 'Risk to children', points: 2 },
    RPIR: { label: 'Public interest', points: 2 },
    RVAD: { label: 'Adult at risk', points: 2 },
    STRG: { label: 'Street gangs', points: 2 },
    RTAO: { label: 'Terrorism', points: 2 },
  },
  womenFactors: {
    parentingConcerns: { label: 'Parenting concerns (OASys 6.9)', points: 2 },
    impulsivityOrTemper: {
      label: 'Impulsivity (OASys 11.2) or temper control (OASys 11.4) above 0',
      points: 2,
    },
    breachOrRecallInLastYear: { label: 'Breach or recall in the last year', points: 2 },
  },
  protectLevels: [
    { from: 150, value: 'A' },
    { from: 20, value: 'B' },
    { from: 10, value: 'C' },
    { from: 0, value: 'D' },
  ],
  needWeights: {
    accommodation: 1,
    'education-training-employability': 1,
    relationships: 1,
    lifestyle: 1,
    drugs: 1,
    alcohol: 1,
    'thinking-behaviour': 2,
    attitudes: 2,
    finance: 0,
    'emotional-wellbeing': 0,
  },
  needSeverityScores: { none: 0, standard: 1, severe: 2 },
  ogrsPercentPerPoint: 10,
  iomNominalPoints: 2,
  changeLevels: [
    { from: 20, value: 3 },
    { from: 10, value: 2 },
    { from: 0, value: 1 },
  ],
  noMandateForChangeLevel: 0,
  noValidAssessmentLevel: 2,
};

/**
 * The band a score falls in: the one with the highest `from` at or below the score. A score below
 * every band takes the lowest, so a policy need not start its bands at exactly 0.
 */
export function bandFor<T>(score: number, bands: readonly Band<T>[]): T {
  const highestFirst = [...bands].sort((a, b) => b.from - a.from);
  const band = highestFirst.find((candidate) => score >= candidate.from) ?? highestFirst.at(-1);
  if (!band) throw new Error('A tiering policy band table must not be empty');
  return band.value;
}
