/** The change axis: how much rehabilitative work the person needs, level 0 (none) to 3 (most). */
import { bandFor, NEED_NAMES, TIERING_POLICY } from './policy.js';
import type { ChangeLevel, NeedName, NeedSeverity, TieringPolicy } from './policy.js';
import { sumOfPoints } from './types.js';
import type { AxisOutcome, ExplanationStep, TierInput } from './types.js';

const NEED_LABELS: Readonly<Record<NeedName, string>> = {
  accommodation: 'Accommodation',
  'education-training-employability': 'Education, training and employability',
  relationships: 'Relationships',
  lifestyle: 'Lifestyle and associates',
  drugs: 'Drug misuse',
  alcohol: 'Alcohol misuse',
  'thinking-behaviour': 'Thinking and behaviour',
  attitudes: 'Attitudes',
  finance: 'Financial management and income',
  'emotional-wellbeing': 'Emotional well-being',
};

export function changeLevelFor(points: number, policy: TieringPolicy = TIERING_POLICY): ChangeLevel {
  return bandFor(points, policy.changeLevels);
}

export function calculateChange(
  input: TierInput,
  policy: TieringPolicy = TIERING_POLICY,
): AxisOutcome<ChangeLevel> {
  const exception = changeLevelException(input, policy);
  if (exception) return exception;
  const steps = [...needSteps(input, policy), ogrsStep(input, policy), iomStep(input, policy)];
  const points = sumOfPoints(steps);
  return { points, level: changeLevelFor(points, policy), steps };
}

function changeStep(input: string, value: ExplanationStep['value'], points: number, notes: string[]) {
  const step: ExplanationStep = { axis: 'change', input, value, points };
  return notes.length > 0 ? { ...step, note: notes.join('; ') } : step;
}

/**
 * The two exceptions set the change level whatever the needs, and, as in hmpps-tier, the points are
 * 0 because nothing is scored. When both apply, no mandate for change wins (level 0): hmpps-tier's
 * ChangeLevelCalculator tests the mandate first, and without a sentence that can deliver change
 * there is nothing for an assessment to plan, however old it is.
 */
function changeLevelException(input: TierInput, policy: TieringPolicy): AxisOutcome<ChangeLevel> | null {
  if (!input.mandateForChange) {
    const steps = [noMandateForChangeStep(policy)];
    if (!input.validAssessment) steps.push(noValidAssessmentOverriddenStep(policy));
    return { points: 0, level: policy.noMandateForChangeLevel, steps };
  }
  if (!input.validAssessment) {
    return { points: 0, level: policy.noValidAssessmentLevel, steps: [noValidAssessmentStep(policy)] };
  }
  return null;
}

function noMandateForChangeStep(policy: TieringPolicy): ExplanationStep {
  return changeStep('Mandate for change', false, 0, [
    'no custodial sentence and no requirement other than restrictive ones or unpaid work',
    `so the change level is ${policy.noMandateForChangeLevel} and needs, OGRS and IOM are not scored`,
  ]);
}

function noValidAssessmentStep(policy: TieringPolicy): ExplanationStep {
  return changeStep('Valid assessment', false, 0, [
    'no valid full assessment completed within the last 55 weeks',
    `so the change level is ${policy.noValidAssessmentLevel} and needs, OGRS and IOM are not scored`,
  ]);
}

function noValidAssessmentOverriddenStep(policy: TieringPolicy): ExplanationStep {
  return changeStep('Valid assessment', false, 0, [
    `no valid full assessment would make the change level ${policy.noValidAssessmentLevel}`,
    'not applied: no mandate for change comes first',
  ]);
}

function needStep(
  need: NeedName,
  severity: NeedSeverity | undefined,
  policy: TieringPolicy,
): ExplanationStep {
  const weight = policy.needWeights[need];
  const counted = severity ?? 'none';
  const score = policy.needSeverityScores[counted];
  const notes = [`weight ${weight} × ${counted} (${score})`];
  if (severity === undefined) notes.push('not recorded: counted as no need');
  if (weight === 0) notes.push('this need does not count towards the change level');
  return changeStep(`Need: ${NEED_LABELS[need]}`, severity ?? null, weight * score, notes);
}

/** Every need is listed, recorded or not, so the practitioner can check all ten by hand. */
function needSteps(input: TierInput, policy: TieringPolicy): ExplanationStep[] {
  return NEED_NAMES.map((need) => needStep(need, input.needs[need], policy));
}

export function ogrsPoints(ogrsPercent: number | null, policy: TieringPolicy = TIERING_POLICY): number {
  return ogrsPercent === null ? 0 : Math.floor(ogrsPercent / policy.ogrsPercentPerPoint);
}

function ogrsStep(input: TierInput, policy: TieringPolicy): ExplanationStep {
  const points = ogrsPoints(input.ogrsPercent, policy);
  const note =
    input.ogrsPercent === null
      ? 'not recorded'
      : `floor(${input.ogrsPercent} / ${policy.ogrsPercentPerPoint}) = ${points}`;
  return changeStep('OGRS3 two-year %', input.ogrsPercent, points, [note]);
}

function iomStep(input: TierInput, policy: TieringPolicy): ExplanationStep {
  return changeStep('IOM nominal', input.iomNominal, input.iomNominal ? policy.iomNominalPoints : 0, []);
}
