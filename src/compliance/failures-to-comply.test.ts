import { describe, expect, it } from 'vitest';
import { countFailuresToComply, isFailureToComply } from './failures-to-comply.js';
import { contact } from './fixtures.js';

// Monday 11 May 2026.
const today = '2026-05-11';

describe('counting failures to comply, worked examples', () => {
  it('counts three failures on two distinct dates as 2', () => {
    const contacts = [
      contact({ id: 'a', date: '2026-03-03', outcome: 'UAAB' }),
      contact({ id: 'b', date: '2026-03-03', type: 'unpaidWork', outcome: 'UAAB' }),
      contact({ id: 'c', date: '2026-04-14', outcome: 'AFTC' }),
    ];
    expect(countFailuresToComply({ contacts, today })).toEqual({
      count: 2,
      dates: ['2026-03-03', '2026-04-14'],
      windowStart: '2025-05-12',
      windowStartsBecause: 'twelve-months',
      contactIds: ['a', 'b', 'c'],
      reason:
        '2 failures to comply since 12 May 2025 (the last 12 months): 3 March 2026 and 14 April 2026 ' +
        '(3 failures on 2 days, and a day counts once).',
      source: expect.stringContaining('Sentencing Code Sch 10 para 6'),
    });
  });

  it('stops counting a failure on the date 12 months on: exactly 12 months ago no longer counts', () => {
    const contacts = [
      contact({ date: '2025-05-10', outcome: 'UAAB' }), // 12 months and 1 day ago
      contact({ date: '2025-05-11', outcome: 'UAAB' }), // exactly 12 months ago
      contact({ date: '2025-05-12', outcome: 'UAAB' }), // 12 months less a day ago
    ];
    const answer = countFailuresToComply({ contacts, today });
    expect(answer.count).toBe(1);
    expect(answer.dates).toEqual(['2025-05-12']);
  });

  it('does not count a failure before the last breach ended, nor on the day it ended', () => {
    const contacts = [
      contact({ date: '2025-09-15', outcome: 'UAAB' }),
      contact({ date: '2025-10-01', outcome: 'ATFI' }),
      contact({ date: '2025-10-02', outcome: 'ATSH' }),
    ];
    const answer = countFailuresToComply({ contacts, today, breachPeriodEndedOn: '2025-10-01' });
    expect(answer.count).toBe(1);
    expect(answer.dates).toEqual(['2025-10-02']);
    expect(answer.windowStart).toBe('2025-10-02');
    expect(answer.windowStartsBecause).toBe('breach-ended');
    expect(answer.reason).toBe(
      '1 failure to comply since 2 October 2025 (the day after the last breach ended): 2 October 2025.',
    );
  });

  it('uses 12 months when the last breach ended before that', () => {
    const contacts = [contact({ date: '2025-06-01', outcome: 'UAAB' })];
    const answer = countFailuresToComply({ contacts, today, breachPeriodEndedOn: '2025-01-20' });
    expect(answer.count).toBe(1);
    expect(answer.windowStartsBecause).toBe('twelve-months');
  });

  it('does not count contact types outside national standards, nor types that cannot be enforced', () => {
    const contacts = [
      contact({ date: '2026-04-01', type: 'prisonInterview', outcome: 'UAAB' }),
      contact({ date: '2026-04-02', type: 'phoneCall', outcome: 'UAAB' }),
      contact({ date: '2026-04-03', type: 'homeVisit', outcome: 'UAAB' }),
      contact({ date: '2026-04-06', type: 'prisonInterview', outcome: 'ABNS' }),
    ];
    expect(countFailuresToComply({ contacts, today }).count).toBe(0);
  });

  it('does not count rescheduled appointments, acceptable absences or unenforceable outcomes', () => {
    const contacts = ['RSOF', 'RSSR', 'AAME', 'CO05', 'AFDA', 'ATTC', 'UBHV', 'ABNS'].map((outcome, i) =>
      contact({ date: `2026-04-${String(i + 10)}`, outcome: outcome as 'RSOF' }),
    );
    const answer = countFailuresToComply({ contacts, today });
    expect(answer.count).toBe(0);
    expect(answer.reason).toBe('No failures to comply since 12 May 2025 (the last 12 months).');
  });

  it('does not count an appointment without an outcome', () => {
    expect(countFailuresToComply({ contacts: [contact({ date: '2026-05-05' })], today }).count).toBe(0);
  });

  it('ignores contacts dated after today', () => {
    expect(
      countFailuresToComply({ contacts: [contact({ date: '2026-05-12', outcome: 'UAAB' })], today }).count,
    ).toBe(0);
  });
});

describe('a failure to attend awaiting evidence', () => {
  // Friday 1 May 2026; with the bank holiday on 4 May the window closes on Monday 11 May.
  const missed = contact({ date: '2026-05-01', outcome: 'AFTA' });

  it('is not a failure while the person may still give evidence', () => {
    expect(isFailureToComply(missed, '2026-05-11')).toBe(false);
    expect(countFailuresToComply({ contacts: [missed], today: '2026-05-11' }).count).toBe(0);
  });

  it('becomes a failure, on the date of the missed appointment, once the window closes', () => {
    const answer = countFailuresToComply({ contacts: [missed], today: '2026-05-12' });
    expect(answer.dates).toEqual(['2026-05-01']);
    expect(answer.reason).toBe(
      '1 failure to comply since 13 May 2025 (the last 12 months): 1 May 2026 ' +
        '(1 failure to attend with no evidence given within 5 working days).',
    );
  });

  it('follows the local evidence window', () => {
    const policy = { evidenceWindowWorkingDays: 7 };
    expect(countFailuresToComply({ contacts: [missed], today: '2026-05-12', policy }).count).toBe(0);
    expect(countFailuresToComply({ contacts: [missed], today: '2026-05-14', policy }).count).toBe(1);
  });
});
