import { describe, expect, it } from 'vitest';
import { decimal, sumInWords, term, yesOrNo } from './explanation.js';

describe('explanation text helpers', () => {
  it('writes decimals without trailing zeros, to at most the places asked', () => {
    expect(decimal(48.6)).toBe('48.6');
    expect(decimal(5 / 3)).toBe('1.666667');
    expect(decimal(0.1234567891, 9)).toBe('0.123456789');
    expect(decimal(2)).toBe('2');
  });

  it('brackets negative terms so a sum cannot be misread', () => {
    expect(term(-0.625103618)).toBe('(-0.625103618)');
    expect(term(3)).toBe('3');
    expect(sumInWords([-1.5, 0, '2'])).toBe('(-1.5) + 0 + 2');
  });

  it('writes answers as yes or no', () => {
    expect(yesOrNo(true)).toBe('yes');
    expect(yesOrNo(false)).toBe('no');
  });
});
