/**
 * Risk Matrix 2000 for men aged 18 or over with a sexual conviction: RM2000/S (sexual), RM2000/V
 * (violence) and RM2000/C (combined). The tables are approximate and configurable: see rm2000-tables.ts.
 */
import { completedYearsBetween } from './age.js';
import { BAND_NAMES, bandAbove } from './bands.js';
import type { Band } from './bands.js';
import { sumInWords, yesOrNo } from './explanation.js';
import type { ExplanationStep } from './explanation.js';
import { describeRange, findRange } from './ranges.js';
import type { Range } from './ranges.js';
import { RM2000_TABLES, RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
import type { Rm2000Tables } from './rm2000-tables.js';

export interface Rm2000MaleInput {
  sex: 'male';
  /** ISO dates, yyyy-mm-dd. */
  dateOfBirth: string;
  /** When the risk starts: the release date, or the sentence date for a community sentence. */
  riskCommencementDate: string;
  /** Court appearances at which a sexual offence was sentenced, the current one included. */
  sexualAppearances: number;
  /** Court appearances at which any criminal offence was sentenced, sexual ones and the current one included. */
  criminalAppearances: number;
  /** Court appearances at which a non-sexual violent offence was sentenced. */
  violentAppearances: number;
  burglaryConviction: boolean;
  sexualOffenceAgainstMale: boolean;
  sexualOffenceAgainstStranger: boolean;
  nonContactSexualConviction: boolean;
  /** "Single": has never lived with an adult partner for two years or more. */
  neverLivedWithAdultPartnerForTwoYears: boolean;
}

/** RM2000 is for men: for a woman only her sex is needed. */
export interface Rm2000FemaleInput {
  sex: 'female';
}

export type Rm2000Input = Rm2000MaleInput | Rm2000FemaleInput;

export interface Rm2000Scale {
  points: number;
  category: Band;
}

export interface Rm2000SexualScale extends Rm2000Scale {
  /** The category from the step 1 points, before aggravating factors. */
  step1Category: Band;
  aggravatingFactors: number;
}

export interface Rm2000Scored {
  eligible: true;
  sexual: Rm2000SexualScale;
  violence: Rm2000Scale;
  combined: Rm2000Scale;
  /** Shown with every result until the tables are checked. */
  approximateNotice: string;
  explanation: ExplanationStep[];
}

export interface Rm2000Ineligible {
  eligible: false;
  /** Why RM2000 cannot be used for this person, in words for the screen. */
  reasons: string[];
  approximateNotice: string;
  explanation: ExplanationStep[];
}

export type Rm2000Result = Rm2000Scored | Rm2000Ineligible;

const AGGRAVATING_FACTORS = [
  ['sexualOffenceAgainstMale', 'a sexual offence against a male'],
  ['sexualOffenceAgainstStranger', 'a sexual offence against a stranger'],
  ['nonContactSexualConviction', 'a non-contact sexual conviction'],
  ['neverLivedWithAdultPartnerForTwoYears', 'single: never lived with an adult partner for two years'],
] as const satisfies readonly (readonly [keyof Rm2000MaleInput, string])[];

interface Scored<T> {
  value: T;
  steps: ExplanationStep[];
}

function ageAtCommencement(input: Rm2000MaleInput): number {
  return completedYearsBetween(input.dateOfBirth, input.riskCommencementDate);
}

/** Why this person cannot be scored; none when they can. */
export function rm2000IneligibilityReasons(
  input: Rm2000Input,
  tables: Rm2000Tables = RM2000_TABLES,
): string[] {
  if (input.sex === 'female') return ['Risk Matrix 2000 is for men: it is not used for women'];
  const { minimumAge, minimumSexualAppearances } = tables.eligibility;
  const reasons: string[] = [];
  const age = ageAtCommencement(input);
  if (age < minimumAge) {
    reasons.push(
      `Aged ${age} at the commencement of risk (${input.riskCommencementDate}): Risk Matrix 2000 is for men aged ${minimumAge} or over`,
    );
  }
  if (input.sexualAppearances < minimumSexualAppearances) {
    reasons.push(
      `No sexual conviction (${input.sexualAppearances} sexual appearances): Risk Matrix 2000 is for men with a sexual conviction`,
    );
  }
  return reasons;
}

function tableStep(
  label: string,
  table: readonly Range<number>[],
  x: number,
  describeX: string,
): Scored<number> {
  const row = findRange(table, x, `RM2000 ${label}`);
  return {
    value: row.value,
    steps: [{ label, value: row.value, detail: `${describeX}: ${describeRange(row)} scores ${row.value}` }],
  };
}

function categoryStep(label: string, table: readonly Range<Band>[], points: number): Scored<Band> {
  const row = findRange(table, points, `RM2000 ${label}`);
  return {
    value: row.value,
    steps: [
      {
        label,
        value: row.value,
        detail: `${points} points is in ${describeRange(row)}: ${BAND_NAMES[row.value]}`,
      },
    ],
  };
}

function addPoints(scale: string, parts: readonly Scored<number>[]): Scored<number> {
  const points = parts.reduce((sum, part) => sum + part.value, 0);
  return {
    value: points,
    steps: [
      ...parts.flatMap((part) => part.steps),
      { label: `${scale} points`, value: points, detail: sumInWords(parts.map((part) => part.value)) },
    ],
  };
}

function aggravation(
  input: Rm2000MaleInput,
  step1: Band,
  tables: Rm2000Tables,
): Scored<{ count: number; category: Band }> {
  const present = AGGRAVATING_FACTORS.filter(([field]) => input[field]);
  const raise = findRange(
    tables.sexual.aggravatingFactorRaises,
    present.length,
    'RM2000/S aggravating factors',
  );
  const category = bandAbove(step1, raise.value);
  return {
    value: { count: present.length, category },
    steps: [
      ...AGGRAVATING_FACTORS.map(([field, words]) => ({
        label: 'RM2000/S aggravating factor',
        value: yesOrNo(input[field]),
        detail: words,
      })),
      {
        label: 'RM2000/S aggravating factors',
        value: present.length,
        detail: `${describeRange(raise)} raise the category ${raise.value} level${raise.value === 1 ? '' : 's'} (never above very high)`,
      },
      {
        label: 'RM2000/S category',
        value: category,
        detail: `Step 1 ${BAND_NAMES[step1]}, raised ${raise.value}: ${BAND_NAMES[category]}`,
      },
    ],
  };
}

function sexualScale(input: Rm2000MaleInput, age: number, tables: Rm2000Tables): Scored<Rm2000SexualScale> {
  const t = tables.sexual;
  const points = addPoints('RM2000/S step 1', [
    tableStep('RM2000/S age at commencement of risk', t.ageAtCommencementOfRisk, age, `Aged ${age}`),
    tableStep(
      'RM2000/S sexual appearances',
      t.sexualAppearances,
      input.sexualAppearances,
      `${input.sexualAppearances}`,
    ),
    tableStep(
      'RM2000/S criminal appearances',
      t.criminalAppearances,
      input.criminalAppearances,
      `${input.criminalAppearances}`,
    ),
  ]);
  const step1 = categoryStep('RM2000/S step 1 category', t.categories, points.value);
  const step2 = aggravation(input, step1.value, tables);
  return {
    value: {
      points: points.value,
      step1Category: step1.value,
      aggravatingFactors: step2.value.count,
      category: step2.value.category,
    },
    steps: [...points.steps, ...step1.steps, ...step2.steps],
  };
}

function violenceScale(input: Rm2000MaleInput, age: number, tables: Rm2000Tables): Scored<Rm2000Scale> {
  const t = tables.violence;
  const burglaryPoints = input.burglaryConviction ? t.burglaryConvictionPoints : 0;
  const points = addPoints('RM2000/V', [
    tableStep('RM2000/V age at commencement of risk', t.ageAtCommencementOfRisk, age, `Aged ${age}`),
    tableStep(
      'RM2000/V violent appearances',
      t.violentAppearances,
      input.violentAppearances,
      `${input.violentAppearances}`,
    ),
    {
      value: burglaryPoints,
      steps: [
        {
          label: 'RM2000/V burglary conviction',
          value: burglaryPoints,
          detail: `${yesOrNo(input.burglaryConviction)} (yes scores ${t.burglaryConvictionPoints})`,
        },
      ],
    },
  ]);
  const category = categoryStep('RM2000/V category', t.categories, points.value);
  return {
    value: { points: points.value, category: category.value },
    steps: [...points.steps, ...category.steps],
  };
}

function combinedScale(sexual: Band, violence: Band, tables: Rm2000Tables): Scored<Rm2000Scale> {
  const perCategory = tables.combined.pointsPerCategory;
  const categoryPoints = (label: string, band: Band): Scored<number> => ({
    value: perCategory[band],
    steps: [{ label, value: perCategory[band], detail: `${BAND_NAMES[band]} scores ${perCategory[band]}` }],
  });
  const points = addPoints('RM2000/C', [
    categoryPoints('RM2000/C from the RM2000/S category', sexual),
    categoryPoints('RM2000/C from the RM2000/V category', violence),
  ]);
  const category = categoryStep('RM2000/C category', tables.combined.categories, points.value);
  return {
    value: { points: points.value, category: category.value },
    steps: [...points.steps, ...category.steps],
  };
}

const APPROXIMATE_STEP: ExplanationStep = {
  label: 'Tables',
  value: 'approximate',
  detail: RM2000_APPROXIMATE_NOTICE,
};

export function calculateRm2000(input: Rm2000Input, tables: Rm2000Tables = RM2000_TABLES): Rm2000Result {
  const reasons = rm2000IneligibilityReasons(input, tables);
  if (input.sex === 'female' || reasons.length > 0) {
    return {
      eligible: false,
      reasons,
      approximateNotice: RM2000_APPROXIMATE_NOTICE,
      explanation: reasons.map((reason) => ({
        label: 'Not eligible',
        value: 'not eligible',
        detail: reason,
      })),
    };
  }
  const age = ageAtCommencement(input);
  const sexual = sexualScale(input, age, tables);
  const violence = violenceScale(input, age, tables);
  const combined = combinedScale(sexual.value.category, violence.value.category, tables);
  return {
    eligible: true,
    sexual: sexual.value,
    violence: violence.value,
    combined: combined.value,
    approximateNotice: RM2000_APPROXIMATE_NOTICE,
    explanation: [
      {
        label: 'Age at commencement of risk',
        value: age,
        detail: `Completed years from the date of birth, ${input.dateOfBirth}, to the commencement of risk, ${input.riskCommencementDate}`,
      },
      ...sexual.steps,
      ...violence.steps,
      ...combined.steps,
      APPROXIMATE_STEP,
    ],
  };
}
