/** Inputs shared by the tiering tests: a neutral case, and fast-check arbitraries for any valid one. */
import fc from 'fast-check';
import { MAPPA_LEVELS, NEED_NAMES, NEED_SEVERITIES, ROSH_LEVELS, TIERING_POLICY } from './policy.js';
import type { TierInput } from './types.js';

/** A man with no risk scores, registers or needs, a mandate for change and a valid assessment. */
export function tierInput(overrides: Partial<TierInput> = {}): TierInput {
  return {
    sex: 'male',
    rosh: null,
    rsr: null,
    mappaLevel: null,
    registrations: [],
    needs: {},
    ogrsPercent: null,
    iomNominal: false,
    mandateForChange: true,
    validAssessment: true,
    ...overrides,
  };
}

export const COMPLEXITY_REGISTER_CODES = Object.keys(TIERING_POLICY.complexityRegisters);

/** Complexity registers, other national codes and made-up ones, so every branch is exercised. */
export const registrationCode = fc.oneof(
  fc.constantFrom(...COMPLEXITY_REGISTER_CODES),
  fc.constantFrom('RHRH', 'MAPP', 'IIOM', 'ADVP', 'ARSO', 'WEAP'),
  fc.stringMatching(/^[A-Z0-9]{1,8}$/),
);

const percentage = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });

const needs = fc.record(
  Object.fromEntries(NEED_NAMES.map((need) => [need, fc.constantFrom(...NEED_SEVERITIES)])) as Record<
    (typeof NEED_NAMES)[number],
    fc.Arbitrary<(typeof NEED_SEVERITIES)[number]>
  >,
  { requiredKeys: [] },
);

const womenFactors = fc.option(
  fc.record(
    {
      parentingConcerns: fc.boolean(),
      impulsivityOrTemper: fc.boolean(),
      breachOrRecallInLastYear: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

export const anyTierInput: fc.Arbitrary<TierInput> = fc
  .record({
    sex: fc.constantFrom('male' as const, 'female' as const),
    rosh: fc.option(fc.constantFrom(...ROSH_LEVELS), { nil: null }),
    rsr: percentage,
    mappaLevel: fc.option(fc.constantFrom(...MAPPA_LEVELS), { nil: null }),
    registrations: fc.array(registrationCode, { maxLength: 12 }),
    needs,
    ogrsPercent: percentage,
    iomNominal: fc.boolean(),
    mandateForChange: fc.boolean(),
    validAssessment: fc.boolean(),
    womenFactors,
  })
  .map(({ womenFactors: factors, ...rest }) =>
    factors === undefined ? rest : { ...rest, womenFactors: factors },
  );
