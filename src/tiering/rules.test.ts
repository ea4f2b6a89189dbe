import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyTierInput, COMPLEXITY_REGISTER_CODES, tierInput } from './fixtures.js';
import { NEED_NAMES, NEED_SEVERITIES, PROTECT_LEVELS, ROSH_LEVELS, TIERING_POLICY } from './policy.js';
import type { ProtectLevel } from './policy.js';
import { calculateTier } from './rules.js';
import type { Axis, TierResult } from './types.js';

/** Higher means more protective supervision: D 0 … A 3. */
function protectRank(level: ProtectLevel): number {
  return PROTECT_LEVELS.length - 1 - PROTECT_LEVELS.indexOf(level);
}

function pointsOnAxis(result: TierResult, axis: Axis): number {
  return result.explanation
    .filter((step) => step.axis === axis)
    .reduce((total, step) => total + step.points, 0);
}

describe('worked examples', () => {
  it('a woman with medium RoSH, two complexity registers and modest needs is C1', () => {
    const result = calculateTier(
      tierInput({
        sex: 'female',
        rosh: 'medium',
        rsr: 4.2,
        registrations: ['ALSH', 'RVLN', 'ADVV'],
        needs: {
          accommodation: 'severe',
          relationships: 'standard',
          'thinking-behaviour': 'standard',
          'emotional-wellbeing': 'severe',
        },
        ogrsPercent: 47,
        womenFactors: { parentingConcerns: true, breachOrRecallInLastYear: true },
      }),
    );
    // Protect: larger of RSR 10 and RoSH 10 = 10, registers 2 + 2, women's factors 2 + 2 = 18.
    // Change: accommodation 1 × 2 + relationships 1 × 1 + thinking 2 × 1 + emotional 0 × 2 = 5, OGRS floor(47 / 10) = 4: 9.
    expect(result).toMatchObject({
      protect: { points: 18, level: 'C' },
      change: { points: 9, level: 1 },
      tier: 'C1',
    });
  });

  it('a man with high RoSH, MAPPA 1, a risk-to-children register, an IOM nominal is B2', () => {
    const result = calculateTier(
      tierInput({
        rosh: 'high',
        rsr: 7.4,
        mappaLevel: 1,
        registrations: ['RCHD', 'IIOM'],
        needs: { drugs: 'severe', alcohol: 'standard', attitudes: 'severe', lifestyle: 'standard' },
        ogrsPercent: 72,
        iomNominal: true,
      }),
    );
    // Protect: larger of RSR 20 and RoSH 20 = 20, MAPPA 5, RCHD 2 = 27.
    // Change: drugs 2 + alcohol 1 + attitudes 4 + lifestyle 1 = 8, OGRS 7, IOM 2 = 17.
    expect(result).toMatchObject({
      protect: { points: 27, level: 'B' },
      change: { points: 17, level: 2 },
      tier: 'B2',
    });
  });

  it('MAPPA level 3 with no mandate for change is A0', () => {
    const result = calculateTier(
      tierInput({ mappaLevel: 3, rosh: 'high', needs: { drugs: 'severe' }, mandateForChange: false }),
    );
    expect(result).toMatchObject({
      protect: { points: 170, level: 'A' },
      change: { points: 0, level: 0 },
      tier: 'A0',
    });
  });

  it('very high RoSH with every need severe is A3', () => {
    const needs = Object.fromEntries(NEED_NAMES.map((need) => [need, 'severe' as const]));
    expect(calculateTier(tierInput({ rosh: 'very-high', needs })).tier).toBe('A3');
  });

  it('a low-risk case without a valid assessment is D2', () => {
    const result = calculateTier(tierInput({ rosh: 'low', rsr: 1.2, validAssessment: false }));
    expect(result).toMatchObject({
      protect: { points: 0, level: 'D' },
      change: { points: 0, level: 2 },
      tier: 'D2',
    });
  });

  it('lists protect steps before change steps', () => {
    const axes = calculateTier(tierInput()).explanation.map((step) => step.axis);
    expect(axes.lastIndexOf('protect')).toBeLessThan(axes.indexOf('change'));
  });

  it('uses a local policy when one is given', () => {
    const policy = { ...TIERING_POLICY, roshPoints: { ...TIERING_POLICY.roshPoints, medium: 25 } };
    expect(calculateTier(tierInput({ rosh: 'medium' }), policy).protect).toEqual({ points: 25, level: 'B' });
    expect(calculateTier(tierInput({ rosh: 'medium' })).protect).toEqual({ points: 10, level: 'C' });
  });
});

describe('properties', () => {
  it("each axis's explanation points add up to the axis points", () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const result = calculateTier(input);
        expect(pointsOnAxis(result, 'protect')).toBe(result.protect.points);
        expect(pointsOnAxis(result, 'change')).toBe(result.change.points);
      }),
    );
  });

  it('the tier is the protect letter then the change digit', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const result = calculateTier(input);
        expect(result.tier).toBe(`${result.protect.level}${result.change.level}`);
      }),
    );
  });

  it('adding a complexity register never lowers the protect points or level', () => {
    fc.assert(
      fc.property(anyTierInput, fc.constantFrom(...COMPLEXITY_REGISTER_CODES), (input, code) => {
        const before = calculateTier(input).protect;
        const after = calculateTier({ ...input, registrations: [...input.registrations, code] }).protect;
        expect(after.points).toBeGreaterThanOrEqual(before.points);
        expect(protectRank(after.level)).toBeGreaterThanOrEqual(protectRank(before.level));
      }),
    );
  });

  it('a higher RoSH never lowers the protect level', () => {
    fc.assert(
      fc.property(anyTierInput, fc.integer({ min: 0, max: ROSH_LEVELS.length - 2 }), (input, index) => {
        const lower = calculateTier({ ...input, rosh: ROSH_LEVELS[index] ?? null }).protect;
        const higher = calculateTier({ ...input, rosh: ROSH_LEVELS[index + 1] ?? null }).protect;
        expect(protectRank(higher.level)).toBeGreaterThanOrEqual(protectRank(lower.level));
      }),
    );
  });

  it('a more severe need never lowers the change level', () => {
    fc.assert(
      fc.property(anyTierInput, fc.constantFrom(...NEED_NAMES), (input, need) => {
        const [none, standard, severe] = NEED_SEVERITIES;
        const levels = [none, standard, severe].map(
          (severity) => calculateTier({ ...input, needs: { ...input.needs, [need]: severity } }).change.level,
        );
        expect([...levels].sort()).toEqual(levels);
      }),
    );
  });

  it("women's factors never change a man's tier", () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const man = { ...input, sex: 'male' as const };
        const withFactors = calculateTier({
          ...man,
          womenFactors: {
            parentingConcerns: true,
            impulsivityOrTemper: true,
            breachOrRecallInLastYear: true,
          },
        });
        const without = calculateTier({ ...man, womenFactors: {} });
        expect(withFactors.protect).toEqual(without.protect);
        expect(withFactors.tier).toBe(without.tier);
      }),
    );
  });

  it('no mandate for change always gives change level 0; otherwise no valid assessment gives 2', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const { change } = calculateTier(input);
        if (!input.mandateForChange) expect(change.level).toBe(0);
        else if (!input.validAssessment) expect(change.level).toBe(2);
        else expect(change.level).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('lists every registration sent, each once, in order', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const listed = calculateTier(input).explanation.filter((step) => step.input === 'Registration');
        expect(listed.map((step) => step.value)).toEqual(
          input.registrations.map((code) => code.trim().toUpperCase()),
        );
      }),
    );
  });

  it('does not change its input', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        const copy = structuredClone(input);
        calculateTier(input);
        expect(input).toEqual(copy);
      }),
    );
  });
});
