import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ogrs3Band } from './bands.js';
import { anyOgrs3Input, ogrs3Input } from './fixtures.js';
import { calculateOgrs3, OGRS3_OFFENCE_CATEGORIES, OGRS3_OFFENCE_CATEGORY_TABLE } from './ogrs3.js';
import type { Ogrs3Input } from './ogrs3.js';

function step(input: Ogrs3Input, label: string) {
  return calculateOgrs3(input).explanation.find((line) => line.label === label);
}

describe('OGRS3 worked examples from the reference', () => {
  it('row 1: a man, violence, first sanction at 20', () => {
    const result = calculateOgrs3(ogrs3Input());
    expect(result.probability.oneYear).toBeCloseTo(0.12161553504714574, 12);
    expect(result.probability.twoYear).toBeCloseTo(0.22130521140511314, 12);
    expect(result.percent).toEqual({ oneYear: 12, twoYear: 22 });
    expect(result.band).toBe('low');
  });

  it('row 2: the same man with one previous sanction', () => {
    const result = calculateOgrs3(ogrs3Input({ totalSanctions: 2 }));
    expect(result.probability.oneYear).toBeCloseTo(0.3158120100020924, 12);
    expect(result.probability.twoYear).toBeCloseTo(0.48651769565917, 12);
    expect(result.percent).toEqual({ oneYear: 32, twoYear: 49 });
    expect(result.band).toBe('low');
  });

  it('row 3: a woman, criminal damage, aged 43 at follow-up: 16.98% and 29.57%', () => {
    const result = calculateOgrs3({
      sex: 'female',
      offenceCategory: 'criminal-damage',
      dateOfBirth: '1972-09-09',
      currentConvictionDate: '2009-09-09',
      firstSanctionDate: '1986-09-09',
      followUpStartDate: '2015-09-15',
      totalSanctions: 6,
    });
    expect((result.probability.oneYear * 100).toFixed(2)).toBe('16.98');
    expect((result.probability.twoYear * 100).toFixed(2)).toBe('29.57');
    expect(result.probability.oneYear).toBeCloseTo(0.16981786851920574, 12);
    expect(result.probability.twoYear).toBeCloseTo(0.29571742298421644, 12);
    expect(result.percent).toEqual({ oneYear: 17, twoYear: 30 });
    expect(result.band).toBe('low');
  });
});

describe('OGRS3 explanation', () => {
  it('shows each input, coefficient and sum of worked example 1', () => {
    const { explanation } = calculateOgrs3(ogrs3Input());
    expect(explanation.map((line) => line.label)).toEqual([
      'Age at current conviction',
      'Age at first sanction',
      'Age at start of follow-up',
      'Total sanctions',
      'Copas rate',
      'Age/sex coefficient',
      'Sanction coefficient',
      'Copas term',
      'Offence coefficient',
      'Score S',
      'One-year probability',
      'One-year percentage',
      'Two-year probability',
      'Two-year percentage',
      'Band',
    ]);
    expect(explanation).toContainEqual({
      label: 'Copas rate',
      value: Math.log(1 / 10),
      detail: 'ln(1 / (10 + 20 - 20))',
    });
    expect(explanation).toContainEqual({
      label: 'Age/sex coefficient',
      value: -0.625103618,
      detail: 'Male, aged 18–20 at the start of follow-up',
    });
    expect(explanation).toContainEqual({
      label: 'Sanction coefficient',
      value: 0.126142106,
      detail: 'No previous sanction: the current one is the first',
    });
    expect(explanation).toContainEqual({
      label: 'Offence coefficient',
      value: 0,
      detail: 'Violence (violence)',
    });
    expect(explanation).toContainEqual({
      label: 'Band',
      value: 'low',
      detail: 'Two-year 22% is in 0–49: low',
    });
  });

  it('shows the three ages of worked example 3, each from its own date', () => {
    const input: Ogrs3Input = {
      sex: 'female',
      offenceCategory: 'criminal-damage',
      dateOfBirth: '1972-09-09',
      currentConvictionDate: '2009-09-09',
      firstSanctionDate: '1986-09-09',
      followUpStartDate: '2015-09-15',
      totalSanctions: 6,
    };
    expect(step(input, 'Age at current conviction')?.value).toBe(37);
    expect(step(input, 'Age at first sanction')?.value).toBe(14);
    expect(step(input, 'Age at start of follow-up')?.value).toBe(43);
    expect(step(input, 'Copas rate')).toMatchObject({
      value: Math.log(6 / 33),
      detail: 'ln(6 / (10 + 37 - 14))',
    });
    expect(step(input, 'Age/sex coefficient')).toMatchObject({
      value: -1.524652221,
      detail: 'Female, aged 40–49 at the start of follow-up',
    });
    expect(step(input, 'Sanction coefficient')?.value).toBe(0.463062792);
  });

  it('adds its terms up to the score S, which gives the probabilities', () => {
    fc.assert(
      fc.property(anyOgrs3Input, (input) => {
        const result = calculateOgrs3(input);
        const value = (label: string) =>
          Number(result.explanation.find((line) => line.label === label)?.value);
        const terms = [
          'Age/sex coefficient',
          'Sanction coefficient',
          'Copas term',
          'Offence coefficient',
        ].map(value);
        expect(value('Score S')).toBeCloseTo(
          terms.reduce((a, b) => a + b, 0),
          12,
        );
        expect(value('Copas term')).toBeCloseTo(1.251124464 * value('Copas rate'), 12);
        expect(value('Two-year probability')).toBe(result.probability.twoYear);
      }),
    );
  });
});

describe('OGRS3 offence categories, by code', () => {
  const REFERENCE: Record<string, number> = {
    violence: 0,
    robbery: -0.634795912,
    'public-order': 0.181917975,
    'sexual-not-against-child': 0.003276327,
    'sexual-against-child': -0.653434071,
    'soliciting-prostitution': 0.760608858,
    'burglary-domestic': -0.12394352,
    'burglary-other': 0.240604429,
    'theft-non-motor': 0.661244321,
    'handling-stolen-goods': 0.351866973,
    'fraud-forgery': 0.159910192,
    'absconding-bail': 0.733378677,
    'taking-driving-away': 0.380059431,
    'theft-from-vehicles': 0.427225615,
    'other-motoring': 0.262228428,
    'drink-driving': -0.121439408,
    'criminal-damage': 0.204960477,
    'drug-import-export-production': -0.795556373,
    'drug-possession-supply': 0.077165871,
    'other-offence': -0.060667525,
  };

  it('has the reference’s twenty categories, in its order, with its coefficients', () => {
    expect(OGRS3_OFFENCE_CATEGORIES.map(({ code }) => code)).toEqual(Object.keys(REFERENCE));
    for (const { code, coefficient } of OGRS3_OFFENCE_CATEGORIES) expect(coefficient).toBe(REFERENCE[code]);
  });

  it('keeps drink driving and other motoring apart, the pair one public copy swaps', () => {
    expect(OGRS3_OFFENCE_CATEGORY_TABLE['drink-driving']).toEqual({
      label: 'Drink driving',
      coefficient: -0.121439408,
    });
    expect(OGRS3_OFFENCE_CATEGORY_TABLE['other-motoring']).toEqual({
      label: 'Other motoring',
      coefficient: 0.262228428,
    });
  });

  it('uses the category’s own coefficient in the score', () => {
    for (const { code, coefficient } of OGRS3_OFFENCE_CATEGORIES) {
      expect(step(ogrs3Input({ offenceCategory: code }), 'Offence coefficient')?.value).toBe(coefficient);
    }
  });

  it('refuses a code that is not in the table', () => {
    expect(() => calculateOgrs3(ogrs3Input({ offenceCategory: 'assault' as never }))).toThrow(RangeError);
  });
});

describe('OGRS3 age/sex coefficient, by age at the start of follow-up', () => {
  // Born 2000-06-15: each age band starts on a birthday.
  const bornOn = '2000-06-15';
  const at = (followUpStartDate: string, sex: 'male' | 'female' = 'male') =>
    step(
      ogrs3Input({
        sex,
        dateOfBirth: bornOn,
        firstSanctionDate: '2012-01-01',
        currentConvictionDate: '2012-01-01',
        followUpStartDate,
      }),
      'Age/sex coefficient',
    )?.value;

  it.each([
    ['2012-06-14', 'male', 0],
    ['2012-06-15', 'male', 0.083922902],
    ['2018-06-14', 'male', -0.061594199],
    ['2018-06-15', 'male', -0.625103618],
    ['2021-06-14', 'male', -0.625103618],
    ['2021-06-15', 'male', -1.051515067],
    ['2040-06-14', 'male', -1.368045933],
    ['2040-06-15', 'male', -1.499690953],
    ['2050-06-14', 'male', -1.499690953],
    ['2050-06-15', 'male', -2.025261458],
    ['2012-06-14', 'female', -0.785038489],
    ['2012-06-15', 'female', -0.613852078],
    ['2018-06-14', 'female', -0.959179629],
    ['2018-06-15', 'female', -0.897480934],
    ['2050-06-14', 'female', -1.524652221],
    ['2050-06-15', 'female', -2.44983716],
  ] as const)('follow-up from %s, %s: %s', (date, sex, coefficient) => {
    expect(at(date, sex)).toBe(coefficient);
  });

  it('takes every row of the reference table', () => {
    const male = [0, 0.083922902, 0.075775765, -0.061594199, -0.625103618, -1.051515067, -1.166679288];
    const female = [
      -0.785038489, -0.613852078, -0.669521331, -0.959179629, -0.897480934, -1.028488454, -1.052777806,
    ];
    const startAges = [10, 12, 14, 16, 18, 21, 25];
    startAges.forEach((age, row) => {
      const date = `${2000 + age}-06-15`;
      expect(at(date, 'male')).toBe(male[row]);
      expect(at(date, 'female')).toBe(female[row]);
    });
    expect(at('2030-06-15', 'male')).toBe(-1.325976554);
    expect(at('2030-06-15', 'female')).toBe(-1.129127959);
    expect(at('2035-06-15', 'male')).toBe(-1.368045933);
    expect(at('2035-06-15', 'female')).toBe(-1.42187494);
  });

  it('makes someone born on 29 February 18 on 1 March in a year without one', () => {
    const leapling = (followUpStartDate: string) =>
      calculateOgrs3(
        ogrs3Input({
          dateOfBirth: '2000-02-29',
          firstSanctionDate: '2017-01-01',
          currentConvictionDate: '2017-01-01',
          followUpStartDate,
        }),
      ).explanation;
    expect(leapling('2018-02-28')).toContainEqual(
      expect.objectContaining({ label: 'Age at start of follow-up', value: 17 }),
    );
    expect(leapling('2018-03-01')).toContainEqual(
      expect.objectContaining({ label: 'Age at start of follow-up', value: 18 }),
    );
  });

  it('counts the copas ages in completed years: a day short of a birthday is the year before', () => {
    const input = ogrs3Input({
      dateOfBirth: '1997-02-01',
      firstSanctionDate: '2012-01-31',
      currentConvictionDate: '2017-01-31',
      followUpStartDate: '2017-02-01',
      totalSanctions: 3,
    });
    expect(step(input, 'Copas rate')?.detail).toBe('ln(3 / (10 + 19 - 14))');
  });
});

describe('OGRS3 sanctions', () => {
  it('uses the first-sanction coefficient for one sanction and the other from two', () => {
    expect(step(ogrs3Input({ totalSanctions: 1 }), 'Sanction coefficient')?.value).toBe(0.126142106);
    expect(step(ogrs3Input({ totalSanctions: 2 }), 'Sanction coefficient')?.value).toBe(0.463062792);
    expect(step(ogrs3Input({ totalSanctions: 40 }), 'Sanction coefficient')?.value).toBe(0.463062792);
  });

  it('refuses fewer than one sanction and a conviction before the first sanction', () => {
    expect(() => calculateOgrs3(ogrs3Input({ totalSanctions: 0 }))).toThrow(RangeError);
    expect(() => calculateOgrs3(ogrs3Input({ totalSanctions: 1.5 }))).toThrow(RangeError);
    expect(() =>
      calculateOgrs3(ogrs3Input({ firstSanctionDate: '2017-02-01', currentConvictionDate: '2000-01-01' })),
    ).toThrow(RangeError);
  });
});

describe('OGRS3 percentages', () => {
  it('shows a probability below 0.5% as 1%', () => {
    // A man of 80, convicted once, with a 70-year gap from a first sanction: a very long, sparse record.
    const result = calculateOgrs3(
      ogrs3Input({
        dateOfBirth: '1930-01-01',
        firstSanctionDate: '1940-01-01',
        currentConvictionDate: '2010-01-01',
        followUpStartDate: '2010-01-01',
        offenceCategory: 'drug-import-export-production',
      }),
    );
    expect(result.probability.oneYear).toBeLessThan(0.005);
    expect(result.percent.oneYear).toBe(1);
  });

  it('shows a probability above 99.5% as 99%', () => {
    const result = calculateOgrs3(
      ogrs3Input({
        dateOfBirth: '2000-01-01',
        firstSanctionDate: '2012-01-01',
        currentConvictionDate: '2013-01-01',
        followUpStartDate: '2013-01-01',
        totalSanctions: 100,
        offenceCategory: 'soliciting-prostitution',
      }),
    );
    expect(result.probability.twoYear).toBeGreaterThan(0.995);
    expect(result.percent.twoYear).toBe(99);
    expect(result.band).toBe('very-high');
  });
});

describe('OGRS3 properties', () => {
  it('never falls when a previous sanction is added, all else equal', () => {
    fc.assert(
      fc.property(anyOgrs3Input, (input) => {
        const before = calculateOgrs3(input);
        const after = calculateOgrs3({ ...input, totalSanctions: input.totalSanctions + 1 });
        expect(after.probability.oneYear).toBeGreaterThanOrEqual(before.probability.oneYear);
        expect(after.probability.twoYear).toBeGreaterThanOrEqual(before.probability.twoYear);
        expect(after.percent.twoYear).toBeGreaterThanOrEqual(before.percent.twoYear);
      }),
    );
  });

  it('shows whole percentages from 1 to 99, and bands the two-year one', () => {
    fc.assert(
      fc.property(anyOgrs3Input, (input) => {
        const { percent, band } = calculateOgrs3(input);
        for (const value of [percent.oneYear, percent.twoYear]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(99);
        }
        expect(band).toBe(ogrs3Band(percent.twoYear));
      }),
    );
  });

  it('gives a two-year probability at least the one-year one', () => {
    fc.assert(
      fc.property(anyOgrs3Input, (input) => {
        const { probability } = calculateOgrs3(input);
        expect(probability.twoYear).toBeGreaterThan(probability.oneYear);
        expect(probability.oneYear).toBeGreaterThan(0);
        expect(probability.twoYear).toBeLessThan(1);
      }),
    );
  });
});
