import { describe, expect, it } from 'vitest';
import { evidenceWindowClosesOn, evidenceWindowHasClosed } from './evidence-window.js';
import { contact } from './fixtures.js';

describe('the evidence window after a failure to attend', () => {
  // Friday 1 May 2026; Monday 4 May is the early May bank holiday.
  const missed = contact({ date: '2026-05-01', outcome: 'AFTA' });

  it('lasts 5 working days after the missed appointment by default', () => {
    expect(evidenceWindowClosesOn('2026-05-01')).toBe('2026-05-11');
  });

  it('follows local policy when it sets another length', () => {
    expect(evidenceWindowClosesOn('2026-05-01', { evidenceWindowWorkingDays: 7 })).toBe('2026-05-13');
  });

  it('is still open on its last day and closed the day after', () => {
    expect(evidenceWindowHasClosed(missed, '2026-05-11')).toBe(false);
    expect(evidenceWindowHasClosed(missed, '2026-05-12')).toBe(true);
  });

  it('only concerns outcomes awaiting evidence', () => {
    const explained = contact({ date: '2026-05-01', outcome: 'AAME' });
    expect(evidenceWindowHasClosed(explained, '2026-06-01')).toBe(false);
  });
});
