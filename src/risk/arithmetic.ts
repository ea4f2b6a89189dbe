/** The arithmetic shared by the predictors: the logistic curve and the reference's rounding. */

/** A value for each follow-up period the predictors report. */
export interface YearPair {
  oneYear: number;
  twoYear: number;
}

/** logistic(y) = e^y / (1 + e^y), written as the reference writes it so results match it bit for bit. */
export function logistic(y: number): number {
  const ey = Math.exp(y);
  // e^y overflows to Infinity past y ≈ 709, where the curve is 1 to double precision.
  return Number.isFinite(ey) ? ey / (1 + ey) : 1;
}

/** Round half up to a whole number. Math.round rounds halves towards +∞, which is "up" for the non-negative values here. */
export function roundHalfUp(value: number): number {
  return Math.round(value);
}

/** Round half up to `places` decimals, shifting by exponent so that 1.005 rounds to 1.01, not 1.00. */
export function roundHalfUpTo(value: number, places: number): number {
  return Number(`${Math.round(Number(`${value}e${places}`))}e-${places}`);
}

export const SHOWN_PERCENT = { min: 1, max: 99 } as const;

/** A probability as the whole percentage the service shows: round half up, then keep within 1..99. */
export function shownPercent(probability: number): number {
  return Math.min(SHOWN_PERCENT.max, Math.max(SHOWN_PERCENT.min, roundHalfUp(probability * 100)));
}
