import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, periodEndDate } from '../platform/calendar/index.js';
import { complianceWindow, isInWindow } from './compliance-window.js';

describe('the compliance window', () => {
  it('is the last 12 months, starting the day after the date 12 months ago', () => {
    expect(complianceWindow({ today: '2026-05-11' })).toEqual({
      start: '2025-05-12',
      end: '2026-05-11',
      startsBecause: 'twelve-months',
      description: 'since 12 May 2025 (the last 12 months)',
    });
  });

  it('starts the day after the last breach ended, when that is later', () => {
    expect(complianceWindow({ today: '2026-05-11', breachPeriodEndedOn: '2025-10-01' })).toEqual({
      start: '2025-10-02',
      end: '2026-05-11',
      startsBecause: 'breach-ended',
      description: 'since 2 October 2025 (the day after the last breach ended)',
    });
  });

  it('ignores a breach that ended more than 12 months ago', () => {
    expect(complianceWindow({ today: '2026-05-11', breachPeriodEndedOn: '2025-03-01' }).startsBecause).toBe(
      'twelve-months',
    );
    expect(complianceWindow({ today: '2026-05-11', breachPeriodEndedOn: null }).start).toBe('2025-05-12');
  });

  it.each([
    ['2025-02-28', '2024-02-29'],
    ['2025-03-01', '2024-03-02'],
    ['2024-02-29', '2023-03-01'],
    ['2024-02-28', '2023-03-01'],
  ])('around 29 February: on %s it starts on %s', (today, start) => {
    expect(complianceWindow({ today }).start).toBe(start);
  });

  it('starts on the earliest date whose 12 months still include today', () => {
    const day = fc
      .integer({ min: 0, max: 20 * 366 })
      .map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (today) => {
        const { start } = complianceWindow({ today });
        expect(periodEndDate(start, { months: 12 }) >= today).toBe(true);
        expect(periodEndDate(addDays(start, -1), { months: 12 }) < today).toBe(true);
      }),
    );
  });

  it('includes its first and last days only', () => {
    const window = complianceWindow({ today: '2026-05-11' });
    expect(isInWindow('2025-05-11', window)).toBe(false);
    expect(isInWindow('2025-05-12', window)).toBe(true);
    expect(isInWindow('2026-05-11', window)).toBe(true);
    expect(isInWindow('2026-05-12', window)).toBe(false);
  });
});
