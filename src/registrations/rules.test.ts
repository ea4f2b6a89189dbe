import { describe, expect, it } from 'vitest';
import {
  checkLevelAndCategory,
  describeCategory,
  describeLevel,
  flagOrder,
  mappaLevelFrom,
  nextReviewDate,
  replacesOnAdd,
  reviewStatus,
  roshFromCodes,
  type RegisterType,
} from './rules.js';

const mappa: RegisterType = {
  code: 'MAPP',
  description: 'MAPPA',
  category: 'mappa',
  review_period_months: 6,
  flag_colour: 'red',
  levels: ['M1', 'M2', 'M3'],
  categories: ['M1', 'M2', 'M3', 'M4'],
};
const advp: RegisterType = {
  code: 'ADVP',
  description: 'Domestic abuse perpetrator',
  category: 'other',
  review_period_months: 12,
  flag_colour: 'orange',
  levels: [],
  categories: [],
};

describe('next review date', () => {
  it('is the type’s review period after the registration or review', () => {
    expect(nextReviewDate('2026-03-15', mappa)).toBe('2026-09-15');
    expect(nextReviewDate('2026-03-15', advp)).toBe('2027-03-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(nextReviewDate('2026-08-31', mappa)).toBe('2027-02-28');
    expect(nextReviewDate('2027-08-31', mappa)).toBe('2028-02-29');
  });
});

describe('review status', () => {
  it.each([
    ['2026-05-31', 'overdue'],
    ['2026-06-01', 'due'],
    ['2026-06-29', 'due'],
    ['2026-06-30', 'not-due'],
  ] as const)('a review on %s, seen on 1 June 2026, is %s (due within 28 days)', (date, status) => {
    expect(reviewStatus(date, '2026-06-01')).toBe(status);
  });

  it('takes the due window from the policy', () => {
    expect(reviewStatus('2026-06-30', '2026-06-01', { reviewDueWithinDays: 29 })).toBe('due');
  });
});

describe('level and category', () => {
  it('accepts MAPPA with a level and category it has', () => {
    expect(checkLevelAndCategory(mappa, { level: 'M2', category: 'M4' })).toEqual([]);
  });

  it('refuses a level the type does not have, naming what it allows', () => {
    expect(checkLevelAndCategory(mappa, { level: 'M4', category: 'M1' })).toEqual([
      { field: 'level', message: 'MAPPA has no level M4: choose Level 1, Level 2 or Level 3' },
    ]);
  });

  it('refuses a category the type does not have', () => {
    expect(checkLevelAndCategory(mappa, { level: 'M1', category: 'M5' })).toEqual([
      {
        field: 'category',
        message: 'MAPPA has no category M5: choose Category 1, Category 2, Category 3 or Category 4',
      },
    ]);
  });

  it('needs a level and a category when the type has them', () => {
    expect(checkLevelAndCategory(mappa, { level: null, category: null })).toEqual([
      { field: 'level', message: 'Select the MAPPA level' },
      { field: 'category', message: 'Select the MAPPA category' },
    ]);
  });

  it('refuses a level or category on a type without them', () => {
    expect(checkLevelAndCategory(advp, { level: 'M1', category: 'M2' })).toEqual([
      {
        field: 'level',
        message: 'Domestic abuse perpetrator (ADVP) does not have a level: leave level empty',
      },
      {
        field: 'category',
        message: 'Domestic abuse perpetrator (ADVP) does not have a category: leave category empty',
      },
    ]);
    expect(checkLevelAndCategory(advp, { level: null, category: null })).toEqual([]);
  });

  it('describes the codes in words', () => {
    expect(describeLevel('M2')).toBe('Level 2');
    expect(describeCategory('M4')).toBe('Category 4');
    expect(describeLevel(null)).toBeNull();
  });
});

describe('RoSH and MAPPA', () => {
  it('replace the current registration of their kind; others do not', () => {
    expect(replacesOnAdd({ category: 'rosh' })).toBe(true);
    expect(replacesOnAdd({ category: 'mappa' })).toBe(true);
    expect(replacesOnAdd({ category: 'complexity' })).toBe(false);
    expect(replacesOnAdd({ category: 'other' })).toBe(false);
  });

  it('read RoSH from codes, the highest when several', () => {
    expect(roshFromCodes(['ADVP'])).toBeNull();
    expect(roshFromCodes(['RLRH'])).toBe('low');
    expect(roshFromCodes(['RMRH', 'RHRH'])).toBe('high');
    expect(roshFromCodes(['RVHR', 'RLRH'])).toBe('very-high');
  });

  it('read the MAPPA level from M1–M3 only', () => {
    expect(mappaLevelFrom('M1')).toBe(1);
    expect(mappaLevelFrom('M3')).toBe(3);
    expect(mappaLevelFrom('M4')).toBeNull();
    expect(mappaLevelFrom(null)).toBeNull();
  });
});

describe('flag order', () => {
  it('puts RoSH first (highest first), then MAPPA, then the rest in type order', () => {
    const flags = [
      { type_code: 'WEAP', category: 'other' as const, sort_order: 250 },
      { type_code: 'MAPP', category: 'mappa' as const, sort_order: 40 },
      { type_code: 'RMDO', category: 'complexity' as const, sort_order: 50 },
      { type_code: 'RHRH', category: 'rosh' as const, sort_order: 10 },
    ];
    expect(flagOrder(flags).map((f) => f.type_code)).toEqual(['RHRH', 'MAPP', 'RMDO', 'WEAP']);
  });
});
