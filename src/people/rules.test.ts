import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  currentEmployment,
  duplicateReasons,
  employmentKind,
  endOfPreviousEmployment,
  newEmploymentProblem,
  isCroNumber,
  isNationalInsuranceNumber,
  isPrisonNumber,
  normalisePnc,
  normalisePostcode,
  pncWithCheckCharacter,
} from './rules.js';

describe('PNC numbers', () => {
  it('accepts a number whose check character is right and normalises it', () => {
    // 12/0012345: 120012345 mod 23 = 1 → 'A'
    expect(normalisePnc('2012/0012345A')).toBe('2012/0012345A');
    expect(normalisePnc('12/12345a')).toBe('2012/0012345A');
  });

  it('refuses a wrong check character and malformed input', () => {
    expect(normalisePnc('2012/0012345B')).toBeNull();
    expect(normalisePnc('not a pnc')).toBeNull();
  });

  it('round-trips every generated number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2030 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        (year, serial) => {
          const pnc = pncWithCheckCharacter(year, serial);
          expect(normalisePnc(pnc)).toBe(pnc);
        },
      ),
    );
  });
});

describe('other identifiers', () => {
  it('checks CRO, National Insurance and prison numbers by format', () => {
    expect(isCroNumber('123456/12A')).toBe(true);
    expect(isCroNumber('SF94/123456A')).toBe(true);
    expect(isCroNumber('12345612A')).toBe(false);
    expect(isNationalInsuranceNumber('AB 12 34 56 C')).toBe(true);
    expect(isNationalInsuranceNumber('GB123456A')).toBe(false);
    expect(isNationalInsuranceNumber('AB123456E')).toBe(false);
    expect(isPrisonNumber('A1234BC')).toBe(true);
    expect(isPrisonNumber('1234ABC')).toBe(false);
  });

  it('normalises postcodes', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode('M1 1AE')).toBe('M1 1AE');
    expect(normalisePostcode('12345')).toBeNull();
  });
});

describe('age', () => {
  it('counts completed years, turning on the birthday', () => {
    expect(ageOn('2000-03-03', '2026-03-02')).toBe(25);
    expect(ageOn('2000-03-03', '2026-03-03')).toBe(26);
  });
});

describe('likely duplicates', () => {
  const base = { forename: 'Jon', surname: 'Smith', dateOfBirth: '1990-01-01', pncNumber: null };
  it('matches the same name and date of birth, ignoring case', () => {
    expect(duplicateReasons(base, { ...base, surname: 'SMITH' })).toEqual(['same name and date of birth']);
  });
  it('matches the same PNC whatever the name', () => {
    expect(
      duplicateReasons(
        { ...base, pncNumber: '2012/0012345A' },
        { ...base, forename: 'X', pncNumber: '2012/0012345A' },
      ),
    ).toEqual(['same PNC number']);
  });
  it('does not match a different date of birth', () => {
    expect(duplicateReasons(base, { ...base, dateOfBirth: '1990-01-02' })).toEqual([]);
  });
});

describe('employment', () => {
  const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

  it('takes the current status as the latest started of those without an end date', () => {
    const history = [
      { id: 'old', from_date: '2023-01-09', to_date: '2024-05-31', created_at: at('2023-01-09') },
      { id: 'now', from_date: '2024-06-01', to_date: null, created_at: at('2024-06-01') },
      { id: 'stray', from_date: '2022-03-01', to_date: null, created_at: at('2024-07-01') },
    ];
    expect(currentEmployment(history)?.id).toBe('now');
    expect(currentEmployment(history.slice(0, 1))).toBeUndefined();
  });

  it('ends the current status the day before the new one starts, or on its first day if both start together', () => {
    expect(endOfPreviousEmployment('2024-06-01', '2026-03-02')).toBe('2026-03-01');
    expect(endOfPreviousEmployment('2026-03-02', '2026-03-02')).toBe('2026-03-02');
  });

  it('refuses a new status that starts before the current one did, saying which', () => {
    const current = { from_date: '2025-09-15', description: 'Employed part-time' };
    expect(newEmploymentProblem('2025-09-14', current)).toBe(
      'The date this started must be on or after 15 September 2025, when the current status (employed part-time) started',
    );
    expect(newEmploymentProblem('2025-09-15', current)).toBeNull();
    expect(newEmploymentProblem('1990-01-01', undefined)).toBeNull();
  });

  it('says whether a status means in work, unemployed or neither', () => {
    expect(['FULL-TIME', 'PART-TIME', 'SELF-EMPLOYED'].map(employmentKind)).toEqual([
      'in-work',
      'in-work',
      'in-work',
    ]);
    expect(employmentKind('UNEMPLOYED')).toBe('unemployed');
    expect(['LONG-TERM-SICK', 'CARER', 'RETIRED'].map(employmentKind)).toEqual([
      'not-available',
      'not-available',
      'not-available',
    ]);
    expect(employmentKind('STUDENT')).toBe('in-education');
    expect(employmentKind('CUSTODY')).toBe('not-applicable');
    expect(employmentKind('NOT-A-CODE')).toBeNull();
  });
});
