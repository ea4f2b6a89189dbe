/**
 * The second half of OGP and OVP: total points through a logistic curve to one- and two-year
 * probabilities, the percentages shown, and the band on the two-year percentage.
 */
import { logistic, shownPercent } from './arithmetic.js';
import type { YearPair } from './arithmetic.js';
import { bandWithStep } from './bands.js';
import type { Band, BandTable } from './bands.js';
import { decimal, sumInWords } from './explanation.js';
import type { ExplanationStep } from './explanation.js';

/** probability = logistic(slope × points − offset), one offset per follow-up period. */
export interface PointsCurve {
  name: string;
  slope: number;
  offsets: YearPair;
  bands: BandTable;
}

export interface PointsItem {
  points: number;
  step: ExplanationStep;
}

export interface PointsPredictorResult {
  points: number;
  /** Unrounded fractions, 0 to 1. */
  probability: YearPair;
  /** Whole percentages, rounded half up and kept within 1..99. */
  percent: YearPair;
  band: Band;
  explanation: ExplanationStep[];
}

function yearSteps(curve: PointsCurve, points: number, period: keyof YearPair, name: string) {
  const offset = curve.offsets[period];
  const probability = logistic(curve.slope * points - offset);
  const percent = shownPercent(probability);
  const steps: ExplanationStep[] = [
    {
      label: `${name} probability`,
      value: probability,
      detail: `logistic(${curve.slope} × ${points} - ${offset}) = e^y / (1 + e^y) with y = ${decimal(curve.slope * points - offset)}`,
    },
    {
      label: `${name} percentage`,
      value: percent,
      detail: `${decimal(probability * 100, 4)}% rounded half up to a whole number, kept within 1–99`,
    },
  ];
  return { probability, percent, steps };
}

export function scorePoints(curve: PointsCurve, items: readonly PointsItem[]): PointsPredictorResult {
  const points = items.reduce((sum, item) => sum + item.points, 0);
  const oneYear = yearSteps(curve, points, 'oneYear', 'One-year');
  const twoYear = yearSteps(curve, points, 'twoYear', 'Two-year');
  const band = bandWithStep(
    curve.bands,
    twoYear.percent,
    `Two-year ${twoYear.percent}%`,
    `${curve.name} band`,
  );
  return {
    points,
    probability: { oneYear: oneYear.probability, twoYear: twoYear.probability },
    percent: { oneYear: oneYear.percent, twoYear: twoYear.percent },
    band: band.band,
    explanation: [
      ...items.map((item) => item.step),
      { label: 'Total points', value: points, detail: sumInWords(items.map((item) => item.points)) },
      ...oneYear.steps,
      ...twoYear.steps,
      band.step,
    ],
  };
}

/** An item that scores `points` when the answer is yes. */
export function yesItem(label: string, answer: boolean, points: number): PointsItem {
  return {
    points: answer ? points : 0,
    step: {
      label,
      value: answer ? points : 0,
      detail: answer ? `Yes: ${points} points` : `No: 0 (yes would score ${points})`,
    },
  };
}
