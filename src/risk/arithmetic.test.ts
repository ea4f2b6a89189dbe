import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logistic, roundHalfUp, roundHalfUpTo, shownPercent } from './arithmetic.js';

describe('logistic', () => {
  it('is e^y / (1 + e^y)', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(Math.log(3))).toBeCloseTo(0.75, 15);
    expect(logistic(-Math.log(3))).toBeCloseTo(0.25, 15);
  });

  it('stays a probability where e^y overflows', () => {
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBe(0);
  });

  it('never falls as y grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (y, d) => {
          expect(logistic(y + d)).toBeGreaterThanOrEqual(logistic(y));
        },
      ),
    );
  });
});

describe('rounding half up', () => {
  it.each([
    [2.5, 3],
    [2.4999, 2],
    [48.6, 49],
    [7.5, 8],
    [0.5, 1],
    [0, 0],
  ])('rounds %s to %s', (value, rounded) => {
    expect(roundHalfUp(value)).toBe(rounded);
  });

  it('rounds to decimals without binary surprises', () => {
    expect(roundHalfUpTo(1.005, 2)).toBe(1.01);
    expect(roundHalfUpTo(16.981786851920575, 2)).toBe(16.98);
    expect(roundHalfUpTo(29.571742298421643, 2)).toBe(29.57);
    expect(roundHalfUpTo(0.125, 2)).toBe(0.13);
  });
});

describe('shownPercent', () => {
  it.each([
    [0.125, 13],
    [0.124999, 12],
    [0.005, 1],
    [0.0049, 1],
    [0, 1],
    [0.994999, 99],
    [0.995, 99],
    [1, 99],
    [0.5, 50],
  ])('shows probability %s as %s%%', (probability, percent) => {
    expect(shownPercent(probability)).toBe(percent);
  });

  it('is always a whole number from 1 to 99', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (probability) => {
        const percent = shownPercent(probability);
        expect(Number.isInteger(percent)).toBe(true);
        expect(percent).toBeGreaterThanOrEqual(1);
        expect(percent).toBeLessThanOrEqual(99);
      }),
    );
  });
});
