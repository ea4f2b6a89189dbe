/** Rules about a person's identity and record: pure, no I/O. */

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
