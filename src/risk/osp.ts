/**
 * OSP, the OASys Sexual reoffending Predictors, for men: OSP/DC (direct contact) and OSP/IIC (indecent
 * images and indirect contact). Both are "not applicable" for women. Source: reference/risk-instruments.md.
 */
import { completedYearsBetween } from './age.js';
import { logistic, roundHalfUpTo } from './arithmetic.js';
import { BAND_NAMES, bandBelow, bandWithStep, OSP_DC_BANDS } from './bands.js';
import type { Band } from './bands.js';
import { decimal, sumInWords, yesOrNo } from './explanation.js';
import type { ExplanationStep } from './explanation.js';
import { describeRange, findRange } from './ranges.js';
import type { Range } from './ranges.js';

export interface OspDcMaleInput {
  sex: 'male';
  /** ISO dates, yyyy-mm-dd. */
  dateOfBirth: string;
  /** The sentence date for a community sentence, the release date for a custodial one. */
  followUpStartDate: string;
  /** Sanctions for contact sexual offences against an adult, the current one included. */
  contactAdultSexualSanctions: number;
  /** Sanctions for contact sexual offences against a child, the current one included. */
  contactChildSexualSanctions: number;
  /** Sanctions for non-contact sexual offences, not counting indecent images. */
  nonContactSexualSanctions: number;
  /** The date of the most recent sanction for a sexual offence. */
  lastSexualSanctionDate: string;
  /** Sanctions of any kind, the current one included. */
  totalSanctions: number;
  strangerVictim: boolean;
  /** In the community now (not in custody): needed for the band reduction. */
  inCommunity: boolean;
  mostRecentOffenceDate: string;
  mostRecentSexualOffenceDate: string;
  /** The day the score is worked out, from which the five offence-free years are counted. */
  assessmentDate: string;
}

export interface OspIicMaleInput {
  sex: 'male';
  /** Sanctions for indecent image offences, the current one included. */
  indecentImageSanctions: number;
}

/** OSP is for men: for a woman only her sex is needed. */
export interface OspFemaleInput {
  sex: 'female';
}

export type OspDcInput = OspDcMaleInput | OspFemaleInput;
export type OspIicInput = OspIicMaleInput | OspFemaleInput;

export interface OspNotApplicable {
  applicable: false;
  band: 'not-applicable';
  explanation: ExplanationStep[];
}

export interface OspDcScored {
  applicable: true;
  points: number;
  /** Unrounded fraction, 0 to 1. */
  probability: number;
  /** The probability as a percentage, rounded half up to two decimals: RSR adds OSP percentages. */
  percent: number;
  /** The band after any reduction for five offence-free years in the community. */
  band: Band;
  /** The band from the points alone. */
  bandFromPoints: Band;
  reducedForTimeOffenceFree: boolean;
  explanation: ExplanationStep[];
}

export interface OspIicScored {
  applicable: true;
  band: Band;
  explanation: ExplanationStep[];
}

export type OspDcResult = OspDcScored | OspNotApplicable;
export type OspIicResult = OspIicScored | OspNotApplicable;

const SANCTIONS_0_1_2_3_PLUS = (perSanction: number): Range<number>[] => [
  { from: 0, to: 0, value: 0 },
  { from: 1, to: 1, value: perSanction },
  { from: 2, to: 2, value: 2 * perSanction },
  { from: 3, to: null, value: 3 * perSanction },
];

export const OSP_DC_TABLES = {
  contactAdultSexualSanctions: SANCTIONS_0_1_2_3_PLUS(5),
  contactChildSexualSanctions: SANCTIONS_0_1_2_3_PLUS(3),
  nonContactSexualSanctions: SANCTIONS_0_1_2_3_PLUS(2),
  ageAtLastSexualSanction: [
    { from: 10, to: 15, value: 0 },
    { from: 16, to: 17, value: 5 },
    { from: 18, to: null, value: 10 },
  ],
} as const satisfies Record<string, readonly Range<number>[]>;

export const OSP_DC_WEIGHTS = {
  moreThanOneSanction: 6,
  strangerVictim: 4,
  /** Age at start of follow-up: 14 less one point for each three full years past 18, and 0 from 60. */
  ageBase: 14,
  ageFrom: 18,
  ageYearsPerPoint: 3,
  ageNoPointsFrom: 60,
} as const;

// The reference's intercept; ministryofjustice/hmpps-arns-risk-actuarial-api uses -8.6333. Kept as written
// until checked against the OSP research, because the reference is the source this folder follows.
export const OSP_DC_CURVE = { intercept: -8.633, slope: 0.1598 } as const;

/** Years offence-free in the community after which the OSP/DC band drops one step. */
export const OSP_DC_YEARS_FOR_REDUCTION = 5;

/** The highest OSP/IIC band whose minimum image sanctions the person reaches; first match wins. */
export const OSP_IIC_RULES: readonly { minimumImageSanctions: number; band: Band }[] = [
  { minimumImageSanctions: 2, band: 'high' },
  { minimumImageSanctions: 1, band: 'medium' },
  { minimumImageSanctions: 0, band: 'low' },
];

interface PointsItem {
  points: number;
  step: ExplanationStep;
}

function notApplicableForWomen(instrument: string): OspNotApplicable {
  return {
    applicable: false,
    band: 'not-applicable',
    explanation: [
      { label: 'Sex', value: 'female', detail: `${instrument} is for men: not applicable for women` },
    ],
  };
}

function countItem(label: string, table: readonly Range<number>[], count: number): PointsItem {
  const row = findRange(table, count, `OSP/DC ${label.toLowerCase()}`);
  return {
    points: row.value,
    step: { label, value: row.value, detail: `${count}: ${describeRange(row)} scores ${row.value}` },
  };
}

export function ospDcAgePoints(age: number): number {
  const w = OSP_DC_WEIGHTS;
  if (age >= w.ageNoPointsFrom) return 0;
  return w.ageBase - Math.max(0, Math.floor((age - w.ageFrom) / w.ageYearsPerPoint));
}

function ageAtFollowUpItem(input: OspDcMaleInput): PointsItem {
  const age = completedYearsBetween(input.dateOfBirth, input.followUpStartDate);
  const points = ospDcAgePoints(age);
  const w = OSP_DC_WEIGHTS;
  const rule =
    age >= w.ageNoPointsFrom
      ? `${w.ageNoPointsFrom} or over scores 0`
      : `${w.ageBase} - max(0, floor((${age} - ${w.ageFrom}) / ${w.ageYearsPerPoint}))`;
  return {
    points,
    step: {
      label: 'Age at start of follow-up',
      value: points,
      detail: `Aged ${age} (from ${input.dateOfBirth} to ${input.followUpStartDate}): ${rule}`,
    },
  };
}

function ageAtLastSexualSanctionItem(input: OspDcMaleInput): PointsItem {
  const age = completedYearsBetween(input.dateOfBirth, input.lastSexualSanctionDate);
  const row = findRange(OSP_DC_TABLES.ageAtLastSexualSanction, age, 'OSP/DC age at last sexual sanction');
  return {
    points: row.value,
    step: {
      label: 'Age at last sexual sanction',
      value: row.value,
      detail: `Aged ${age} (from ${input.dateOfBirth} to ${input.lastSexualSanctionDate}): ${describeRange(row)} scores ${row.value}`,
    },
  };
}

function yesItem(label: string, answer: boolean, points: number, detail: string): PointsItem {
  const scoredPoints = answer ? points : 0;
  return {
    points: scoredPoints,
    step: { label, value: scoredPoints, detail: `${detail}: ${yesOrNo(answer)}` },
  };
}

function ospDcItems(input: OspDcMaleInput): PointsItem[] {
  return [
    countItem(
      'Contact adult sexual sanctions',
      OSP_DC_TABLES.contactAdultSexualSanctions,
      input.contactAdultSexualSanctions,
    ),
    countItem(
      'Contact child sexual sanctions',
      OSP_DC_TABLES.contactChildSexualSanctions,
      input.contactChildSexualSanctions,
    ),
    countItem(
      'Non-contact sexual sanctions',
      OSP_DC_TABLES.nonContactSexualSanctions,
      input.nonContactSexualSanctions,
    ),
    ageAtFollowUpItem(input),
    ageAtLastSexualSanctionItem(input),
    yesItem(
      'More than one sanction',
      input.totalSanctions > 1,
      OSP_DC_WEIGHTS.moreThanOneSanction,
      `${input.totalSanctions} sanctions of any kind`,
    ),
    yesItem('Stranger victim', input.strangerVictim, OSP_DC_WEIGHTS.strangerVictim, 'A stranger victim'),
  ];
}

function probabilityOf(points: number): { probability: number; step: ExplanationStep } {
  if (points === 0) {
    return {
      probability: 0,
      step: { label: 'Probability', value: 0, detail: 'No points: the probability is 0' },
    };
  }
  const y = OSP_DC_CURVE.intercept + OSP_DC_CURVE.slope * points;
  const probability = logistic(y);
  return {
    probability,
    step: {
      label: 'Probability',
      value: probability,
      detail: `logistic(${OSP_DC_CURVE.intercept} + ${OSP_DC_CURVE.slope} × ${points}) = e^y / (1 + e^y) with y = ${decimal(y)}`,
    },
  };
}

function yearsOffenceFreeStep(
  label: string,
  sinceIso: string,
  assessmentDate: string,
): { enough: boolean; step: ExplanationStep } {
  const years = sinceIso <= assessmentDate ? completedYearsBetween(sinceIso, assessmentDate) : 0;
  return {
    enough: years >= OSP_DC_YEARS_FOR_REDUCTION,
    step: {
      label: `Years since ${label}`,
      value: years,
      detail: `Completed years from ${sinceIso} to the assessment, ${assessmentDate}`,
    },
  };
}

function reductionFor(
  input: OspDcMaleInput,
  bandFromPoints: Band,
): { band: Band; reduced: boolean; steps: ExplanationStep[] } {
  const checks = [
    yearsOffenceFreeStep('the most recent offence', input.mostRecentOffenceDate, input.assessmentDate),
    yearsOffenceFreeStep(
      'the most recent sexual offence',
      input.mostRecentSexualOffenceDate,
      input.assessmentDate,
    ),
    yearsOffenceFreeStep('the start of follow-up', input.followUpStartDate, input.assessmentDate),
  ];
  const reduced = input.inCommunity && checks.every((check) => check.enough);
  const band = reduced ? bandBelow(bandFromPoints) : bandFromPoints;
  const why = reduced
    ? `In the community and at least ${OSP_DC_YEARS_FOR_REDUCTION} years since each: the band drops one step (never below low), from ${BAND_NAMES[bandFromPoints]} to ${BAND_NAMES[band]}`
    : `Drops one step only for a man in the community with at least ${OSP_DC_YEARS_FOR_REDUCTION} years since each of the dates above`;
  return {
    band,
    reduced,
    steps: [
      { label: 'In the community', value: yesOrNo(input.inCommunity) },
      ...checks.map((check) => check.step),
      { label: 'Band reduction', value: reduced ? 'applies' : 'does not apply', detail: why },
    ],
  };
}

export function calculateOspDc(input: OspDcInput): OspDcResult {
  if (input.sex === 'female') return notApplicableForWomen('OSP/DC');
  const items = ospDcItems(input);
  const points = items.reduce((sum, item) => sum + item.points, 0);
  const { probability, step: probabilityStep } = probabilityOf(points);
  const percent = roundHalfUpTo(probability * 100, 2);
  const fromPoints = bandWithStep(OSP_DC_BANDS, points, `${points} points`, 'OSP/DC band');
  const reduction = reductionFor(input, fromPoints.band);
  return {
    applicable: true,
    points,
    probability,
    percent,
    band: reduction.band,
    bandFromPoints: fromPoints.band,
    reducedForTimeOffenceFree: reduction.reduced,
    explanation: [
      ...items.map((item) => item.step),
      { label: 'Total points', value: points, detail: sumInWords(items.map((item) => item.points)) },
      probabilityStep,
      {
        label: 'Percentage',
        value: percent,
        detail: `${decimal(probability * 100, 6)}% rounded half up to 2 decimals`,
      },
      { ...fromPoints.step, label: 'Band from points' },
      ...reduction.steps,
      { label: 'Band', value: reduction.band },
    ],
  };
}

function describeIicRules(): string {
  return OSP_IIC_RULES.map((rule) => `${rule.minimumImageSanctions} or more ${BAND_NAMES[rule.band]}`).join(
    ', ',
  );
}

export function calculateOspIic(input: OspIicInput): OspIicResult {
  if (input.sex === 'female') return notApplicableForWomen('OSP/IIC');
  const count = input.indecentImageSanctions;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`Image sanctions must be a whole number of 0 or more, not ${count}`);
  const rule = OSP_IIC_RULES.find(({ minimumImageSanctions }) => count >= minimumImageSanctions);
  if (!rule) throw new RangeError(`No OSP/IIC rule covers ${count} image sanctions`);
  return {
    applicable: true,
    band: rule.band,
    explanation: [
      { label: 'Indecent image sanctions', value: count },
      {
        label: 'Band',
        value: rule.band,
        detail: `${count} image sanctions, first rule that fits: ${describeIicRules()}`,
      },
    ],
  };
}
