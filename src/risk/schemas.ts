/**
 * Request bodies of the risk calculator API. Every field is described, because z.toJSONSchema turns the
 * descriptions into the OpenAPI document; every refusal names its field in plain English. Schemas that
 * check dates against today are built for a given day (rules never read the clock): pass `today` in.
 */
import { z } from 'zod';
import { OGRS3_OFFENCE_CATEGORY_CODES } from './ogrs3.js';
import type { Ogrs3Input } from './ogrs3.js';
import type { OgpInput } from './ogp.js';
import type { OvpInput } from './ovp.js';
import { OVP_MINIMUM_AGE } from './ovp.js';
import type { OspDcInput, OspIicInput } from './osp.js';
import type { Rm2000Input } from './rm2000.js';
import {
  AGE_OF_CRIMINAL_RESPONSIBILITY,
  ageOn,
  awarenessAnswer,
  birthday,
  count,
  isoDate,
  listInWords,
  motivationLevel,
  problemLevel,
  requestBodyErrors,
  requireToday,
  sex,
  unknownKeyMessage,
  whenFieldsValid,
  whenMissingOrWrong,
  wholeNumber,
  yesOrNo,
} from './schema-fields.js';

/** A rule between fields of a body, reported on one of them. */
interface CrossFieldRule<T> {
  /** The fields the rule reads: it runs only when each passed its own checks. */
  reads: readonly (keyof T & string)[];
  /** The field the message is about. */
  field: keyof T & string;
  holds: (body: T) => boolean;
  message: (body: T) => string;
}

function withRules<S extends z.ZodObject>(schema: S, rules: readonly CrossFieldRule<z.output<S>>[]): S {
  return rules.reduce(
    (refined, rule) =>
      refined.refine(rule.holds, {
        path: [rule.field],
        error: (issue) => rule.message(issue.input as z.output<S>),
        when: whenFieldsValid(...rule.reads),
      }),
    schema,
  );
}

interface Dated {
  dateOfBirth: string;
}

/** `field` must be after the date of birth. */
function afterBirth<T extends Dated>(field: keyof T & string, label: string): CrossFieldRule<T> {
  return {
    reads: ['dateOfBirth', field],
    field,
    holds: (body) => String(body[field]) > body.dateOfBirth,
    message: () => `${label} must be after the date of birth`,
  };
}

/** A sanction or conviction dated `field` must fall on or after the 10th birthday (checked only once after birth). */
function notBeforeTenthBirthday<T extends Dated>(field: keyof T & string, label: string): CrossFieldRule<T> {
  const tenthBirthday = (body: T) => birthday(body.dateOfBirth, AGE_OF_CRIMINAL_RESPONSIBILITY);
  return {
    reads: ['dateOfBirth', field],
    field,
    holds: (body) => String(body[field]) <= body.dateOfBirth || String(body[field]) >= tenthBirthday(body),
    message: (body) =>
      `${label} must be on or after the 10th birthday (${tenthBirthday(body)}): ` +
      'nobody under 10 can be sanctioned in England and Wales',
  };
}

/** A count that is part of another count (`total`) cannot be larger than it. */
function partOf<T>(
  field: keyof T & string,
  total: keyof T & string,
  message: (body: T) => string,
): CrossFieldRule<T> {
  return {
    reads: [field, total],
    field,
    holds: (body) => Number(body[field]) <= Number(body[total]),
    message,
  };
}

const totalSanctionsField = wholeNumber(
  'Total sanctions',
  'Every sanction (conviction, caution, reprimand or warning) the person has had, the current one included: 1 or more.',
  1,
  'Total sanctions must be 1 or more: count the current sanction too',
);

// Not limited to today: a custodial follow-up starts at release, which may still be ahead when a prisoner is assessed.
const followUpStartDate = isoDate(
  'Start of follow-up date',
  'When the follow-up period starts: the sentence date for a community sentence, the (expected) release date for a custodial one. May be in the future.',
);

function dateOfBirth(today: string) {
  return isoDate('Date of birth', 'The person’s date of birth.', { notAfter: today });
}

// ---------------------------------------------------------------- OGRS3

const OGRS3_CATEGORY_LIST = listInWords(OGRS3_OFFENCE_CATEGORY_CODES);

const offenceCategory = z
  .enum(OGRS3_OFFENCE_CATEGORY_CODES, {
    error: (issue) =>
      issue.input === undefined
        ? `Enter the offence category of the current offence: ${OGRS3_CATEGORY_LIST}`
        : `"${String(issue.input)}" is not an OGRS3 offence category: use ${OGRS3_CATEGORY_LIST}`,
  })
  .describe(
    'The OGRS3 offence category of the current offence, by its code, such as "violence" or "criminal-damage".',
  );

export function ogrs3Request(today: string) {
  requireToday(today);
  const body = z.strictObject(
    {
      sex: sex.describe('The person’s sex: male or female. OGRS3 has a separate age coefficient for each.'),
      dateOfBirth: dateOfBirth(today),
      currentConvictionDate: isoDate(
        'Current conviction date',
        'The date of conviction for the current offence.',
        {
          notAfter: today,
        },
      ),
      firstSanctionDate: isoDate(
        'First sanction date',
        'The date of the person’s first sanction (conviction, caution, reprimand or warning); the current one if it is the first.',
        { notAfter: today },
      ),
      followUpStartDate,
      totalSanctions: totalSanctionsField,
      offenceCategory,
    },
    { error: requestBodyErrors('OGRS3') },
  );
  return withRules(body, [
    afterBirth('firstSanctionDate', 'The first sanction date'),
    notBeforeTenthBirthday('firstSanctionDate', 'The first sanction date'),
    {
      reads: ['firstSanctionDate', 'currentConvictionDate'],
      field: 'currentConvictionDate',
      holds: (b) => b.currentConvictionDate >= b.firstSanctionDate,
      message: (b) =>
        `The current conviction date must be on or after the first sanction date (${b.firstSanctionDate})`,
    },
    {
      reads: ['currentConvictionDate', 'followUpStartDate'],
      field: 'followUpStartDate',
      holds: (b) => b.followUpStartDate >= b.currentConvictionDate,
      message: (b) =>
        `The start of follow-up must be on or after the current conviction date (${b.currentConvictionDate}): ` +
        'it is the sentence date or the release date',
    },
  ]).describe(
    'The inputs of OGRS3, the Offender Group Reconviction Scale version 3.',
  ) satisfies z.ZodType<Ogrs3Input>;
}

// ---------------------------------------------------------------- OGP

export const ogpRequest = z
  .strictObject(
    {
      ogrs3TwoYearPercent: wholeNumber(
        'OGRS3 two-year percentage',
        'The OGRS3 two-year percentage, a whole number from 1 to 99, as OGRS3 gives it.',
        1,
        'OGRS3 two-year percentage must be from 1 to 99',
      ).max(99, 'OGRS3 two-year percentage must be from 1 to 99'),
      noFixedAbodeOrTransientAccommodation: yesOrNo(
        'noFixedAbodeOrTransientAccommodation',
        'the person is of no fixed abode or in transient accommodation',
        'OASys 3: currently of no fixed abode or in transient accommodation. Yes scores 5.',
      ),
      unemployed: yesOrNo('unemployed', 'the person is unemployed', 'OASys 4: unemployed. Yes scores 5.'),
      regularActivitiesEncourageOffending: problemLevel(
        'Regular activities encourage offending',
        'OASys 7: regular activities encourage offending. Some scores 3, significant 5.',
      ),
      currentDrugMisuse: problemLevel('Current drug misuse', 'OASys 8: current drug misuse (0, 1 or 2).'),
      motivationToTackleDrugMisuse: motivationLevel(
        'Motivation to tackle drug misuse',
        'OASys 8: motivation to tackle drug misuse; full 0, partial 1, none 2. Drug points are (misuse + motivation) × 3.75, rounded.',
      ),
      problemSolvingSkills: problemLevel(
        'Problem solving skills',
        'OASys 11: problems with problem solving skills (0, 1 or 2).',
      ),
      awarenessOfConsequences: awarenessAnswer(
        'Awareness of consequences',
        'OASys 11: aware of the consequences of their actions; yes 0, sometimes 1, no 2.',
      ),
      understandsOtherPeoplesViews: problemLevel(
        'Understands other people’s views',
        'OASys 11: problems understanding other people’s views (0, 1 or 2). Thinking points are (problem solving + awareness + this) × 5/6, rounded.',
      ),
      proCriminalAttitudes: problemLevel(
        'Pro-criminal attitudes',
        'OASys 12: pro-criminal attitudes. Some scores 3, significant 5.',
      ),
    },
    { error: requestBodyErrors('OGP') },
  )
  .describe('The inputs of OGP, the OASys General reoffending Predictor.') satisfies z.ZodType<OgpInput>;

// ---------------------------------------------------------------- OVP

export function ovpRequest(today: string) {
  requireToday(today);
  const body = z.strictObject(
    {
      sex: sex.describe('The person’s sex: male or female. Male scores 5.'),
      dateOfBirth: dateOfBirth(today),
      followUpStartDate,
      totalSanctions: totalSanctionsField,
      violentSanctions: count(
        'Violent sanctions',
        'Sanctions for violent offences, the current one included if it is violent. The rest of the total counts as non-violent.',
      ),
      recognisesImpactOfOffendingOnOthers: yesOrNo(
        'recognisesImpactOfOffendingOnOthers',
        'the person recognises the impact of their offending on others',
        'OASys 2: recognises the impact of their offending on victims, community or society. No scores 4.',
      ),
      noFixedAbodeOrTransientAccommodation: yesOrNo(
        'noFixedAbodeOrTransientAccommodation',
        'the person is of no fixed abode or in transient accommodation',
        'OASys 3: currently of no fixed abode or in transient accommodation. Yes scores 4.',
      ),
      unemployed: yesOrNo('unemployed', 'the person is unemployed', 'OASys 4: unemployed. Yes scores 4.'),
      currentAlcoholUseProblem: problemLevel(
        'Current alcohol use a problem',
        'OASys 9: is current use of alcohol a problem (0, 1 or 2).',
      ),
      excessiveAlcoholUse: problemLevel(
        'Excessive alcohol use',
        'OASys 9: binge drinking or excessive use of alcohol (0, 1 or 2). Alcohol points are ceiling(2.5 × (current use + excessive use)).',
      ),
      currentPsychiatricTreatment: yesOrNo(
        'currentPsychiatricTreatment',
        'the person is in current psychiatric treatment',
        'OASys 10: current psychiatric treatment or treatment pending. Yes scores 4.',
      ),
      temperControl: problemLevel(
        'Temper control',
        'OASys 11: problems with temper control; scores 3 per level.',
      ),
      proCriminalAttitudes: problemLevel(
        'Pro-criminal attitudes',
        'OASys 12: pro-criminal attitudes; scores 3 per level.',
      ),
    },
    { error: requestBodyErrors('OVP') },
  );
  return withRules(body, [
    partOf(
      'violentSanctions',
      'totalSanctions',
      (b) =>
        `Violent sanctions cannot be more than total sanctions (${b.totalSanctions}), which count violent ones too`,
    ),
    afterBirth('followUpStartDate', 'The start of follow-up'),
    {
      reads: ['dateOfBirth', 'followUpStartDate'],
      field: 'followUpStartDate',
      holds: (b) =>
        b.followUpStartDate <= b.dateOfBirth || ageOn(b.dateOfBirth, b.followUpStartDate) >= OVP_MINIMUM_AGE,
      message: (b) =>
        `OVP is for people aged ${OVP_MINIMUM_AGE} or over at the start of follow-up: ` +
        `the person is ${ageOn(b.dateOfBirth, b.followUpStartDate)} on ${b.followUpStartDate}`,
    },
  ]).describe('The inputs of OVP, the OASys Violence Predictor.') satisfies z.ZodType<OvpInput>;
}

// ---------------------------------------------------------------- OSP

/** OSP and RM2000 are for men: a woman's body needs only her sex, and any other field is ignored. */
const womanNotApplicable = (instrument: string) =>
  z
    .object({ sex: z.literal('female').describe('female: no other field is needed.') })
    .describe(`A woman: ${instrument} is not applicable, and no other field is needed.`);

/** Error map for a body split on sex: the union reports a missing or wrong sex as its own problem. */
function bodyBySexErrors(requestName: string) {
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.code === 'invalid_type') return `Send the ${requestName} request as a JSON object`;
    if (issue.code !== 'invalid_union') return undefined;
    return whenMissingOrWrong(
      'Enter the sex: male or female',
      'Sex must be male or female',
    )({
      input: (issue.input as Record<string, unknown> | undefined)?.sex,
    });
  };
}

const male = z.literal('male').describe('male: the instrument is scored.');

export function ospDcRequest(today: string) {
  requireToday(today);
  const manBody = z.strictObject(
    {
      sex: male,
      dateOfBirth: dateOfBirth(today),
      followUpStartDate,
      contactAdultSexualSanctions: count(
        'Contact adult sexual sanctions',
        'Sanctions for contact sexual offences against an adult, the current one included. 1, 2, 3+ score 5, 10, 15.',
      ),
      contactChildSexualSanctions: count(
        'Contact child sexual sanctions',
        'Sanctions for contact sexual offences against a child, the current one included. 1, 2, 3+ score 3, 6, 9.',
      ),
      nonContactSexualSanctions: count(
        'Non-contact sexual sanctions',
        'Sanctions for non-contact sexual offences, not counting indecent images. 1, 2, 3+ score 2, 4, 6.',
      ),
      lastSexualSanctionDate: isoDate(
        'Last sexual sanction date',
        'The date of the most recent sanction for a sexual offence: the age then scores 0 (10–15), 5 (16–17) or 10 (18+).',
        { notAfter: today },
      ),
      totalSanctions: totalSanctionsField,
      strangerVictim: yesOrNo(
        'strangerVictim',
        'there was a stranger victim',
        'Any sexual offence against a stranger. Yes scores 4.',
      ),
      inCommunity: yesOrNo(
        'inCommunity',
        'the person is in the community',
        'In the community now, not in custody: needed for the band reduction after five offence-free years.',
      ),
      mostRecentOffenceDate: isoDate(
        'Most recent offence date',
        'The date of the most recent offence of any kind.',
        {
          notAfter: today,
        },
      ),
      mostRecentSexualOffenceDate: isoDate(
        'Most recent sexual offence date',
        'The date of the most recent sexual offence.',
        { notAfter: today },
      ),
      assessmentDate: isoDate(
        'Assessment date',
        'The day of the assessment, from which the five offence-free years are counted. Defaults to today.',
        { notAfter: today },
      ).default(today),
    },
    { error: requestBodyErrors('OSP/DC') },
  );
  const man = withRules(manBody, [
    ...(
      [
        ['contactAdultSexualSanctions', 'Contact adult sexual sanctions'],
        ['contactChildSexualSanctions', 'Contact child sexual sanctions'],
        ['nonContactSexualSanctions', 'Non-contact sexual sanctions'],
      ] as const
    ).map(([field, label]) =>
      partOf<z.output<typeof manBody>>(
        field,
        'totalSanctions',
        (b) =>
          `${label} cannot be more than total sanctions (${b.totalSanctions}), which count sanctions of every kind`,
      ),
    ),
    afterBirth('followUpStartDate', 'The start of follow-up'),
    afterBirth('lastSexualSanctionDate', 'The last sexual sanction date'),
    notBeforeTenthBirthday('lastSexualSanctionDate', 'The last sexual sanction date'),
    afterBirth('mostRecentSexualOffenceDate', 'The most recent sexual offence date'),
    {
      reads: ['mostRecentOffenceDate', 'mostRecentSexualOffenceDate'],
      field: 'mostRecentOffenceDate',
      holds: (b) => b.mostRecentOffenceDate >= b.mostRecentSexualOffenceDate,
      message: (b) =>
        `The most recent offence cannot be before the most recent sexual offence (${b.mostRecentSexualOffenceDate}), which is an offence too`,
    },
  ]).describe('A man: OSP/DC is scored.');
  return z
    .discriminatedUnion('sex', [man, womanNotApplicable('OSP/DC')], { error: bodyBySexErrors('OSP/DC') })
    .describe(
      'The inputs of OSP/DC, the OASys Sexual reoffending Predictor for direct contact offences.',
    ) satisfies z.ZodType<OspDcInput>;
}

export const ospIicRequest = z
  .discriminatedUnion(
    'sex',
    [
      z
        .strictObject(
          {
            sex: male,
            indecentImageSanctions: count(
              'Indecent image sanctions',
              'Sanctions for indecent image offences, the current one included. 2 or more is high, 1 medium, otherwise low.',
            ),
          },
          { error: requestBodyErrors('OSP/IIC') },
        )
        .describe('A man: OSP/IIC is scored.'),
      womanNotApplicable('OSP/IIC'),
    ],
    { error: bodyBySexErrors('OSP/IIC') },
  )
  .describe(
    'The inputs of OSP/IIC, the OASys Sexual reoffending Predictor for indecent images and indirect contact.',
  ) satisfies z.ZodType<OspIicInput>;

// ---------------------------------------------------------------- RM2000

export function rm2000Request(today: string) {
  requireToday(today);
  const manBody = z.strictObject(
    {
      sex: male,
      dateOfBirth: dateOfBirth(today),
      riskCommencementDate: isoDate(
        'Commencement of risk date',
        'When the risk starts: the (expected) release date, or the sentence date for a community sentence. May be in the future.',
      ),
      sexualAppearances: count(
        'Sexual appearances',
        'Court appearances at which a sexual offence was sentenced, the current one included. 0 means RM2000 does not apply.',
      ),
      criminalAppearances: count(
        'Criminal appearances',
        'Court appearances at which any criminal offence was sentenced, sexual ones and the current one included.',
      ),
      violentAppearances: count(
        'Violent appearances',
        'Court appearances at which a non-sexual violent offence was sentenced.',
      ),
      burglaryConviction: yesOrNo(
        'burglaryConviction',
        'the person has a burglary conviction',
        'Any conviction for burglary (RM2000/V).',
      ),
      sexualOffenceAgainstMale: yesOrNo(
        'sexualOffenceAgainstMale',
        'there was a sexual offence against a male',
        'Aggravating factor (RM2000/S step 2): any sexual offence against a male.',
      ),
      sexualOffenceAgainstStranger: yesOrNo(
        'sexualOffenceAgainstStranger',
        'there was a sexual offence against a stranger',
        'Aggravating factor (RM2000/S step 2): any sexual offence against a stranger.',
      ),
      nonContactSexualConviction: yesOrNo(
        'nonContactSexualConviction',
        'the person has a non-contact sexual conviction',
        'Aggravating factor (RM2000/S step 2): any conviction for a non-contact sexual offence.',
      ),
      neverLivedWithAdultPartnerForTwoYears: yesOrNo(
        'neverLivedWithAdultPartnerForTwoYears',
        'the person has never lived with an adult partner for two years',
        'Aggravating factor (RM2000/S step 2), "single": has never lived with an adult partner for two years or more.',
      ),
    },
    { error: requestBodyErrors('RM2000') },
  );
  const man = withRules(manBody, [
    afterBirth('riskCommencementDate', 'The commencement of risk'),
    {
      reads: ['sexualAppearances', 'criminalAppearances'],
      field: 'criminalAppearances',
      holds: (b) => b.criminalAppearances >= b.sexualAppearances,
      message: (b) =>
        `Criminal appearances count every appearance, sexual ones included: they cannot be fewer than sexual appearances (${b.sexualAppearances})`,
    },
    {
      reads: ['violentAppearances', 'criminalAppearances'],
      field: 'violentAppearances',
      holds: (b) => b.violentAppearances <= b.criminalAppearances,
      message: (b) =>
        `Violent appearances cannot be more than criminal appearances (${b.criminalAppearances}), which count every appearance`,
    },
  ]).describe('A man: RM2000 is scored if he is 18 or over and has a sexual conviction.');
  return z
    .discriminatedUnion('sex', [man, womanNotApplicable('Risk Matrix 2000')], {
      error: bodyBySexErrors('RM2000'),
    })
    .describe(
      'The inputs of Risk Matrix 2000 (S, V and C). Its tables are approximate.',
    ) satisfies z.ZodType<Rm2000Input>;
}

// ---------------------------------------------------------------- field problems

export interface FieldProblem {
  /** Dot-separated path to the field, for example "totalSanctions"; "" for the body itself. */
  field: string;
  message: string;
}

/** One problem per bad field: zod reports stray keys as one issue on the body, this gives each its own. */
export function riskRequestFieldProblems(error: z.ZodError, requestName: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const parentPath = issue.path.map(String).join('.');
    if (issue.code !== 'unrecognized_keys') return [{ field: parentPath, message: issue.message }];
    return issue.keys.map((key) => ({
      field: parentPath ? `${parentPath}.${key}` : key,
      message: unknownKeyMessage(requestName, key),
    }));
  });
}
