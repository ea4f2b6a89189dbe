import { describe, expect, it } from 'vitest';
import { bandAbove, bandBelow, BANDS, ogpBand, ogrs3Band, ospDcBand, ovpBand } from './bands.js';
import { describeRange } from './ranges.js';

describe('OGRS3 bands, on the two-year percentage', () => {
  it.each([
    [0, 'low'],
    [1, 'low'],
    [49, 'low'],
    [50, 'medium'],
    [74, 'medium'],
    [75, 'high'],
    [89, 'high'],
    [90, 'very-high'],
    [99, 'very-high'],
  ] as const)('%s%% is %s', (percent, band) => {
    expect(ogrs3Band(percent)).toBe(band);
  });

  it('has no band outside 0–99', () => {
    expect(() => ogrs3Band(100)).toThrow(RangeError);
    expect(() => ogrs3Band(-1)).toThrow(RangeError);
  });
});

describe('OGP bands, on the two-year percentage', () => {
  it.each([
    [1, 'low'],
    [33, 'low'],
    [34, 'medium'],
    [66, 'medium'],
    [67, 'high'],
    [84, 'high'],
    [85, 'very-high'],
    [99, 'very-high'],
  ] as const)('%s%% is %s', (percent, band) => {
    expect(ogpBand(percent)).toBe(band);
  });

  it('has no band for 0 or 100, which are never shown', () => {
    expect(() => ogpBand(0)).toThrow(RangeError);
    expect(() => ogpBand(100)).toThrow(RangeError);
  });
});

describe('OVP bands, on the two-year percentage', () => {
  it.each([
    [1, 'low'],
    [29, 'low'],
    [30, 'medium'],
    [59, 'medium'],
    [60, 'high'],
    [79, 'high'],
    [80, 'very-high'],
    [99, 'very-high'],
  ] as const)('%s%% is %s', (percent, band) => {
    expect(ovpBand(percent)).toBe(band);
  });
});

describe('OSP/DC bands, on the points', () => {
  it.each([
    [0, 'low'],
    [21, 'low'],
    [22, 'medium'],
    [29, 'medium'],
    [30, 'high'],
    [35, 'high'],
    [36, 'very-high'],
    [64, 'very-high'],
  ] as const)('%s points is %s', (points, band) => {
    expect(ospDcBand(points)).toBe(band);
  });
});

describe('moving between bands', () => {
  it('drops one band, never below low', () => {
    expect(BANDS.map(bandBelow)).toEqual(['low', 'low', 'medium', 'high']);
  });

  it('rises by steps, never above very high', () => {
    expect(BANDS.map((band) => bandAbove(band, 1))).toEqual(['medium', 'high', 'very-high', 'very-high']);
    expect(BANDS.map((band) => bandAbove(band, 2))).toEqual(['high', 'very-high', 'very-high', 'very-high']);
    expect(BANDS.map((band) => bandAbove(band, 0))).toEqual([...BANDS]);
  });
});

describe('describeRange', () => {
  it('writes a range as the reference does', () => {
    expect(describeRange({ from: 18, to: 24, value: 0 })).toBe('18–24');
    expect(describeRange({ from: 50, to: null, value: 0 })).toBe('50 and over');
    expect(describeRange({ from: 3, to: 3, value: 0 })).toBe('3');
  });
});
