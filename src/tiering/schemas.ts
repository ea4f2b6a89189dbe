/**
 * The tier calculator API: request and response bodies. Every field is described, because
 * z.toJSONSchema turns these descriptions into the OpenAPI document integrators read.
 */
import { z } from 'zod';
import {
  CHANGE_LEVELS,
  MAPPA_LEVELS,
  NEED_NAMES,
  NEED_SEVERITIES,
  PROTECT_LEVELS,
  ROSH_LEVELS,
  WOMEN_FACTORS,
} from './policy.js';
import type { NeedName, WomenFactor } from './policy.js';
import type { TierInput, TierResult } from './types.js';

/** A message for a field that is missing, and another for one that is there but wrong. */
function whenMissingOrWrong(missing: string, wrong: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong);
}

function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Why an object key was refused, by the object it appeared in (its path, dot-separated). */
const UNKNOWN_KEY_MESSAGES: Readonly<Record<string, (key: string) => string>> = {
  '': (key) => `"${key}" is not a field of the tier request: check the spelling or remove it`,
  needs: (key) => `"${key}" is not a need: use ${listInWords(NEED_NAMES)}`,
  womenFactors: (key) => `"${key}" is not an additional factor for women: use ${listInWords(WOMEN_FACTORS)}`,
};

function unknownKeyMessage(parentPath: string, key: string): string {
  const describe = UNKNOWN_KEY_MESSAGES[parentPath];
  return describe ? describe(key) : `"${key}" is not allowed here`;
}

/** Error map for an object that refuses unknown keys: plain words for a wrong type or a stray key. */
function strictObjectErrors(parentPath: string, notAnObject: string) {
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => unknownKeyMessage(parentPath, key)).join('. ');
    }
    return issue.code === 'invalid_type' ? notAnObject : undefined;
  };
}

const NEED_DESCRIPTIONS: Readonly<Record<NeedName, string>> = {
  accommodation: 'OASys section 3, accommodation.',
  'education-training-employability': 'OASys section 4, education, training and employability.',
  relationships: 'OASys section 6, relationships.',
  lifestyle: 'OASys section 7, lifestyle and associates.',
  drugs: 'OASys section 8, drug misuse.',
  alcohol: 'OASys section 9, alcohol misuse.',
  'thinking-behaviour': 'OASys section 11, thinking and behaviour. Counts double by default.',
  attitudes: 'OASys section 12, attitudes. Counts double by default.',
  finance: 'OASys section 5, financial management and income. Not scored: no points by default.',
  'emotional-wellbeing': 'OASys section 10, emotional well-being. Not scored: no points by default.',
};

function needSeverity(need: NeedName) {
  return z
    .enum(NEED_SEVERITIES, { error: `The ${need} need must be ${listInWords(NEED_SEVERITIES)}` })
    .optional()
    .describe(
      `${NEED_DESCRIPTIONS[need]} "none", "standard" (a need identified) or "severe" ` +
        '(at or above the severe score). Leave out if not assessed: counted as no need.',
    );
}

const needsShape = Object.fromEntries(NEED_NAMES.map((need) => [need, needSeverity(need)])) as Record<
  NeedName,
  ReturnType<typeof needSeverity>
>;

const needs = z
  .strictObject(needsShape, {
    error: strictObjectErrors(
      'needs',
      'Needs must be an object of need names and severities, such as {"drugs": "severe"}',
    ),
  })
  .describe('Criminogenic needs from the latest OASys assessment, by need, with their severity.');

const WOMEN_FACTOR_DESCRIPTIONS: Readonly<Record<WomenFactor, string>> = {
  parentingConcerns: 'OASys 6.9: concerns about parenting responsibilities.',
  impulsivityOrTemper: 'OASys 11.2 impulsivity or 11.4 temper control scored above 0.',
  breachOrRecallInLastYear: 'A breach or recall in the last 12 months.',
};

function womenFactor(factor: WomenFactor) {
  return z
    .boolean({ error: `${factor} must be true or false` })
    .optional()
    .describe(`${WOMEN_FACTOR_DESCRIPTIONS[factor]} Counts for women only. Leave out if not present.`);
}

const womenFactorsShape = Object.fromEntries(
  WOMEN_FACTORS.map((factor) => [factor, womenFactor(factor)]),
) as Record<WomenFactor, ReturnType<typeof womenFactor>>;

const womenFactors = z
  .strictObject(womenFactorsShape, {
    error: strictObjectErrors('womenFactors', 'womenFactors must be an object of true or false answers'),
  })
  .optional()
  .describe('Additional factors for women, which add protect points. Ignored for men.');

function percentage(name: string, whatItIs: string) {
  return z
    .number({
      error: whenMissingOrWrong(
        `Enter the ${name} percentage, or null if there is none`,
        `${name} must be a number from 0 to 100, or null`,
      ),
    })
    .min(0, `${name} must be 0 or more`)
    .max(100, `${name} must be 100 or less`)
    .nullable()
    .describe(whatItIs);
}

/** A required true-or-false field; `question` completes "Say whether …" when the field is missing. */
function yesOrNo(name: string, question: string, description: string) {
  return z
    .boolean({
      error: whenMissingOrWrong(`Say whether ${question}: true or false`, `${name} must be true or false`),
    })
    .describe(description);
}

const registrationCode = z
  .string({ error: 'Each registration must be a register code, such as RMDO' })
  .trim()
  .min(1, 'A registration code must not be empty')
  .max(20, 'A registration code must be 20 characters or fewer');

export const tierRequest = z
  .strictObject(
    {
      sex: z
        .enum(['male', 'female'], {
          error: whenMissingOrWrong('Enter the sex: male or female', 'Sex must be male or female'),
        })
        .describe('The person’s sex: additional factors for women count only for "female".'),
      rosh: z
        .enum(ROSH_LEVELS, {
          error: whenMissingOrWrong(
            'Enter the RoSH level, or null if there is none',
            `RoSH must be ${listInWords(ROSH_LEVELS)}, or null`,
          ),
        })
        .nullable()
        .describe(
          'Overall risk of serious harm (the highest for any group): low, medium, high or very-high; null if none.',
        ),
      rsr: percentage(
        'RSR',
        'Risk of Serious Recidivism, a percentage from 0 to 100 recorded from OASys; null if none.',
      ),
      mappaLevel: z
        .literal(MAPPA_LEVELS, {
          error: whenMissingOrWrong(
            'Enter the MAPPA level, or null if the person is not managed under MAPPA',
            'MAPPA level must be 1, 2 or 3, or null if the person is not managed under MAPPA',
          ),
        })
        .nullable()
        .describe('MAPPA management level 1, 2 or 3; null if the person is not managed under MAPPA.'),
      registrations: z
        .array(registrationCode, {
          error: 'Registrations must be a list of register codes, such as ["RMDO"]',
        })
        .max(100, 'Send 100 registrations or fewer')
        .default([])
        .describe(
          'Active nDelius register codes. Complexity registers (RMDO, ALSH, RVLN, RCCO, RCPR, RCHD, RPIR, RVAD, ' +
            'STRG, RTAO) add protect points; any other code is listed in the explanation as ignored. Defaults to [].',
        ),
      needs,
      ogrsPercent: percentage('OGRS', 'OGRS3 two-year reoffending percentage, 0 to 100; null if none.'),
      iomNominal: yesOrNo(
        'iomNominal',
        'the person is an Integrated Offender Management (IOM) nominal',
        'The person is an Integrated Offender Management (IOM) nominal: adds change points.',
      ),
      mandateForChange: yesOrNo(
        'mandateForChange',
        'there is a mandate for change',
        'There is a mandate for change: a custodial sentence, or a requirement other than restrictive ones or ' +
          'unpaid work. Without one the change level is 0.',
      ),
      validAssessment: yesOrNo(
        'validAssessment',
        'there is a valid assessment',
        'A valid full assessment was completed within the last 55 weeks. Without one the change level is 2 ' +
          '(unless there is also no mandate for change, which gives 0).',
      ),
      womenFactors,
    },
    { error: strictObjectErrors('', 'Send the tier request as a JSON object') },
  )
  .describe('The inputs of the two-axis tier: protect level A–D and change level 0–3.');

// The schema's output must be the calculator's input, so a parsed body can be passed straight in.
tierRequest satisfies z.ZodType<TierInput>;

const explanationStep = z
  .object({
    axis: z.enum(['protect', 'change']).describe('The axis the points go to.'),
    input: z.string().describe('The input, in words, for example "RoSH" or "Registration".'),
    value: z
      .union([z.string(), z.number(), z.boolean(), z.null()])
      .describe('The value of the input that was used; null when not recorded.'),
    points: z
      .number()
      .describe('The points this input added to its axis; the steps of an axis add up to its points.'),
    note: z.string().optional().describe('How the points were worked out, or why the input was ignored.'),
  })
  .describe('One line of how the tier was worked out.');

export const tierResponse = z
  .object({
    protect: z
      .object({
        points: z
          .number()
          .describe(
            'Protect points: RSR or RoSH (the larger), MAPPA, complexity registers, women’s factors.',
          ),
        level: z
          .enum(PROTECT_LEVELS)
          .describe(
            'Protect level, A the most protective: by default A (150+ points), B (20–149), C (10–19), D (below 10).',
          ),
      })
      .describe('How much protective supervision the person needs.'),
    change: z
      .object({
        points: z
          .number()
          .describe(
            'Change points: weighted needs, OGRS (floor of % / 10 by default) and IOM; 0 when an exception applies.',
          ),
        level: z
          .literal(CHANGE_LEVELS)
          .describe(
            'Change level: by default 3 (20+ points), 2 (10–19), 1 (below 10); 0 with no mandate for change, 2 with no valid assessment.',
          ),
      })
      .describe('How much rehabilitative work the person needs.'),
    tier: z
      .string()
      .regex(/^[A-D][0-3]$/)
      .describe('The protect letter then the change digit, for example "B2".'),
    explanation: z
      .array(explanationStep)
      .describe('Every input considered, with the points it gave, in order.'),
  })
  .describe(
    'The two-axis tier and how it was worked out. Points tables are local policy with hmpps-tier defaults.',
  );

tierResponse satisfies z.ZodType<TierResult>;

export interface FieldProblem {
  /** Dot-separated path to the field, for example "needs.drugs". */
  field: string;
  message: string;
}

/**
 * One problem per bad field. zod reports stray keys as one issue on the object that holds them;
 * this splits it so each stray key gets its own path, as the API's field errors need.
 */
export function tierRequestFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const parentPath = issue.path.map(String).join('.');
    if (issue.code !== 'unrecognized_keys') return [{ field: parentPath, message: issue.message }];
    return issue.keys.map((key) => ({
      field: parentPath ? `${parentPath}.${key}` : key,
      message: unknownKeyMessage(parentPath, key),
    }));
  });
}
