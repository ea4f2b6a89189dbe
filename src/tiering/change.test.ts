import { describe, expect, it } from 'vitest';
import { calculateChange, changeLevelFor, ogrsPoints } from './change.js';
import { tierInput } from './fixtures.js';
import { NEED_NAMES, TIERING_POLICY } from './policy.js';
import type { NeedName, NeedSeverity } from './policy.js';
import type { TierInput } from './types.js';

function change(overrides: Partial<TierInput>) {
  return calculateChange(tierInput(overrides));
}

function allNeeds(severity: NeedSeverity): Partial<Record<NeedName, NeedSeverity>> {
  return Object.fromEntries(NEED_NAMES.map((need) => [need, severity]));
}

describe('change level thresholds', () => {
  it.each([
    [20, 3],
    [19, 2],
    [10, 2],
    [9, 1],
    [0, 1],
  ] as const)('%s points is level %s', (points, level) => {
    expect(changeLevelFor(points)).toBe(level);
  });

  const sixWeightOneNeedsSevere = {
    accommodation: 'severe',
    'education-training-employability': 'severe',
    relationships: 'severe',
    lifestyle: 'severe',
    drugs: 'severe',
    alcohol: 'severe',
  } as const;

  it('reaches each edge from real inputs', () => {
    const twenty = {
      ...sixWeightOneNeedsSevere,
      'thinking-behaviour': 'severe',
      attitudes: 'severe',
    } as const;
    expect(change({ needs: twenty })).toMatchObject({ points: 20, level: 3 });
    expect(change({ needs: { ...twenty, alcohol: 'standard' } })).toMatchObject({ points: 19, level: 2 });
    expect(change({ needs: sixWeightOneNeedsSevere, ogrsPercent: 0 })).toMatchObject({
      points: 12,
      level: 2,
    });
    expect(change({ ogrsPercent: 100 })).toMatchObject({ points: 10, level: 2 });
    expect(change({ ogrsPercent: 99 })).toMatchObject({ points: 9, level: 1 });
  });
});

describe('OGRS points', () => {
  it.each([
    [59, 5],
    [60, 6],
    [9, 0],
    [10, 1],
    [0, 0],
    [100, 10],
    [59.9, 5],
  ])('OGRS %s%% gives %s points', (ogrsPercent, points) => {
    expect(ogrsPoints(ogrsPercent)).toBe(points);
  });

  it('shows the arithmetic', () => {
    expect(change({ ogrsPercent: 59 }).steps).toContainEqual({
      axis: 'change',
      input: 'OGRS3 two-year %',
      value: 59,
      points: 5,
      note: 'floor(59 / 10) = 5',
    });
  });

  it('gives no points when not recorded', () => {
    expect(change({ ogrsPercent: null }).points).toBe(0);
  });
});

describe('need weights', () => {
  it.each([
    ['accommodation', 1],
    ['education-training-employability', 1],
    ['relationships', 1],
    ['lifestyle', 1],
    ['drugs', 1],
    ['alcohol', 1],
    ['thinking-behaviour', 2],
    ['attitudes', 2],
    ['finance', 0],
    ['emotional-wellbeing', 0],
  ] as const)('%s has weight %s: standard gives 1 × weight, severe 2 × weight', (need, weight) => {
    expect(change({ needs: { [need]: 'none' } }).points).toBe(0);
    expect(change({ needs: { [need]: 'standard' } }).points).toBe(weight);
    expect(change({ needs: { [need]: 'severe' } }).points).toBe(2 * weight);
  });

  it('explains thinking and behaviour counting double', () => {
    expect(change({ needs: { 'thinking-behaviour': 'severe' } }).steps).toContainEqual({
      axis: 'change',
      input: 'Need: Thinking and behaviour',
      value: 'severe',
      points: 4,
      note: 'weight 2 × severe (2)',
    });
  });

  it('explains why finance and emotional well-being give nothing', () => {
    const steps = change({ needs: { finance: 'severe', 'emotional-wellbeing': 'severe' } }).steps;
    const unscored = steps.filter((step) => step.note?.includes('does not count towards the change level'));
    expect(unscored.map((step) => step.input)).toEqual([
      'Need: Financial management and income',
      'Need: Emotional well-being',
    ]);
  });

  it('lists all ten needs, a need not recorded counting as none', () => {
    const needSteps = change({}).steps.filter((step) => step.input.startsWith('Need: '));
    expect(needSteps).toHaveLength(10);
    expect(needSteps[0]).toMatchObject({
      value: null,
      points: 0,
      note: expect.stringContaining('not recorded'),
    });
  });

  it('add up: every need severe is 6 × 2 + 2 × 4 = 20', () => {
    expect(change({ needs: allNeeds('severe') })).toMatchObject({ points: 20, level: 3 });
  });
});

describe('IOM nominal', () => {
  it('adds 2 points', () => {
    expect(change({ iomNominal: true }).points).toBe(2);
    expect(change({ iomNominal: false }).points).toBe(0);
  });
});

describe('exceptions', () => {
  const heavyNeeds = { needs: allNeeds('severe'), ogrsPercent: 90, iomNominal: true };

  it('no mandate for change gives level 0, whatever the needs, with no points scored', () => {
    const result = change({ ...heavyNeeds, mandateForChange: false });
    expect(result).toMatchObject({ points: 0, level: 0 });
    expect(result.steps).toEqual([
      expect.objectContaining({ input: 'Mandate for change', value: false, points: 0 }),
    ]);
  });

  it('no valid assessment gives level 2, whatever the needs', () => {
    expect(change({ ...heavyNeeds, validAssessment: false })).toMatchObject({ points: 0, level: 2 });
    expect(change({ validAssessment: false })).toMatchObject({ points: 0, level: 2 });
    expect(change({ validAssessment: false }).steps).toEqual([
      expect.objectContaining({ input: 'Valid assessment', value: false, points: 0 }),
    ]);
  });

  it('when both apply, no mandate for change comes first (level 0), and the explanation says so', () => {
    const result = change({ ...heavyNeeds, mandateForChange: false, validAssessment: false });
    expect(result).toMatchObject({ points: 0, level: 0 });
    expect(result.steps).toEqual([
      expect.objectContaining({ input: 'Mandate for change', points: 0 }),
      expect.objectContaining({
        input: 'Valid assessment',
        points: 0,
        note: expect.stringContaining('not applied: no mandate for change comes first'),
      }),
    ]);
  });

  it('take their levels from the policy', () => {
    const policy = { ...TIERING_POLICY, noValidAssessmentLevel: 1 as const };
    expect(calculateChange(tierInput({ validAssessment: false }), policy).level).toBe(1);
  });
});
