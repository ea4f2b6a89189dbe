/** Risk bands and their edges, exactly as the reference gives them. */
import type { ExplanationStep } from './explanation.js';
import { describeRange, findRange } from './ranges.js';
import type { Range } from './ranges.js';

export const BANDS = ['low', 'medium', 'high', 'very-high'] as const;

export type Band = (typeof BANDS)[number];

export type BandTable = readonly Range<Band>[];

export const BAND_NAMES: Readonly<Record<Band, string>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  'very-high': 'very high',
};

/** OGRS3, on the rounded two-year percentage. */
export const OGRS3_BANDS: BandTable = [
  { from: 0, to: 49, value: 'low' },
  { from: 50, to: 74, value: 'medium' },
  { from: 75, to: 89, value: 'high' },
  { from: 90, to: 99, value: 'very-high' },
];

/** OGP, on the rounded two-year percentage. */
export const OGP_BANDS: BandTable = [
  { from: 1, to: 33, value: 'low' },
  { from: 34, to: 66, value: 'medium' },
  { from: 67, to: 84, value: 'high' },
  { from: 85, to: 99, value: 'very-high' },
];

/** OVP, on the rounded two-year percentage. */
export const OVP_BANDS: BandTable = [
  { from: 1, to: 29, value: 'low' },
  { from: 30, to: 59, value: 'medium' },
  { from: 60, to: 79, value: 'high' },
  { from: 80, to: 99, value: 'very-high' },
];

/** OSP/DC, on the points. */
export const OSP_DC_BANDS: BandTable = [
  { from: 0, to: 21, value: 'low' },
  { from: 22, to: 29, value: 'medium' },
  { from: 30, to: 35, value: 'high' },
  { from: 36, to: null, value: 'very-high' },
];

export function ogrs3Band(twoYearPercent: number): Band {
  return findRange(OGRS3_BANDS, twoYearPercent, 'OGRS3 band').value;
}

export function ogpBand(twoYearPercent: number): Band {
  return findRange(OGP_BANDS, twoYearPercent, 'OGP band').value;
}

export function ovpBand(twoYearPercent: number): Band {
  return findRange(OVP_BANDS, twoYearPercent, 'OVP band').value;
}

export function ospDcBand(points: number): Band {
  return findRange(OSP_DC_BANDS, points, 'OSP/DC band').value;
}

/** One band lower, never below low. */
export function bandBelow(band: Band): Band {
  return BANDS[Math.max(0, BANDS.indexOf(band) - 1)] ?? 'low';
}

/** One band higher `steps` times, never above very high. */
export function bandAbove(band: Band, steps: number): Band {
  return BANDS[Math.min(BANDS.length - 1, BANDS.indexOf(band) + steps)] ?? 'very-high';
}

/** The band a score falls in, with the line that shows the table row used. */
export function bandWithStep(
  table: BandTable,
  score: number,
  describeScore: string,
  tableName: string,
): { band: Band; step: ExplanationStep } {
  const row = findRange(table, score, tableName);
  return {
    band: row.value,
    step: {
      label: 'Band',
      value: row.value,
      detail: `${describeScore} is in ${describeRange(row)}: ${BAND_NAMES[row.value]}`,
    },
  };
}
