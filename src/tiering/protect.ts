/** The protect axis: how much protective supervision the person needs, level A (most) to D. */
import { bandFor, TIERING_POLICY, WOMEN_FACTORS } from './policy.js';
import type { ProtectLevel, TieringPolicy } from './policy.js';
import { whyRegisterGivesNoPoints } from './registers.js';
import { sumOfPoints } from './types.js';
import type { AxisOutcome, ExplanationStep, TierInput } from './types.js';

export function protectLevelFor(points: number, policy: TieringPolicy = TIERING_POLICY): ProtectLevel {
  return bandFor(points, policy.protectLevels);
}

export function calculateProtect(
  input: TierInput,
  policy: TieringPolicy = TIERING_POLICY,
): AxisOutcome<ProtectLevel> {
  const steps = [
    ...rsrAndRoshSteps(input, policy),
    mappaStep(input, policy),
    ...registrationSteps(input.registrations, policy),
    ...womenFactorSteps(input, policy),
  ];
  const points = sumOfPoints(steps);
  return { points, level: protectLevelFor(points, policy), steps };
}

function protectStep(input: string, value: ExplanationStep['value'], points: number, notes: string[]) {
  const step: ExplanationStep = { axis: 'protect', input, value, points };
  return notes.length > 0 ? { ...step, note: notes.join('; ') } : step;
}

export function rsrPoints(rsr: number | null, policy: TieringPolicy = TIERING_POLICY): number {
  return rsr === null ? 0 : bandFor(rsr, policy.rsrPoints);
}

function roshPoints(input: TierInput, policy: TieringPolicy): number {
  return input.rosh === null ? 0 : policy.roshPoints[input.rosh];
}

/** "3% to below 7%", so a practitioner can see which band of the policy an RSR score fell in. */
function rsrBandDescription(rsr: number, policy: TieringPolicy): string {
  const lowestFirst = [...policy.rsrPoints].sort((a, b) => a.from - b.from);
  const index = lowestFirst.findLastIndex((band) => rsr >= band.from);
  const from = lowestFirst[index]?.from ?? 0;
  const next = lowestFirst[index + 1];
  return next ? `RSR ${from}% to below ${next.from}%` : `RSR ${from}% or more`;
}

function overlapNotes(ownPoints: number, counted: boolean, bothScore: boolean): string[] {
  if (!bothScore) return [];
  if (counted) return ['only the larger of RSR and RoSH counts'];
  return [`only the larger of RSR and RoSH counts: would give ${ownPoints}, not counted`];
}

/**
 * RSR and RoSH both measure the risk of serious harm, so hmpps-tier adds both and subtracts the
 * smaller: only the larger counts. The smaller is still listed, with 0 points, so the practitioner
 * sees it was considered. On a tie RoSH is the one counted (the total is the same either way).
 */
function rsrAndRoshSteps(input: TierInput, policy: TieringPolicy): ExplanationStep[] {
  const rsr = rsrPoints(input.rsr, policy);
  const rosh = roshPoints(input, policy);
  const roshCounts = rosh >= rsr;
  const bothScore = Math.min(rsr, rosh) > 0;

  const rsrNotes = input.rsr === null ? ['not recorded'] : [rsrBandDescription(input.rsr, policy)];
  const roshNotes = input.rosh === null ? ['not recorded'] : [];
  return [
    protectStep('RSR', input.rsr, roshCounts ? 0 : rsr, [
      ...rsrNotes,
      ...overlapNotes(rsr, !roshCounts, bothScore),
    ]),
    protectStep('RoSH', input.rosh, roshCounts ? rosh : 0, [
      ...roshNotes,
      ...overlapNotes(rosh, roshCounts, bothScore),
    ]),
  ];
}

function mappaStep(input: TierInput, policy: TieringPolicy): ExplanationStep {
  if (input.mappaLevel === null) return protectStep('MAPPA level', null, 0, ['not managed under MAPPA']);
  return protectStep('MAPPA level', input.mappaLevel, policy.mappaPoints[input.mappaLevel], []);
}

/** Register codes are compared in upper case, as nDelius holds them. */
function normaliseRegisterCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * One step per registration. A complexity register counts once however often it is listed; every
 * other code is listed with 0 points and the reason, so a mistyped code is visible, not lost.
 */
function registrationSteps(registrations: readonly string[], policy: TieringPolicy): ExplanationStep[] {
  const counted = new Set<string>();
  return registrations.map((rawCode) => {
    const code = normaliseRegisterCode(rawCode);
    const register = policy.complexityRegisters[code];
    if (!register) return protectStep('Registration', code, 0, [whyRegisterGivesNoPoints(code)]);
    if (counted.has(code)) {
      return protectStep('Registration', code, 0, [`${register.label}: listed more than once, counted once`]);
    }
    counted.add(code);
    return protectStep('Registration', code, register.points, [`${register.label}: complexity register`]);
  });
}

/**
 * Additional factors for women apply to women only. For a man any factor sent is listed as
 * ignored, so the explanation shows why it made no difference.
 */
function womenFactorSteps(input: TierInput, policy: TieringPolicy): ExplanationStep[] {
  const factors = input.womenFactors ?? {};
  if (input.sex === 'female') {
    return WOMEN_FACTORS.map((factor) => {
      const present = factors[factor] ?? false;
      const { label, points } = policy.womenFactors[factor];
      return protectStep(label, present, present ? points : 0, ['additional factor for women']);
    });
  }
  return WOMEN_FACTORS.filter((factor) => factors[factor] !== undefined).map((factor) =>
    protectStep(policy.womenFactors[factor].label, factors[factor] ?? false, 0, [
      'counts only for women: ignored',
    ]),
  );
}
