import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  duplicateReasons,
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
