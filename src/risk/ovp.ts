/**
 * OVP, the OASys Violence Predictor: static and dynamic points through a logistic curve.
 * Source: reference/risk-instruments.md (ministryofjustice/hmpps-arns-risk-actuarial-api).
 */
import { completedYearsBetween } from './age.js';
import { problemScore, scored } from './answers.js';
import type { ProblemLevel } from './answers.js';
import { OVP_BANDS } from './bands.js';
import { scorePoints, yesItem } from './points-curve.js';
import type { PointsCurve, PointsItem, PointsPredictorResult } from './points-curve.js';
import { describeRange, findRange } from './ranges.js';
import type { Range } from './ranges.js';
import type { Sex } from './sex.js';

export interface OvpInput {
  sex: Sex;
  /** ISO dates, yyyy-mm-dd. */
  dateOfBirth: string;
  /** The sentence date for a community sentence, the release date for a custodial one. */
  followUpStartDate: string;
  /** Sanctions for all offences, the current one included. */
  totalSanctions: number;
  /** Sanctions for violent offences, the current one included if it is violent. The rest are non-violent. */
  violentSanctions: number;
  recognisesImpactOfOffendingOnOthers: boolean;
  noFixedAbodeOrTransientAccommodation: boolean;
  unemployed: boolean;
  currentAlcoholUseProblem: ProblemLevel;
  excessiveAlcoholUse: ProblemLevel;
  currentPsychiatricTreatment: boolean;
  temperControl: ProblemLevel;
  proCriminalAttitudes: ProblemLevel;
}

export type OvpResult = PointsPredictorResult;

export const OVP_CURVE: PointsCurve = {
  name: 'OVP',
  slope: 0.0722,
  offsets: { oneYear: 4.5215, twoYear: 3.8773 },
  bands: OVP_BANDS,
};

const ELEVEN_PLUS_ONE_EACH: Range<number>[] = Array.from({ length: 13 }, (_, i) => ({
  from: 5 + i,
  to: 5 + i,
  value: 12 + i,
}));

export const OVP_TABLES = {
  violentSanctions: [
    { from: 0, to: 0, value: 0 },
    { from: 1, to: 1, value: 4 },
    { from: 2, to: 2, value: 7 },
    { from: 3, to: 3, value: 9 },
    { from: 4, to: 4, value: 11 },
    ...ELEVEN_PLUS_ONE_EACH,
    { from: 18, to: null, value: 25 },
  ],
  nonViolentSanctions: [
    { from: 0, to: 2, value: 0 },
    { from: 3, to: 4, value: 2 },
    { from: 5, to: 10, value: 3 },
    { from: 11, to: 20, value: 4 },
    { from: 21, to: null, value: 5 },
  ],
  ageAtFollowUpStart: [
    { from: 18, to: 19, value: 20 },
    { from: 20, to: 21, value: 17 },
    { from: 22, to: 23, value: 14 },
    { from: 24, to: 25, value: 12 },
    { from: 26, to: 30, value: 10 },
    { from: 31, to: 35, value: 8 },
    { from: 36, to: 40, value: 6 },
    { from: 41, to: 45, value: 4 },
    { from: 46, to: 50, value: 2 },
    { from: 51, to: null, value: 0 },
  ],
} as const satisfies Record<string, readonly Range<number>[]>;

export const OVP_WEIGHTS = {
  anyPreviousSanction: 5,
  male: 5,
  doesNotRecogniseImpactOfOffending: 4,
  noFixedAbodeOrTransientAccommodation: 4,
  unemployed: 4,
  alcoholMisuse: 2.5,
  currentPsychiatricTreatment: 4,
  temperControl: 3,
  proCriminalAttitudes: 3,
} as const;

/** The youngest age the OVP age table scores. */
export const OVP_MINIMUM_AGE = 18;

function tableItem(label: string, table: readonly Range<number>[], x: number, describeX: string): PointsItem {
  const row = findRange(table, x, `OVP ${label.toLowerCase()}`);
  return {
    points: row.value,
    step: { label, value: row.value, detail: `${describeX}: ${describeRange(row)} scores ${row.value}` },
  };
}

function sanctionItems(input: OvpInput): PointsItem[] {
  const nonViolent = input.totalSanctions - input.violentSanctions;
  if (!Number.isInteger(nonViolent) || nonViolent < 0 || input.violentSanctions < 0) {
    throw new RangeError('Violent sanctions must be a whole number from 0 to the total sanctions');
  }
  // totalSanctions includes the current one, so a previous sanction means a total of two or more.
  const previous = input.totalSanctions - 1;
  return [
    {
      points: previous > 0 ? OVP_WEIGHTS.anyPreviousSanction : 0,
      step: {
        label: 'Any previous sanction',
        value: previous > 0 ? OVP_WEIGHTS.anyPreviousSanction : 0,
        detail: `${previous} previous (total ${input.totalSanctions} less the current one): ${previous > 0 ? 'yes' : 'no'}`,
      },
    },
    tableItem(
      'Violent sanctions',
      OVP_TABLES.violentSanctions,
      input.violentSanctions,
      `${input.violentSanctions}`,
    ),
    tableItem(
      'Non-violent sanctions',
      OVP_TABLES.nonViolentSanctions,
      nonViolent,
      `${nonViolent} (total ${input.totalSanctions} - violent ${input.violentSanctions})`,
    ),
  ];
}

function ageItem(input: OvpInput): PointsItem {
  const age = completedYearsBetween(input.dateOfBirth, input.followUpStartDate);
  return tableItem(
    'Age at start of follow-up',
    OVP_TABLES.ageAtFollowUpStart,
    age,
    `Aged ${age} (from ${input.dateOfBirth} to ${input.followUpStartDate})`,
  );
}

function timesScoreItem(label: string, answer: ProblemLevel, weight: number): PointsItem {
  const score = problemScore(answer);
  return {
    points: score * weight,
    step: { label, value: score * weight, detail: `${scored(answer, score)} × ${weight}` },
  };
}

function alcoholItem(input: OvpInput): PointsItem {
  const currentUse = problemScore(input.currentAlcoholUseProblem);
  const excessive = problemScore(input.excessiveAlcoholUse);
  const points = Math.ceil(OVP_WEIGHTS.alcoholMisuse * (currentUse + excessive));
  return {
    points,
    step: {
      label: 'Alcohol misuse',
      value: points,
      detail:
        `ceiling(${OVP_WEIGHTS.alcoholMisuse} × (current use a problem ${scored(input.currentAlcoholUseProblem, currentUse)} + ` +
        `excessive use ${scored(input.excessiveAlcoholUse, excessive)}))`,
    },
  };
}

export function calculateOvp(input: OvpInput): OvpResult {
  return scorePoints(OVP_CURVE, [
    ...sanctionItems(input),
    ageItem(input),
    yesItem('Male', input.sex === 'male', OVP_WEIGHTS.male),
    yesItem(
      'Does not recognise the impact of offending on others',
      !input.recognisesImpactOfOffendingOnOthers,
      OVP_WEIGHTS.doesNotRecogniseImpactOfOffending,
    ),
    yesItem(
      'No fixed abode or transient accommodation',
      input.noFixedAbodeOrTransientAccommodation,
      OVP_WEIGHTS.noFixedAbodeOrTransientAccommodation,
    ),
    yesItem('Unemployed', input.unemployed, OVP_WEIGHTS.unemployed),
    alcoholItem(input),
    yesItem(
      'Current psychiatric treatment',
      input.currentPsychiatricTreatment,
      OVP_WEIGHTS.currentPsychiatricTreatment,
    ),
    timesScoreItem('Temper control', input.temperControl, OVP_WEIGHTS.temperControl),
    timesScoreItem('Pro-criminal attitudes', input.proCriminalAttitudes, OVP_WEIGHTS.proCriminalAttitudes),
  ]);
}
