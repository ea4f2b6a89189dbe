/**
 * The forms of the specialist tools. An assessment is saved as it goes, so nothing here requires an
 * answer: completion does (sara.ts, rm2000-record.ts). What is refused is what could never be right:
 * a code or rating that is not one of the choices, a contradiction, text too long to keep, a date
 * that does not exist, a correction without its reason.
 */
import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';
import type { DateParts } from '../platform/http/forms.js';
import {
  RM2000_AGGRAVATING_FIELDS,
  RM2000_RECORD_FIELDS,
  type Rm2000Corrections,
  type Rm2000RecordField,
  type Rm2000Typed,
} from './rm2000-record.js';
import { whenFieldsValid } from './schema-fields.js';
import { itemContradictions, itemField, SARA_RATINGS } from './sara.js';
import type { SaraCode, SaraItem, SaraItemAnswer, SaraRatings } from './sara.js';

/** Long enough for any evidence an assessor writes; a limit keeps a pasted document out. */
export const TEXT_LIMIT = 10_000;

function longText(label: string) {
  return z
    .string()
    .max(TEXT_LIMIT, `${label} must be ${TEXT_LIMIT.toLocaleString('en-GB')} characters or fewer`)
    .transform((value) => (value.trim() === '' ? null : value));
}

// ---------------------------------------------------------------- SARA

/** The form of one group of items: for each, the code, the critical mark and the evidence. */
export function saraItemsForm(items: readonly SaraItem[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const { number } of items) {
    shape[itemField.code(number)] = z.enum(['', '0', '1', '2'], {
      error: `Select whether item ${number} is absent, partly or possibly present, or present`,
    });
    shape[itemField.critical(number)] = z.enum(['', 'yes'], {
      error: `Item ${number} is either critical or not`,
    });
    shape[itemField.evidence(number)] = longText(`The evidence for item ${number}`);
  }
  const answerOf = (values: Record<string, unknown>, number: number): SaraItemAnswer => {
    const code = values[itemField.code(number)] as string;
    return {
      code: code === '' ? null : (Number(code) as SaraCode),
      critical: values[itemField.critical(number)] === 'yes',
      evidence: (values[itemField.evidence(number)] as string | null | undefined) ?? null,
    };
  };
  // Each item's contradiction is checked once its own code and mark are valid, whatever is wrong elsewhere.
  const checked = items.reduce(
    (schema, { number }) =>
      schema.refine((values) => itemContradictions({ [number]: answerOf(values, number) }).length === 0, {
        path: [itemField.critical(number)],
        error: () =>
          itemContradictions({ [number]: { code: 0, critical: true, evidence: null } })[0]!.message,
        when: whenFieldsValid(itemField.code(number), itemField.critical(number)),
      }),
    z.object(shape),
  );
  return checked.transform((values) =>
    Object.fromEntries(
      items.map(({ number }): [number, SaraItemAnswer] => [number, answerOf(values, number)]),
    ),
  );
}

const rating = (who: string) =>
  z
    .enum(['', ...SARA_RATINGS], { error: `Select the risk to ${who}: low, medium or high` })
    .transform((value) => (value === '' ? null : value));

/** The summary ratings: the assessor's judgement and their reasons, never worked out here. */
export const saraRatingsForm = z
  .object({
    riskToPartner: rating('partner'),
    riskToPartnerReasons: longText('Your reasons for the risk to partner rating'),
    riskToOthers: rating('others'),
    riskToOthersReasons: longText('Your reasons for the risk to others rating'),
  })
  .transform((v): SaraRatings => v);

// ---------------------------------------------------------------- Risk Matrix 2000

/** In words, for the correction messages. */
export const CORRECTION_NAMES: Readonly<Record<Rm2000RecordField, string>> = {
  dateOfBirth: 'date of birth',
  sexualAppearances: 'number of sexual appearances',
  criminalAppearances: 'number of criminal appearances',
  violentAppearances: 'number of violent appearances',
  burglaryConviction: 'burglary conviction',
};

export const RM2000_DATE_FIELDS = ['riskCommencementDate', 'dateOfBirthCorrection'] as const;
export const RM2000_TEXT_FIELDS = [
  ...RM2000_AGGRAVATING_FIELDS,
  ...RM2000_RECORD_FIELDS.filter((f) => f !== 'dateOfBirth').map((f) => `${f}Correction`),
  ...RM2000_RECORD_FIELDS.map((f) => `${f}CorrectionReason`),
] as const;

export type Rm2000FormValues = Record<string, string | DateParts>;

const yesNo = (message: string) =>
  z.enum(['', 'yes', 'no'], { error: message }).transform((v) => (v === '' ? null : v === 'yes'));

const appearances = (field: Rm2000RecordField) =>
  z
    .string()
    .refine(
      (v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 200),
      `The corrected ${CORRECTION_NAMES[field]} must be a whole number from 0 to 200, like 2`,
    )
    .transform((v) => (v === '' ? null : Number(v)));

/**
 * The RM2000 page: what the assessor types and their corrections of the record. A correction needs
 * its reason and a reason needs its correction, so that nothing typed is silently dropped.
 */
export function rm2000Form(today: string) {
  const shape = {
    riskCommencementDate: dateField({ label: 'The commencement of risk date', required: false }),
    sexualOffenceAgainstMale: yesNo('Select yes or no for a sexual offence against a male'),
    sexualOffenceAgainstStranger: yesNo('Select yes or no for a sexual offence against a stranger'),
    nonContactSexualConviction: yesNo('Select yes or no for a non-contact sexual conviction'),
    neverLivedWithAdultPartnerForTwoYears: yesNo(
      'Select yes or no for never having lived with an adult partner',
    ),
    dateOfBirthCorrection: dateField({
      label: 'The corrected date of birth',
      required: false,
      notInFuture: { today },
    }),
    sexualAppearancesCorrection: appearances('sexualAppearances'),
    criminalAppearancesCorrection: appearances('criminalAppearances'),
    violentAppearancesCorrection: appearances('violentAppearances'),
    burglaryConvictionCorrection: yesNo('Select yes or no for the corrected burglary conviction'),
    ...Object.fromEntries(
      RM2000_RECORD_FIELDS.map((f) => [
        `${f}CorrectionReason`,
        longText(`The reason for correcting the ${CORRECTION_NAMES[f]}`),
      ]),
    ),
  };
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      const values = v as Record<string, unknown>;
      for (const field of RM2000_RECORD_FIELDS) {
        const value = values[`${field}Correction`];
        const reason = values[`${field}CorrectionReason`];
        if (value !== null && value !== undefined && reason === null)
          ctx.addIssue({
            code: 'custom',
            path: [`${field}CorrectionReason`],
            message: `Give the reason for correcting the ${CORRECTION_NAMES[field]}`,
          });
        if ((value === null || value === undefined) && reason !== null)
          ctx.addIssue({
            code: 'custom',
            path: [`${field}Correction`],
            message: `Enter the corrected ${CORRECTION_NAMES[field]}, or clear the reason`,
          });
      }
    })
    .transform((v) => {
      const values = v as Record<string, unknown>;
      const typed: Rm2000Typed = {
        riskCommencementDate: v.riskCommencementDate,
        sexualOffenceAgainstMale: v.sexualOffenceAgainstMale,
        sexualOffenceAgainstStranger: v.sexualOffenceAgainstStranger,
        nonContactSexualConviction: v.nonContactSexualConviction,
        neverLivedWithAdultPartnerForTwoYears: v.neverLivedWithAdultPartnerForTwoYears,
      };
      const corrections: Record<string, { value: unknown; reason: string }> = {};
      for (const field of RM2000_RECORD_FIELDS) {
        const value = values[`${field}Correction`];
        const reason = values[`${field}CorrectionReason`] as string | null;
        if (value !== null && value !== undefined && reason !== null) corrections[field] = { value, reason };
      }
      return { typed, corrections: corrections as Rm2000Corrections };
    });
}

/** The corrections as stored (jsonb), read back strictly: anything else is a fault to see, not to guess round. */
const correction = <T extends z.ZodType>(value: T) => z.object({ value, reason: z.string() }).optional();
export const storedCorrections = z.object({
  dateOfBirth: correction(z.iso.date()),
  sexualAppearances: correction(z.number().int().min(0)),
  criminalAppearances: correction(z.number().int().min(0)),
  violentAppearances: correction(z.number().int().min(0)),
  burglaryConviction: correction(z.boolean()),
}) satisfies z.ZodType<Rm2000Corrections>;
