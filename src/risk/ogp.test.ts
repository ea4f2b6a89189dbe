import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ogpBand } from './bands.js';
import { anyOgpInput, ogpInput } from './fixtures.js';
import { calculateOgp } from './ogp.js';

const itemValue = (result: ReturnType<typeof calculateOgp>, label: string) =>
  result.explanation.find((line) => line.label === label)?.value;

describe('OGP worked example from the reference', () => {
  it('OGRS3 81%, unemployed, some problems: 62 points, 53% / 68%, high', () => {
    const result = calculateOgp(ogpInput());
    expect(result.points).toBe(62);
    expect(result.percent).toEqual({ oneYear: 53, twoYear: 68 });
    expect(result.band).toBe('high');
    expect(result.probability.oneYear).toBeCloseTo(Math.exp(0.136) / (1 + Math.exp(0.136)), 12);
    expect(result.probability.twoYear).toBeCloseTo(Math.exp(0.7397) / (1 + Math.exp(0.7397)), 12);
  });

  it('shows each item and its points', () => {
    const { explanation } = calculateOgp(ogpInput());
    expect(explanation.slice(0, 8)).toEqual([
      { label: 'OGRS3 two-year percentage', value: 49, detail: '81 × 0.6 = 48.6, rounded half up' },
      { label: 'No fixed abode or transient accommodation', value: 0, detail: 'No: 0 (yes would score 5)' },
      { label: 'Unemployed', value: 5, detail: 'Yes: 5 points' },
      {
        label: 'Regular activities encourage offending',
        value: 3,
        detail: 'some: 3 (none 0, some 3, significant 5)',
      },
      {
        label: 'Drug misuse',
        value: 0,
        detail:
          '(current drug misuse none (0) + motivation to tackle drug misuse full (0)) × 3.75 = 0, rounded half up',
      },
      {
        label: 'Thinking and behaviour',
        value: 2,
        detail:
          '(problem solving some (1) + awareness of consequences sometimes (1) + understands other people’s views none (0)) × 5/6 = 1.666667, rounded half up',
      },
      { label: 'Pro-criminal attitudes', value: 3, detail: 'some: 3 (none 0, some 3, significant 5)' },
      { label: 'Total points', value: 62, detail: '49 + 0 + 5 + 3 + 0 + 2 + 3' },
    ]);
    expect(explanation.at(-1)).toEqual({
      label: 'Band',
      value: 'high',
      detail: 'Two-year 68% is in 67–84: high',
    });
  });
});

describe('OGP items', () => {
  it.each([
    [1, 1],
    [5, 3],
    [25, 15],
    [81, 49],
    [99, 59],
  ])('OGRS3 %s%% scores %s', (percent, points) => {
    expect(
      itemValue(calculateOgp(ogpInput({ ogrs3TwoYearPercent: percent })), 'OGRS3 two-year percentage'),
    ).toBe(points);
  });

  it.each([
    ['none', 'full', 0],
    ['some', 'full', 4], // 3.75
    ['none', 'partial', 4],
    ['some', 'partial', 8], // 7.5 rounds half up
    ['significant', 'partial', 11], // 11.25
    ['significant', 'none', 15],
  ] as const)('drug misuse %s, motivation %s: %s', (misuse, motivation, points) => {
    const result = calculateOgp(
      ogpInput({ currentDrugMisuse: misuse, motivationToTackleDrugMisuse: motivation }),
    );
    expect(itemValue(result, 'Drug misuse')).toBe(points);
  });

  it.each([
    ['none', 'yes', 'none', 0],
    ['some', 'yes', 'none', 1], // 0.833
    ['some', 'sometimes', 'some', 3], // exactly 2.5, rounds half up
    ['significant', 'sometimes', 'some', 3], // 3.33
    ['significant', 'no', 'some', 4], // 4.17
    ['significant', 'no', 'significant', 5],
  ] as const)('thinking: problem solving %s, awareness %s, others’ views %s: %s', (a, b, c, points) => {
    const result = calculateOgp(
      ogpInput({ problemSolvingSkills: a, awarenessOfConsequences: b, understandsOtherPeoplesViews: c }),
    );
    expect(itemValue(result, 'Thinking and behaviour')).toBe(points);
  });

  it('scores regular activities and pro-criminal attitudes 0, 3, 5', () => {
    for (const [level, points] of [
      ['none', 0],
      ['some', 3],
      ['significant', 5],
    ] as const) {
      const result = calculateOgp(
        ogpInput({ regularActivitiesEncourageOffending: level, proCriminalAttitudes: level }),
      );
      expect(itemValue(result, 'Regular activities encourage offending')).toBe(points);
      expect(itemValue(result, 'Pro-criminal attitudes')).toBe(points);
    }
  });

  it('scores no fixed abode and unemployment 5 each', () => {
    const result = calculateOgp(ogpInput({ noFixedAbodeOrTransientAccommodation: true, unemployed: true }));
    expect(itemValue(result, 'No fixed abode or transient accommodation')).toBe(5);
    expect(result.points).toBe(67);
  });
});

describe('OGP band edges, on both sides', () => {
  const none = ogpInput({
    unemployed: false,
    regularActivitiesEncourageOffending: 'none',
    problemSolvingSkills: 'none',
    awarenessOfConsequences: 'yes',
    proCriminalAttitudes: 'none',
  });
  it.each([
    // [OGRS3 %, extra yes items, points, two-year %, band]
    [63, {}, 38, 32, 'low'],
    [65, {}, 39, 34, 'medium'],
    [93, { unemployed: true }, 61, 66, 'medium'],
    [95, { unemployed: true }, 62, 68, 'high'],
    [
      95,
      {
        unemployed: true,
        noFixedAbodeOrTransientAccommodation: true,
        regularActivitiesEncourageOffending: 'significant',
        proCriminalAttitudes: 'significant',
      },
      77,
      84,
      'high',
    ],
    [
      97,
      {
        unemployed: true,
        noFixedAbodeOrTransientAccommodation: true,
        regularActivitiesEncourageOffending: 'significant',
        proCriminalAttitudes: 'significant',
      },
      78,
      85,
      'very-high',
    ],
  ] as const)('OGRS3 %s%% with %j: %s points, %s%%, %s', (ogrs3, extra, points, percent, band) => {
    const result = calculateOgp({ ...none, ...extra, ogrs3TwoYearPercent: ogrs3 });
    expect(result.points).toBe(points);
    expect(result.percent.twoYear).toBe(percent);
    expect(result.band).toBe(band);
  });
});

describe('OGP properties', () => {
  it('shows whole percentages from 1 to 99, bands the two-year one, and adds its items', () => {
    fc.assert(
      fc.property(anyOgpInput, (input) => {
        const result = calculateOgp(input);
        for (const value of [result.percent.oneYear, result.percent.twoYear]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(99);
        }
        expect(result.band).toBe(ogpBand(result.percent.twoYear));
        expect(result.probability.twoYear).toBeGreaterThan(result.probability.oneYear);
        const items = result.explanation.slice(0, 7).map((line) => Number(line.value));
        expect(items.reduce((a, b) => a + b, 0)).toBe(result.points);
      }),
    );
  });

  it('never falls when the OGRS3 percentage rises, all else equal', () => {
    fc.assert(
      fc.property(anyOgpInput, fc.integer({ min: 0, max: 98 }), (input, rise) => {
        const higher = Math.min(99, input.ogrs3TwoYearPercent + rise);
        expect(calculateOgp({ ...input, ogrs3TwoYearPercent: higher }).points).toBeGreaterThanOrEqual(
          calculateOgp(input).points,
        );
      }),
    );
  });
});
