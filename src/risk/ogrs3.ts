/**
 * OGRS3, the Offender Group Reconviction Scale version 3: the probability of proven reoffending within
 * one and two years, from static factors only. Coefficients and worked examples: reference/risk-instruments.md
 * (NOMS-DIGITAL-STUDIO/rsr-calculator; Howard et al. 2009, MoJ Research Summary 7/09).
 */
import { logistic, shownPercent } from './arithmetic.js';
import type { YearPair } from './arithmetic.js';
import { bandWithStep, OGRS3_BANDS } from './bands.js';
import type { Band } from './bands.js';
import { completedYearsBetween } from './age.js';
import { decimal, sumInWords } from './explanation.js';
import type { ExplanationStep } from './explanation.js';
import { describeRange, findRange } from './ranges.js';
import type { Range } from './ranges.js';
import type { Sex } from './sex.js';

/**
 * Offence category coefficients keyed by the API code. Always look a category up by its code: one
 * public copy of the table has "drink driving" and "other motoring" swapped by position.
 */
export const OGRS3_OFFENCE_CATEGORY_TABLE = {
  violence: { label: 'Violence', coefficient: 0 },
  robbery: { label: 'Robbery', coefficient: -0.634795912 },
  'public-order': { label: 'Public order', coefficient: 0.181917975 },
  'sexual-not-against-child': { label: 'Sexual (not against a child)', coefficient: 0.003276327 },
  'sexual-against-child': { label: 'Sexual (against a child)', coefficient: -0.653434071 },
  'soliciting-prostitution': { label: 'Soliciting or prostitution', coefficient: 0.760608858 },
  'burglary-domestic': { label: 'Burglary (domestic)', coefficient: -0.12394352 },
  'burglary-other': { label: 'Burglary (other)', coefficient: 0.240604429 },
  'theft-non-motor': { label: 'Theft (non-motor)', coefficient: 0.661244321 },
  'handling-stolen-goods': { label: 'Handling stolen goods', coefficient: 0.351866973 },
  'fraud-forgery': { label: 'Fraud and forgery', coefficient: 0.159910192 },
  'absconding-bail': { label: 'Absconding or bail offences', coefficient: 0.733378677 },
  'taking-driving-away': { label: 'Taking and driving away and related', coefficient: 0.380059431 },
  'theft-from-vehicles': { label: 'Theft from vehicles', coefficient: 0.427225615 },
  'other-motoring': { label: 'Other motoring', coefficient: 0.262228428 },
  'drink-driving': { label: 'Drink driving', coefficient: -0.121439408 },
  'criminal-damage': { label: 'Criminal damage', coefficient: 0.204960477 },
  'drug-import-export-production': { label: 'Drug import, export or production', coefficient: -0.795556373 },
  'drug-possession-supply': { label: 'Drug possession or supply', coefficient: 0.077165871 },
  'other-offence': { label: 'Other offence', coefficient: -0.060667525 },
} as const satisfies Record<string, { label: string; coefficient: number }>;

export type Ogrs3OffenceCategoryCode = keyof typeof OGRS3_OFFENCE_CATEGORY_TABLE;

export interface Ogrs3OffenceCategory {
  code: Ogrs3OffenceCategoryCode;
  label: string;
  coefficient: number;
}

/** The categories in the reference's order, for reference lists and drop-downs. */
export const OGRS3_OFFENCE_CATEGORIES: readonly Ogrs3OffenceCategory[] = Object.entries(
  OGRS3_OFFENCE_CATEGORY_TABLE,
).map(([code, { label, coefficient }]) => ({ code: code as Ogrs3OffenceCategoryCode, label, coefficient }));

export const OGRS3_OFFENCE_CATEGORY_CODES = OGRS3_OFFENCE_CATEGORIES.map(({ code }) => code) as [
  Ogrs3OffenceCategoryCode,
  ...Ogrs3OffenceCategoryCode[],
];

/** Age/sex coefficients by the age at the start of follow-up. */
export const OGRS3_AGE_SEX_COEFFICIENTS: readonly Range<Readonly<Record<Sex, number>>>[] = [
  { from: 10, to: 11, value: { male: 0, female: -0.785038489 } },
  { from: 12, to: 13, value: { male: 0.083922902, female: -0.613852078 } },
  { from: 14, to: 15, value: { male: 0.075775765, female: -0.669521331 } },
  { from: 16, to: 17, value: { male: -0.061594199, female: -0.959179629 } },
  { from: 18, to: 20, value: { male: -0.625103618, female: -0.897480934 } },
  { from: 21, to: 24, value: { male: -1.051515067, female: -1.028488454 } },
  { from: 25, to: 29, value: { male: -1.166679288, female: -1.052777806 } },
  { from: 30, to: 34, value: { male: -1.325976554, female: -1.129127959 } },
  { from: 35, to: 39, value: { male: -1.368045933, female: -1.42187494 } },
  { from: 40, to: 49, value: { male: -1.499690953, female: -1.524652221 } },
  { from: 50, to: null, value: { male: -2.025261458, female: -2.44983716 } },
];

export const OGRS3_SANCTION_COEFFICIENTS = {
  noPreviousSanction: 0.126142106,
  previousSanction: 0.463062792,
} as const;

export const OGRS3_COPAS_WEIGHT = 1.251124464;

export const OGRS3_INTERCEPTS = { oneYear: 1.402562384, twoYear: 2.121705678 } as const;

export interface Ogrs3Input {
  sex: Sex;
  /** ISO dates, yyyy-mm-dd. */
  dateOfBirth: string;
  currentConvictionDate: string;
  firstSanctionDate: string;
  /** The sentence date for a community sentence, the release date for a custodial one. */
  followUpStartDate: string;
  /** Every previous sanction plus the current one. */
  totalSanctions: number;
  offenceCategory: Ogrs3OffenceCategoryCode;
}

export interface Ogrs3Result {
  /** Unrounded fractions, 0 to 1. */
  probability: YearPair;
  /** Whole percentages, rounded half up and kept within 1..99. */
  percent: YearPair;
  band: Band;
  explanation: ExplanationStep[];
}

interface Ogrs3Ages {
  atCurrentConviction: number;
  atFirstSanction: number;
  atFollowUpStart: number;
}

interface Term {
  coefficient: number;
  step: ExplanationStep;
}

function agesOf(input: Ogrs3Input): Ogrs3Ages {
  return {
    atCurrentConviction: completedYearsBetween(input.dateOfBirth, input.currentConvictionDate),
    atFirstSanction: completedYearsBetween(input.dateOfBirth, input.firstSanctionDate),
    atFollowUpStart: completedYearsBetween(input.dateOfBirth, input.followUpStartDate),
  };
}

function ageSteps(input: Ogrs3Input, ages: Ogrs3Ages): ExplanationStep[] {
  const from = `Completed years from the date of birth, ${input.dateOfBirth}, to`;
  return [
    {
      label: 'Age at current conviction',
      value: ages.atCurrentConviction,
      detail: `${from} the current conviction, ${input.currentConvictionDate}`,
    },
    {
      label: 'Age at first sanction',
      value: ages.atFirstSanction,
      detail: `${from} the first sanction, ${input.firstSanctionDate}`,
    },
    {
      label: 'Age at start of follow-up',
      value: ages.atFollowUpStart,
      detail: `${from} the start of follow-up, ${input.followUpStartDate}`,
    },
  ];
}

function copasRate(totalSanctions: number, ages: Ogrs3Ages): { rate: number; steps: ExplanationStep[] } {
  if (!Number.isInteger(totalSanctions) || totalSanctions < 1) {
    throw new RangeError(`Total sanctions must be a whole number of 1 or more, not ${totalSanctions}`);
  }
  const yearsInCareer = 10 + ages.atCurrentConviction - ages.atFirstSanction;
  if (yearsInCareer <= 0)
    throw new RangeError('The current conviction must not be before the first sanction');
  const rate = Math.log(totalSanctions / yearsInCareer);
  return {
    rate,
    steps: [
      {
        label: 'Total sanctions',
        value: totalSanctions,
        detail: 'Every previous sanction plus the current one',
      },
      {
        label: 'Copas rate',
        value: rate,
        detail: `ln(${totalSanctions} / (10 + ${ages.atCurrentConviction} - ${ages.atFirstSanction}))`,
      },
    ],
  };
}

function copasTerm(rate: number): Term {
  const coefficient = OGRS3_COPAS_WEIGHT * rate;
  return {
    coefficient,
    step: { label: 'Copas term', value: coefficient, detail: `${OGRS3_COPAS_WEIGHT} × ${decimal(rate)}` },
  };
}

function ageSexTerm(sex: Sex, ageAtFollowUpStart: number): Term {
  const row = findRange(OGRS3_AGE_SEX_COEFFICIENTS, ageAtFollowUpStart, 'OGRS3 age/sex');
  const coefficient = row.value[sex];
  return {
    coefficient,
    step: {
      label: 'Age/sex coefficient',
      value: coefficient,
      detail: `${sex === 'male' ? 'Male' : 'Female'}, aged ${describeRange(row)} at the start of follow-up`,
    },
  };
}

function sanctionTerm(totalSanctions: number): Term {
  const hasPrevious = totalSanctions > 1;
  const coefficient = hasPrevious
    ? OGRS3_SANCTION_COEFFICIENTS.previousSanction
    : OGRS3_SANCTION_COEFFICIENTS.noPreviousSanction;
  return {
    coefficient,
    step: {
      label: 'Sanction coefficient',
      value: coefficient,
      detail: hasPrevious
        ? 'At least one previous sanction'
        : 'No previous sanction: the current one is the first',
    },
  };
}

function offenceTerm(code: Ogrs3OffenceCategoryCode): Term {
  const category: { label: string; coefficient: number } | undefined = OGRS3_OFFENCE_CATEGORY_TABLE[code];
  if (!category) throw new RangeError(`"${code}" is not an OGRS3 offence category`);
  return {
    coefficient: category.coefficient,
    step: {
      label: 'Offence coefficient',
      value: category.coefficient,
      detail: `${category.label} (${code})`,
    },
  };
}

function probabilitySteps(score: number, probability: YearPair, percent: YearPair): ExplanationStep[] {
  const year = (name: string, intercept: number, p: number, shown: number): ExplanationStep[] => [
    {
      label: `${name} probability`,
      value: p,
      detail: `logistic(${intercept} + S) = e^y / (1 + e^y) with y = ${decimal(intercept + score)}`,
    },
    {
      label: `${name} percentage`,
      value: shown,
      detail: `${decimal(p * 100, 4)}% rounded half up to a whole number, kept within 1–99`,
    },
  ];
  return [
    ...year('One-year', OGRS3_INTERCEPTS.oneYear, probability.oneYear, percent.oneYear),
    ...year('Two-year', OGRS3_INTERCEPTS.twoYear, probability.twoYear, percent.twoYear),
  ];
}

export function calculateOgrs3(input: Ogrs3Input): Ogrs3Result {
  const ages = agesOf(input);
  const copas = copasRate(input.totalSanctions, ages);
  // The order of the sum is the reference's, so the worked examples match to the last bit.
  const terms = [
    ageSexTerm(input.sex, ages.atFollowUpStart),
    sanctionTerm(input.totalSanctions),
    copasTerm(copas.rate),
    offenceTerm(input.offenceCategory),
  ];
  const score = terms.reduce((sum, { coefficient }) => sum + coefficient, 0);
  const probability = {
    oneYear: logistic(OGRS3_INTERCEPTS.oneYear + score),
    twoYear: logistic(OGRS3_INTERCEPTS.twoYear + score),
  };
  const percent = { oneYear: shownPercent(probability.oneYear), twoYear: shownPercent(probability.twoYear) };
  const band = bandWithStep(OGRS3_BANDS, percent.twoYear, `Two-year ${percent.twoYear}%`, 'OGRS3 band');
  return {
    probability,
    percent,
    band: band.band,
    explanation: [
      ...ageSteps(input, ages),
      ...copas.steps,
      ...terms.map(({ step }) => step),
      {
        label: 'Score S',
        value: score,
        detail: `Age/sex + sanction + copas term + offence = ${sumInWords(terms.map(({ coefficient }) => decimal(coefficient, 9)))}`,
      },
      ...probabilitySteps(score, probability, percent),
      band.step,
    ],
  };
}
