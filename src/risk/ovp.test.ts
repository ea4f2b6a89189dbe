import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ovpBand } from './bands.js';
import { anyOvpInput, ovpInput } from './fixtures.js';
import { calculateOvp } from './ovp.js';
import type { OvpInput } from './ovp.js';

const itemValue = (input: OvpInput, label: string) =>
  calculateOvp(input).explanation.find((line) => line.label === label)?.value;

describe('OVP, worked by hand', () => {
  it('a woman of 40, first sanction, no needs: 6 points (age 36–40)', () => {
    const result = calculateOvp(ovpInput());
    expect(result.points).toBe(6);
    // logistic(0.0722 × 6 − 4.5215) and logistic(0.0722 × 6 − 3.8773)
    expect(result.probability.oneYear).toBeCloseTo(1 / (1 + Math.exp(4.0883)), 12);
    expect(result.probability.twoYear).toBeCloseTo(1 / (1 + Math.exp(3.4441)), 12);
    expect(result.percent).toEqual({ oneYear: 2, twoYear: 3 });
    expect(result.band).toBe('low');
  });

  it('a man of 23 with 3 violent and 4 other sanctions, unemployed, some alcohol and temper problems', () => {
    const result = calculateOvp(
      ovpInput({
        sex: 'male',
        dateOfBirth: '1997-03-10',
        followUpStartDate: '2020-03-10',
        totalSanctions: 7,
        violentSanctions: 3,
        unemployed: true,
        currentAlcoholUseProblem: 'some',
        excessiveAlcoholUse: 'none',
        temperControl: 'some',
      }),
    );
    // previous 5 + violent 3 → 9 + non-violent 4 → 2 + age 23 → 14 + male 5 + unemployed 4 + alcohol ceil(2.5) 3 + temper 3
    expect(result.points).toBe(45);
    expect(result.explanation.find((line) => line.label === 'Total points')?.detail).toBe(
      '5 + 9 + 2 + 14 + 5 + 0 + 0 + 4 + 3 + 0 + 3 + 0',
    );
    expect(result.percent).toEqual({ oneYear: 22, twoYear: 35 }); // 21.88% and 34.79%
    expect(result.band).toBe('medium');
  });
});

describe('OVP items', () => {
  it('scores any previous sanction 5: a total of two or more', () => {
    expect(itemValue(ovpInput({ totalSanctions: 1 }), 'Any previous sanction')).toBe(0);
    expect(itemValue(ovpInput({ totalSanctions: 2 }), 'Any previous sanction')).toBe(5);
  });

  it('scores violent sanctions 0, 4, 7, 9, 11, then one more each to 24 at 17, and 25 from 18', () => {
    const expected = [0, 4, 7, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 25, 25];
    expected.forEach((points, violent) => {
      const input = ovpInput({ totalSanctions: Math.max(1, violent), violentSanctions: violent });
      expect(itemValue(input, 'Violent sanctions')).toBe(points);
    });
    expect(itemValue(ovpInput({ totalSanctions: 60, violentSanctions: 60 }), 'Violent sanctions')).toBe(25);
  });

  it.each([
    [0, 0],
    [2, 0],
    [3, 2],
    [4, 2],
    [5, 3],
    [10, 3],
    [11, 4],
    [20, 4],
    [21, 5],
    [80, 5],
  ])('scores %s non-violent sanctions %s', (nonViolent, points) => {
    const input = ovpInput({ totalSanctions: nonViolent + 1, violentSanctions: 1 });
    expect(itemValue(input, 'Non-violent sanctions')).toBe(points);
  });

  it.each([
    [18, 20],
    [19, 20],
    [20, 17],
    [21, 17],
    [22, 14],
    [23, 14],
    [24, 12],
    [25, 12],
    [26, 10],
    [30, 10],
    [31, 8],
    [35, 8],
    [36, 6],
    [40, 6],
    [41, 4],
    [45, 4],
    [46, 2],
    [50, 2],
    [51, 0],
    [90, 0],
  ])('scores age %s at the start of follow-up %s', (age, points) => {
    const input = ovpInput({ dateOfBirth: '1950-05-20', followUpStartDate: `${1950 + age}-05-20` });
    expect(itemValue(input, 'Age at start of follow-up')).toBe(points);
  });

  it('counts the age in completed years: the day before a birthday is the lower age', () => {
    expect(
      itemValue(
        ovpInput({ dateOfBirth: '2000-05-20', followUpStartDate: '2020-05-19' }),
        'Age at start of follow-up',
      ),
    ).toBe(20);
    expect(
      itemValue(
        ovpInput({ dateOfBirth: '2000-05-20', followUpStartDate: '2020-05-20' }),
        'Age at start of follow-up',
      ),
    ).toBe(17);
    expect(
      itemValue(
        ovpInput({ dateOfBirth: '2000-02-29', followUpStartDate: '2020-02-28' }),
        'Age at start of follow-up',
      ),
    ).toBe(20);
    expect(
      itemValue(
        ovpInput({ dateOfBirth: '2000-02-29', followUpStartDate: '2020-02-29' }),
        'Age at start of follow-up',
      ),
    ).toBe(17);
  });

  it('refuses an age below the table, 18', () => {
    expect(() =>
      calculateOvp(ovpInput({ dateOfBirth: '2000-05-20', followUpStartDate: '2018-05-19' })),
    ).toThrow(RangeError);
  });

  it.each([
    ['none', 'none', 0],
    ['some', 'none', 3], // ceiling(2.5)
    ['some', 'some', 5],
    ['significant', 'some', 8], // ceiling(7.5)
    ['significant', 'significant', 10],
  ] as const)('scores alcohol: current use %s, excessive use %s → %s', (current, excessive, points) => {
    const input = ovpInput({ currentAlcoholUseProblem: current, excessiveAlcoholUse: excessive });
    expect(itemValue(input, 'Alcohol misuse')).toBe(points);
  });

  it('scores male 5, not recognising impact 4, no fixed abode 4, unemployed 4, psychiatric treatment 4', () => {
    const input = ovpInput({
      sex: 'male',
      recognisesImpactOfOffendingOnOthers: false,
      noFixedAbodeOrTransientAccommodation: true,
      unemployed: true,
      currentPsychiatricTreatment: true,
    });
    expect(itemValue(input, 'Male')).toBe(5);
    expect(itemValue(input, 'Does not recognise the impact of offending on others')).toBe(4);
    expect(itemValue(input, 'No fixed abode or transient accommodation')).toBe(4);
    expect(itemValue(input, 'Unemployed')).toBe(4);
    expect(itemValue(input, 'Current psychiatric treatment')).toBe(4);
    expect(calculateOvp(input).points).toBe(6 + 21);
  });

  it('scores temper control and pro-criminal attitudes 3 per level', () => {
    for (const [level, points] of [
      ['none', 0],
      ['some', 3],
      ['significant', 6],
    ] as const) {
      const input = ovpInput({ temperControl: level, proCriminalAttitudes: level });
      expect(itemValue(input, 'Temper control')).toBe(points);
      expect(itemValue(input, 'Pro-criminal attitudes')).toBe(points);
    }
  });

  it('refuses more violent sanctions than the total', () => {
    expect(() => calculateOvp(ovpInput({ totalSanctions: 2, violentSanctions: 3 }))).toThrow(RangeError);
  });
});

describe('OVP band edges, on both sides', () => {
  // A man aged 18 (20) with a previous sanction (5): 30 points before his violent and other sanctions.
  const base = ovpInput({ sex: 'male', dateOfBirth: '2000-01-01', followUpStartDate: '2018-01-01' });
  it.each([
    // [violent, non-violent, extra, points, two-year %, band]
    [4, 0, {}, 41, 29, 'low'],
    [5, 0, {}, 42, 30, 'medium'],
    [14, 0, { unemployed: true, noFixedAbodeOrTransientAccommodation: true }, 59, 59, 'medium'],
    [15, 0, { unemployed: true, noFixedAbodeOrTransientAccommodation: true }, 60, 61, 'high'],
    [
      17,
      3,
      {
        unemployed: true,
        noFixedAbodeOrTransientAccommodation: true,
        recognisesImpactOfOffendingOnOthers: false,
        currentPsychiatricTreatment: true,
      },
      72,
      79,
      'high',
    ],
    [
      18,
      3,
      {
        unemployed: true,
        noFixedAbodeOrTransientAccommodation: true,
        recognisesImpactOfOffendingOnOthers: false,
        currentPsychiatricTreatment: true,
      },
      73,
      80,
      'very-high',
    ],
  ] as const)(
    '%s violent, %s other, %j: %s points, %s%%, %s',
    (violent, other, extra, points, percent, band) => {
      const result = calculateOvp({
        ...base,
        ...extra,
        violentSanctions: violent,
        totalSanctions: violent + other,
      });
      expect(result.points).toBe(points);
      expect(result.percent.twoYear).toBe(percent);
      expect(result.band).toBe(band);
    },
  );
});

describe('OVP properties', () => {
  it('shows whole percentages from 1 to 99 and bands the two-year one', () => {
    fc.assert(
      fc.property(anyOvpInput, (input) => {
        const result = calculateOvp(input);
        for (const value of [result.percent.oneYear, result.percent.twoYear]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(99);
        }
        expect(result.band).toBe(ovpBand(result.percent.twoYear));
      }),
    );
  });

  it('never falls when a violent sanction is added, all else equal', () => {
    fc.assert(
      fc.property(anyOvpInput, (input) => {
        const more = calculateOvp({
          ...input,
          violentSanctions: input.violentSanctions + 1,
          totalSanctions: input.totalSanctions + 1,
        });
        expect(more.points).toBeGreaterThanOrEqual(calculateOvp(input).points);
      }),
    );
  });
});
