/**
 * Response bodies of the risk calculator API, for the OpenAPI document (z.toJSONSchema). Each is checked
 * against its calculator's result type, so the document cannot drift from what the API answers.
 */
import { z } from 'zod';
import { BANDS } from './bands.js';
import type { Ogrs3Result } from './ogrs3.js';
import type { OgpResult } from './ogp.js';
import type { OvpResult } from './ovp.js';
import type { OspDcResult, OspIicResult } from './osp.js';
import type { Rm2000Result } from './rm2000.js';

export const explanationStep = z
  .object({
    label: z.string().describe('What the line is: an input, a coefficient, a table row or a sum.'),
    value: z
      .union([z.string(), z.number()])
      .describe('The value the calculation used, unrounded, or an answer in words.'),
    detail: z
      .string()
      .optional()
      .describe('Where the value came from: the rule or table row, or the arithmetic with its numbers.'),
  })
  .describe('One line of how the score was worked out, to check by hand.');

const explanation = z
  .array(explanationStep)
  .describe('How the score was worked out, step by step, in order.');

const band = z.enum(BANDS).describe('The risk band: low, medium, high or very-high.');

function yearPair(what: string) {
  return z
    .object({
      oneYear: z.number().describe(`${what} within one year.`),
      twoYear: z.number().describe(`${what} within two years.`),
    })
    .describe(what);
}

const probability = yearPair('The unrounded probability, a fraction from 0 to 1, of proven reoffending');
const percent = yearPair(
  'The percentage shown: the probability × 100, rounded half up, then kept within 1 to 99',
);

export const ogrs3Response = z
  .object({
    probability,
    percent,
    band: band.describe('From the two-year percentage: 0–49 low, 50–74 medium, 75–89 high, 90–99 very-high.'),
    explanation,
  })
  .describe('The OGRS3 score and how it was worked out.') satisfies z.ZodType<Ogrs3Result>;

function pointsPredictorResponse(name: string, bands: string) {
  return z
    .object({
      points: z.number().int().describe(`The ${name} total points.`),
      probability,
      percent,
      band: band.describe(`From the two-year percentage: ${bands}.`),
      explanation,
    })
    .describe(`The ${name} score and how it was worked out.`);
}

export const ogpResponse = pointsPredictorResponse(
  'OGP',
  '1–33 low, 34–66 medium, 67–84 high, 85–99 very-high',
) satisfies z.ZodType<OgpResult>;

export const ovpResponse = pointsPredictorResponse(
  'OVP',
  '1–29 low, 30–59 medium, 60–79 high, 80–99 very-high',
) satisfies z.ZodType<OvpResult>;

const ospNotApplicable = z
  .object({
    applicable: z.literal(false).describe('OSP is not applicable: the person is a woman.'),
    band: z.literal('not-applicable'),
    explanation,
  })
  .describe('OSP is for men: not applicable for women.');

export const ospDcResponse = z
  .discriminatedUnion('applicable', [
    z
      .object({
        applicable: z.literal(true),
        points: z.number().int().describe('The OSP/DC points.'),
        probability: z
          .number()
          .describe('logistic(-8.633 + 0.1598 × points), unrounded; 0 when the points are 0.'),
        percent: z.number().describe('The probability as a percentage, rounded half up to two decimals.'),
        band: band.describe('The band after any reduction for five offence-free years in the community.'),
        bandFromPoints: band.describe('From the points: 0–21 low, 22–29 medium, 30–35 high, 36+ very-high.'),
        reducedForTimeOffenceFree: z
          .boolean()
          .describe(
            'The band dropped one step: in the community, at least five years since the most recent offence, sexual offence and start of follow-up.',
          ),
        explanation,
      })
      .describe('OSP/DC for a man.'),
    ospNotApplicable,
  ])
  .describe('The OSP/DC score and how it was worked out.') satisfies z.ZodType<OspDcResult>;

export const ospIicResponse = z
  .discriminatedUnion('applicable', [
    z
      .object({
        applicable: z.literal(true),
        band: band.describe('2 or more image sanctions high, 1 medium, otherwise low.'),
        explanation,
      })
      .describe('OSP/IIC for a man.'),
    ospNotApplicable,
  ])
  .describe('The OSP/IIC band and how it was worked out.') satisfies z.ZodType<OspIicResult>;

const rm2000Scale = (name: string) =>
  z.object({
    points: z.number().int().describe(`The ${name} points.`),
    category: band.describe(`The ${name} category.`),
  });

const approximateNotice = z.string().describe('Shown with every RM2000 result: the tables are approximate.');

export const rm2000Response = z
  .discriminatedUnion('eligible', [
    z
      .object({
        eligible: z.literal(true),
        sexual: rm2000Scale('RM2000/S step 1')
          .extend({
            step1Category: band.describe('The category from the step 1 points, before aggravating factors.'),
            aggravatingFactors: z
              .number()
              .int()
              .describe('How many of the four aggravating factors are present.'),
          })
          .describe('RM2000/S, the sexual scale; category is after aggravating factors.'),
        violence: rm2000Scale('RM2000/V').describe('RM2000/V, the violence scale.'),
        combined: rm2000Scale('RM2000/C').describe('RM2000/C, the combined scale.'),
        approximateNotice,
        explanation,
      })
      .describe('Risk Matrix 2000 for an eligible man.'),
    z
      .object({
        eligible: z.literal(false),
        reasons: z.array(z.string()).describe('Why Risk Matrix 2000 cannot be used for this person.'),
        approximateNotice,
        explanation,
      })
      .describe('Risk Matrix 2000 does not apply to this person.'),
  ])
  .describe('Risk Matrix 2000 categories and how they were worked out.') satisfies z.ZodType<Rm2000Result>;
