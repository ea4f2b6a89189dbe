import { describe, expect, it } from 'vitest';
import { COMPLEXITY_REGISTER_CODES, tierInput } from './fixtures.js';
import { TIERING_POLICY } from './policy.js';
import { calculateProtect, protectLevelFor, rsrPoints } from './protect.js';
import type { TierInput } from './types.js';

function protect(overrides: Partial<TierInput>) {
  return calculateProtect(tierInput(overrides));
}

function stepFor(overrides: Partial<TierInput>, input: string) {
  return protect(overrides).steps.find((step) => step.input === input);
}

describe('RSR points', () => {
  it.each([
    [7.0, 20],
    [6.9, 10],
    [6.99, 10],
    [3.0, 10],
    [2.9, 0],
    [0, 0],
    [100, 20],
  ])('RSR %s gives %s points', (rsr, points) => {
    expect(rsrPoints(rsr)).toBe(points);
    expect(protect({ rsr }).points).toBe(points);
  });

  it('gives no points when RSR is not recorded, and says so', () => {
    expect(stepFor({ rsr: null }, 'RSR')).toEqual({
      axis: 'protect',
      input: 'RSR',
      value: null,
      points: 0,
      note: 'not recorded',
    });
  });

  it('names the band the score fell in', () => {
    expect(stepFor({ rsr: 6.9 }, 'RSR')?.note).toBe('RSR 3% to below 7%');
    expect(stepFor({ rsr: 7 }, 'RSR')?.note).toBe('RSR 7% or more');
  });
});

describe('protect level thresholds', () => {
  it.each([
    [150, 'A'],
    [149, 'B'],
    [20, 'B'],
    [19, 'C'],
    [10, 'C'],
    [9, 'D'],
    [0, 'D'],
  ] as const)('%s points is level %s', (points, level) => {
    expect(protectLevelFor(points)).toBe(level);
  });

  it('reaches each edge from real inputs', () => {
    expect(protect({ rosh: 'very-high' })).toMatchObject({ points: 150, level: 'A' });
    expect(protect({ rosh: 'high' })).toMatchObject({ points: 20, level: 'B' });
    expect(protect({ rsr: 5, mappaLevel: 1, registrations: ['RMDO', 'ALSH'] })).toMatchObject({
      points: 19,
      level: 'C',
    });
    expect(protect({ rosh: 'medium' })).toMatchObject({ points: 10, level: 'C' });
    expect(protect({ mappaLevel: 1, registrations: ['RMDO', 'ALSH'] })).toMatchObject({
      points: 9,
      level: 'D',
    });
  });

  it('reaches 149 under a policy that allows it, and stays B', () => {
    const policy = { ...TIERING_POLICY, mappaPoints: { 1: 129, 2: 150, 3: 150 } };
    const result = calculateProtect(tierInput({ mappaLevel: 1, rosh: 'high' }), policy);
    expect(result).toMatchObject({ points: 149, level: 'B' });
  });
});

describe('RoSH points', () => {
  it.each([
    ['low', 0, 'D'],
    ['medium', 10, 'C'],
    ['high', 20, 'B'],
    ['very-high', 150, 'A'],
  ] as const)('RoSH %s gives %s points, level %s', (rosh, points, level) => {
    expect(protect({ rosh })).toMatchObject({ points, level });
  });

  it('gives no points when RoSH is not recorded', () => {
    expect(stepFor({ rosh: null }, 'RoSH')).toMatchObject({ value: null, points: 0, note: 'not recorded' });
  });
});

describe('only the larger of RSR and RoSH counts', () => {
  it('counts RoSH when it gives more, listing RSR with 0 points and what it would have given', () => {
    const result = protect({ rsr: 5, rosh: 'high' });
    expect(result.points).toBe(20);
    expect(result.steps.slice(0, 2)).toEqual([
      {
        axis: 'protect',
        input: 'RSR',
        value: 5,
        points: 0,
        note: 'RSR 3% to below 7%; only the larger of RSR and RoSH counts: would give 10, not counted',
      },
      {
        axis: 'protect',
        input: 'RoSH',
        value: 'high',
        points: 20,
        note: 'only the larger of RSR and RoSH counts',
      },
    ]);
  });

  it('counts RSR when it gives more', () => {
    const result = protect({ rsr: 7, rosh: 'medium' });
    expect(result.points).toBe(20);
    expect(result.steps[0]).toMatchObject({ input: 'RSR', points: 20 });
    expect(result.steps[1]).toMatchObject({ input: 'RoSH', points: 0 });
  });

  it('counts one of them once when they give the same', () => {
    expect(protect({ rsr: 8, rosh: 'high' }).points).toBe(20);
  });

  it('does not mention the rule when only one of them scores', () => {
    expect(stepFor({ rsr: 8, rosh: 'low' }, 'RSR')?.note).toBe('RSR 7% or more');
  });
});

describe('MAPPA points', () => {
  it.each([
    [1, 5, 'D'],
    [2, 150, 'A'],
    [3, 150, 'A'],
  ] as const)('MAPPA level %s gives %s points, level %s', (mappaLevel, points, level) => {
    expect(protect({ mappaLevel })).toMatchObject({ points, level });
    expect(stepFor({ mappaLevel }, 'MAPPA level')).toMatchObject({ value: mappaLevel, points });
  });

  it('gives no points when the person is not managed under MAPPA', () => {
    expect(stepFor({ mappaLevel: null }, 'MAPPA level')).toMatchObject({
      points: 0,
      note: 'not managed under MAPPA',
    });
  });
});

describe('complexity registers', () => {
  it('are the ten national complexity registers', () => {
    expect(COMPLEXITY_REGISTER_CODES.sort()).toEqual(
      ['RMDO', 'ALSH', 'RVLN', 'RCCO', 'RCPR', 'RCHD', 'RPIR', 'RVAD', 'STRG', 'RTAO'].sort(),
    );
  });

  it.each(COMPLEXITY_REGISTER_CODES)('%s gives 2 points', (code) => {
    const result = protect({ registrations: [code] });
    expect(result.points).toBe(2);
    expect(result.steps).toContainEqual(
      expect.objectContaining({ input: 'Registration', value: code, points: 2 }),
    );
  });

  it('add 2 points each', () => {
    expect(protect({ registrations: ['RMDO', 'STRG', 'RTAO'] }).points).toBe(6);
  });

  it('count once however often listed', () => {
    const result = protect({ registrations: ['RMDO', 'rmdo ', 'RMDO'] });
    expect(result.points).toBe(2);
    expect(result.steps.filter((step) => step.input === 'Registration')).toHaveLength(3);
  });

  it('are matched whatever their case', () => {
    expect(protect({ registrations: ['strg'] }).points).toBe(2);
  });
});

describe('other registrations', () => {
  it('lists an unknown code as ignored, with no points', () => {
    const result = protect({ registrations: ['XYZ1'] });
    expect(result.points).toBe(0);
    expect(result.steps).toContainEqual({
      axis: 'protect',
      input: 'Registration',
      value: 'XYZ1',
      points: 0,
      note: 'Unknown register code: ignored (check the code if it should count)',
    });
  });

  it('lists a known register that is not a complexity register as ignored, saying why', () => {
    expect(protect({ registrations: ['ADVP'] }).steps).toContainEqual(
      expect.objectContaining({
        value: 'ADVP',
        points: 0,
        note: expect.stringContaining('not a complexity register'),
      }),
    );
  });

  it('does not take RoSH from a RoSH register: the rosh field is the source', () => {
    const result = protect({ registrations: ['RVHR'], rosh: 'low' });
    expect(result.points).toBe(0);
    expect(result.steps).toContainEqual(
      expect.objectContaining({ value: 'RVHR', note: expect.stringContaining('taken from the rosh field') }),
    );
  });
});

describe('additional factors for women', () => {
  const allFactors = { parentingConcerns: true, impulsivityOrTemper: true, breachOrRecallInLastYear: true };

  it.each(['parentingConcerns', 'impulsivityOrTemper', 'breachOrRecallInLastYear'] as const)(
    '%s gives a woman 2 points',
    (factor) => {
      expect(protect({ sex: 'female', womenFactors: { [factor]: true } }).points).toBe(2);
    },
  );

  it('add up for a woman', () => {
    expect(protect({ sex: 'female', womenFactors: allFactors }).points).toBe(6);
  });

  it('are listed for a woman even when absent, with 0 points', () => {
    const steps = protect({ sex: 'female' }).steps.filter(
      (step) => step.note === 'additional factor for women',
    );
    expect(steps).toHaveLength(3);
    expect(steps.every((step) => step.value === false && step.points === 0)).toBe(true);
  });

  it('are ignored for a man, and listed as ignored', () => {
    const result = protect({ sex: 'male', womenFactors: allFactors });
    expect(result.points).toBe(0);
    const ignored = result.steps.filter((step) => step.note === 'counts only for women: ignored');
    expect(ignored).toHaveLength(3);
    expect(ignored.every((step) => step.points === 0)).toBe(true);
  });

  it('are not mentioned for a man who sent none', () => {
    expect(protect({ sex: 'male' }).steps.map((step) => step.input)).toEqual(['RSR', 'RoSH', 'MAPPA level']);
  });
});
