/** Rules about a person's identity and record: pure, no I/O. */

import { addDays, longDate } from '../platform/calendar/index.js';

export const CRN_PATTERN = /^[A-Z][0-9]{6}$/;

/** The PNC check character: the two-digit year and seven-digit serial, taken as one number, modulo 23. */
const PNC_CHECK_CHARACTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/**
 * Normalises a PNC number to 'YYYY/NNNNNNNC' (long year, seven-digit serial, check character)
 * or answers null when it is not one. Accepts two-digit years and short serials as officers type them.
 */
export function normalisePnc(input: string): string | null {
  const match = /^(\d{2}|\d{4})\/?(\d{1,7})([A-Z])$/.exec(input.trim().toUpperCase());
  if (!match) return null;
  const [, yearText = '', serialText = '', check] = match;
  const year = yearText.length === 2 ? (Number(yearText) > 40 ? `19${yearText}` : `20${yearText}`) : yearText;
  const serial = serialText.padStart(7, '0');
  const expected = PNC_CHECK_CHARACTERS[Number(`${year.slice(2)}${serial}`) % 23];
  return expected === check ? `${year}/${serial}${check}` : null;
}

export function pncWithCheckCharacter(year: number, serial: number): string {
  const serialText = String(serial).padStart(7, '0');
  const check = PNC_CHECK_CHARACTERS[Number(`${String(year).slice(2)}${serialText}`) % 23];
  return `${year}/${serialText}${check}`;
}

/** CRO numbers: 'NNNNNN/YYC', or the 'SF' fingerprint form 'SFYY/NNNNNNC'. */
export function isCroNumber(input: string): boolean {
  const value = input.trim().toUpperCase();
  return /^\d{1,6}\/\d{2}[A-Z]$/.test(value) || /^SF\d{2}\/\d{1,6}[A-Z]$/.test(value);
}

/** National Insurance numbers per HMRC's published rules for prefixes and suffixes. */
export function isNationalInsuranceNumber(input: string): boolean {
  const value = input.replace(/\s+/g, '').toUpperCase();
  return /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(value);
}

/** Prison numbers (NOMIS): a letter, four digits and two letters, for example A1234BC. */
export function isPrisonNumber(input: string): boolean {
  return /^[A-Z]\d{4}[A-Z]{2}$/.test(input.trim().toUpperCase());
}

/** UK postcodes, loosely: the shape, not the Royal Mail list. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export interface IdentityToCompare {
  forename: string;
  surname: string;
  dateOfBirth: string;
  pncNumber: string | null;
}

/** Why an existing record may be the same person: the same PNC, or the same names and date of birth. */
export function duplicateReasons(candidate: IdentityToCompare, existing: IdentityToCompare): string[] {
  const reasons: string[] = [];
  if (candidate.pncNumber && existing.pncNumber && candidate.pncNumber === existing.pncNumber) {
    reasons.push('same PNC number');
  }
  const sameName =
    candidate.surname.trim().toLowerCase() === existing.surname.trim().toLowerCase() &&
    candidate.forename.trim().toLowerCase() === existing.forename.trim().toLowerCase();
  if (sameName && candidate.dateOfBirth === existing.dateOfBirth) reasons.push('same name and date of birth');
  return reasons;
}

export function fullName(person: {
  forename: string;
  middle_names?: string | null;
  surname: string;
}): string {
  return [person.forename, person.middle_names, person.surname].filter(Boolean).join(' ');
}

export function formatCrn(sequence: number, letter = 'X'): string {
  return `${letter}${String(sequence).padStart(6, '0')}`;
}

// ---------------------------------------------------------------- employment

/**
 * What an employment status says about work, for whoever reads it: the assessment answers its
 * "unemployed" item from it only where the status settles the question.
 */
export type EmploymentKind = 'in-work' | 'unemployed' | 'not-available' | 'in-education' | 'not-applicable';

const EMPLOYMENT_KINDS: Readonly<Record<string, EmploymentKind>> = {
  'FULL-TIME': 'in-work',
  'PART-TIME': 'in-work',
  'SELF-EMPLOYED': 'in-work',
  UNEMPLOYED: 'unemployed',
  'LONG-TERM-SICK': 'not-available',
  CARER: 'not-available',
  RETIRED: 'not-available',
  STUDENT: 'in-education',
  CUSTODY: 'not-applicable',
};

/** The kind of an employment status code of the reference list; null for a code it does not know. */
export function employmentKind(code: string): EmploymentKind | null {
  return EMPLOYMENT_KINDS[code] ?? null;
}

export interface EmploymentPeriod {
  from_date: string;
  to_date: string | null;
  created_at: Date;
}

/** The current employment status: of those without an end date, the one that started last (recorded last on a tie). */
export function currentEmployment<E extends EmploymentPeriod>(history: readonly E[]): E | undefined {
  return history
    .filter((e) => e.to_date === null)
    .sort(
      (a, b) => b.from_date.localeCompare(a.from_date) || b.created_at.getTime() - a.created_at.getTime(),
    )[0];
}

/**
 * A new status starts on or after the day the current one started: the history is one status after
 * another. Answers the problem in words, or null.
 */
export function newEmploymentProblem(
  fromDate: string,
  current: { from_date: string; description: string } | undefined,
): string | null {
  if (!current || fromDate >= current.from_date) return null;
  return `The date this started must be on or after ${longDate(current.from_date)}, when the current status (${current.description.charAt(0).toLowerCase()}${current.description.slice(1)}) started`;
}

/** The day the current status ends when a new one starts: the day before, or its own first day if both start the same day. */
export function endOfPreviousEmployment(previousFrom: string, newFrom: string): string {
  const dayBefore = addDays(newFrom, -1);
  return dayBefore < previousFrom ? previousFrom : dayBefore;
}
