import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';
import {
  isCroNumber,
  isNationalInsuranceNumber,
  isPrisonNumber,
  normalisePnc,
  normalisePostcode,
} from './rules.js';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const name = (label: string, max = 50) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label.toLowerCase()}`)
    .max(max, `${label} must be ${max} characters or fewer`)
    .regex(/^[\p{L}][\p{L}' .-]*$/u, `${label} must only include letters, hyphens, apostrophes and spaces`);

const optionalCode = (codes: readonly string[], message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || codes.includes(v), message)
    .transform((v) => (v === '' ? null : v));

export interface ReferenceCodes {
  ethnicity: string[];
  religion: string[];
  sexualOrientation: string[];
  language: string[];
  genderIdentity: string[];
  contactPreference: string[];
  disability: string[];
  contactRelationship: string[];
  employmentStatus: string[];
}

/** Name, date of birth, sex and gender identity. */
export function detailsSection(today: string, codes: ReferenceCodes) {
  return z.object({
    forename: name('First name'),
    middleNames: optionalText(100, 'Middle names'),
    surname: name('Last name'),
    preferredName: optionalText(50, 'Preferred name'),
    dateOfBirth: dateField({ label: 'Date of birth', mustBeInPast: { today } }).refine(
      (iso) => iso === null || Number(today.slice(0, 4)) - Number(iso.slice(0, 4)) >= 10,
      'Date of birth must be at least 10 years ago: the age of criminal responsibility is 10',
    ),
    sex: z.enum(['M', 'F'], { message: 'Select the sex registered at birth' }),
    genderIdentity: optionalCode(codes.genderIdentity, 'Select a gender identity from the list'),
  });
}

const identifier = (
  check: (v: string) => boolean,
  message: string,
  normalise: (v: string) => string = (v) => v,
) =>
  z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v === '' ? null : normalise(v)));

export const identifiersSection = z.object({
  pncNumber: identifier(
    (v) => normalisePnc(v) !== null,
    'Enter a PNC number in the correct format, like 2012/0012345A, with the right check letter',
    (v) => normalisePnc(v)!,
  ),
  croNumber: identifier(isCroNumber, 'Enter a CRO number in the correct format, like 123456/12A'),
  prisonNumber: identifier(isPrisonNumber, 'Enter a prison number in the correct format, like A1234BC'),
  niNumber: identifier(
    isNationalInsuranceNumber,
    'Enter a National Insurance number in the correct format, like AB 12 34 56 C',
    (v) => v.replace(/\s+/g, ''),
  ),
});

const phone = (label: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^\+?[0-9 ()-]{10,20}$/.test(v),
      `Enter a ${label.toLowerCase()} number, like 01632 960 001 or 07700 900 982`,
    )
    .transform((v) => (v === '' ? null : v));

export function contactSection(codes: ReferenceCodes) {
  return z.object({
    telephone: phone('Telephone'),
    mobile: phone('Mobile'),
    email: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || z.email().safeParse(v).success,
        'Enter an email address in the correct format, like name@example.com',
      )
      .transform((v) => (v === '' ? null : v)),
    contactPreferences: optionalCode(codes.contactPreference, 'Select a contact preference from the list'),
  });
}

export function equalitySection(codes: ReferenceCodes) {
  return z.object({
    ethnicity: optionalCode(codes.ethnicity, 'Select an ethnic group from the list'),
    religion: optionalCode(codes.religion, 'Select a religion or belief from the list'),
    sexualOrientation: optionalCode(codes.sexualOrientation, 'Select a sexual orientation from the list'),
    firstLanguage: optionalCode(codes.language, 'Select a first language from the list'),
    interpreterRequired: z.enum(['yes', 'no'], { message: 'Select yes if an interpreter is needed' }),
  });
}

export function addressForm(today: string) {
  return z.object({
    status: z.enum(['main', 'other'], { message: 'Select whether this is the main address' }),
    building: optionalText(100, 'Building and street line 1'),
    street: z.string().trim().min(1, 'Enter the street').max(100, 'Street must be 100 characters or fewer'),
    district: optionalText(100, 'District'),
    town: z
      .string()
      .trim()
      .min(1, 'Enter the town or city')
      .max(60, 'Town or city must be 60 characters or fewer'),
    county: optionalText(60, 'County'),
    postcode: z
      .string()
      .trim()
      .refine((v) => normalisePostcode(v) !== null, 'Enter a real postcode, like SW1A 1AA')
      .transform((v) => normalisePostcode(v)!),
    fromDate: dateField({ label: 'Date they started living here', notInFuture: { today } }),
  });
}

/** The day someone stopped living at an address: on or after they started there, and not in the future. */
export function endAddressForm(today: string, fromDate: string) {
  return z.object({
    toDate: dateField({ label: 'Date they stopped living here', notInFuture: { today } }).refine(
      (iso) => iso === null || iso >= fromDate,
      'Date they stopped living here must be on or after the date they started living there',
    ),
  });
}

export function personalContactForm(codes: ReferenceCodes) {
  return z.object({
    relationship: z.string().refine((v) => codes.contactRelationship.includes(v), 'Select the relationship'),
    name: z.string().trim().min(1, 'Enter the name').max(100, 'Name must be 100 characters or fewer'),
    telephone: phone('Telephone'),
    email: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || z.email().safeParse(v).success,
        'Enter an email address in the correct format, like name@example.com',
      )
      .transform((v) => (v === '' ? null : v)),
    address: optionalText(300, 'Address'),
    notes: optionalText(1000, 'Notes'),
  });
}

export function aliasForm(today: string) {
  return z.object({
    forename: name('First name'),
    surname: name('Last name'),
    dateOfBirth: dateField({
      label: 'Date of birth used with this name',
      required: false,
      mustBeInPast: { today },
    }),
  });
}

export function disabilityForm(codes: ReferenceCodes) {
  return z.object({
    disability: z.string().refine((v) => codes.disability.includes(v), 'Select the disability'),
    reasonableAdjustments: optionalText(1000, 'Reasonable adjustments'),
  });
}

/** Why an alias, personal contact or disability is being removed: the record keeps the reason. */
export function removeDetailForm(noun: string) {
  return z.object({
    reason: z
      .string()
      .trim()
      .min(1, `Enter why you are removing this ${noun}`)
      .max(500, 'Reason must be 500 characters or fewer'),
  });
}

/** A new employment status: what it is, where, since when. It ends the current one the day before. */
export function employmentForm(today: string, codes: ReferenceCodes) {
  return z.object({
    status: z.string().refine((v) => codes.employmentStatus.includes(v), 'Select the employment status'),
    employer: optionalText(100, 'Employer or place of study'),
    fromDate: dateField({ label: 'Date this started', notInFuture: { today } }),
    notes: optionalText(1000, 'Notes'),
  });
}

export const searchQuery = z.object({
  q: z.string().trim().max(100, 'Search terms must be 100 characters or fewer').default(''),
  sort: z.enum(['name', 'crn', 'dateOfBirth', 'officer']).default('name'),
  order: z.enum(['ascending', 'descending']).default('ascending'),
});

export type DetailsSection = z.output<ReturnType<typeof detailsSection>>;
export type IdentifiersSection = z.output<typeof identifiersSection>;
export type ContactSection = z.output<ReturnType<typeof contactSection>>;
export type EqualitySection = z.output<ReturnType<typeof equalitySection>>;
export type AddressForm = z.output<ReturnType<typeof addressForm>>;
export type EmploymentForm = z.output<ReturnType<typeof employmentForm>>;
