import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, bandBelow } from './bands.js';
import { anyOspDcInput, ospDcInput } from './fixtures.js';
import { calculateOspDc, calculateOspIic, ospDcAgePoints } from './osp.js';
import type { OspDcMaleInput, OspDcScored } from './osp.js';

function scored(input: OspDcMaleInput): OspDcScored {
  const result = calculateOspDc(input);
  if (!result.applicable) throw new Error('expected OSP/DC to apply');
  return result;
}

const itemValue = (input: OspDcMaleInput, label: string) =>
  scored(input).explanation.find((line) => line.label === label)?.value;

describe('OSP/DC, worked by hand', () => {
  it('a man of 30, one contact adult sexual sanction at 29, nothing else: 25 points, medium', () => {
    const result = scored(ospDcInput());
    // adult 5 + child 0 + non-contact 0 + age 30 → 14 - floor(12/3) = 10 + age 29 at last sexual sanction 10
    expect(result.points).toBe(25);
    expect(result.probability).toBeCloseTo(
      Math.exp(-8.633 + 0.1598 * 25) / (1 + Math.exp(-8.633 + 0.1598 * 25)),
      15,
    );
    expect(result.percent).toBe(0.96);
    expect(result.band).toBe('medium');
    expect(result.bandFromPoints).toBe('medium');
    expect(result.reducedForTimeOffenceFree).toBe(false);
    expect(result.explanation.find((line) => line.label === 'Total points')?.detail).toBe(
      '5 + 0 + 0 + 10 + 10 + 0 + 0',
    );
    expect(result.explanation).toContainEqual({
      label: 'Age at start of follow-up',
      value: 10,
      detail: 'Aged 30 (from 1980-01-01 to 2010-01-01): 14 - max(0, floor((30 - 18) / 3))',
    });
  });

  it('gives probability 0 for 0 points', () => {
    const result = scored(
      ospDcInput({
        contactAdultSexualSanctions: 0,
        dateOfBirth: '1940-01-01',
        followUpStartDate: '2010-01-01',
        lastSexualSanctionDate: '1954-01-01',
      }),
    );
    expect(result.points).toBe(0);
    expect(result.probability).toBe(0);
    expect(result.percent).toBe(0);
    expect(result.band).toBe('low');
  });
});

describe('OSP/DC items', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 5, 3, 2],
    [2, 10, 6, 4],
    [3, 15, 9, 6],
    [7, 15, 9, 6],
  ])('%s sanctions: contact adult %s, contact child %s, non-contact %s', (n, adult, child, nonContact) => {
    const input = ospDcInput({
      contactAdultSexualSanctions: n,
      contactChildSexualSanctions: n,
      nonContactSexualSanctions: n,
      totalSanctions: Math.max(1, n),
    });
    expect(itemValue(input, 'Contact adult sexual sanctions')).toBe(adult);
    expect(itemValue(input, 'Contact child sexual sanctions')).toBe(child);
    expect(itemValue(input, 'Non-contact sexual sanctions')).toBe(nonContact);
  });

  it.each([
    [15, 14],
    [18, 14],
    [20, 14],
    [21, 13],
    [23, 13],
    [24, 12],
    [57, 1],
    [59, 1],
    [60, 0],
    [85, 0],
  ])('age %s at the start of follow-up scores %s', (age, points) => {
    expect(ospDcAgePoints(age)).toBe(points);
  });

  it('reads the age at the start of follow-up in completed years', () => {
    const at = (followUpStartDate: string) =>
      itemValue(ospDcInput({ dateOfBirth: '1950-03-01', followUpStartDate }), 'Age at start of follow-up');
    expect(at('2010-02-28')).toBe(1);
    expect(at('2010-03-01')).toBe(0);
    expect(at('1971-02-28')).toBe(14);
    expect(at('1971-03-01')).toBe(13);
  });

  it.each([
    ['2005-12-31', 0],
    ['2006-01-01', 5], // 16th birthday
    ['2007-12-31', 5],
    ['2008-01-01', 10], // 18th birthday
  ])('last sexual sanction on %s (born 1990-01-01) scores %s', (lastSexualSanctionDate, points) => {
    const input = ospDcInput({
      dateOfBirth: '1990-01-01',
      lastSexualSanctionDate,
      followUpStartDate: '2010-01-01',
    });
    expect(itemValue(input, 'Age at last sexual sanction')).toBe(points);
  });

  it('scores more than one sanction of any kind 6, and a stranger victim 4', () => {
    expect(itemValue(ospDcInput({ totalSanctions: 1 }), 'More than one sanction')).toBe(0);
    expect(itemValue(ospDcInput({ totalSanctions: 2 }), 'More than one sanction')).toBe(6);
    expect(itemValue(ospDcInput({ strangerVictim: true }), 'Stranger victim')).toBe(4);
    expect(scored(ospDcInput({ totalSanctions: 2, strangerVictim: true })).points).toBe(35);
  });
});

describe('OSP/DC band edges, on both sides', () => {
  // 5 (one contact adult sanction) + 10 (18+ at the last sexual sanction) + age points + extras; born 1980-01-01.
  it.each([
    [42, {}, 21, 'low'], // age points 6
    [39, {}, 22, 'medium'], // 7
    [30, { strangerVictim: true }, 29, 'medium'], // 10 + 4
    [27, { strangerVictim: true }, 30, 'high'], // 11 + 4
    [30, { strangerVictim: true, totalSanctions: 2 }, 35, 'high'], // 10 + 4 + 6
    [27, { strangerVictim: true, totalSanctions: 2 }, 36, 'very-high'], // 11 + 4 + 6
  ] as const)('aged %s at follow-up with %j: %s points, %s', (age, extra, points, band) => {
    const result = scored(
      ospDcInput({
        ...extra,
        followUpStartDate: `${1980 + age}-01-01`,
        lastSexualSanctionDate: '2000-01-01',
      }),
    );
    expect(result.points).toBe(points);
    expect(result.band).toBe(band);
  });
});

describe('OSP/DC band reduction after five offence-free years in the community', () => {
  // 25 points (medium); every date five years or more before the assessment.
  const fiveYearsClear = ospDcInput({
    inCommunity: true,
    mostRecentOffenceDate: '2008-06-01',
    mostRecentSexualOffenceDate: '2008-06-01',
    followUpStartDate: '2010-01-01',
    assessmentDate: '2015-01-01',
  });

  it('drops the band one step on the fifth anniversary of the latest date', () => {
    const result = scored(fiveYearsClear);
    expect(result.bandFromPoints).toBe('medium');
    expect(result.band).toBe('low');
    expect(result.reducedForTimeOffenceFree).toBe(true);
  });

  it('does not drop it the day before', () => {
    expect(scored({ ...fiveYearsClear, assessmentDate: '2014-12-31' }).band).toBe('medium');
  });

  it('needs five years since each of the offence, the sexual offence and the start of follow-up', () => {
    expect(scored({ ...fiveYearsClear, mostRecentOffenceDate: '2010-01-02' }).band).toBe('medium');
    expect(
      scored({
        ...fiveYearsClear,
        mostRecentSexualOffenceDate: '2010-01-02',
        mostRecentOffenceDate: '2010-01-02',
      }).band,
    ).toBe('medium');
    expect(scored({ ...fiveYearsClear, followUpStartDate: '2010-01-02' }).band).toBe('medium');
  });

  it('does not apply in custody', () => {
    expect(scored({ ...fiveYearsClear, inCommunity: false }).band).toBe('medium');
  });

  it('never drops below low, and drops very high to high', () => {
    const low = scored({ ...fiveYearsClear, contactAdultSexualSanctions: 0 });
    expect(low.bandFromPoints).toBe('low');
    expect(low.band).toBe('low');
    const veryHigh = scored({
      ...fiveYearsClear,
      dateOfBirth: '1985-01-01',
      lastSexualSanctionDate: '2008-01-01',
      contactAdultSexualSanctions: 3,
      totalSanctions: 3,
    });
    expect(veryHigh.bandFromPoints).toBe('very-high');
    expect(veryHigh.band).toBe('high');
  });
});

describe('OSP/DC properties', () => {
  it('bands never below low, and at most one step below the band from the points', () => {
    fc.assert(
      fc.property(anyOspDcInput, (input) => {
        const result = scored(input);
        expect(BANDS).toContain(result.band);
        expect([result.bandFromPoints, bandBelow(result.bandFromPoints)]).toContain(result.band);
        if (!input.inCommunity) expect(result.band).toBe(result.bandFromPoints);
        expect(result.probability).toBeGreaterThanOrEqual(0);
        expect(result.probability).toBeLessThan(1);
      }),
    );
  });

  it('never falls when a contact adult sexual sanction is added, all else equal', () => {
    fc.assert(
      fc.property(anyOspDcInput, (input) => {
        const more = scored({
          ...input,
          contactAdultSexualSanctions: input.contactAdultSexualSanctions + 1,
          totalSanctions: input.totalSanctions + 1,
        });
        expect(more.points).toBeGreaterThanOrEqual(scored(input).points);
      }),
    );
  });
});

describe('OSP for women', () => {
  it('is not applicable', () => {
    for (const result of [calculateOspDc({ sex: 'female' }), calculateOspIic({ sex: 'female' })]) {
      expect(result).toMatchObject({ applicable: false, band: 'not-applicable' });
      expect(result.explanation[0]?.detail).toContain('not applicable for women');
    }
  });
});

describe('OSP/IIC', () => {
  it.each([
    [0, 'low'],
    [1, 'medium'],
    [2, 'high'],
    [9, 'high'],
  ] as const)('%s image sanctions: %s', (indecentImageSanctions, band) => {
    expect(calculateOspIic({ sex: 'male', indecentImageSanctions })).toMatchObject({
      applicable: true,
      band,
    });
  });

  it('explains the rule it used', () => {
    expect(calculateOspIic({ sex: 'male', indecentImageSanctions: 1 }).explanation).toEqual([
      { label: 'Indecent image sanctions', value: 1 },
      {
        label: 'Band',
        value: 'medium',
        detail: '1 image sanctions, first rule that fits: 2 or more high, 1 or more medium, 0 or more low',
      },
    ]);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calculateOspIic({ sex: 'male', indecentImageSanctions: -1 })).toThrow(RangeError);
    expect(() => calculateOspIic({ sex: 'male', indecentImageSanctions: 1.5 })).toThrow(RangeError);
  });
});
