/**
 * OGP, the OASys General reoffending Predictor: OGRS3 plus dynamic needs, as points through a logistic
 * curve. Source: reference/risk-instruments.md (ministryofjustice/hmpps-arns-risk-actuarial-api).
 */
import { roundHalfUp } from './arithmetic.js';
import { awarenessScore, motivationScore, PROBLEM_LEVELS, problemScore, scored } from './answers.js';
import type { AwarenessAnswer, MotivationLevel, ProblemLevel } from './answers.js';
import { OGP_BANDS } from './bands.js';
import { decimal } from './explanation.js';
import { scorePoints, yesItem } from './points-curve.js';
import type { PointsCurve, PointsItem, PointsPredictorResult } from './points-curve.js';

export interface OgpInput {
  /** OGRS3 two-year percentage, as OGRS3 shows it: a whole number, 1 to 99. */
  ogrs3TwoYearPercent: number;
  noFixedAbodeOrTransientAccommodation: boolean;
  unemployed: boolean;
  regularActivitiesEncourageOffending: ProblemLevel;
  currentDrugMisuse: ProblemLevel;
  motivationToTackleDrugMisuse: MotivationLevel;
  problemSolvingSkills: ProblemLevel;
  awarenessOfConsequences: AwarenessAnswer;
  understandsOtherPeoplesViews: ProblemLevel;
  proCriminalAttitudes: ProblemLevel;
}

export type OgpResult = PointsPredictorResult;

export const OGP_CURVE: PointsCurve = {
  name: 'OGP',
  slope: 0.0616,
  offsets: { oneYear: 3.6832, twoYear: 3.0795 },
  bands: OGP_BANDS,
};

export const OGP_WEIGHTS = {
  ogrs3TwoYearPercent: 0.6,
  noFixedAbodeOrTransientAccommodation: 5,
  unemployed: 5,
  /** By problem score 0, 1, 2. */
  regularActivitiesEncourageOffending: [0, 3, 5],
  drugMisuse: 3.75,
  thinkingAndBehaviour: { numerator: 5, denominator: 6 },
  proCriminalAttitudes: [0, 3, 5],
} as const;

function ogrs3Item(percent: number): PointsItem {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`The OGRS3 two-year percentage must be 0 to 100, not ${percent}`);
  }
  const weighted = percent * OGP_WEIGHTS.ogrs3TwoYearPercent;
  const points = roundHalfUp(weighted);
  return {
    points,
    step: {
      label: 'OGRS3 two-year percentage',
      value: points,
      detail: `${percent} × ${OGP_WEIGHTS.ogrs3TwoYearPercent} = ${decimal(weighted)}, rounded half up`,
    },
  };
}

function pointsPerAnswer(pointsByScore: readonly number[]): string {
  return PROBLEM_LEVELS.map((level, score) => `${level} ${pointsByScore[score] ?? 0}`).join(', ');
}

function someOrSignificantItem(
  label: string,
  answer: ProblemLevel,
  pointsByScore: readonly number[],
): PointsItem {
  const score = problemScore(answer);
  const points = pointsByScore[score] ?? 0;
  return {
    points,
    step: { label, value: points, detail: `${answer}: ${points} (${pointsPerAnswer(pointsByScore)})` },
  };
}

function drugMisuseItem(input: OgpInput): PointsItem {
  const misuse = problemScore(input.currentDrugMisuse);
  const motivation = motivationScore(input.motivationToTackleDrugMisuse);
  const weighted = (misuse + motivation) * OGP_WEIGHTS.drugMisuse;
  const points = roundHalfUp(weighted);
  return {
    points,
    step: {
      label: 'Drug misuse',
      value: points,
      detail:
        `(current drug misuse ${scored(input.currentDrugMisuse, misuse)} + motivation to tackle drug misuse ` +
        `${scored(input.motivationToTackleDrugMisuse, motivation)}) × ${OGP_WEIGHTS.drugMisuse} = ${decimal(weighted)}, rounded half up`,
    },
  };
}

function thinkingAndBehaviourItem(input: OgpInput): PointsItem {
  const problemSolving = problemScore(input.problemSolvingSkills);
  const awareness = awarenessScore(input.awarenessOfConsequences);
  const othersViews = problemScore(input.understandsOtherPeoplesViews);
  const { numerator, denominator } = OGP_WEIGHTS.thinkingAndBehaviour;
  // Multiply before dividing so that a sum of 3 gives exactly 2.5 and rounds half up to 3.
  const weighted = ((problemSolving + awareness + othersViews) * numerator) / denominator;
  const points = roundHalfUp(weighted);
  return {
    points,
    step: {
      label: 'Thinking and behaviour',
      value: points,
      detail:
        `(problem solving ${scored(input.problemSolvingSkills, problemSolving)} + awareness of consequences ` +
        `${scored(input.awarenessOfConsequences, awareness)} + understands other people’s views ` +
        `${scored(input.understandsOtherPeoplesViews, othersViews)}) × ${numerator}/${denominator} = ${decimal(weighted)}, rounded half up`,
    },
  };
}

export function calculateOgp(input: OgpInput): OgpResult {
  return scorePoints(OGP_CURVE, [
    ogrs3Item(input.ogrs3TwoYearPercent),
    yesItem(
      'No fixed abode or transient accommodation',
      input.noFixedAbodeOrTransientAccommodation,
      OGP_WEIGHTS.noFixedAbodeOrTransientAccommodation,
    ),
    yesItem('Unemployed', input.unemployed, OGP_WEIGHTS.unemployed),
    someOrSignificantItem(
      'Regular activities encourage offending',
      input.regularActivitiesEncourageOffending,
      OGP_WEIGHTS.regularActivitiesEncourageOffending,
    ),
    drugMisuseItem(input),
    thinkingAndBehaviourItem(input),
    someOrSignificantItem(
      'Pro-criminal attitudes',
      input.proCriminalAttitudes,
      OGP_WEIGHTS.proCriminalAttitudes,
    ),
  ]);
}
