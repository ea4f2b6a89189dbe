/**
 * Risk Matrix 2000 scoring tables. APPROXIMATE: the reference could not check them against Thornton's
 * scoring guide, so every table is data here, replaceable without touching the calculator, and the
 * screen must show RM2000_APPROXIMATE_NOTICE beside any RM2000 result.
 */
import type { Band } from './bands.js';
import type { Range } from './ranges.js';

export const RM2000_APPROXIMATE_NOTICE =
  'Risk Matrix 2000 is scored with approximate tables that have not yet been checked against ' +
  'Thornton’s scoring guide. Check the categories against the guide before relying on them.';

export interface Rm2000Tables {
  eligibility: {
    /** The youngest age, at the commencement of risk, that RM2000 is used for. */
    minimumAge: number;
    /** The fewest sexual appearances that show a sexual conviction. */
    minimumSexualAppearances: number;
  };
  sexual: {
    ageAtCommencementOfRisk: readonly Range<number>[];
    sexualAppearances: readonly Range<number>[];
    criminalAppearances: readonly Range<number>[];
    /** Step 1: the category from the points. */
    categories: readonly Range<Band>[];
    /** Step 2: how many categories the number of aggravating factors raises step 1 (never above very high). */
    aggravatingFactorRaises: readonly Range<number>[];
  };
  violence: {
    ageAtCommencementOfRisk: readonly Range<number>[];
    violentAppearances: readonly Range<number>[];
    burglaryConvictionPoints: number;
    categories: readonly Range<Band>[];
  };
  combined: {
    /** The points each S and V category gives the combined scale. */
    pointsPerCategory: Readonly<Record<Band, number>>;
    categories: readonly Range<Band>[];
  };
}

export const RM2000_TABLES: Rm2000Tables = {
  eligibility: { minimumAge: 18, minimumSexualAppearances: 1 },
  sexual: {
    ageAtCommencementOfRisk: [
      { from: 18, to: 24, value: 2 },
      { from: 25, to: 34, value: 1 },
      { from: 35, to: null, value: 0 },
    ],
    sexualAppearances: [
      { from: 1, to: 1, value: 0 },
      { from: 2, to: 2, value: 1 },
      { from: 3, to: 4, value: 2 },
      { from: 5, to: null, value: 3 },
    ],
    criminalAppearances: [
      { from: 1, to: 2, value: 0 },
      { from: 3, to: 4, value: 1 },
      { from: 5, to: 9, value: 2 },
      { from: 10, to: null, value: 3 },
    ],
    // The reference gives 5–6 as the top band, but these tables can reach 8 points (2 + 3 + 3): the top band is open.
    categories: [
      { from: 0, to: 0, value: 'low' },
      { from: 1, to: 2, value: 'medium' },
      { from: 3, to: 4, value: 'high' },
      { from: 5, to: null, value: 'very-high' },
    ],
    aggravatingFactorRaises: [
      { from: 0, to: 1, value: 0 },
      { from: 2, to: 3, value: 1 },
      { from: 4, to: null, value: 2 },
    ],
  },
  violence: {
    ageAtCommencementOfRisk: [
      { from: 18, to: 24, value: 3 },
      { from: 25, to: 34, value: 2 },
      { from: 35, to: 44, value: 1 },
      { from: 45, to: null, value: 0 },
    ],
    violentAppearances: [
      { from: 0, to: 0, value: 0 },
      { from: 1, to: 1, value: 1 },
      { from: 2, to: 3, value: 2 },
      { from: 4, to: null, value: 3 },
    ],
    burglaryConvictionPoints: 2,
    categories: [
      { from: 0, to: 1, value: 'low' },
      { from: 2, to: 3, value: 'medium' },
      { from: 4, to: 5, value: 'high' },
      { from: 6, to: null, value: 'very-high' },
    ],
  },
  combined: {
    pointsPerCategory: { low: 0, medium: 1, high: 2, 'very-high': 3 },
    categories: [
      { from: 0, to: 1, value: 'low' },
      { from: 2, to: 3, value: 'medium' },
      { from: 4, to: 4, value: 'high' },
      { from: 5, to: 6, value: 'very-high' },
    ],
  },
};
